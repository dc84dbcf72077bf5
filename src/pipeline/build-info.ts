/**
 * The no-op fast path (as tsc's `.tsbuildinfo` or Turborepo's input hashing): after a successful
 * run, codegen records what it depended on (every file the analysis read, with the tsconfig chain,
 * and every other input: see build-inputs.ts), the run's settings, and what it wrote. A later run
 * whose settings are the same, whose every recorded file is unchanged, and whose outputs are on
 * disk as written is the same run: it reports the recorded result without analysing anything.
 *
 * Files are compared by (size, mtime), settled by a content hash when those differ (file-stamps.ts).
 * `check` never skips (see `fastPathApplies`). The record lives in the format cache's folder
 * (`node_modules/.cache/codegen/build-info-<id>.json`), not in the output folder: it changes with
 * things that are not outputs (a dependency's mtime) and must not show up in a commit of outputs.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Analyzer, AnalysisReads } from '../analyzer/index.js';
import { resolveInputFiles } from '../config/index.js';
import { hasErrors, type Diagnostic } from '../diagnostics/types.js';
import { interruptedRun, MANIFEST_FILE, nodeFileSystem, parseManifest, type EmitEntry } from '../emit/index.js';
import { shortHash, stableStringify } from '../emit/hash.js';
import { loadedAnalysis } from './analysis.js';
import { buildInputFiles, CODEGEN_VERSION } from './build-inputs.js';
import type { ProjectGenerator } from './build-project.js';
import { bytesHash, isUnchanged, stampFile, type FileStamp } from './file-stamps.js';
import type { ProjectRun, RunOptions } from './run.js';
import type { Session } from './session.js';
import type { Timings } from './timings.js';

const VERSION = 1;

interface StoredProject {
  name: string;
  input: string[];
  inputFiles: string[];
  outputDir: string;
  generators: ProjectGenerator[];
  /** POSIX paths relative to the output folder, in plan order: every one `unchanged` on a re-run. */
  outputs: string[];
  /** Stamps of the outputs and of the manifest, by absolute path. */
  written: Record<string, FileStamp>;
}

interface BuildInfo {
  version: number;
  key: string;
  /** When the stamps were taken (ms since the epoch). */
  recordedAt: number;
  /** Every file the run depended on, by absolute path. */
  files: Record<string, FileStamp>;
  projects: StoredProject[];
  /** The run's diagnostics (warnings), reported again by a skipped run. */
  diagnostics: Diagnostic[];
}

/** What a run must share with a recorded one to be the same run. */
export interface FastPathContext {
  session: Session;
  options: RunOptions;
  cwd: string;
  /** codegen's version (injectable for tests). */
  version: string;
}

/** A skipped run's result: the projects as the recorded run left them, and its diagnostics. */
export interface SkippedRun {
  projects: ProjectRun[];
  diagnostics: Diagnostic[];
}

/** Counts skipped analyses (tests observe the fast path through it, never through timing). */
export const fastPathStats = { skipped: 0 };

/** The fast path's context for a run, or undefined when the options rule it out. */
export function fastPathFor(session: Session, options: RunOptions, cwd: string): FastPathContext | undefined {
  return fastPathApplies(options) ? { session, options, cwd, version: CODEGEN_VERSION } : undefined;
}

/** `skipIfUnchanged` for the workspace: the recorded projects, their diagnostics added to `diagnostics`. */
export async function skipUnchangedRun(context: FastPathContext, timings: Timings, diagnostics: Diagnostic[]): Promise<ProjectRun[] | undefined> {
  const skipped = await timings.measureAsync('analyze', () => skipIfUnchanged(context));
  if (!skipped) return undefined;
  diagnostics.push(...skipped.diagnostics);
  return skipped.projects;
}

