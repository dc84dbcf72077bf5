/**
 * One project, from config to formatted files in memory: inputs → analyze → check → plan →
 * render → header and format (the `format` the caller gives). Nothing here writes to disk, so a failure anywhere loses nothing.
 */
import { posix } from 'node:path';
import type { AnalyzeResult } from '../analyzer/index.js';
import type { ProjectConfig } from '../config/types.js';
import { diagnostic } from '../diagnostics/create.js';
import { DiagnosticError, type Diagnostic } from '../diagnostics/types.js';
import type { GeneratorDefinition, PlannedFile, PlannedOutput, PlanPaths } from '../generators/kit/contract.js';
import { createPlanContext, plannedOutputs, requestsFor } from '../generators/kit/plan-outputs.js';
import { createPlanMemo, type PlanMemo } from '../generators/kit/plan-memo.js';
import { stringifiedJsonOf, stringifiedJsonPiecesOf } from '../generators/kit/stringified-json-data.js';
import type { Model } from '../model/types.js';
import type { Renderer } from '../render/index.js';
import { orderGenerators, withUsedSelections, type ActiveGenerator } from './generator-order.js';
import { indexFile, indexLeftOut } from './index-file.js';
import { selectOutputs } from './select-outputs.js';
import type { ProgressListener, Timings } from './timings.js';
import { deepFreeze } from '../model/deep-freeze.js';

export interface OutputFile {
  /** POSIX path relative to the project's output folder. */
  path: string;
  content: string;
  source: string;
  /** See `PlannedFile.indexExports`. */
  indexExports?: string[];
  /** The generator that planned it (`index` for the index file). */
  generator: string;
  /**
   * Rendered by a built-in generator from its built-in templates (see `Renderer.builtInLayout`),
   * or made by codegen itself (the index): the formatter may take its faster parser (fast-parser.ts).
   */
  builtInLayout?: boolean;
  /** The JSON text the content was rendered from, as JSON.stringify wrote it (kit/stringified-json-data.ts): the header may splice itself in. */
  stringifiedJson?: string;
  /** The pieces `stringifiedJson` was joined from, when its generator gave them: the formatter lays each out once. */
  jsonPieces?: readonly string[];
  /**
   * The template file that rendered it (shown relative to the project), when it is not codegen's
   * own layout: Prettier's refusal of the output (CG3004) names it, since the output is never written.
   */
  template?: string;
}

export interface ProjectGenerator {
  name: string;
  enabledBy?: string[];
}

export interface ProjectBuildInput {
  project: ProjectConfig;
  analysis: AnalyzeResult;
  context: PlanPaths;
  generators: readonly GeneratorDefinition<any>[];
  renderer: Renderer;
  /** The formatted text of an output, its header added (the workspace may answer from its memo). */
  format: (file: OutputFile) => Promise<string>;
  /**
   * Resolves once the formatter has taken every output given to `format` so far (see
   * `Formatter.queued`): planning the next generator then runs beside the format workers.
   */
  formatQueued?: () => Promise<void>;
  /** `--only`: generator names to run (all configured ones when empty). */
  only: readonly string[];
  /** `--type`: declaration names to generate for (all when empty). */
  types: readonly string[];
  onProgress?: ProgressListener;
  /** Whether a file exists in the output folder (path relative to it). */
  exists: (path: string) => Promise<boolean>;
  timings: Timings;
  /**
   * The plan memo of each generator (a watch workspace keeps them between builds); by default a
   * fresh one per generator and build, which `check` and `plan` share.
   */
  planMemo?: (generator: string) => PlanMemo;
}

export interface ProjectBuild {
  model: Model;
  /** The generators run, in planning order; `enabledBy` names the generators that use one the config does not list. */
  generators: ProjectGenerator[];
  files: OutputFile[];
  /** Generators the config enables (not only used by another) that planned no file: nothing in the model is theirs to act on. */
  idle: string[];
  /** `--only`/`--type` chose some of the files: the others must be left as they are. */
  partial: boolean;
  diagnostics: Diagnostic[];
}

/**
 * Plans, renders and formats the output files of one project. `--only` and `--type` choose
 * which files are written, not what is planned: planning everything keeps shared files (the
 * index, runtime helpers) exactly as a full run makes them, so the files left alone still fit.
 *
 * A full run hands each generator's outputs to the formatter as soon as that generator is
 * planned, so the format workers (format-pool.ts) run while the next generators plan on the
 * main thread; a partial run chooses its files from all rendered ones first. Either way the
 * files, and the diagnostics, come in the planned order. The `format` phase is the time spent
 * waiting for formatting once every file is rendered.
 */
