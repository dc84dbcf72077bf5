/**
 * From a validated config object to the `ResolvedConfig`: project inheritance, defaults and
 * paths made absolute against the config file's folder.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/index.js';
import { isPlainObject } from './check-value.js';
import { findUp } from './discover.js';
import { locateInProject, locateNearest, type Locate } from './locate.js';
import { CONFIG_OPTIONS, PROJECT_KEYS } from './option-table.js';
import { toPosix } from './paths.js';
import { checkOutputFolder, checkProtectGlobs, checkSharedOutputs } from './project-paths.js';
import type { OnHandEdit, ProjectConfig, ResolvedConfig } from './types.js';
import { invalidValue } from './validate.js';

/** The name of the single project of a config without `projects:`. */
export const DEFAULT_PROJECT = 'default';

export interface ResolveResult {
  config?: ResolvedConfig;
  diagnostics: Diagnostic[];
}

/** Resolves a config object that passed `validateConfigShape`. */
export function resolveConfig(raw: Record<string, unknown>, configFile: string, locate: Locate): ResolveResult {
  const rootDir = path.dirname(configFile);
  const inherited = pick(raw, PROJECT_KEYS);
  const entries = isPlainObject(raw.projects)
    ? Object.entries(raw.projects).map(([name, own]) => [name, { ...inherited, ...(own as Record<string, unknown> | null) }] as const)
    : [[DEFAULT_PROJECT, inherited] as const];

  const diagnostics: Diagnostic[] = [];
  const projects = entries.map(([name, settings]) => {
    const resolved = resolveProject(name, settings, rootDir, locate);
    diagnostics.push(...resolved.diagnostics);
    return resolved.project;
  });
  diagnostics.push(...checkSharedOutputs(projects, locate));
  if (hasErrors(diagnostics)) return { diagnostics };
  return { config: { configFile, rootDir, projects }, diagnostics };
}

function resolveProject(
  name: string,
  settings: Record<string, unknown>,
  rootDir: string,
  locate: Locate,
): { project: ProjectConfig; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const value = (key: string): unknown => settings[key] ?? defaultOf(key);
  const absolute = (p: unknown): string => path.resolve(rootDir, p as string);

  if (settings.input === undefined) {
    const where = locate(['projects', name]) ? ['projects', name] : [];
    diagnostics.push(invalidValue(locate, where, `Missing required key "input" in project "${name}": the globs of the files to read.`));
  }
  const tsconfig = resolveTsconfig(settings.tsconfig, name, rootDir, locate);
  if (tsconfig.diagnostic) diagnostics.push(tsconfig.diagnostic);

  const project: ProjectConfig = {
    name,
    input: ([] as string[]).concat((settings.input as string | string[] | undefined) ?? []),
    output: absolute(value('output')),
    generators: normaliseGenerators(value('generators') as Record<string, unknown>),
    plugins: (value('plugins') as string[]).map(absolute),
    format: value('format') as ProjectConfig['format'],
    naming: value('naming') as ProjectConfig['naming'],
    onHandEdit: value('onHandEdit') as OnHandEdit,
    protect: [...(value('protect') as string[])],
    debounce: value('debounce') as number,
  };
  if (tsconfig.path !== undefined) project.tsconfig = tsconfig.path;
  if (settings.templates !== undefined) project.templates = absolute(settings.templates);
  diagnostics.push(...checkOutputFolder(project, String(value('output')), rootDir, locate), ...checkProtectGlobs(project, locate));
  return { project, diagnostics };
}

function resolveTsconfig(
  written: unknown,
  project: string,
  rootDir: string,
  locate: Locate,
): { path?: string; diagnostic?: Diagnostic } {
  if (written === undefined) return { path: findUp('tsconfig.json', rootDir) };
  const resolved = path.resolve(rootDir, written as string);
  const position = locateInProject(locate, project, ['tsconfig'], 'value') ?? locateNearest(locate, []);
  if (!existsSync(resolved)) {
    return { diagnostic: diagnostic('CG1010', { message: `tsconfig not found: "${String(written)}".`, ...position }) };
  }
  if (statSync(resolved).isDirectory()) {
    const inside = path.join(resolved, 'tsconfig.json');
    const instead = existsSync(inside) ? ` Name the file: "${toPosix(path.relative(rootDir, inside))}".` : '';
    return { diagnostic: diagnostic('CG1010', { message: `tsconfig "${String(written)}" is a folder, not a tsconfig file.${instead}`, ...position }) };
  }
  return { path: resolved };
}

/** `validate:` with nothing after it means "no options". */
function normaliseGenerators(generators: Record<string, unknown>): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    Object.entries(generators).map(([name, options]) => [name, { ...((options as Record<string, unknown> | null) ?? {}) }]),
  );
}

function defaultOf(key: string): unknown {
  const fallback = CONFIG_OPTIONS.find((o) => o.key === key)?.default;
  return fallback === undefined ? undefined : structuredClone(fallback);
}

function pick(source: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]));
}
