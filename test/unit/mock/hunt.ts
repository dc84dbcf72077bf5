/**
 * The opt-in mock hunt (MOCK_HUNT=1; not part of the suite, whose property tests mock the mock and
 * validate fixtures and the example): the mock property over every other fixture, the models of
 * analyzer, analyzer-entities, analyzer-services, client, openapi and sql (MOCK_HUNT_SETS), or
 * with MOCK_HUNT_PROJECTS=1 every fixture folder holding `src/models/` or `input/` without a
 * model (e2e projects, hostile names, mock-extreme, the class-validator differential), each set
 * of sources once. Every declaration gets validate, mock and openapi; for MOCK_HUNT_SEEDS seeds
 * (200) `isT(mockT())` and the OpenAPI schema (ajv 2020 + ajv-formats, as the suite compiles it)
 * must hold. Expected, not failed: a mock that throws, or fails, where a CG5001/CG2011/CG2018
 * names its type; a value holding undefined, a function, a Map or a Set (no JSON form) is not put
 * to the schema.
 *
 *   MOCK_HUNT=1 npx vitest run test/unit/mock/hunt-fixtures.test.ts
 *   MOCK_HUNT=1 MOCK_HUNT_PROJECTS=1 npx vitest run test/unit/mock/hunt-fixtures.test.ts
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { analyze } from '../../../src/analyzer/index.js';
import { buildDocument, openapiGenerator } from '../../../src/generators/openapi/index.js';
import { withDefaults } from '../../../src/generators/openapi/options.js';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import { validateGenerator } from '../../../src/generators/validate/index.js';
import type { Model } from '../../../src/model/types.js';
import { compileComponentSchemas, schemaErrors, toJson } from '../../helpers/json-schema.js';
import { CONTEXT, declarationsOf, inspect, loadExports, materialize, type MockSource } from './helpers.js';

const ROOT = join(process.cwd(), 'test/.tmp/mock-hunt');
export { SEEDS };
const SEEDS: number = Number(process.env['MOCK_HUNT_SEEDS'] ?? 200);
const SETS = (process.env['MOCK_HUNT_SETS'] ?? 'analyzer,analyzer-entities,analyzer-services,client,openapi,sql').split(',');
const ONLY = process.env['MOCK_HUNT_ONLY'];

function holdsUndefined(value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.some((item) => item === undefined || holdsUndefined(item));
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).some((item) => item === undefined || holdsUndefined(item));
}

/** A Map or Set (no JSON form: `JSON.stringify` writes `{}`), anywhere in the value. */
function holdsCollection(value: unknown, seen = new Set<unknown>()): boolean {
  if (typeof value !== 'object' || value === null || seen.has(value)) return false;
  if (value instanceof Map || value instanceof Set) return true;
  seen.add(value);
  return Object.values(value).some((item) => holdsCollection(item, seen));
}

/** Sources whose inputs cannot run (the mocks import them), and why. */
const UNLOADABLE: Record<string, string> = {
  'analyzer-classes': 'input/nest.ts only declares the `Controller` decorator that invoice.ts runs',
};

/** A function JSON cannot carry (`onDone: () => void`): the schema still requires the key. */
function holdsFunction(value: unknown): boolean {
  if (typeof value === 'function') return true;
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).some(holdsFunction);
}

/** The fixture models of MOCK_HUNT_SETS, every declaration widened to validate, mock and openapi. */
export function sources(): MockSource[] {
  const found: MockSource[] = [];
  for (const set of SETS) {
    const dir = resolve('test/fixtures', set);
    for (const name of readdirSync(dir).sort()) {
      const root = join(dir, name);
      if (ONLY && !`${set}/${name}`.includes(ONLY)) continue;
      if (!existsSync(join(root, 'model.json')) || !existsSync(join(root, 'input'))) continue;
      const stored = JSON.parse(readFileSync(join(root, 'model.json'), 'utf8')) as Model;
      // The entity fixtures keep only entities and columns: their sources are analysed here.
      const model = stored.version && stored.declarations ? stored : analyze({ rootDir: root, files: globSync('input/**/*.ts', { cwd: root, absolute: true }).sort(), defaultGenerators: ['validate', 'mock', 'openapi'], knownGenerators: ['validate', 'mock', 'openapi', 'sql', 'crud', 'client'], displayRoot: root }).model;
      const all = (generators: string[]) => [...new Set([...generators.filter((g) => g !== 'client' && g !== 'sql' && g !== 'crud'), 'validate', 'mock', 'openapi'])];
      const widened: Model = {
        ...model,
        declarations: model.declarations.map((declaration) => ({ ...declaration, generators: all(declaration.generators) })),
        services: [],
        entities: [],
      } as Model;
      found.push({ name: `${set}-${name}`, model: widened, copy: ['input'], root, context: CONTEXT });
    }
  }
  return found;
}

/**
 * The fixtures without a model (e2e projects, hostile names, mock-extreme, class-validator
 * differential…): each folder holding `src/models/` or `input/`, analysed here, once per distinct
 * set of sources.
 */
