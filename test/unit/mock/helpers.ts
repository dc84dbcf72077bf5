/**
 * The mock fixtures driver. A fixture folder `test/fixtures/mock/<case>/` holds `input/*.ts`
 * (the user's sources), `model.json` (their model, kept in sync with the analyzer by
 * model.test.ts), `expected/` (the generated mock files) and, for cases with unsatisfiable
 * constraints, `diagnostics.json`. Besides its own fixtures, the property test mocks every
 * validate fixture and the bundled example: `mockSources()` lists them all, each generated with
 * both `validate` and `mock` so that `isT(mockT())` can be asked.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'prettier';
import { globSync } from 'tinyglobby';
import { analyze } from '../../../src/analyzer/index.js';
import type { GeneratorDefinition, PlanContext } from '../../../src/generators/kit/contract.js';
import { createDeclarationIndex } from '../../../src/generators/kit/declaration-index.js';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import { mockedDeclarations } from '../../../src/generators/mock/view-model.js';
import { validateGenerator } from '../../../src/generators/validate/index.js';
import type { Declaration, Model } from '../../../src/model/types.js';
import { createRenderer } from '../../../src/render/index.js';
import { CONTEXT, FIXTURES_DIR as VALIDATE_FIXTURES_DIR, fixtureNames as validateFixtureNames, listFiles, type GeneratedFile } from '../validate/helpers.js';

export { CONTEXT, listFiles, validatorsOf, type GeneratedFile } from '../validate/helpers.js';

export const FIXTURES_DIR = resolve('test/fixtures/mock');
export const TMP_DIR = resolve('test/.tmp/mock');
const KNOWN_GENERATORS = ['validate', 'mock', 'openapi', 'sql', 'crud', 'client'];

/** Mock fixture folder names, sorted. */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Runs the analyzer on a mock fixture's `input/*.ts` (types without `@codegen` get `mock` and `validate`). */
export function analyzeFixture(name: string): ReturnType<typeof analyze> {
  const dir = join(FIXTURES_DIR, name);
  const files = globSync('input/*.ts', { cwd: dir, absolute: true }).sort();
  return analyze({ rootDir: dir, files, defaultGenerators: ['mock', 'validate'], knownGenerators: KNOWN_GENERATORS, displayRoot: dir });
}

/** A project to mock: its model, where its sources are, and where outputs go. */
export interface MockSource {
  name: string;
  model: Model;
  /** Folders to copy, relative to `root`, keeping their paths (`input`, `src/models`). */
  copy: string[];
  root: string;
  context: PlanContext;
}

const BOOKSTORE = resolve('examples/bookstore');

/** Every project the property test mocks: the mock fixtures, the validate fixtures and the example. */
export function mockSources(): MockSource[] {
  return [...fixtureSources(), bookstoreSource()];
}

/** The mock fixtures and the validate fixtures (with mocks added), without the example, whose analysis costs the most. */
export function fixtureSources(): MockSource[] {
  const own = fixtureNames().map((name) => ({
    name: `mock-${name}`,
    model: readModel(join(FIXTURES_DIR, name, 'model.json')),
    copy: ['input'],
    root: join(FIXTURES_DIR, name),
    context: CONTEXT,
  }));
  const validate = validateFixtureNames().map((name) => ({
    name: `validate-${name}`,
    model: withMock(readModel(join(VALIDATE_FIXTURES_DIR, name, 'model.json'))),
    copy: ['input'],
    root: join(VALIDATE_FIXTURES_DIR, name),
    context: CONTEXT,
  }));
  return [...own, ...validate];
}

/**
 * The example's model, analysed once per test process: the example does not change during a run,
 * and six test files ask for it (test files share a worker's modules: vitest.config.ts).
 */
let bookstoreModel: Model | undefined;

/** The bundled example, analysed with its tsconfig, every type and service mocked and validated. */
export function bookstoreSource(): MockSource {
  bookstoreModel ??= analyze({
    rootDir: BOOKSTORE,
    files: globSync(['src/models/*.ts', 'src/services/*.ts'], { cwd: BOOKSTORE, absolute: true }).sort(),
    tsconfig: join(BOOKSTORE, 'tsconfig.json'),
    defaultGenerators: ['validate', 'mock'],
    knownGenerators: KNOWN_GENERATORS,
    displayRoot: BOOKSTORE,
  }).model;
  // A copy per caller: no test can change what the next one reads.
  const model = structuredClone(bookstoreModel);
  return { name: 'bookstore', model, copy: ['src/models', 'src/services', 'src/lib'], root: BOOKSTORE, context: { ...CONTEXT, inputRoot: 'src' } };
}

function readModel(path: string): Model {
  return JSON.parse(readFileSync(path, 'utf8')) as Model;
}

/** The model with `mock` added wherever `validate` runs. */
function withMock(model: Model): Model {
  const add = (generators: string[]): string[] => (generators.includes('validate') ? [...new Set([...generators, 'mock'])] : generators);
  return {
    ...model,
    declarations: model.declarations.map((declaration) => ({ ...declaration, generators: add(declaration.generators) })),
    services: model.services.map((service) => ({ ...service, generators: add(service.generators) })),
  };
}

