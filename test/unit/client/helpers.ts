/**
 * The client fixtures driver: a fixture folder holds `input/*.ts` (sources with services),
 * `model.json` (their model, refreshed from the analyzer with UPDATE=1), optionally
 * `options.json` (client options) and `expected/` (the generated client files, formatted).
 * Generation is the real path: `plan` → the render stage → Prettier. Materialized fixtures also
 * hold the validate generator's output, which clients with `validateResponses` import.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { format } from 'prettier';
import { analyze } from '../../../src/analyzer/index.js';
import { clientGenerator } from '../../../src/generators/client/index.js';
import type { GeneratorDefinition, PlanContext } from '../../../src/generators/kit/contract.js';
import { createPlanContext, plannedOutputs, planGenerators } from '../../../src/generators/kit/plan-outputs.js';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import { validateGenerator } from '../../../src/generators/validate/index.js';
import type { Model } from '../../../src/model/types.js';
import { createRenderer } from '../../../src/render/index.js';
import { CONTEXT, listFiles, type GeneratedFile } from '../validate/helpers.js';

export { CONTEXT, listFiles, type GeneratedFile };

export const FIXTURES_DIR = resolve('test/fixtures/client');
export const TMP_DIR = resolve('test/.tmp/client');

/** Fixture folder names, sorted. */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Analyses a fixture's `input/*.ts` with `validate` and `client` as the default generators. */
export function analyzeFixture(name: string): ReturnType<typeof analyze> {
  const dir = join(FIXTURES_DIR, name);
  const inputDir = join(dir, 'input');
  const files = readdirSync(inputDir)
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .map((file) => join(inputDir, file));
  return analyze({ rootDir: dir, files, defaultGenerators: ['validate', 'client'], knownGenerators: ['validate', 'client', 'openapi', 'mock'], displayRoot: dir });
}

/** The fixture's `model.json`. */
export function fixtureModel(name: string): Model {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, name, 'model.json'), 'utf8')) as Model;
}

/** The fixture's client options (`options.json`), empty when absent. */
export function fixtureOptions(name: string): Record<string, unknown> {
  const path = join(FIXTURES_DIR, name, 'options.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : {};
}

const renderer = createRenderer({ generators: [clientGenerator, validateGenerator, mockGenerator], displayRoot: process.cwd() });

/**
 * The context the client plans with: it sees what the validate generator (run with
 * `validateOptions`) plans for the model, as in the pipeline, where `validate` is planned first.
 */
export function clientContext(model: Model, validateOptions: Record<string, unknown> = {}): PlanContext {
  const planned = planGenerators(model, [{ generator: validateGenerator, options: { split: 'file', coerce: false, ...validateOptions } }], CONTEXT);
  const outputs = new Map([['validate', plannedOutputs(planned.get('validate')!, validateOptions)]]);
  return createPlanContext(CONTEXT, outputs);
}

/** Plans and renders a generator's files, formatted unless `formatted` is false (Prettier changes only their layout). */
async function generate(generator: GeneratorDefinition<any>, model: Model, options: Record<string, unknown>, formatted = true): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  for (const planned of generator.plan(model, { split: 'file', ...options }, clientContext(model))) {
    const rendered = renderer.render(generator.name, planned);
    files.push({ path: planned.path, content: formatted ? await format(rendered, { parser: 'typescript' }) : rendered });
  }
  return files;
}

/** Plans, renders and formats (unless `formatted` is false) the client files of a fixture's model. */
export function generateFixture(name: string, formatted = true): Promise<GeneratedFile[]> {
  return generate(clientGenerator, fixtureModel(name), fixtureOptions(name), formatted);
}

/**
 * Writes a fixture's inputs, its client files and the validate output (with `validateOptions`,
 * default `{ coerce: false }`) into `<root>/<name>/`, unformatted (they are compiled and run;
 * fixtures.test.ts compares the formatted ones); returns that folder. Test files running in parallel use distinct roots.
 */
export async function materializeFixture(name: string, root = TMP_DIR, validateOptions: Record<string, unknown> = { coerce: false }): Promise<string> {
  const target = join(root, name);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  cpSync(join(FIXTURES_DIR, name, 'input'), join(target, 'input'), { recursive: true });
  const validators = await generate(validateGenerator, fixtureModel(name), validateOptions, false);
  for (const file of [...(await generateFixture(name, false)), ...validators]) {
    const path = join(target, CONTEXT.outputDir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  writeFileSync(join(root, 'package.json'), JSON.stringify({ type: 'module' }));
  return target;
}

/** Imports a generated module of a materialized fixture. */
export async function importGenerated<T>(folder: string, file: string): Promise<T> {
  return (await import(join(folder, CONTEXT.outputDir, file))) as T;
}

/**
 * Writes the mock generator's output for a fixture's model (every declaration processed by
 * `mock` too, and with `services` every service: its call-recording mock) into a materialized
 * fixture folder.
 */
export async function materializeMocks(name: string, folder: string, services = false): Promise<void> {
  const model = fixtureModel(name);
  const withMock: Model = {
    ...model,
    declarations: model.declarations.map((declaration) => ({ ...declaration, generators: [...declaration.generators, 'mock'] })),
    services: services ? model.services.map((service) => ({ ...service, generators: [...service.generators, 'mock'] })) : model.services,
  };
  for (const file of await generate(mockGenerator, withMock, {})) {
    const path = join(folder, CONTEXT.outputDir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
}
