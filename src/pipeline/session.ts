/**
 * What every command needs before it can work on a project: the loaded config, the chosen
 * projects and the generators (built-in and plugins). Analysing a project is the analysis
 * stage's (analyze-project.ts), loaded only by a run that analyses (analysis.ts).
 */
import { loadConfig, validateGenerators, type LoadConfigResult } from '../config/index.js';
import { checkProjectFolders, unusedTemplates } from '../config/project-paths.js';
import { uniqueDiagnostics } from '../config/unique-diagnostics.js';
import type { ProjectConfig, ResolvedConfig } from '../config/types.js';
import { diagnostic } from '../diagnostics/create.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { BUILTIN_GENERATOR_INFO } from '../generators/builtin-info.js';
import type { GeneratorDefinition, GeneratorInfo } from '../generators/kit/contract.js';
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
  /**
   * The generators the run knows, built-in ones first: what the config is checked against,
   * listed and reported. The built-in generators' code loads with the analysis stage
   * (`generatorDefinitions` in analysis-stage.ts), which a no-op run never loads.
   */
  generators: readonly GeneratorInfo[];
  /** The plugins' generators, in `generators` after the built-in ones (loaded with the session: they are the user's code). */
  plugins: readonly GeneratorDefinition<any>[];
}

/**
 * The config a load read and the projects it chose, whether or not they made a session: watch
 * mode also watches what a config that failed names (a templates folder or plugin not made yet),
 * so that making it builds.
 */
export interface SessionScope {
  config: ResolvedConfig;
  projects: ProjectConfig[];
}

/**
 * Loads config, projects and generators; `undefined` with diagnostics when the config is unusable.
 * `onScope` is told the config and projects as soon as they are read, before the checks that may
 * still fail (folders, plugins, generator options).
 */
export async function openSession(
  options: SessionOptions,
  timings: Timings,
  diagnostics: Diagnostic[],
  onScope?: (scope: SessionScope) => void,
): Promise<Session | undefined> {
  const loaded = await timings.measureAsync('config', () =>
    loadConfig({ cwd: options.cwd, configFile: options.config, env: options.env ?? process.env }),
  );
  diagnostics.push(...loaded.diagnostics);
  if (!loaded.config || diagnostics.some((d) => d.severity === 'error')) return undefined;
  const config = loaded.config;
  const projects = selectProjects(config, options.projects ?? [], diagnostics);
  onScope?.({ config, projects });
  // A tsconfig TypeScript cannot parse is reported where it is read: by the analysis (analyze-project.ts).
  const missing = projects.flatMap((project) => checkProjectFolders(project, config.rootDir, loaded.locate));
  diagnostics.push(...uniqueDiagnostics(missing));
  if (missing.some((d) => d.severity === 'error')) return undefined;
  const pluginPaths = [...new Set(projects.flatMap((project) => project.plugins))];
  const plugins = await loadPlugins(pluginPaths, options.cwd);
  diagnostics.push(...plugins.diagnostics);
  const generators = [...BUILTIN_GENERATOR_INFO, ...plugins.generators];
  const session: Session = { cwd: options.cwd, config, locate: loaded.locate, projects, generators, plugins: plugins.generators };
  diagnostics.push(...unusedTemplatesOf(session));
  // Built-in generators other than openapi write TypeScript modules named by `fileName`; a plugin's may write anything.
  const known = generators.map((generator) => ({ ...generator, writesTypeScript: BUILTIN_GENERATOR_INFO.includes(generator) && generator.namesFilesByPattern !== false }));
  diagnostics.push(...validateGenerators(config, known, loaded.locate));
  return session;
}

/**
 * CG3008 for what in the projects' `templates` folders overrides nothing, each once: said when the
 * session loads, and again by a watch build a template change started (a template renamed to a
 * name no template has would otherwise stop applying without a word).
 */
export function unusedTemplatesOf(session: Session): Diagnostic[] {
  return uniqueDiagnostics(session.projects.flatMap((project) => unusedTemplates(project, session.generators, session.config.rootDir, session.locate)));
}

function selectProjects(config: ResolvedConfig, names: readonly string[], diagnostics: Diagnostic[]): ProjectConfig[] {
  if (names.length === 0) return config.projects;
  const known = new Set(config.projects.map((project) => project.name));
  for (const name of names.filter((candidate) => !known.has(candidate))) {
    diagnostics.push(diagnostic('CG1008', { message: `Unknown project "${name}". Projects: ${[...known].join(', ')}.` }));
  }
  return config.projects.filter((project) => names.includes(project.name));
}
