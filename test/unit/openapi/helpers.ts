/**
 * The openapi fixtures driver: a fixture folder holds `input/*.ts` (the user's sources),
 * `model.json` (their model, checked against the analyzer on every run and rewritten with
 * `UPDATE=1`), optionally `options.json` (generator options) and `expected/` (the documents,
 * Prettier-formatted). Generation is the real path: `check` → `plan` → render → Prettier.
 * Every document produced is checked with a real OpenAPI 3.1 validator.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { OpenAPIObject, SchemaObject } from 'openapi3-ts/oas31';
import { format } from 'prettier';
import { analyze, type AnalyzeResult } from '../../../src/analyzer/index.js';
import type { Diagnostic } from '../../../src/diagnostics/types.js';
import { openapiGenerator } from '../../../src/generators/openapi/index.js';
import type { OpenapiOptions } from '../../../src/generators/openapi/options.js';
import type { CommonGeneratorOptions, PlanContext } from '../../../src/generators/kit/contract.js';
import { createPlanContext } from '../../../src/generators/kit/plan-outputs.js';
import type { Model } from '../../../src/model/types.js';
import { createRenderer } from '../../../src/render/index.js';

export const FIXTURES_DIR = resolve('test/fixtures/openapi');

export const CONTEXT: PlanContext = createPlanContext({
  inputRoot: 'input',
  outputDir: 'generated',
  outputToRoot: '..',
  importExtension: '.js',
  configSource: 'codegen.config.yaml',
});

const KNOWN_GENERATORS = ['validate', 'mock', 'openapi', 'sql', 'crud', 'client'];

export type Options = Partial<OpenapiOptions> & CommonGeneratorOptions;

export interface GeneratedFile {
  path: string;
  content: string;
}

/** Fixture folder names, sorted. */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Analyses a fixture's `input/*.ts` with `openapi` as the default generator. */
export function analyzeFixture(name: string): AnalyzeResult {
  const dir = join(FIXTURES_DIR, name);
  const files = readdirSync(join(dir, 'input'))
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .map((file) => join(dir, 'input', file));
  return analyze({ rootDir: dir, files, defaultGenerators: ['openapi'], knownGenerators: KNOWN_GENERATORS, displayRoot: dir });
}

/** A fixture's committed model. */
export function fixtureModel(name: string): Model {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, name, 'model.json'), 'utf8')) as Model;
}

/** A fixture's options (`options.json`), with the common ones. */
export function fixtureOptions(name: string): Options {
  const path = join(FIXTURES_DIR, name, 'options.json');
  const own = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Partial<OpenapiOptions>) : {};
  return { split: 'file', ...own };
}

/** `check` and every planned file rendered and formatted, as the pipeline does before emit. */
export async function generate(model: Model, options: Options): Promise<{ diagnostics: Diagnostic[]; files: GeneratedFile[] }> {
  const renderer = createRenderer({ generators: [openapiGenerator], displayRoot: process.cwd() });
  const files: GeneratedFile[] = [];
  for (const planned of openapiGenerator.plan(model, options, CONTEXT)) {
    const rendered = renderer.render(openapiGenerator.name, planned);
    files.push({ path: planned.path, content: await format(rendered, { parser: planned.path.endsWith('.json') ? 'json' : 'yaml' }) });
  }
  return { diagnostics: openapiGenerator.check!(model, options, CONTEXT), files };
}

/** Documents and operations checked so far in this test file, for the closing report. */
export const checked = { documents: 0, operations: 0 };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Operations of a document as `METHOD /path` (with their operation ids). */
export function operationsOf(document: OpenAPIObject): Array<{ method: string; path: string; operationId?: string }> {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((method) => method in item).map((method) => ({
      method: method.toUpperCase(),
      path,
      operationId: (item as Record<string, { operationId?: string }>)[method]!.operationId,
    })),
  );
}

/**
 * One validator per process: it compiles the OpenAPI 3.1 schema on its first document (~0.3 s of
 * CPU) and keeps it, and nothing else carries over between documents (each call reads its own).
 */
const documentValidator = new Validator();

/**
 * Checks a document with @seriousme/openapi-schema-validator (OpenAPI 3.1), that every
 * `$ref` names a component schema, and that every discriminator can be followed
 * (`expectFollowableDiscriminators`); throws with the validator's errors otherwise.
 */
