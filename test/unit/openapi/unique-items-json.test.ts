/**
 * `@uniqueItems` is judged on values by the validators (deep equality, an own `undefined`
 * property counting, as in `util.isDeepStrictEqual` and TypeScript's `'y' in item`), and on JSON
 * by the document's `uniqueItems`. Where `undefined` drops out of JSON the two differ on what a
 * sender holds: `[{ x: 1 }, { x: 1, y: undefined }]` is valid, and its JSON `[{"x":1},{"x":1}]`
 * is not. Kept on purpose (docs/validate.md, "Deep equality"): what a server receives is JSON,
 * on which both agree. Fixture openapi/unique-items, built with validate, mock and openapi.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, type BuiltCase } from '../type-forms/helpers.js';

let built: BuiltCase;
let ajv: Ajv2020;

beforeAll(async () => {
  // buildCase reads analyzer fixtures; this case is the openapi fixture beside them.
  built = await buildCase('../openapi/unique-items');
  ajv = new Ajv2020({ strict: false });
  ajv.addSchema({ $id: 'unique-items', components: built.document.components });
}, 120_000);

/** The document's verdict on the JSON of `value`. */
function schemaAccepts(value: unknown): boolean {
  return ajv.getSchema('unique-items#/components/schemas/Track')!(JSON.parse(JSON.stringify(value))) as boolean;
}

describe('@uniqueItems on values and on their JSON', () => {
  it('generates without diagnostics and compiles under tsc --strict', () => {
    expect(built.diagnostics).toEqual([]);
    expect(built.compileErrors).toBe('');
  });

  it.each([
    ['distinct points', { points: [{ x: 1 }, { x: 1, y: 2 }], rows: [] }, true, true],
    ['equal points', { points: [{ x: 1 }, { x: 1 }], rows: [] }, false, false],
    ['an own undefined y beside a missing one: two values, one JSON', { points: [{ x: 1 }, { x: 1, y: undefined }], rows: [] }, true, false],
    ['an undefined item beside null: [null] twice in JSON', { points: [], rows: [[undefined], [null]] }, true, false],
    ['undefined twice', { points: [], rows: [[undefined], [undefined]] }, false, false],
  ])('%s: validators %s, schema on the JSON %s', (_name, value, valid, jsonValid) => {
    expect(built.validators('Track').accepts(value)).toBe(valid);
    expect(built.validators('Track').issues(value).length === 0).toBe(valid);
    expect(schemaAccepts(value)).toBe(jsonValid);
  });

  it('a value read from JSON is judged alike by both', () => {
    const received = JSON.parse(JSON.stringify({ points: [{ x: 1 }, { x: 1, y: undefined }], rows: [[undefined], [null]] })) as unknown;
    expect(built.validators('Track').accepts(received)).toBe(false);
    expect(schemaAccepts(received)).toBe(false);
  });

  it('100 mocks pass the validators, and their JSON the schema', () => {
    const failures: string[] = [];
    for (let seed = 0; seed < 100; seed += 1) {
      const value = built.mock('Track', seed);
      if (!built.validators('Track').accepts(value) || !schemaAccepts(value)) failures.push(`seed ${seed}: ${JSON.stringify(value)}`);
    }
    expect(failures).toEqual([]);
  });
});
