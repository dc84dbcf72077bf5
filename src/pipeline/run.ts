/**
 * The one path behind `generate`, `--dry-run`, `check` (and, later, each watch re-run):
 * config → plugins → per project (inputs → analyze → build) → emit plan → verdict or write.
 * Returns structured results; never prints and never exits.
 */
import { join } from 'node:path';
import { suggest } from '../config/index.js';
import type { ProjectConfig } from '../config/types.js';
import { diagnostic } from '../diagnostics/create.js';
import { hasErrors, type Diagnostic } from '../diagnostics/types.js';
import {
  applyEmits,
  checkPlan,
  createFormatter,
  interruptedRun,
  nodeFileSystem,
  planEmit,
  recoverOutput,
  type EmitPlan,
  type FileSystem,
} from '../emit/index.js';
import type { Model } from '../model/types.js';
import { createRenderer } from '../render/index.js';
import { buildProject, type ProjectBuild, type ProjectGenerator } from './build-project.js';
import { analyzeProject, openSession } from './session.js';
import { planContextFor } from './plan-context.js';
import { unknownTypeDiagnostics } from './select-outputs.js';
import { Timings, type ProgressListener } from './timings.js';

export type RunMode = 'write' | 'dry-run' | 'check';

export interface RunOptions {
  /** Folder the run starts from (config discovery, relative paths in messages). Default: process.cwd(). */
  cwd?: string;
  /** `--config` / `CODEGEN_CONFIG`. */
  config?: string;
  mode?: RunMode;
  /** `--only`: generators to run. */
  only?: string[];
  /** `--type`: declarations to generate for. */
  types?: string[];
  /** Project names (`codegen generate <project…>`). */
  projects?: string[];
  /** Overwrite hand-edited outputs. */
  force?: boolean;
  /** `--no-format` sets false. */
  format?: boolean;
  /** `--no-prune` sets false: keep orphaned outputs. */
  prune?: boolean;
  /** Warnings fail the run. */
  strict?: boolean;
  env?: Record<string, string | undefined>;
  fs?: FileSystem;
  /** Called as phases advance, for a progress line on a terminal. */
  onProgress?: ProgressListener;
}

export interface ProjectRun {
  name: string;
  /** The `input` globs as configured. */
  input: string[];
  /** Absolute input files the globs matched. */
  inputFiles: string[];
  /** Absolute output folder. */
  outputDir: string;
  model: Model;
  /** The generators run, in planning order; `enabledBy` names those that use one the config does not list. */
  generators: ProjectGenerator[];
  plan: EmitPlan;
  written: string[];
  deleted: string[];
}

export interface RunResult {
  mode: RunMode;
  /** Built-in and plugin generators known to the run. */
  generators: { name: string; description: string }[];
  /** 0 success, 1 `check` found outdated outputs (and nothing else went wrong), 2 an error, in any mode. */
  exitCode: 0 | 1 | 2;
  diagnostics: Diagnostic[];
  projects: ProjectRun[];
  timings: Timings['phases'];
  durationMs: number;
}

