/**
 * The long-lived form of the pipeline: config, plugins, each project's ts-morph analyzer,
 * compiled templates and the formatter (with its format cache) stay loaded between builds, and
 * each build is told which files changed. `run()` is one build of a fresh workspace; watch mode
 * keeps one open and builds again on every change.
 *
 * What a change costs: an input file is re-read by the warm analyzer (the model is then read
 * again from the warm program); templates are re-compiled only when one changed; an output whose
 * template data is what it was is not rendered again, and a text that did not change is not
 * formatted again; the emit plan compares with the disk and writes through the crash-safe apply.
 * A changed config file (or plugin) reloads the session; a config that does not load keeps the
 * old one: that build reports its diagnostics and the next change builds with the old config.
 */
import { join, resolve } from 'node:path';
import { locateInProject, suggest } from '../config/index.js';
import type { ProjectConfig } from '../config/types.js';
import { diagnostic } from '../diagnostics/create.js';
import { hasErrors, type Diagnostic } from '../diagnostics/types.js';
import { addHeader, addJsonHeaderToPieces, applyEmits, checkPlan, createFormatter, interruptedRun, MANIFEST_FILE, nodeFileSystem, planEmit, recoverOutput, type Formatter } from '../emit/index.js';
import { fastPathFor, recordFastPath, skipUnchangedRun } from './build-info.js';
import { loadAnalysis } from './analysis.js';
import type { OutputFile, ProjectBuild } from './build-project.js';
import type { ProjectRun, RunOptions, RunResult } from './run.js';
import { findPreviousOutputs, manifestOwner, planPreviousOutput, removeEmptiedFolder, type PreviousOutput } from './previous-outputs.js';
import { openSession, unusedTemplatesOf, type Session, type SessionScope } from './session.js';
import { Timings } from './timings.js';
import type { ReuseStats } from './workspace-memo.js';
import { reloadTemplates, warmProject, type WarmProject } from './workspace-project.js';

export interface WorkspaceOptions extends RunOptions {
  /**
   * Remember rendered and formatted outputs between builds (watch). A one-shot run leaves it
   * off: it has nothing to reuse. A reusing workspace does not write the format cache during a
   * build (it holds every formatted text already; writing it costs a rebuild more than the
   * rest of it): its owner calls `saveCaches()` when the build is out.
   */
  reuse?: boolean;
}

/** What changed since the last build, as absolute paths (any kind: inputs, templates, config, plugins). */
export interface WorkspaceChanges {
  files: readonly string[];
  /** Nothing is written once this is aborted (a build already writing finishes its commit). */
  signal?: AbortSignal;
  /**
   * Asked once the build is planned, right before its commit: `false` writes nothing and gives a
   * result marked `superseded`. Watch mode answers whether the changed files still hold the bytes
   * the build read (a save written in parts: see src/watch/start-watch.ts).
   */
  beforeCommit?: () => Promise<boolean>;
}

export interface Workspace {
  /**
   * Loads the config and plugins without building (watch mode learns what to watch before its
   * first build); the next build reports what loading said. Later calls do nothing.
   */
  open(): Promise<void>;
  /** Builds: the first call loads and analyses everything; later calls only what `changes` names. */
  build(changes?: WorkspaceChanges): Promise<RunResult>;
  /** The loaded session (config, projects, generators), the last one that loaded without errors. */
  readonly session: Session | undefined;
  /**
   * The config and projects of the last load when it read the config but failed after (a
   * templates folder or plugin missing, a plugin that throws…); undefined once a load succeeds, or
   * when the config itself could not be read. A change to its config file, plugins or templates
   * folders loads again (see `isSessionFile`); watch mode watches them.
   */
  readonly failedScope: SessionScope | undefined;
  /**
   * The source files the projects' programs hold after the last build (absolute, each once):
   * inputs and the files they import outside `node_modules` (see Analyzer.sourceFiles).
   */
  sourceFiles(): string[];
  /** Writes the format caches of a reusing workspace (see `reuse`); never fails (they are caches). */
  saveCaches(): Promise<void>;
  /**
   * Stops what the workspace holds open outside the heap (the formatters' worker threads) and
   * waits for it; a one-shot run and a watch session call it when done, so nothing keeps the
   * process alive. Builds after it format in-thread.
   */
  close(): Promise<void>;
}

