/**
 * The mock property against the JSON Schemas: for every type the mock property test covers (the
 * mock fixtures, every validate fixture and the bundled example), the OpenAPI document of the same
 * model (with `openapi` on every mocked declaration) is compiled by ajv, and for 200 seeds the
 * JSON form of `mockT({}, { seed })` must pass `#/components/schemas/T`. A failure names the
 * type, the seed, ajv's errors and the value.
 *
 * What is compared: the JSON form (`JSON.stringify`: `Date`s become ISO strings, as the wire
 * does; bigints as decimal strings, their wire form, whose bounds the document's pattern holds
 * exactly).
 * Lengths need no allowance: ajv and the mocks both count code points. Every mocked type is compared unless
 * NOT_COMPARED says why not; that list is asserted to be exact, so it cannot go stale.
 */
import { join } from 'node:path';
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, openapiGenerator } from '../../../src/generators/openapi/index.js';
import { withDefaults } from '../../../src/generators/openapi/options.js';
import type { Declaration, Model } from '../../../src/model/types.js';
import { compileComponentSchemas, schemaErrors, toJson } from '../../helpers/json-schema.js';
import { CONTEXT, declarationsOf, inspect, loadExports, materialize, mockSources, type MockSource } from './helpers.js';

const ROOT = join(process.cwd(), 'test/.tmp/mock-schema');
const SEEDS = 200;
/** As in property.test.ts: its constraints are contradictory on purpose, so it has no mocks to check. */
/** Sources whose mocks are not values by design: unsatisfiable constraints, and types no value of which can be built (their mocks throw `cannotMock`). */
const SKIPPED_SOURCES = new Set(['mock-unsatisfiable', 'mock-unbuildable']);

/**
 * Mocked types the comparison leaves out, as `source Type`, and why: types no mock of which has a
 * JSON form. No mocked type is `@internal` (the document would leave it out) and every kind the
 * mocks build has a schema.
 */
const NOT_COMPARED: Record<string, string> = {
  'mock-required-undefined Chain': '`next: Chain | undefined` (no `?`): recursion ends only through a key holding undefined (at the depth limit), which JSON cannot carry',
  'mock-unsupported-types Device': 'required keys holding a function, a symbol and void (undefined), which JSON cannot carry',
  'mock-method-stubs Blank': "`toJSON(): { a: undefined }`: its JSON is `{}`, which the schema's required `a` refuses (openapi warns at the property)",
  'mock-undefined-items UniqueUndefined': '`@uniqueItems @minItems 3` on `(boolean | undefined)[]`: its third distinct item can only be undefined, which JSON cannot carry',
};

const checked = { types: 0, values: 0, milliseconds: 0 };
const skipped: string[] = [];
const warnings: string[] = [];

/** The model with `openapi` on every declaration the mocks cover. */
function withOpenapi(model: Model, mocked: readonly Declaration[]): Model {
  const ids = new Set(mocked.map((declaration) => declaration.id));
  return {
    ...model,
    declarations: model.declarations.map((declaration) =>
      ids.has(declaration.id) ? { ...declaration, generators: [...new Set([...declaration.generators, 'openapi'])] } : declaration,
    ),
  };
}

/** The OpenAPI document of a source with `openapi` on its mocked types; errors fail, warnings are kept for the report. */
function documentOf(source: MockSource, mocked: readonly Declaration[]): OpenAPIObject {
  const model = withOpenapi(source.model, mocked);
  const diagnostics = openapiGenerator.check!(model, { split: 'file', ...withDefaults({}) }, CONTEXT);
  expect(diagnostics.filter((entry) => entry.severity === 'error')).toEqual([]);
  // Warnings mark what the document says only approximately (pattern flags).
  warnings.push(...diagnostics.map((entry) => `${source.name}: ${entry.message}`));
  return buildDocument(model, withDefaults({}));
}

const sources = mockSources().filter((source) => !SKIPPED_SOURCES.has(source.name));
const folders = new Map<string, string>();

describe('mocks pass the JSON Schemas of the OpenAPI document', () => {
  beforeAll(async () => {
    // The schemas are the judge here (mocks import no validator; the validators loaded beside
    // them go unused): validators and mocks as the property and typecheck tests materialize them,
    // so a process generates each source once. Unformatted: the mocks are only run, and Prettier
    // changes their layout, not their values.
    for (const source of sources) folders.set(source.name, await materialize(source, ROOT, undefined, false));
  }, 120_000);

  for (const source of sources) {
    it(`${source.name}: every type, ${SEEDS} seeds`, async () => {
      const mocked = declarationsOf(source);
      const schemaOf = compileComponentSchemas(documentOf(source, mocked));
      const exports = await loadExports(folders.get(source.name)!, 1);
      const failures: string[] = [];
      for (const { name } of mocked) {
        const key = `${source.name} ${name}`;
        const check = schemaOf(name);
        if (key in NOT_COMPARED) {
          skipped.push(key);
          continue;
        }
        expect(check, `components.schemas.${name}`).toBeDefined();
        const mock = exports[`mock${name}`]!;
        expect(mock, `mock${name}`).toBeTypeOf('function');
        const started = performance.now();
        let compared = 0;
        for (let seed = 0; seed < SEEDS; seed += 1) {
          const value = mock({}, { seed });
          // `type Maybe = number | undefined`: undefined itself has no JSON form (no body). A key
          // or item holding undefined is compared: JSON drops the key (or writes null), which the
          // schema refuses where the key is required (tester s11 T6).
          if (value === undefined) continue;
          compared += 1;
          if (!check!(toJson(value))) failures.push(`${name} seed ${seed}: ${schemaErrors(check!)}\n  ${inspect(value)}`);
        }
        if (compared === 0) failures.push(`${name}: none of ${SEEDS} mocks has a JSON form (each holds undefined)`);
        checked.milliseconds += performance.now() - started;
        checked.types += 1;
        checked.values += SEEDS;
      }
      expect(failures.slice(0, 10).join('\n')).toBe('');
    }, 60_000);
  }

  it('leaves out exactly the types NOT_COMPARED lists', () => {
    expect(skipped.sort()).toEqual(Object.keys(NOT_COMPARED).sort());
  });
});

afterAll(() => {
  console.log(
    `mock schema property: ${checked.types} types x ${SEEDS} seeds = ${checked.values} values against their JSON Schemas ` +
      `in ${checked.milliseconds.toFixed(0)} ms (mock + JSON + ajv); ${skipped.length} types not compared; ` +
      `${warnings.length} openapi warnings${warnings.length ? `:\n  ${warnings.join('\n  ')}` : ''}`,
  );
});