/** A generated TypeScript text as the fixtures' `expected/` files hold it: Prettier's defaults. */
export function formatTs(text: string): Promise<string> {
  return format(text, { parser: 'typescript' });
}

/**
 * Plans, renders and formats what `generators` make of a model. `formatted: false` skips
 * Prettier (half of the time here), for tests that only compile or run the files: Prettier
 * changes their layout, never their types or behaviour.
 */
export async function generate(model: Model, context: PlanContext, generators: GeneratorDefinition<any>[] = [mockGenerator], formatted = true): Promise<GeneratedFile[]> {
  const renderer = createRenderer({ generators, displayRoot: process.cwd() });
  const files: GeneratedFile[] = [];
  for (const generator of generators) {
    for (const planned of generator.plan(model, { split: 'file' }, context)) {
      const rendered = renderer.render(generator.name, planned);
      files.push({ path: planned.path, content: formatted ? await formatTs(rendered) : rendered });
    }
  }
  return files;
}

/** The mock files of a mock fixture (what `expected/` holds), or with `formatted: false` as rendered, before Prettier. */
export function generateFixture(name: string, formatted = true): Promise<GeneratedFile[]> {
  return generate(readModel(join(FIXTURES_DIR, name, 'model.json')), CONTEXT, undefined, formatted);
}

/**
 * Writes a source's inputs and what `generators` make of it (validators and mocks) below
 * `<root>/<name>/`, formatted unless `formatted` is false; returns that folder.
 */
export async function materialize(source: MockSource, root = TMP_DIR, generators: GeneratorDefinition<any>[] = [validateGenerator, mockGenerator], formatted = true): Promise<string> {
  const target = join(root, source.name);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const folder of source.copy) cpSync(join(source.root, folder), join(target, folder), { recursive: true });
  for (const file of await generateOnce(source, generators, formatted)) {
    const path = join(target, source.context.outputDir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  return target;
}

/**
 * What `generate` makes of a source, generated once per process for the same model, context,
 * generators and formatting: the property, property-schema and typecheck tests materialize the
 * same sources to compile or run them. Only for materialize: the fixture tests that compare two
 * generations call `generate` themselves.
 */
const generated = new Map<string, Promise<GeneratedFile[]>>();

function generateOnce(source: MockSource, generators: GeneratorDefinition<any>[], formatted: boolean): Promise<GeneratedFile[]> {
  const key = JSON.stringify([generators.map((generator) => generator.name), formatted, source.context, source.model]);
  let files = generated.get(key);
  if (!files) {
    files = generate(source.model, source.context, generators, formatted);
    generated.set(key, files);
    // A failed generation is not kept: the next caller sees the failure again.
    files.catch(() => generated.delete(key));
  }
  return files;
}

/** Reads a JSON file, or `fallback` when it does not exist. */
export function readJson<T>(path: string, fallback: T): T {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : fallback;
}

/** A function exported by a generated module. */
export type GeneratedFunction = (...args: unknown[]) => unknown;

/** Every export of a materialized project's generated mocks and validators; a fresh copy when `version` differs. */
export async function loadExports(folder: string, version: number): Promise<Record<string, GeneratedFunction>> {
  const generated = join(folder, 'generated');
  const modules = listFiles(generated).filter((file) => /\.(mock|validate)\.ts$/.test(file));
  const exports: Record<string, GeneratedFunction> = {};
  for (const file of modules) {
    Object.assign(exports, await import(`${pathToFileURL(join(generated, file)).href}?v=${version}`));
  }
  return exports;
}

/** The declarations a source's mocks cover: those processed by `mock` and all they reach. */
export function declarationsOf(source: MockSource): Declaration[] {
  return mockedDeclarations(source.model, createDeclarationIndex(source.model));
}

/** A value for a failure message: JSON with bigints as `12n`, cut at 400 characters. */
export function inspect(value: unknown): string {
  // `undefined` itself has no JSON text: named as such.
  return (JSON.stringify(value, (_key, entry: unknown) => (typeof entry === 'bigint' ? `${entry}n` : entry)) ?? String(value)).slice(0, 400);
}

/**
 * The first five of `seeds` seeded `mockT` values (seeds 0, 1, …) that `isT` rejects, each with
 * `validateT`'s issues, one per line: '' when every mock passes. `exports` is a loaded module set.
 */
export function mocksFailingIsT(exports: Record<string, GeneratedFunction>, type: string, seeds: number): string {
  const failures: string[] = [];
  for (let seed = 0; seed < seeds && failures.length < 5; seed++) {
    const value = exports[`mock${type}`]!({}, { seed });
    if (exports[`is${type}`]!(value)) continue;
    const { issues } = exports[`validate${type}`]!(value) as { issues: Array<{ path: string; message: string }> };
    failures.push(`seed ${seed}: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')} in ${inspect(value)}`);
  }
  return failures.join('\n');
}
