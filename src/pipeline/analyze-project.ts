/**
 * Analysing a project: its inputs resolved, its tsconfig read, the model from a fresh analysis
 * (`inspect`) or from the project's warm analyzer (a workspace build). Part of the analysis stage
 * (analysis.ts): it brings the analyzer, ts-morph and TypeScript, which a no-op run never loads.
 */
import { ts } from 'ts-morph';
import { analyze, createAnalyzer, type AnalyzeInput, type AnalyzeResult } from '../analyzer/index.js';
import { resolveInputFiles } from '../config/index.js';
import { displayPath } from '../config/paths.js';
import type { ProjectConfig } from '../config/types.js';
import { diagnostic } from '../diagnostics/create.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { createRenderer, type Renderer } from '../render/index.js';
import { generatorDefinitions } from './generator-definitions.js';
import type { Session } from './session.js';
import type { Timings } from './timings.js';
import type { WarmProject } from './workspace-project.js';

export interface ProjectAnalysis {
  inputFiles: string[];
  /** The input base outputs mirror (see `resolveInputFiles`). */
  inputRoot: string;
  analysis: AnalyzeResult;
}

/** What the analyzer of `project` is given: every analysis of a project (one-shot, warm, a skipped run's model) reads it alike. */
export function analyzerInput(session: Session, project: ProjectConfig, files: string[]): AnalyzeInput {
  return {
    rootDir: session.config.rootDir,
    files,
    tsconfig: project.tsconfig,
    defaultGenerators: Object.keys(project.generators),
    naming: project.naming,
    knownGenerators: session.generators.map((generator) => generator.name),
    displayRoot: session.cwd,
  };
}

/** A skipped run's model (build-info.ts), analysed when someone reads it. */
export function analyzeFiles(session: Session, project: ProjectConfig, files: string[]): AnalyzeResult {
  return analyze(analyzerInput(session, project, files));
}

/** Resolves a project's inputs and analyses them; `undefined` when the globs failed or the tsconfig cannot be read. */
export async function analyzeProject(
  session: Session,
  project: ProjectConfig,
  timings: Timings,
  diagnostics: Diagnostic[],
): Promise<ProjectAnalysis | undefined> {
  const inputs = await resolveInputFiles(project, session.config.rootDir, session.locate);
  const problems = [...inputs.diagnostics, ...unreadableTsconfig(project, session.cwd)];
  diagnostics.push(...problems);
  if (problems.some((d) => d.severity === 'error')) return undefined;
  const analysis = timings.measure('analyze', () => analyze(analyzerInput(session, project, inputs.files)));
  diagnostics.push(...analysis.diagnostics);
  return { inputFiles: inputs.files, inputRoot: inputs.base, analysis };
}

/**
 * Resolves the project's inputs again (files added, removed or renamed since the last build)
 * and analyses it, re-reading only `changed` files and those the globs now add or drop;
 * `undefined` when the globs failed or the tsconfig cannot be read.
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
  // A new program reads the tsconfig (the first build, or one after the tsconfig changed).
  const unreadable = warm.analyzer ? [] : unreadableTsconfig(project, session.cwd);
  diagnostics.push(...unreadable);
  if (unreadable.length > 0) return undefined;
  const analysis: AnalyzeResult = timings.measure('analyze', () => {
    if (!warm.analyzer) {
      warm.analyzer = createAnalyzer({ ...analyzerInput(session, project, inputs.files), incremental: warm.memo !== undefined });
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

/** The project's compiled templates, compiled on first use (kept on the warm project until a template changes). */
export function projectRenderer(warm: WarmProject, session: Session): Renderer {
  warm.renderer ??= createRenderer({ generators: generatorDefinitions(session), userTemplatesDir: warm.project.templates, displayRoot: session.cwd });
  return warm.renderer;
}

/**
 * CG1010 at the syntax error of a tsconfig TypeScript cannot parse (the one the config names or
 * the nearest one), rather than the analyzer's failure as an internal error.
 */
function unreadableTsconfig(project: ProjectConfig, cwd: string): Diagnostic[] {
  if (project.tsconfig === undefined) return [];
  const read = ts.readConfigFile(project.tsconfig, ts.sys.readFile);
  if (!read.error) return [];
  const file = displayPath(project.tsconfig, cwd);
  const message = `tsconfig ${file} cannot be read: ${ts.flattenDiagnosticMessageText(read.error.messageText, '\n')}`;
  const position = read.error.file && read.error.start !== undefined ? read.error.file.getLineAndCharacterOfPosition(read.error.start) : undefined;
  const hint = 'Fix the tsconfig at the reported position: tsc cannot read it either.';
  return [diagnostic('CG1010', { message, hint, file, ...(position ? { line: position.line + 1, column: position.character + 1 } : {}) })];
}