/** `recordBuild` for the workspace, given each project's analyzer (undefined when it was not analysed). */
export function recordFastPath(context: FastPathContext, runs: readonly ProjectRun[], analyzers: readonly (Analyzer | undefined)[], diagnostics: readonly Diagnostic[]): void {
  if (hasErrors(diagnostics, context.options.strict) || analyzers.length !== runs.length || analyzers.some((analyzer) => !analyzer)) return;
  recordBuild(context, runs, new Map(runs.map((run, index) => [run.name, analyzers[index]!.reads()])), diagnostics);
}

/**
 * Whether the options allow the fast path at all: a plain full `generate` (or `--dry-run`) on the
 * real disk. Never `check`: the record lives in node_modules/.cache like the format cache, and
 * `check`, the gate CI runs, trusts neither (a cache restored from another branch, or tampered
 * with, must not make it call outputs up to date; docs/cli.md "Trust boundary").
 */
export function fastPathApplies(options: RunOptions): boolean {
  const fs = options.fs ?? nodeFileSystem;
  const plain = !options.force && (options.only ?? []).length === 0 && (options.types ?? []).length === 0;
  return fs === nodeFileSystem && plain && options.mode !== 'check';
}

/**
 * The recorded result when nothing the last successful run depended on changed and its outputs
 * are on disk as it wrote them; undefined otherwise (the run goes on as usual).
 */
export async function skipIfUnchanged(context: FastPathContext): Promise<SkippedRun | undefined> {
  if (!fastPathApplies(context.options)) return undefined;
  const info = readInfo(context);
  if (!info || info.key !== runKey(context)) return undefined;
  const projects = context.session.projects;
  if (projects.length !== info.projects.length) return undefined;
  for (const [index, project] of projects.entries()) {
    const stored = info.projects[index]!;
    if (stored.name !== project.name || stored.outputDir !== project.output) return undefined;
    const inputs = await resolveInputFiles(project, context.session.config.rootDir, context.session.locate);
    if (stableStringify(inputs.files) !== stableStringify(stored.inputFiles)) return undefined;
    if (await interruptedRun(nodeFileSystem, project.output, context.cwd, 'warning')) return undefined;
  }
  for (const [path, stamp] of Object.entries(info.files)) if (!isUnchanged(path, stamp, info.recordedAt)) return undefined;
  for (const stored of info.projects) {
    for (const [path, stamp] of Object.entries(stored.written)) if (!isUnchanged(path, stamp, info.recordedAt)) return undefined;
  }
  const runs = info.projects.map((stored, index) => skippedProject(stored, context, index));
  if (runs.some((run) => run === undefined)) return undefined;
  fastPathStats.skipped += 1;
  return { projects: runs as ProjectRun[], diagnostics: info.diagnostics };
}

/**
 * Records a successful write run, for the next run to skip. `reads` are each project's analysis
 * reads, by project name. Nothing is recorded when the run cannot be repeated as a no-op (an
 * output kept or refused, a diagnostic about writing, an unresolved import).
 */
export function recordBuild(context: FastPathContext, runs: readonly ProjectRun[], reads: ReadonlyMap<string, AnalysisReads>, diagnostics: readonly Diagnostic[]): void {
  const file = infoFile(context);
  if (!fastPathApplies(context.options) || (context.options.mode ?? 'write') !== 'write') return;
  const repeatable =
    runs.every((run) => run.plan.entries.every((entry) => REPEATS_AS_UNCHANGED.has(entry.action))) &&
    runs.every((run) => reads.get(run.name)?.complete === true) &&
    !diagnostics.some((d) => d.code.startsWith('CG4')) &&
    !hasErrors(diagnostics, context.options.strict);
  if (!repeatable) return forget(file);
  const recordedAt = Date.now();
  const files: Record<string, FileStamp> = {};
  const sources: string[] = [];
  for (const projectReads of reads.values()) {
    for (const source of projectReads.sources) {
      files[source.path] = stampFile(source.path, source.text);
      sources.push(source.path);
    }
    for (const config of projectReads.configs) files[config] = stampFile(config);
  }
  const outputFolders = runs.flatMap((run) => run.plan.entries.map((entry) => dirname(entry.absolutePath)));
  for (const path of buildInputFiles(context.session.config, context.session.projects, context.session.generators, new Set(outputFolders), sources)) files[path] ??= stampFile(path);
  const projects = runs.map((run): StoredProject => {
    const outputs = run.plan.entries.filter((entry) => entry.action !== 'delete');
    const written: Record<string, FileStamp> = {};
    for (const entry of outputs) written[entry.absolutePath] = stampFile(entry.absolutePath);
    const manifest = join(run.outputDir, MANIFEST_FILE);
    written[manifest] = stampFile(manifest);
    return { name: run.name, input: run.input, inputFiles: run.inputFiles, outputDir: run.outputDir, generators: run.generators, outputs: outputs.map((entry) => entry.path), written };
  });
  const info: BuildInfo = { version: VERSION, key: runKey(context), recordedAt, files, projects, diagnostics: [...diagnostics] };
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(info));
    renameSync(`${file}.tmp`, file);
  } catch {
    // A cache: a run that cannot record simply is not skipped next time.
  }
}

