/**
 * One project kept warm between builds: its ts-morph analyzer (the program stays in memory and
 * only changed input files are re-read), its compiled templates, and the memo of what each
 * output was rendered and formatted from. Both are made by the analysis stage when a build first
 * analyses (analyze-project.ts): a warm project holds nothing heavy before that.
 */
import type { Analyzer } from '../analyzer/index.js';
import type { ProjectConfig } from '../config/types.js';
import type { Renderer } from '../render/index.js';
import { createOutputStamps, type OutputStamps } from './output-stamps.js';
import { createBuildMemo, type BuildMemo } from './workspace-memo.js';

export interface WarmProject {
  readonly project: ProjectConfig;
  /** Compiled templates, made on first use (`projectRenderer`); undefined again when a template changes. */
  renderer: Renderer | undefined;
  /** Undefined for a one-shot run: nothing to reuse. */
  readonly memo: BuildMemo | undefined;
  analyzer: Analyzer | undefined;
  /** The input files the analyzer holds, as the globs last matched them. */
  inputFiles: string[];
  /** The content hash of each output's text (see `PlanInput.hashes`); undefined for a one-shot run. */
  readonly hashes: Map<string, { content: string; hash: string }> | undefined;
  /** What the outputs on disk hold, as the last build left them (see output-stamps.ts); undefined for a one-shot run. */
  readonly stamps: OutputStamps | undefined;
}

/** A project with nothing loaded yet: the first build analyses everything. */
export function warmProject(project: ProjectConfig, reuse: boolean): WarmProject {
  return {
    project,
    renderer: undefined,
    memo: reuse ? createBuildMemo() : undefined,
    analyzer: undefined,
    inputFiles: [],
    hashes: reuse ? new Map() : undefined,
    stamps: reuse ? createOutputStamps() : undefined,
  };
}

/** Compiles templates afresh (on next use): after a template or partial changed. */
export function reloadTemplates(warm: WarmProject): void {
  warm.renderer = undefined;
  warm.memo?.forgetRenders();
}
