/**
 * The one path behind `generate`, `--dry-run`, `check` and each watch re-run:
 * config → plugins → per project (inputs → analyze → build) → emit plan → verdict or write.
 * The pipeline itself lives in workspace.ts, whose long-lived form watch mode keeps open;
 * `run()` is its one-shot use. Returns structured results; never prints and never exits.
 */
import type { Diagnostic } from '../diagnostics/types.js';
import type { EmitPlan, FileSystem } from '../emit/index.js';
import type { Model } from '../model/types.js';
import type { ProjectGenerator } from './build-project.js';
import type { Timings, ProgressListener } from './timings.js';
import type { ReuseStats } from './workspace-memo.js';
import type { PreviousOutput } from './previous-outputs.js';
import { createWorkspace } from './workspace.js';

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
  /**
   * Output folders the project wrote before its `output` changed, found on its first run into the
   * new one: their files still as generated are deleted with this run's commit (previous-outputs.ts).
   */
  previous?: PreviousOutput[];
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
  /** A long-lived workspace's build: outputs rendered and formatted afresh, and reused. */
  reuse?: ReuseStats;
  /** The build was stopped (watch closing) before it wrote anything. */
  aborted?: boolean;
  /**
   * The build wrote nothing because a file it read changed before its commit (see
   * WorkspaceChanges.beforeCommit): the build that reads the new bytes replaces it.
   */
  superseded?: boolean;
}

/** Runs the pipeline once: one build of a fresh workspace (see workspace.ts). */
export async function run(options: RunOptions = {}): Promise<RunResult> {
  const workspace = createWorkspace(options);
  try {
    return await workspace.build();
  } finally {
    // On every path (success, errors, a throw): no worker thread outlives the run.
    await workspace.close();
  }
}