/** Opens a workspace; nothing is loaded until the first build. */
export function createWorkspace(options: WorkspaceOptions = {}): Workspace {
  const cwd = options.cwd ?? process.cwd();
  let session: Session | undefined;
  let failedScope: SessionScope | undefined;
  let projects: WarmProject[] = [];
  let formatters = new Map<'auto' | boolean, Formatter>();
  /** A load done by `open()`, not yet reported by a build: its timings, start and diagnostics. */
  let opened: { timings: Timings; started: number; diagnostics: Diagnostic[] } | undefined;
  let openCalled = false;

  /** Loads (or reloads) the config and plugins; keeps the old session when the new one has errors. */
  const load = async (timings: Timings, diagnostics: Diagnostic[]): Promise<boolean> => {
    const found: Diagnostic[] = [];
    let scope: SessionScope | undefined;
    const next = await openSession({ cwd, config: options.config, projects: options.projects, env: options.env }, timings, found, (read) => (scope = read));
    diagnostics.push(...found);
    failedScope = scope;
    if (!next || hasErrors(found, options.strict)) return false;
    failedScope = undefined;
    session = next;
    projects = next.projects.map((project) => warmProject(project, options.reuse ?? false));
    // A reloaded session formats with new formatters: the old ones' workers are stopped.
    for (const formatter of formatters.values()) void formatter.close();
    formatters = new Map();
    return true;
  };

  return {
    get session() {
      return session;
    },
    get failedScope() {
      return failedScope;
    },
    sourceFiles() {
      return [...new Set(projects.flatMap((warm) => warm.analyzer?.sourceFiles() ?? []))];
    },
    async saveCaches() {
      for (const formatter of formatters.values()) await formatter.saveCache().catch(() => undefined);
    },
    async close() {
      await Promise.all([...formatters.values()].map((formatter) => formatter.close()));
    },
    async open() {
      if (openCalled) return;
      openCalled = true;
      const loaded = { timings: new Timings(), started: performance.now(), diagnostics: [] as Diagnostic[] };
      await load(loaded.timings, loaded.diagnostics);
      opened = loaded;
    },
    async build(changes) {
      const changed = new Set((changes?.files ?? []).map((file) => resolve(file)));
      // What open() loaded is this build's start, unless the load failed and files changed since: then load again.
      const fromOpen = opened && (session !== undefined || changed.size === 0) ? opened : undefined;
      opened = undefined;
      const timings = fromOpen?.timings ?? new Timings();
      const started = fromOpen?.started ?? performance.now();
      const diagnostics: Diagnostic[] = [...(fromOpen?.diagnostics ?? [])];
      if (fromOpen && session === undefined) return settleResult(options, timings, started, 2, diagnostics, [], session);
      const reload = session === undefined || [...changed].some((file) => isSessionFile(session!, file) || (failedScope !== undefined && retriesLoad(failedScope, file)));
      if (reload && !(await load(timings, diagnostics))) {
        return settleResult(options, timings, started, 2, diagnostics, [], session);
      }
      const current = session!;
      // A changed tsconfig gives its project a new TypeScript program (and forgets the declarations read with the old one).
      for (const warm of projects) if (warm.project.tsconfig && changed.has(warm.project.tsconfig)) warm.analyzer = undefined;
      if (!reload && [...changed].some((file) => current.projects.some((project) => project.templates && isInside(file, project.templates)))) {
        for (const warm of projects) reloadTemplates(warm);
        diagnostics.push(...unusedTemplatesOf(current));
      }
      return buildOnce({ options, cwd, session: current, projects, formatters, changed, signal: changes?.signal, beforeCommit: changes?.beforeCommit, timings, started, diagnostics });
    },
  };
}

