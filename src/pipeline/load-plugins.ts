/**
 * Loads the config's `plugins`: a folder with a `codegen.generator.yaml` manifest (templates and
 * an optional helpers module), or a JavaScript module exporting a generator definition
 * (default export or `generator`). Plugins are the user's own code: loading one may run it.
 * What a plugin exports and returns is checked against the contract (see check-plugin-files.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { diagnostic } from '../diagnostics/create.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { BUILTIN_GENERATOR_INFO } from '../generators/builtin-info.js';
import { MANIFEST_FOR, manifestGenerator, type GeneratorManifest } from '../generators/custom/manifest-generator.js';
import type { GeneratorDefinition, TemplateHelper } from '../generators/kit/contract.js';
import { guardPlugin, guardResults } from './check-plugin-files.js';

const MANIFEST_FILE = 'codegen.generator.yaml';
/**
 * Each plugin file's content when this process first imported it. Node keeps a module for the
 * life of the process, by URL; a process that loads plugins more than once (the CLI run
 * in-process by tests, watch mode) must still see an edited plugin, as a fresh process would.
 */
const firstImported = new Map<string, string>();
const MODULE_ENTRIES = ['index.js', 'index.mjs', 'index.cjs'];

export interface LoadedPlugins {
  generators: GeneratorDefinition<any>[];
  diagnostics: Diagnostic[];
}

/**
 * Loads every plugin; a plugin that fails is reported (CG3005) and left out. So is one named as a
 * built-in generator (a plugin cannot replace one) or as a plugin loaded before it: under
 * `generators:` one name would stand for two definitions, and one of them would never run.
 */
export async function loadPlugins(paths: readonly string[], displayRoot: string): Promise<LoadedPlugins> {
  const generators: GeneratorDefinition<any>[] = [];
  const diagnostics: Diagnostic[] = [];
  const loadedFrom = new Map<string, string>();
  for (const path of paths) {
    const display = relative(displayRoot, path).split(sep).join('/');
    try {
      const generator = await loadPlugin(path, display);
      const clash = nameClash(generator.name, loadedFrom);
      if (clash !== undefined) {
        diagnostics.push(diagnostic('CG3005', { message: `Plugin "${display}" cannot be loaded: it is named "${generator.name}", ${clash}.`, file: display, hint: 'Give the plugin a name of its own (its definition\'s `name`, or `name:` in codegen.generator.yaml), and write that name under `generators:`.' }));
        continue;
      }
      loadedFrom.set(generator.name, display);
      generators.push(generator);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      diagnostics.push(diagnostic('CG3005', { message: `Plugin "${display}" cannot be loaded: ${reason}`, file: display }));
    }
  }
  return { generators, diagnostics };
}

/** What `name` is already, in words; undefined when it is free. */
function nameClash(name: string, loadedFrom: ReadonlyMap<string, string>): string | undefined {
  if (BUILTIN_GENERATOR_INFO.some((builtIn) => builtIn.name === name)) return 'as a built-in generator is (a plugin cannot replace one)';
  const other = loadedFrom.get(name);
  return other === undefined ? undefined : `as the plugin "${other}" is`;
}

async function loadPlugin(path: string, display: string): Promise<GeneratorDefinition<any>> {
  if (!existsSync(path)) throw new Error('no such file or folder');
  if (!statSync(path).isDirectory()) return loadModule(path, display);
  if (existsSync(join(path, MANIFEST_FILE))) return loadManifestFolder(path, display);
  const entry = MODULE_ENTRIES.map((name) => join(path, name)).find((candidate) => existsSync(candidate));
  if (!entry) throw new Error(`the folder has neither ${MANIFEST_FILE} nor ${MODULE_ENTRIES.join('/')}`);
  return loadModule(entry, display);
}

async function loadModule(path: string, display: string): Promise<GeneratorDefinition<any>> {
  const module = (await importCurrent(path)) as { default?: unknown; generator?: unknown };
  return guardPlugin(module.generator ?? module.default, display);
}

async function loadManifestFolder(folder: string, display: string): Promise<GeneratorDefinition<any>> {
  const raw = parseYaml(readFileSync(join(folder, MANIFEST_FILE), 'utf8')) as Record<string, unknown> | null;
  const manifest = readManifest(raw);
  const helpersFile = typeof raw?.['helpers'] === 'string' ? join(folder, raw['helpers']) : undefined;
  const helpers = helpersFile ? await loadHelpers(helpersFile) : {};
  return guardResults(manifestGenerator(manifest, folder, helpers), display);
}

function readManifest(raw: Record<string, unknown> | null): GeneratorManifest {
  const name = raw?.['name'];
  const output = raw?.['output'];
  const target = raw?.['for'] ?? 'declarations';
  if (typeof name !== 'string' || !/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`${MANIFEST_FILE}: "name" must be a kebab-case name`);
  if (typeof output !== 'string') throw new Error(`${MANIFEST_FILE}: "output" must be a file name pattern such as "{name}.md"`);
  if (!MANIFEST_FOR.includes(target as GeneratorManifest['for'])) {
    throw new Error(`${MANIFEST_FILE}: "for" must be one of ${MANIFEST_FOR.join(', ')}`);
  }
  const manifest: GeneratorManifest = { name, output, for: target as GeneratorManifest['for'] };
  if (typeof raw?.['description'] === 'string') manifest.description = raw['description'];
  if (typeof raw?.['template'] === 'string') manifest.template = raw['template'];
  const options = raw?.['options'];
  if (options !== undefined) {
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      throw new Error(`${MANIFEST_FILE}: "options" must map option names to their default values`);
    }
    manifest.options = options as Record<string, unknown>;
  }
  return manifest;
}

async function loadHelpers(path: string): Promise<Record<string, TemplateHelper>> {
  const module = (await importCurrent(path)) as { default?: unknown; helpers?: unknown };
  const helpers = module.helpers ?? module.default ?? module;
  if (typeof helpers !== 'object' || helpers === null) throw new Error('the helpers module must export an object of functions');
  return Object.fromEntries(Object.entries(helpers).filter((entry): entry is [string, TemplateHelper] => typeof entry[1] === 'function'));
}

/**
 * Imports the module at `path` as it is on disk now. The first import in this process is a plain
 * one (a one-shot run sees exactly the URL it always did); when the file has changed since, the
 * changed content is imported under its own URL (`?content=<hash>`), and a CommonJS file is
 * first dropped from require's cache, which ESM's import of CommonJS goes through. Modules the
 * plugin itself imports are Node's to cache: an edit to one of those needs a new process.
 */
async function importCurrent(path: string): Promise<unknown> {
  const url = pathToFileURL(path).href;
  const hash = createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);
  const first = firstImported.get(url);
  if (first === undefined) firstImported.set(url, hash);
  if (first === undefined || first === hash) return import(url);
  delete createRequire(import.meta.url).cache[path];
  return import(`${url}?content=${hash}`);
}
