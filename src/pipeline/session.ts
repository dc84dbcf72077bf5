/**
 * What every command needs before it can work on a project: the loaded config, the chosen
 * projects, the generators (built-in and plugins), and each project's analysed model.
 */
import { analyze, type AnalyzeResult } from '../analyzer/index.js';
import { loadConfig, resolveInputFiles, validateGenerators, type LoadConfigResult } from '../config/index.js';
import { checkProjectFolders, unusedTemplates } from '../config/project-paths.js';
import { uniqueDiagnostics } from '../config/unique-diagnostics.js';
import type { ProjectConfig, ResolvedConfig } from '../config/types.js';
import { diagnostic } from '../diagnostics/create.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { BUILTIN_GENERATORS } from '../generators/index.js';
import type { GeneratorDefinition } from '../generators/kit/contract.js';
import { ts } from 'ts-morph';
import { displayPath } from '../config/paths.js';
import { loadPlugins } from './load-plugins.js';
import type { Timings } from './timings.js';

export interface SessionOptions {
  cwd: string;
  config?: string;
  projects?: string[];
  env?: Record<string, string | undefined>;
}

export interface Session {
  cwd: string;
  config: ResolvedConfig;
  locate: LoadConfigResult['locate'];
  projects: ProjectConfig[];
  generators: GeneratorDefinition<any>[];
}

/** Loads config, projects and generators; `undefined` with diagnostics when the config is unusable. */
export async function openSession(
  options: SessionOptions,
  timings: Timings,
  diagnostics: Diagnostic[],
): Promise<Session | undefined> {
  const loaded = await timings.measureAsync('config', () =>
    loadConfig({ cwd: options.cwd, configFile: options.config, env: options.env ?? process.env }),
  );
  diagnostics.push(...loaded.diagnostics);
  if (!loaded.config || diagnostics.some((d) => d.severity === 'error')) return undefined;
  const config = loaded.config;
  const projects = selectProjects(config, options.projects ?? [], diagnostics);
  const missing = projects.flatMap((project) => [...checkProjectFolders(project, config.rootDir, loaded.locate), ...unreadableTsconfig(project, options.cwd)]);
  diagnostics.push(...uniqueDiagnostics(missing));
  if (missing.some((d) => d.severity === 'error')) return undefined;
  const pluginPaths = [...new Set(projects.flatMap((project) => project.plugins))];
  const plugins = await loadPlugins(pluginPaths, options.cwd);
  diagnostics.push(...plugins.diagnostics);
  const generators = [...BUILTIN_GENERATORS, ...plugins.generators];
  diagnostics.push(...uniqueDiagnostics(projects.flatMap((project) => unusedTemplates(project, generators, config.rootDir, loaded.locate))));
  // Built-in generators other than openapi write TypeScript modules named by `fileName`; a plugin's may write anything.
  const known = generators.map((generator) => ({ ...generator, writesTypeScript: BUILTIN_GENERATORS.includes(generator) && generator.namesFilesByPattern !== false }));
  diagnostics.push(...validateGenerators(config, known, loaded.locate));
  return { cwd: options.cwd, config, locate: loaded.locate, projects, generators };
}

export interface ProjectAnalysis {
  inputFiles: string[];
  /** The input base outputs mirror (see `resolveInputFiles`). */
  inputRoot: string;
  analysis: AnalyzeResult;
}

/** Resolves a project's inputs and analyses them; `undefined` when the globs failed. */
export async function analyzeProject(
  session: Session,
  project: ProjectConfig,
  timings: Timings,
  diagnostics: Diagnostic[],
): Promise<ProjectAnalysis | undefined> {
  const inputs = await resolveInputFiles(project, session.config.rootDir, session.locate);
  diagnostics.push(...inputs.diagnostics);
  if (inputs.diagnostics.some((d) => d.severity === 'error')) return undefined;
  const analysis = timings.measure('analyze', () =>
    analyze({
      rootDir: session.config.rootDir,
      files: inputs.files,
      tsconfig: project.tsconfig,
      defaultGenerators: Object.keys(project.generators),
      naming: project.naming,
      knownGenerators: session.generators.map((generator) => generator.name),
      displayRoot: session.cwd,
    }),
  );
  diagnostics.push(...analysis.diagnostics);
  return { inputFiles: inputs.files, inputRoot: inputs.base, analysis };
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

function selectProjects(config: ResolvedConfig, names: readonly string[], diagnostics: Diagnostic[]): ProjectConfig[] {
  if (names.length === 0) return config.projects;
  const known = new Set(config.projects.map((project) => project.name));
  for (const name of names.filter((candidate) => !known.has(candidate))) {
    diagnostics.push(diagnostic('CG1008', { message: `Unknown project "${name}". Projects: ${[...known].join(', ')}.` }));
  }
  return config.projects.filter((project) => names.includes(project.name));
}