/**
 * Whether a change to `file` means loading the session again: the config file, a plugin, or a
 * templates folder itself appearing or going (loading checks that it exists: CG1014).
 */
function isSessionFile(scope: SessionScope, file: string): boolean {
  if (file === scope.config.configFile) return true;
  return scope.projects.some((project) => file === project.templates || project.plugins.some((plugin) => file === plugin || isInside(file, plugin)));
}

/**
 * Whether a change to `file` means trying again a config that failed to load (see
 * Workspace.failedScope): one of its session files, or anything in a templates folder it names
 * (made with its templates in one go, the folder is seen with them).
 */
function retriesLoad(scope: SessionScope, file: string): boolean {
  return isSessionFile(scope, file) || scope.projects.some((project) => project.templates !== undefined && isInside(file, project.templates));
}

function isInside(file: string, folder: string): boolean {
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  return file.startsWith(prefix);
}

interface BuildInput {
  options: WorkspaceOptions;
  cwd: string;
  session: Session;
  projects: WarmProject[];
  formatters: Map<'auto' | boolean, Formatter>;
  changed: ReadonlySet<string>;
  signal: AbortSignal | undefined;
  beforeCommit: (() => Promise<boolean>) | undefined;
  timings: Timings;
  /** When the build started (loading the config included). */
  started: number;
  diagnostics: Diagnostic[];
}