export function projectSources(): MockSource[] {
  const found: MockSource[] = [];
  const seen = new Set<string>();
  const folders = globSync(['**/src/models', '**/input'], { cwd: resolve('test/fixtures'), onlyDirectories: true, ignore: ['**/node_modules/**', '**/expected/**', '**/generated/**'] });
  for (const folder of folders.sort()) {
    const dir = resolve('test/fixtures', folder.replace(/\/$/, ''));
    const inSrc = dir.endsWith('src/models');
    const root = inSrc ? resolve(dir, '../..') : resolve(dir, '..');
    // A folder inside another one's sources (`input/lib`) is part of it.
    if (existsSync(join(root, 'model.json')) || /\/(input|src\/models)\/./.test(folder.replace(/\/$/, ''))) continue;
    if (ONLY && !folder.includes(ONLY)) continue;
    const files = globSync('**/*.ts', { cwd: dir, absolute: true, ignore: ['**/*.mock.ts', '**/*.validate.ts', '**/*.d.ts'] }).sort();
    if (files.length === 0) continue;
    const key = files.map((file) => readFileSync(file, 'utf8')).join('\0');
    if (seen.has(key)) continue;
    seen.add(key);
    let model: Model;
    try {
      model = analyze({ rootDir: root, files, defaultGenerators: ['validate', 'mock', 'openapi'], knownGenerators: ['validate', 'mock', 'openapi', 'sql', 'crud', 'client'], displayRoot: root }).model;
    } catch (error) {
      console.log(`SKIP ${folder}: analysis threw ${(error as Error).message.slice(0, 200)}`);
      continue;
    }
    const all = (generators: string[]) => [...new Set([...generators.filter((g) => g !== 'client' && g !== 'sql' && g !== 'crud'), 'validate', 'mock', 'openapi'])];
    const widened = { ...model, declarations: model.declarations.map((declaration) => ({ ...declaration, generators: all(declaration.generators) })), services: [], entities: [] } as Model;
    found.push({ name: folder.replace(/\//g, '-'), model: widened, copy: [inSrc ? 'src' : 'input'], root, context: inSrc ? { ...CONTEXT, inputRoot: 'src' } : CONTEXT });
  }
  return found;
}


/** The problems of one source's mocks ('' when none); see the file's comment. */
export async function huntSource(source: MockSource): Promise<string> {
  const problems: string[] = [];
  // What the generators report: a mock that throws, or a type no value of which passes, is expected where a diagnostic names it.
  const diagnostics = [...mockGenerator.check!(source.model, { split: 'file', seed: 42, maxDepth: 3 }, CONTEXT), ...validateGenerator.check!(source.model, { split: 'file' } as never, CONTEXT), ...openapiGenerator.check!(source.model, { split: 'file', ...withDefaults({}) }, CONTEXT)];
  const named = (name: string) => diagnostics.some((entry) => ['CG5001', 'CG2011', 'CG2018'].includes(entry.code) && new RegExp(`\\b${name}\\b`).test(entry.message));
  let folder: string;
  try {
    folder = await materialize(source, ROOT, undefined, false);
  } catch (error) {
    return `generation threw ${(error as Error).message.slice(0, 300)}`;
  }
  let exports: Awaited<ReturnType<typeof loadExports>>;
  try {
    exports = await loadExports(folder, 1);
  } catch (error) {
    if (source.name in UNLOADABLE) return '';
    return `loading the generated modules threw ${(error as Error).message.slice(0, 300)}`;
  }
  const schemaOf = compileComponentSchemas(buildDocument(source.model, withDefaults({})));
  for (const { name } of declarationsOf(source)) {
    const mock = exports[`mock${name}`];
    const is = exports[`is${name}`];
    if (!mock || !is) {
      problems.push(`${name}: no mock or isT`);
      continue;
    }
    const check = schemaOf(name);
    let reported = 0;
    for (let seed = 0; seed < SEEDS && reported < 2; seed++) {
      let value: unknown;
      try {
        value = mock({}, { seed });
      } catch (error) {
        // `Holder` holding a `Ledger` no mock builds: the throw names the member, which a CG5001 names.
        const thrower = /^No mock can be built for ([\w$]+)/.exec((error as Error).message)?.[1];
        if (!named(name) && !(thrower && named(thrower))) problems.push(`${name} seed ${seed}: throws ${(error as Error).message.slice(0, 200)}`);
        reported = 2;
        break;
      }
      if (!is(value) && !named(name)) {
        const { issues } = exports[`validate${name}`]!(value) as { issues: Array<{ path: string; message: string }> };
        problems.push(`${name} seed ${seed}: isT rejects ${inspect(value)}: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ').slice(0, 300)}`);
        reported++;
      }
      if (check && !holdsUndefined(value) && !holdsFunction(value) && !holdsCollection(value) && !check(toJson(value)) && !named(name)) {
        problems.push(`${name} seed ${seed}: schema rejects ${inspect(value)}: ${schemaErrors(check).slice(0, 300)}`);
        reported++;
      }
    }
  }
  console.log(`HUNT ${source.name}: ${declarationsOf(source).length} types`);
  return problems.join('\n');
}
