/**
 * One project kept warm between builds: its ts-morph analyzer (the program stays in memory and
 * only changed input files are re-read), its compiled templates, and the memo of what each
 * output was rendered and formatted from.
 */
import { createAnalyzer, type Analyzer, type AnalyzeResult } from '../analyzer/index.js';
import { resolveInputFiles } from '../config/index.js';
import type { ProjectConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { createRenderer, type Renderer } from '../render/index.js';
import type { Session } from './session.js';
import type { ProjectAnalysis } from './session.js';
import type { Timings } from './timings.js';
import { createOutputStamps, type OutputStamps } from './output-stamps.js';
import { createBuildMemo, type BuildMemo } from './workspace-memo.js';

export interface WarmProject {
  readonly project: ProjectConfig;
  /** Compiled templates; replaced when a template changes. */
  renderer: Renderer;
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
export function warmProject(session: Session, project: ProjectConfig, reuse: boolean): WarmProject {
  return {
    project,
    renderer: rendererFor(session, project),
    memo: reuse ? createBuildMemo() : undefined,
    analyzer: undefined,
    inputFiles: [],
    hashes: reuse ? new Map() : undefined,
    stamps: reuse ? createOutputStamps() : undefined,
  };
}

/** Compiles templates afresh (on first use): after a template or partial changed. */
export function reloadTemplates(warm: WarmProject, session: Session): void {
  warm.renderer = rendererFor(session, warm.project);
  warm.memo?.forgetRenders();
}

/**
 * Resolves the project's inputs again (files added, removed or renamed since the last build)
 * and analyses it, re-reading only `changed` files and those the globs now add or drop;
 * `undefined` when the globs failed.
 */
export async function analyzeWarm(
  warm: WarmProject,
  session: Session,
  changed: ReadonlySet<string>,
  timings: Timings,
  diagnostics: Diagnostic[],
): Promise<ProjectAnalysis | undefined> {
  const { project } = warm;
  const inputs = await resolveInputFiles(project, session.config.rootDir, session.locate);
  diagnostics.push(...inputs.diagnostics);
  if (inputs.diagnostics.some((d) => d.severity === 'error')) return undefined;
  const analysis: AnalyzeResult = timings.measure('analyze', () => {
    if (!warm.analyzer) {
      warm.analyzer = createAnalyzer({
        rootDir: session.config.rootDir,
        files: inputs.files,
        tsconfig: project.tsconfig,
        defaultGenerators: Object.keys(project.generators),
        naming: project.naming,
        knownGenerators: session.generators.map((generator) => generator.name),
        displayRoot: session.cwd,
        incremental: warm.memo !== undefined,
      });
    } else {
      const before = new Set(warm.inputFiles);
      const now = new Set(inputs.files);
      const reread = inputs.files.filter((file) => !before.has(file) || changed.has(file));
      // A file an input imports from outside the globs (a shared types folder) is in the program too: read it again.
      const analyzer = warm.analyzer;
      const outside = [...changed].filter((file) => !before.has(file) && !now.has(file));
      reread.push(...outside.filter((file) => analyzer.holds(file)));
      // One the program does not hold may be a file an import looked for in vain (deleted, now back).
      if (outside.some((file) => !analyzer.holds(file))) analyzer.relink();
      const removed = warm.inputFiles.filter((file) => !now.has(file));
      if (reread.length > 0 || removed.length > 0) warm.analyzer.refresh(reread, removed);
    }
    warm.inputFiles = inputs.files;
    return warm.analyzer.analyze();
  });
  diagnostics.push(...analysis.diagnostics);
  return { inputFiles: inputs.files, inputRoot: inputs.base, analysis };
}

function rendererFor(session: Session, project: ProjectConfig): Renderer {
  return createRenderer({ generators: session.generators, userTemplatesDir: project.templates, displayRoot: session.cwd });
}