const REPEATS_AS_UNCHANGED = new Set<EmitEntry['action']>(['create', 'update', 'unchanged', 'delete']);

/** The settings a run's outputs depend on, besides files: codegen, the resolved config, the options. */
function runKey({ session, options, cwd, version }: FastPathContext): string {
  const settings = { version, cwd, config: session.config, projects: options.projects ?? [], format: options.format ?? true, prune: options.prune ?? true, strict: options.strict ?? false };
  return shortHash(stableStringify(settings));
}

/** `node_modules/.cache/codegen/build-info-<id>.json` in the config folder, one per config file and project choice. */
function infoFile({ session, options }: FastPathContext): string {
  const id = shortHash(session.config.configFile, ...(options.projects ?? [])).slice(0, 12);
  return join(session.config.rootDir, 'node_modules', '.cache', 'codegen', `build-info-${id}.json`);
}

function readInfo(context: FastPathContext): BuildInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(infoFile(context), 'utf8')) as BuildInfo;
    return info.version === VERSION ? info : undefined;
  } catch {
    return undefined;
  }
}

function forget(file: string): void {
  try {
    writeFileSync(file, '{}');
  } catch {
    // nothing recorded: nothing to forget
  }
}

/**
 * The ProjectRun of a skipped project; its model is analysed only if someone reads it. Reading it
 * needs the analysis stage loaded (the package's entry point loads it before a run; the CLI,
 * which loads it only to analyse, never reads a skipped run's model).
 */
function skippedProject(stored: StoredProject, context: FastPathContext, index: number): ProjectRun | undefined {
  const manifestPath = join(stored.outputDir, MANIFEST_FILE);
  let manifestText: string;
  try {
    manifestText = readFileSync(manifestPath, 'utf8');
  } catch {
    return undefined;
  }
  const manifest = parseManifest(manifestText);
  if (!manifest || bytesHash(manifestText) !== stored.written[manifestPath]?.hash) return undefined;
  const entries: EmitEntry[] = stored.outputs.map((path) => ({ path, absolutePath: join(stored.outputDir, path), action: 'unchanged' }));
  const project = context.session.projects[index]!;
  const { session } = context;
  let model: ProjectRun['model'] | undefined;
  const analyse = () => {
    const stage = loadedAnalysis();
    if (!stage) throw new Error('The model of a run the no-op fast path skipped is analysed when read: load the analysis stage first (pipeline/analysis.ts).');
    return stage.analyzeFiles(session, project, stored.inputFiles).model;
  };
  const run = {
    name: stored.name,
    input: stored.input,
    inputFiles: stored.inputFiles,
    outputDir: stored.outputDir,
    generators: stored.generators,
    plan: { outputDir: stored.outputDir, displayRoot: context.cwd, entries, manifest, manifestText, manifestChanged: false, diagnostics: [] },
    written: [],
    deleted: [],
  } as Omit<ProjectRun, 'model'> as ProjectRun;
  Object.defineProperty(run, 'model', {
    enumerable: true,
    get: () => (model ??= analyse()),
  });
  return run;
}