/** config → per project (inputs → analyze → build) → emit plan → verdict or write. */
async function buildOnce(input: BuildInput): Promise<RunResult> {
  const { options, cwd, session, timings, started, diagnostics } = input;
  const mode = options.mode ?? 'write';
  const finish = (exitCode: RunResult['exitCode'], projectRuns: ProjectRun[] = []) =>
    settleResult(options, timings, started, exitCode, diagnostics, projectRuns, session, input.projects);
  const { config, generators } = session;
  for (const warm of input.projects) warm.memo?.startBuild();
  for (const name of (options.only ?? []).filter((candidate) => !generators.some((g) => g.name === candidate))) {
    const close = suggest(name, generators.map((g) => g.name));
    diagnostics.push(diagnostic('CG1002', { message: `--only ${name}: unknown generator.${close ? ` Did you mean "${close}"?` : ''}` }));
  }
  if (hasErrors(diagnostics)) return finish(2);
  // A one-shot run whose inputs and outputs are as the last successful run left them is that run (build-info.ts).
  const fastPath = options.reuse ? undefined : fastPathFor(session, options, cwd);
  const skipped = fastPath && (await skipUnchangedRun(fastPath, timings, diagnostics));
  if (skipped) return finish(0, skipped);
  // From here on the run analyses: the analyzer, the generators' code and the templates load now.
  const stage = await loadAnalysis();

  const fs = options.fs ?? nodeFileSystem;
  const formatterIdentity = new Map<string, string>();
  /** The formatter of each project, which also formats its manifest. */
  const projectFormatter = new Map<string, Formatter>();
  const formatterFor = async (format: 'auto' | boolean) => {
    let formatter = input.formatters.get(format);
    if (!formatter) {
      // `check` formats afresh: a format cache (restored by CI from another branch…) cannot vouch for outputs.
      formatter = await createFormatter({ projectRoot: config.rootDir, format, fs, useCache: mode !== 'check' });
      input.formatters.set(format, formatter);
    }
    return formatter;
  };
  // A run that formats every output afresh (no format cache yet) starts the format workers now: they load Prettier while this thread analyses.
  for (const format of new Set(input.projects.map((warm) => (options.format === false ? false : warm.project.format)))) await (await formatterFor(format)).warmUp();
  const definitions = stage.generatorDefinitions(session);
  const builds: { warm: WarmProject; inputFiles: string[]; build: ProjectBuild }[] = [];
  for (const warm of input.projects) {
    const { project } = warm;
    options.onProgress?.({ phase: 'analyze', done: 0, total: 1 });
    const analysed = await stage.analyzeWarm(warm, session, input.changed, timings, diagnostics);
    if (!analysed) continue;
    const { analysis, inputFiles } = analysed;
    // A model with errors would only produce output that cannot be written: stop at the sources.
    if (hasErrors(analysis.diagnostics, options.strict)) continue;
    diagnostics.push(...stage.unknownTypeDiagnostics(analysis.model, options.types ?? [], project.name));
    const formatter = await formatterFor(options.format === false ? false : project.format);
    // Outputs are named relative to the output folder; Prettier's config, overrides and ignore file go by the real path.
    const format = (file: OutputFile) => {
      const path = join(project.output, file.path);
      const builtInLayout = file.builtInLayout === true;
      // A JSON document given in pieces is laid out piece by piece, the header in the first one.
      const headed = file.jsonPieces && file.stringifiedJson !== undefined ? addJsonHeaderToPieces(file.path, file.content, file.source, file.stringifiedJson, file.jsonPieces) : undefined;
      if (headed) return formatter.format(path, headed.text, { builtInLayout, jsonPieces: headed.pieces });
      return formatter.format(path, addHeader(file.path, file.content, file.source, file.stringifiedJson), { builtInLayout });
    };
    const renderer = stage.projectRenderer(warm, session);
    const build = await stage.buildProject({
      project,
      analysis,
      context: stage.planContextFor(project, config.rootDir, config.configFile, analysed.inputRoot, analysis.model.files.map((file) => file.path)),
      generators: definitions,
      renderer: warm.memo ? warm.memo.renderer(renderer) : renderer,
      ...(warm.memo ? { planMemo: warm.memo.planMemo } : {}),
      format: warm.memo ? warm.memo.format(format) : format,
      formatQueued: () => formatter.queued(),
      only: options.only ?? [],
      types: options.types ?? [],
      onProgress: options.onProgress,
      exists: async (path) => (await fs.readFile(join(project.output, path))) !== undefined,
      timings,
    });
    diagnostics.push(...build.diagnostics);
    if (build.generators.length === 0) diagnostics.push(nothingToGenerate(project, session));
    else if (!hasErrors(build.diagnostics, options.strict)) diagnostics.push(...build.idle.map((name) => generatesNothing(project, session, name)));
    // Read after formatting: the identity names the Prettier options actually used.
    formatterIdentity.set(project.name, formatter.identity);
    projectFormatter.set(project.name, formatter);
    builds.push({ warm, inputFiles, build });
  }
  for (const formatter of input.formatters.values()) diagnostics.push(...formatter.diagnostics);
  if (hasErrors(diagnostics, options.strict)) return finish(2);

  const runs: ProjectRun[] = [];
  const outputs = session.projects.map((project) => project.output);
  /** The folders `project` wrote before its output changed, planned away (finishing a killed run there first when writing). */
  const previousOutputsOf = async (project: ProjectConfig): Promise<PreviousOutput[]> => {
    const found = await findPreviousOutputs({ fs, rootDir: config.rootDir, configFile: config.configFile, project, outputs, displayRoot: cwd });
    diagnostics.push(...found.diagnostics);
    const planned: PreviousOutput[] = [];
    for (const folder of found.folders) {
      if (mode === 'write') {
        const recovered = await recoverOutput(fs, folder, cwd);
        diagnostics.push(...recovered);
        if (hasErrors(recovered)) continue;
      }
      const previous = await planPreviousOutput(fs, folder, project, cwd);
      diagnostics.push(...previous.plan.diagnostics);
      planned.push(previous);
    }
    return planned;
  };
  /** Output folders holding a killed run's journal or temps (CG4010): `check` cannot vouch for them. */
  const interrupted = new Map<string, Diagnostic>();
  if (mode === 'write') {
    // First finish (or clear) a run that was killed, in every folder before any plan: completing a
    // run over several projects may touch the output folders of all of them.
    for (const { warm } of builds) {
      const recovered = await timings.measureAsync('emit', () => recoverOutput(fs, warm.project.output, cwd));
      diagnostics.push(...recovered);
      if (hasErrors(recovered)) return finish(2);
    }
  }
  for (const { warm, inputFiles, build } of builds) {
    const { project } = warm;
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
        owner: manifestOwner(config.configFile, project),
        format: projectFormatter.get(project.name)?.format,
        ...(warm.hashes ? { hashes: warm.hashes } : {}),
        // Stamps are taken with node:fs: a file system of the caller's is read as it always was.
        ...(warm.stamps && !options.fs ? { known: warm.stamps.known } : {}),
      }),
    );
    if (warm.hashes) {
      // Outputs no longer generated must not keep their texts alive.
      const planned = new Set(plan.entries.map((entry) => entry.path));
      for (const path of warm.hashes.keys()) if (!planned.has(path)) warm.hashes.delete(path);
    }
    // In check mode the verdict below reports hand edits itself, with the command that fixes them.
    diagnostics.push(...plan.diagnostics.filter((d) => mode !== 'check' || d.code !== 'CG4001'));
    // Before the plan above, this project's output folder had no manifest: a first run there, maybe after its `output` changed.
    const previous = (options.prune ?? true) && !build.partial ? await timings.measureAsync('emit', () => previousOutputsOf(project)) : [];
    runs.push({ name: project.name, input: project.input, inputFiles, outputDir: project.output, model: build.model, generators: build.generators, plan, written: [], deleted: [], ...(previous.length > 0 ? { previous } : {}) });
  }
  // A reusing workspace's format cache keeps only what this build's outputs (and manifests) need: not every piece a session formatted.
  if (options.reuse) {
    const outputs = builds.flatMap(({ warm, build }) => [...build.files.map((file) => join(warm.project.output, file.path)), join(warm.project.output, MANIFEST_FILE)]);
    for (const formatter of input.formatters.values()) await formatter.retainOutputs(outputs);
  }
  // `check` and `--dry-run` write nothing at all, not even the format cache.
  if (mode === 'write' && !options.reuse) for (const formatter of input.formatters.values()) await formatter.saveCache();

  // An error while planning (an output that cannot be read or goes through a link leading out…)
  // means the verdict is not to be trusted: exit 2 in every mode, never "up to date" (cli.md).
  const planningFailed = hasErrors(diagnostics, options.strict);
  if (mode === 'check') {
    // An interrupted run leaves files half new, half old: reported as such, not as hand edits.
    const findings = runs.flatMap((projectRun) => {
      const pending = interrupted.get(projectRun.name);
      return pending ? [pending] : [projectRun.plan, ...(projectRun.previous ?? []).map((previous) => previous.plan)].flatMap((plan) => checkPlan(plan, 'codegen generate'));
    });
    diagnostics.push(...findings);
    return finish(planningFailed ? 2 : findings.some((d) => d.severity === 'error') ? 1 : 0, runs);
  }
  if (mode === 'dry-run') {
    diagnostics.push(...interrupted.values());
    return finish(planningFailed ? 2 : 0, runs);
  }
  if (hasErrors(diagnostics, options.strict)) return finish(2, runs);
  // A changed file no longer holds what the build read: the build that reads it again writes instead.
  if (input.beforeCommit && !(await input.beforeCommit())) return { ...finish(0, runs), superseded: true };
  // Stopping (Ctrl-C in watch) before the commit starts writes nothing; once started, it finishes.
  if (input.signal?.aborted) return { ...finish(2, runs), aborted: true };

  // All projects commit together, with the folders they wrote before: if one output folder cannot be written, none is changed.
  const previous = runs.flatMap((projectRun) => projectRun.previous ?? []);
  const applied = await timings.measureAsync('emit', () => applyEmits([...runs.map((projectRun) => projectRun.plan), ...previous.map((each) => each.plan)], fs));
  for (const [index, projectRun] of runs.entries()) {
    diagnostics.push(...applied[index]!.diagnostics);
    projectRun.written = applied[index]!.written;
    projectRun.deleted = applied[index]!.deleted;
  }
  for (const [index, each] of previous.entries()) {
    const result = applied[runs.length + index]!;
    diagnostics.push(...result.diagnostics);
    each.deleted = result.deleted;
  }
  if (!hasErrors(diagnostics, options.strict)) for (const each of previous) await removeEmptiedFolder(fs, each, config.rootDir);
  const failed = hasErrors(diagnostics, options.strict);
  for (const [index, { warm }] of builds.entries()) {
    if (failed) warm.stamps?.clear();
    else warm.stamps?.record(runs[index]!.plan);
  }
  if (fastPath) recordFastPath(fastPath, runs, builds.map(({ warm }) => warm.analyzer), diagnostics);
  return finish(hasErrors(diagnostics, options.strict) ? 2 : 0, runs);
}