export async function buildProject(input: ProjectBuildInput): Promise<ProjectBuild> {
  const model = input.analysis.model;
  const diagnostics: Diagnostic[] = [];
  const partial = input.only.length > 0 || input.types.length > 0;
  const renderDiagnostics: Diagnostic[] = [];
  const rendered: OutputFile[] = [];
  /** A full run's outputs being formatted, in the planned order. */
  const formatting: Promise<FormatOutcome>[] = [];
  let formatted = 0;
  const startFormat = (file: OutputFile): Promise<FormatOutcome> =>
    formatOne(file, input.format).finally(() => input.onProgress?.({ phase: 'format', done: ++formatted, total: formatting.length }));
  const { planned, active } = await planAll(model, input, diagnostics, async (files) => {
    if (partial || diagnostics.some((d) => d.severity === 'error')) return;
    const renderedNow = input.timings.measure('render', () => renderAll(files, input.renderer, renderDiagnostics));
    rendered.push(...renderedNow);
    formatting.push(...renderedNow.map(startFormat));
    // Let the formatter take them (its config lookups and the pool's queue need the event loop) before planning goes on.
    await input.formatQueued?.();
  });
  const generators = active.map(({ definition, enabledBy }) => (enabledBy ? { name: definition.name, enabledBy } : { name: definition.name }));
  const planning = new Set(planned.map((entry) => entry.generator));
  const idle = active.filter(({ definition, enabledBy }) => !enabledBy && !planning.has(definition.name)).map(({ definition }) => definition.name);
  if (diagnostics.some((d) => d.severity === 'error')) {
    // Nothing is written; outputs already handed to the formatter finish first, so no work outlives the build.
    await Promise.all(formatting);
    return { model, generators, files: [], idle, partial, diagnostics };
  }
  if (partial) {
    rendered.push(...input.timings.measure('render', () => renderAll(planned, input.renderer, renderDiagnostics)));
    diagnostics.push(...renderDiagnostics);
    const chosen = selectOutputs(rendered, model, input.only, input.types, input.context.configSource);
    // The index lists what will exist after the run: the chosen files and those already written.
    const present = await filterAsync(rendered, async (file) => chosen.includes(file) || (await input.exists(file.path)));
    if (present.some((file) => file.path.endsWith('.ts'))) chosen.push(indexFile(present, input.context));
    diagnostics.push(...indexLeftOut(present, input.context));
    formatting.push(...chosen.map(startFormat));
  } else {
    diagnostics.push(...renderDiagnostics);
    if (rendered.some((file) => file.path.endsWith('.ts'))) formatting.push(startFormat(indexFile(rendered, input.context)));
    diagnostics.push(...indexLeftOut(rendered, input.context));
  }
  const outcomes = await input.timings.measureAsync('format', () => Promise.all(formatting));
  const files: OutputFile[] = [];
  for (const outcome of outcomes) {
    if (Array.isArray(outcome)) diagnostics.push(...outcome);
    else files.push(outcome);
  }
  return { model, generators, files, idle, partial, diagnostics };
}

interface PlannedWithGenerator {
  generator: string;
  file: PlannedFile;
}

/**
 * Checks and plans each active generator in dependency order (see `orderGenerators`); each sees
 * the outputs of the generators it uses through its context. `planned` is told each generator's
 * files as soon as it has planned them (the `plan` phase is timed without it).
 */