export async function expectValidDocument(document: OpenAPIObject): Promise<void> {
  const result = await documentValidator.validate(structuredClone(document) as unknown as Record<string, unknown>);
  if (!result.valid) throw new Error(`Invalid OpenAPI document: ${JSON.stringify(result.errors, null, 2)}`);
  const schemas = document.components?.schemas ?? {};
  for (const ref of collectRefs(document)) {
    const name = ref.replace('#/components/schemas/', '');
    if (!ref.startsWith('#/components/schemas/') || !(name in schemas)) throw new Error(`Unresolved $ref ${ref}`);
  }
  expectFollowableDiscriminators(document);
  checked.documents += 1;
  checked.operations += operationsOf(document).length;
}

function collectRefs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(collectRefs);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, entry]) => (key === '$ref' && typeof entry === 'string' ? [entry] : collectRefs(entry)));
}

/** The JSON document of a generation (parsed `openapi.json`). */
export function jsonDocument(files: readonly GeneratedFile[]): OpenAPIObject {
  const file = files.find((candidate) => candidate.path === 'openapi.json');
  if (!file) throw new Error('No openapi.json was planned');
  return JSON.parse(file.content) as OpenAPIObject;
}

/**
 * Analyses sources given as text (file name → content), written to a fresh temporary folder,
 * with `openapi` (and `client`) as default generators.
 */
export function analyzeSources(sources: Record<string, string>): AnalyzeResult {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-openapi-'));
  const files = Object.entries(sources).map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
  try {
    return analyze({ rootDir: dir, files, defaultGenerators: ['openapi', 'client'], knownGenerators: KNOWN_GENERATORS, displayRoot: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every schema object of a value with a `discriminator`, with where it is. */
export function discriminated(value: unknown, at = '#'): Array<{ at: string; schema: SchemaObject }> {
  if (Array.isArray(value)) return value.flatMap((entry, index) => discriminated(entry, `${at}/${index}`));
  const segment = (key: string) => encodeURIComponent(key.replaceAll('~', '~0').replaceAll('/', '~1'));
  if (value === null || typeof value !== 'object') return [];
  const own = 'discriminator' in value ? [{ at, schema: value as SchemaObject }] : [];
  return [...own, ...Object.entries(value).flatMap(([key, entry]) => discriminated(entry, `${at}/${segment(key)}`))];
}

/**
 * Follows every discriminator of a document as a tool would, and throws where one cannot be
 * followed: the schema must be a `oneOf` of `$ref`s with a `mapping` whose targets are
 * component schemas declaring the tag value (as `const` or in an `enum`) among their own
 * properties, one target per member and every member's values mapped. Then ajv's own
 * discriminator implementation (`discriminator: true`, which derives the mapping from the
 * members and refuses a written one) compiles the schema without its mapping: it rejects
 * members without the tag property, non-string or repeated values and an optional tag.
 */
export function expectFollowableDiscriminators(document: OpenAPIObject): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, SchemaObject>;
  const ajv = new Ajv2020({ strict: false, discriminator: true, validateFormats: false });
  ajv.addSchema({ ...stripMappings(document), $id: 'document' });
  for (const { at, schema } of discriminated(document)) {
    const { propertyName, mapping } = schema.discriminator!;
    const fail = (why: string) => {
      throw new Error(`The discriminator at ${at} cannot be followed: ${why}`);
    };
    if (!mapping) fail('it has no mapping');
    if (!schema.oneOf?.every((member) => typeof member.$ref === 'string')) fail('a oneOf member is not a $ref');
    const members = schema.oneOf!.map((member) => member.$ref as string);
    const tagValues = (target: string): unknown[] => {
      const property = (schemas[target.replace('#/components/schemas/', '')]?.properties ?? {})[propertyName] as SchemaObject | undefined;
      return property?.const !== undefined ? [property.const] : (property?.enum ?? []);
    };
    for (const [value, target] of Object.entries(mapping!)) {
      if (!target.startsWith('#/components/schemas/') || !(target.replace('#/components/schemas/', '') in schemas)) fail(`the mapping target ${target} is not a component schema`);
      if (!members.includes(target)) fail(`the mapping target ${target} is not a member`);
      if (!tagValues(target).includes(value)) fail(`${target} does not declare ${propertyName} ${JSON.stringify(value)}`);
    }
    for (const member of members) {
      for (const value of tagValues(member)) if (mapping![String(value)] !== member) fail(`${member}'s ${propertyName} ${JSON.stringify(value)} is not mapped to it`);
    }
    try {
      ajv.compile({ $ref: `document${at}` });
    } catch (error) {
      fail(`ajv: ${(error as Error).message}`);
    }
  }
}

/** The schemas without their discriminators' mappings (ajv derives its own and refuses one written). */
function stripMappings<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripMappings) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, entry]) => [key, key === 'discriminator' ? { propertyName: (entry as { propertyName: string }).propertyName } : stripMappings(entry)]),
  ) as T;
}
