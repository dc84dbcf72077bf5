/**
 * `@default` and `@example` values against the property's type (fixture analyzer/documented-values,
 * tester s6 S18): each misfit is warning CG2024 at the tag, saying what the type expects. The
 * reason it matters, run: with ajv's `useDefaults` (Fastify's setting) the defaults of `Fits` fill
 * `{}` into a value `isFits` accepts, while those of `Defaults` fill it into one `isDefaults` rejects.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, type BuiltCase } from './helpers.js';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('documented-values');
}, 180_000);

/** `{}` after ajv with `useDefaults` has filled in the schema's defaults. */
function filled(type: string): Record<string, unknown> {
  const ajv = new Ajv2020({ strict: false, logger: false, useDefaults: true });
  addFormats(ajv);
  ajv.addSchema({ ...built.document, $id: 'https://codegen.test/defaults.json' });
  const value = {};
  ajv.getSchema(`https://codegen.test/defaults.json#/components/schemas/${type}`)!(value);
  return value;
}

describe('@default and @example checked against the type', () => {
  it('warns at each tag whose value the type or its constraints reject, saying what they expect', () => {
    expect(built.diagnostics.map((d) => `${d.severity} ${d.code} ${d.line}:${d.column} ${d.message}`)).toEqual([
      'warning CG2024 6:7 @default 200 on Defaults.limit is not a value of its type: expected at most 100.',
      'warning CG2024 8:7 @default "x" on Defaults.count is not a value of its type: expected a number.',
      'warning CG2024 10:7 @default "red" on Defaults.color is not a value of its type: expected "green" or "blue".',
      'warning CG2024 12:7 @default {"a":"x"} on Defaults.obj is not a value of its type: expected a number at "a".',
      'warning CG2024 14:7 @default 1.5 on Defaults.whole is not a value of its type: expected an integer.',
      'warning CG2024 16:7 @default "ab" on Defaults.code is not a value of its type: expected a string of at least 3 characters.',
      'warning CG2024 18:7 @default "ABC" on Defaults.lower is not a value of its type: expected a string matching ^[a-z]+$.',
      'warning CG2024 20:7 @default [1,2,3] on Defaults.few is not a value of its type: expected an array of at most 2 items.',
      'warning CG2024 22:7 @default null on Defaults.nothing is not a value of its type: expected a string.',
      'warning CG2024 24:18 @example -1 on Defaults.shown is not a value of its type: expected at least 0.',
    ]);
  });

  it('compiles under tsc --strict', () => {
    expect(built.compileErrors).toBe('');
  });

  it('agrees with the validators: the defaults of Fits fill {} into a valid value, those of Defaults into an invalid one', () => {
    const fits = filled('Fits');
    expect(Object.keys(fits).sort()).toEqual(['color', 'limit', 'mail', 'maybe', 'obj', 'other', 'plain']);
    expect(built.validators('Fits').issues({ ...fits, mail: 'a@b.co', other: { n: 1 } })).toEqual([]);
    const defaults = filled('Defaults');
    expect(built.validators('Defaults').accepts({})).toBe(true);
    expect(built.validators('Defaults').accepts(defaults)).toBe(false);
    for (const key of ['limit', 'count', 'color', 'obj', 'whole', 'code', 'lower', 'few', 'nothing']) {
      expect(built.validators('Defaults').accepts({ [key]: defaults[key] }), key).toBe(false);
    }
  });
});