/** Runs the pipeline once. */
export async function run(options: RunOptions = {}): Promise<RunResult> {
  const timings = new Timings();
  const started = performance.now();
  const mode = options.mode ?? 'write';
  const cwd = options.cwd ?? process.cwd();
  let known: RunResult['generators'] = [];
  const finish = (exitCode: RunResult['exitCode'], diagnostics: Diagnostic[], projects: ProjectRun[] = []): RunResult => ({
    mode,
    generators: known,
    exitCode,
    diagnostics: settle(diagnostics, options.strict ?? false),
    projects,
    timings: timings.phases,
    durationMs: performance.now() - started,
  });

  const diagnostics: Diagnostic[] = [];
  const session = await openSession({ cwd, config: options.config, projects: options.projects, env: options.env }, timings, diagnostics);
  if (!session || hasErrors(diagnostics, options.strict)) return finish(2, diagnostics);
  const { config, projects, generators } = session;
  known = generators.map(({ name, description }) => ({ name, description }));
  for (const name of (options.only ?? []).filter((candidate) => !generators.some((g) => g.name === candidate))) {
    const close = suggest(name, generators.map((g) => g.name));
    diagnostics.push(diagnostic('CG1002', { message: `--only ${name}: unknown generator.${close ? ` Did you mean "${close}"?` : ''}` }));
  }
  if (hasErrors(diagnostics)) return finish(2, diagnostics);

  const fs = options.fs ?? nodeFileSystem;
  const formatterIdentity = new Map<string, string>();
  /** The formatter of each project, which also formats its manifest. */
  const projectFormatter = new Map<string, Awaited<ReturnType<typeof createFormatter>>>();
  const formatters = new Map<'auto' | boolean, Awaited<ReturnType<typeof createFormatter>>>();
  const formatterFor = async (format: 'auto' | boolean) => {
    let formatter = formatters.get(format);
    if (!formatter) {
      // `check` formats afresh: a format cache (restored by CI from another branch…) cannot vouch for outputs.
      formatter = await createFormatter({ projectRoot: config.rootDir, format, fs, useCache: mode !== 'check' });
      formatters.set(format, formatter);
    }
    return formatter;
  };
  const builds: { project: ProjectConfig; inputFiles: string[]; build: ProjectBuild }[] = [];
  for (const project of projects) {
    options.onProgress?.({ phase: 'analyze', done: 0, total: 1 });
    const analysed = await analyzeProject(session, project, timings, diagnostics);
    if (!analysed) continue;
    const { analysis, inputFiles } = analysed;
    // A model with errors would only produce output that cannot be written: stop at the sources.
    if (hasErrors(analysis.diagnostics, options.strict)) continue;
    diagnostics.push(...unknownTypeDiagnostics(analysis.model, options.types ?? [], project.name));
    const formatter = await formatterFor(options.format === false ? false : project.format);
    const build = await buildProject({
      project,
      analysis,
      context: planContextFor(project, config.rootDir, config.configFile, analysed.inputRoot),
      generators,
      renderer: createRenderer({ generators, userTemplatesDir: project.templates, displayRoot: cwd }),
      // Outputs are named relative to the output folder; Prettier's config, overrides and ignore file go by the real path.
      format: (path, content) => formatter.format(join(project.output, path), content),
      only: options.only ?? [],
      types: options.types ?? [],
      onProgress: options.onProgress,
      exists: async (path) => (await fs.readFile(join(project.output, path))) !== undefined,
      timings,
    });
    diagnostics.push(...build.diagnostics);
    // Read after formatting: the identity names the Prettier options actually used.
    formatterIdentity.set(project.name, formatter.identity);
    projectFormatter.set(project.name, formatter);
    builds.push({ project, inputFiles, build });
  }
  for (const formatter of formatters.values()) diagnostics.push(...formatter.diagnostics);
  if (hasErrors(diagnostics, options.strict)) return finish(2, diagnostics);

  const runs: ProjectRun[] = [];
  /** Output folders holding a killed run's journal or temps (CG4010): `check` cannot vouch for them. */
  const interrupted = new Map<string, Diagnostic>();
  if (mode === 'write') {
    // First finish (or clear) a run that was killed, in every folder before any plan: completing a
    // run over several projects may touch the output folders of all of them.
    for (const { project } of builds) {
      const recovered = await timings.measureAsync('emit', () => recoverOutput(fs, project.output, cwd));
      diagnostics.push(...recovered);
      if (hasErrors(recovered)) return finish(2, diagnostics);
    }
  }
  for (const { project, inputFiles, build } of builds) {
    if (mode !== 'write') {
      const pending = await interruptedRun(fs, project.output, cwd, mode === 'check' ? 'error' : 'warning');
      if (pending) interrupted.set(project.name, pending);
    }
    const plan = await timings.measureAsync('emit', () =>
      planEmit({
        outputDir: project.output,
        files: build.files,
        fs,
        protect: project.protect,
        onHandEdit: project.onHandEdit,
        force: options.force ?? false,
        // A partial run (--only, --type) leaves every file it did not choose as it is.
        prune: (options.prune ?? true) && !build.partial,
        displayRoot: cwd,
        formatter: formatterIdentity.get(project.name) ?? 'none',
        format: projectFormatter.get(project.name)?.format,
      }),
    );
    // In check mode the verdict below reports hand edits itself, with the command that fixes them.
    diagnostics.push(...plan.diagnostics.filter((d) => mode !== 'check' || d.code !== 'CG4001'));
    runs.push({ name: project.name, input: project.input, inputFiles, outputDir: project.output, model: build.model, generators: build.generators, plan, written: [], deleted: [] });
  }
  // `check` and `--dry-run` write nothing at all, not even the format cache.
  if (mode === 'write') for (const formatter of formatters.values()) await formatter.saveCache();

  // An error while planning (an output that cannot be read or goes through a link leading out…)
  // means the verdict is not to be trusted: exit 2 in every mode, never "up to date" (cli.md).
  const planningFailed = hasErrors(diagnostics, options.strict);
  if (mode === 'check') {
    // An interrupted run leaves files half new, half old: reported as such, not as hand edits.
    const findings = runs.flatMap((projectRun) => {
      const pending = interrupted.get(projectRun.name);
      return pending ? [pending] : checkPlan(projectRun.plan, 'codegen generate');
    });
    diagnostics.push(...findings);
    return finish(planningFailed ? 2 : findings.some((d) => d.severity === 'error') ? 1 : 0, diagnostics, runs);
  }
  if (mode === 'dry-run') return finish(planningFailed ? 2 : 0, [...diagnostics, ...interrupted.values()], runs);
  if (hasErrors(diagnostics, options.strict)) return finish(2, diagnostics, runs);

  // All projects commit together: if one output folder cannot be written, none is changed.
  const applied = await timings.measureAsync('emit', () => applyEmits(runs.map((projectRun) => projectRun.plan), fs));
  for (const [index, projectRun] of runs.entries()) {
    diagnostics.push(...applied[index]!.diagnostics);
    projectRun.written = applied[index]!.written;
    projectRun.deleted = applied[index]!.deleted;
  }
  return finish(hasErrors(diagnostics, options.strict) ? 2 : 0, diagnostics, runs);
}

/**
 * The diagnostics as reported: each once (a broken template fails every file that uses it),
 * and under `--strict` warnings as errors, since they fail the run.
 */
function settle(diagnostics: readonly Diagnostic[], strict: boolean): Diagnostic[] {
  const seen = new Set<string>();
  const settled: Diagnostic[] = [];
  for (const d of diagnostics) {
    const key = [d.code, d.file, d.line, d.column, d.message].join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    settled.push(strict && d.severity === 'warning' ? { ...d, severity: 'error' } : d);
  }
  return settled;
}
