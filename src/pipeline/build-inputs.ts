/**
 * Every file besides the analysed sources that decides what a run writes: codegen's own code and
 * templates, the config file, plugins, user templates, what Prettier reads (its version, its
 * config and ignore files, .editorconfig), the lockfiles above the project, and the package.json
 * nearest each analysed source (module resolution reads them). Paths that do not exist count too:
 * a `.prettierrc` appearing is a change.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, parse } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProjectConfig, ResolvedConfig } from '../config/types.js';
import type { GeneratorInfo } from '../generators/kit/contract.js';

/**
 * codegen's own compiled code and its built-in templates. Run from its TypeScript sources (its own
 * tests), the code is not stamped: only a build is a version users run.
 */
const CODE_DIR = fileURLToPath(new URL('..', import.meta.url));
const CODE_IS_BUILT = /[\\/]dist[\\/]?$/.test(CODE_DIR);
const TEMPLATES_DIR = fileURLToPath(new URL('../../templates', import.meta.url));

/** codegen's version, from its package.json (a build of the same version differs in CODE_DIR's files). */
export const CODEGEN_VERSION = (JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version: string }).version;

/** Where Prettier 3 looks for a config, in each folder from the file's up to the root. */
const PRETTIER_CONFIG_NAMES = [
  'package.json',
  'package.yaml',
  '.prettierrc',
  '.prettierrc.json',
  '.prettierrc.yaml',
  '.prettierrc.yml',
  '.prettierrc.json5',
  '.prettierrc.js',
  '.prettierrc.mjs',
  '.prettierrc.cjs',
  '.prettierrc.ts',
  '.prettierrc.mts',
  '.prettierrc.cts',
  '.prettierrc.toml',
  'prettier.config.js',
  'prettier.config.mjs',
  'prettier.config.cjs',
  'prettier.config.ts',
  'prettier.config.mts',
  'prettier.config.cts',
  '.editorconfig',
];
const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb'];

/**
 * The files a run of `projects` depends on besides the analysed sources. `outputFolders` are the
 * folders outputs are written to (Prettier resolves its config from each); `sources` the analysed files.
 */
export function buildInputFiles(
  config: ResolvedConfig,
  projects: readonly ProjectConfig[],
  generators: readonly GeneratorInfo[],
  outputFolders: Iterable<string>,
  sources: Iterable<string>,
): string[] {
  const files = new Set<string>([config.configFile, ...(CODE_IS_BUILT ? listFiles(CODE_DIR) : []), ...listFiles(TEMPLATES_DIR)]);
  // Plugins' own template folders (built-in generators' are in TEMPLATES_DIR).
  for (const generator of generators) if (generator.templatesDir) for (const file of listFiles(generator.templatesDir)) files.add(file);
  for (const project of projects) {
    for (const plugin of project.plugins) files.add(plugin);
    if (project.templates) for (const file of listFiles(project.templates)) files.add(file);
  }
  const prettier = prettierPackageJson(config.rootDir);
  if (prettier) files.add(prettier);
  files.add(join(config.rootDir, '.prettierignore'));
  for (const folder of upwards([...outputFolders, config.rootDir])) for (const name of PRETTIER_CONFIG_NAMES) files.add(join(folder, name));
  for (const folder of upwards([config.rootDir])) for (const name of LOCKFILES) files.add(join(folder, name));
  for (const packageJson of nearestPackageJsons(sources)) files.add(packageJson);
  return [...files].sort();
}

/** Every file below `folder` (recursively); none when it does not exist. */
function listFiles(folder: string): string[] {
  try {
    return readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
  } catch {
    return [];
  }
}

/** Each folder and all its ancestors, once. */
function upwards(folders: readonly string[]): Set<string> {
  const seen = new Set<string>();
  for (const start of folders) {
    for (let folder = start; !seen.has(folder); folder = dirname(folder)) {
      seen.add(folder);
      if (folder === parse(folder).root) break;
    }
  }
  return seen;
}

/** The package.json of the Prettier the formatter loads (its version is in the formatter's identity). */
function prettierPackageJson(rootDir: string): string | undefined {
  for (const from of [join(rootDir, 'package.json'), fileURLToPath(import.meta.url)]) {
    try {
      return createRequire(from).resolve('prettier/package.json');
    } catch {
      // not resolvable from there
    }
  }
  return undefined;
}

/** The package.json candidates of every folder holding a source and of its ancestors (TypeScript's module resolution reads the nearest). */
function nearestPackageJsons(sources: Iterable<string>): Set<string> {
  const folders = new Set<string>();
  for (const source of sources) folders.add(dirname(source));
  const files = new Set<string>();
  for (const folder of upwards([...folders])) files.add(join(folder, 'package.json'));
  return files;
}