async function planAll(
  model: Model,
  input: ProjectBuildInput,
  diagnostics: Diagnostic[],
  onPlanned: (files: PlannedWithGenerator[]) => Promise<void>,
): Promise<{ planned: PlannedWithGenerator[]; active: ActiveGenerator[] }> {
  const order = input.timings.measure('plan', () => orderGenerators(model, input.project.generators, input.generators));
  diagnostics.push(...order.diagnostics);
  if (order.diagnostics.length > 0) return { planned: [], active: order.active };
  // Frozen in every mode, not only where a watch build shares declarations: a generator that
  // changes the model throws at the change (CG3006) instead of feeding the others a changed one.
  const seen = input.timings.measure('plan', () => deepFreeze(withUsedSelections(model, order.active)));
  const planned: PlannedWithGenerator[] = [];
  const outputs = new Map<string, PlannedOutput[]>();
  const runs = order.active.map(({ definition, options }) => ({ generator: definition, options }));
  // A generator whose plan failed has no outputs: one that uses it would report their absence as
  // its own errors (client: "SItem is not processed by the validate generator"), which are false.
  const failed = new Set<string>();
  for (const { definition, options, uses } of order.active) {
    const files = input.timings.measure('plan', (): PlannedWithGenerator[] => {
      if (uses.some((used) => failed.has(used))) {
        failed.add(definition.name);
        return [];
      }
      try {
        // One build's own memo (check and plan share work); a workspace's lives on, and marks its values for the render memo.
        const memo = input.planMemo?.(definition.name) ?? createPlanMemo({ markValues: false });
        const context = createPlanContext(input.context, outputs, uses, requestsFor(definition.name, seen, runs), memo);
        diagnostics.push(...(definition.check?.(seen, options as never, context) ?? []));
        const files = definition.plan(seen, options as never, context);
        outputs.set(definition.name, plannedOutputs(files, options));
        const folder = typeof options['output'] === 'string' ? options['output'] : '';
        return files.map((file) => ({ generator: definition.name, file: { ...file, path: posix.join(folder, file.path) } }));
      } catch (error) {
        failed.add(definition.name);
        diagnostics.push(...pluginFailure(definition.name, error));
        return [];
      }
    });
    planned.push(...files);
    await onPlanned(files);
  }
  return { planned, active: order.active };
}

function renderAll(planned: PlannedWithGenerator[], renderer: Renderer, diagnostics: Diagnostic[]): OutputFile[] {
  const files: OutputFile[] = [];
  for (const { generator, file } of planned) {
    try {
      const rendered: OutputFile = { path: file.path, content: renderer.render(generator, file), source: file.source, generator };
      if (renderer.builtInLayout?.(generator, file.template)) rendered.builtInLayout = true;
      else {
        const template = renderer.templateFile?.(generator, file.template);
        if (template !== undefined) rendered.template = template;
      }
      if (file.indexExports) rendered.indexExports = file.indexExports;
      const json = stringifiedJsonOf(file.data);
      if (json !== undefined) rendered.stringifiedJson = json;
      const pieces = stringifiedJsonPiecesOf(file.data);
      if (pieces !== undefined) rendered.jsonPieces = pieces;
      files.push(rendered);
    } catch (error) {
      diagnostics.push(...pluginFailure(generator, error));
    }
  }
  return files;
}

/** A formatted file, or the diagnostics of its failure. */
type FormatOutcome = OutputFile | Diagnostic[];

/**
 * Formats one file; a failure is its diagnostics. Files are formatted all at once: the formatter
 * hands them to its worker pool when many wait (see src/emit/format-pool.ts).
 */
async function formatOne(file: OutputFile, format: ProjectBuildInput['format']): Promise<FormatOutcome> {
  try {
    return { ...file, content: await format(file) };
  } catch (error) {
    if (error instanceof DiagnosticError && file.template !== undefined) return error.diagnostics.map((d) => namingTemplate(d, file.template!));
    return pluginFailure('format', error);
  }
}

/** CG3004 for an output of the user's (or a plugin's) template: the output is never written, the template is what to fix. */
function namingTemplate(failure: Diagnostic, template: string): Diagnostic {
  if (failure.code !== 'CG3004') return failure;
  return { ...failure, hint: `The output was rendered by ${template}: fix the code it writes there (the line above is of the output, which was not written).` };
}

function pluginFailure(generator: string, error: unknown): Diagnostic[] {
  if (error instanceof DiagnosticError) return error.diagnostics;
  const message = error instanceof Error ? error.message : String(error);
  // The model handed to `check` and `plan` is frozen (planAll): V8's words for a write to it.
  const wroteModel = error instanceof TypeError && /read.only property|not extensible|Cannot (add|delete|assign|define) property/.test(message);
  const hint = wroteModel ? '`check` and `plan` must not change the model they are given: build new objects from it instead. Run with `-v` for the stack trace.' : undefined;
  const failure = diagnostic('CG3006', { message: `Generator "${generator}" failed: ${message}`, ...(hint === undefined ? {} : { hint }) });
  if (error instanceof Error && error.stack) failure.stack = error.stack;
  return [failure];
}

async function filterAsync<T>(items: readonly T[], keep: (item: T) => Promise<boolean>): Promise<T[]> {
  const kept: T[] = [];
  for (const item of items) if (await keep(item)) kept.push(item);
  return kept;
}
