/**
 * What every command needs before it can work on a project: the loaded config, the chosen
 * projects, the generators (built-in and plugins), and each project's analysed model.
 */
import { analyze, type AnalyzeResult } from '../analyzer/index.js';
import { loadConfig, resolveInputFiles, validateGenerators, type LoadConfigResult } from '../config/index.js';
import type { ProjectConfig, ResolvedConfig } from '../config/types.js';
import { diagnostic } from '../diagnostics/create.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { BUILTIN_GENERATORS } from '../generators/index.js';
import type { GeneratorDefinition } from '../generators/kit/contract.js';
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
  const pluginPaths = [...new Set(projects.flatMap((project) => project.plugins))];
  const plugins = await loadPlugins(pluginPaths, options.cwd);
  diagnostics.push(...plugins.diagnostics);
  const generators = [...BUILTIN_GENERATORS, ...plugins.generators];
  diagnostics.push(...validateGenerators(config, generators, loaded.locate));
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
      knownGenerators: session.generators.map((generator) => generator.name),
      displayRoot: session.cwd,
    }),
  );
  diagnostics.push(...analysis.diagnostics);
  return { inputFiles: inputs.files, inputRoot: inputs.base, analysis };
}

function selectProjects(config: ResolvedConfig, names: readonly string[], diagnostics: Diagnostic[]): ProjectConfig[] {
  if (names.length === 0) return config.projects;
  const known = new Set(config.projects.map((project) => project.name));
  for (const name of names.filter((candidate) => !known.has(candidate))) {
    diagnostics.push(diagnostic('CG1008', { message: `Unknown project "${name}". Projects: ${[...known].join(', ')}.` }));
  }
  return config.projects.filter((project) => names.includes(project.name));
}