function settleResult(
  options: WorkspaceOptions,
  timings: Timings,
  started: number,
  exitCode: RunResult['exitCode'],
  diagnostics: readonly Diagnostic[],
  projects: ProjectRun[],
  session: Session | undefined,
  warm: readonly WarmProject[] = [],
): RunResult {
  const result: RunResult = {
    mode: options.mode ?? 'write',
    generators: (session?.generators ?? []).map(({ name, description }) => ({ name, description })),
    exitCode,
    diagnostics: settle(diagnostics, options.strict ?? false),
    projects,
    timings: timings.phases,
    durationMs: performance.now() - started,
  };
  if (options.reuse) result.reuse = sumStats(warm.flatMap((project) => (project.memo ? [project.memo.stats] : [])));
  return result;
}

function sumStats(stats: readonly ReuseStats[]): ReuseStats {
  const total: ReuseStats = { rendered: 0, reusedRenders: 0, formatted: 0, reusedFormats: 0 };
  for (const each of stats) for (const key of Object.keys(total) as (keyof ReuseStats)[]) total[key] += each[key];
  return total;
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

/** What a generator that writes nothing lacks in the model, for its CG1017 (the built-in ones that act on some kinds of declaration only). */
const NOTHING_FOR: Record<string, string> = {
  sql: 'no type among the inputs is an entity (mark one with @entity or TypeORM\'s @Entity())',
  crud: 'no type among the inputs is an entity (mark one with @entity or TypeORM\'s @Entity())',
  client: 'no service among the inputs (mark an interface with @service, or a class with NestJS\'s @Controller())',
  openapi: 'no type or service among the inputs is for it (@internal ones are left out)',
};

/** CG1017 at `generators.<name>`: the generator runs and plans no file, so enabling it does nothing. */
function generatesNothing(project: ProjectConfig, session: Session, name: string): Diagnostic {
  const position = locateInProject(session.locate, project.name, ['generators', name], 'key') ?? locateInProject(session.locate, project.name, ['generators'], 'value') ?? session.locate([]);
  const why = NOTHING_FOR[name] ?? 'no type among the inputs is for it (see its @codegen tags and options)';
  return diagnostic('CG1017', { message: `Project "${project.name}": ${name} generates nothing: ${why}.`, ...position });
}

/** CG1017 at the project's `generators` (written or inherited): no generator runs, so nothing is written. */
function nothingToGenerate(project: ProjectConfig, session: Session): Diagnostic {
  const position = locateInProject(session.locate, project.name, ['generators'], 'value') ?? locateInProject(session.locate, project.name, []) ?? session.locate([]);
  const message = `Project "${project.name}" generates nothing: "generators" enables no generator, and no type names one in a @codegen tag.`;
  return diagnostic('CG1017', { message, ...position });
}
