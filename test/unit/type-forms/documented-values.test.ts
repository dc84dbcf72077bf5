/**
 * `@default` and `@example` values against the property's type (fixture analyzer/documented-values,
 * tester s6 S18): each misfit is warning CG2024 saying what the type expects, from the analyzer
 * (at the tag) or, for formats and referenced types, from the openapi generator (at the property,
 * judged by the generated validator's own format checks). Every misfit is left out of the schema:
 * with ajv's `useDefaults` (Fastify's setting) the schema's defaults fill `{}` into a value the
 * validators accept, and every example left in is one they accept.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkOpenapi } from '../../../src/generators/openapi/check.js';
import { withDefaults } from '../../../src/generators/openapi/options.js';
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

/** The `default` and `examples` of each property of a component schema that has them. */
function documented(type: string): Record<string, unknown> {
  const schema = built.document.components!.schemas![type] as { properties: Record<string, { default?: unknown; examples?: unknown[] }> };
  return Object.fromEntries(
    Object.entries(schema.properties).flatMap(([key, property]) => [
      ...(property.default !== undefined ? [[`${key} default`, property.default]] : []),
      ...(property.examples ? [[`${key} examples`, property.examples]] : []),
    ]),
  );
}

describe('@default and @example checked against the type', () => {
  it('warns at each tag whose value the type or its constraints reject, saying what they expect', () => {
    expect(built.diagnostics.map((d) => `${d.severity} ${d.code} ${d.line}:${d.column} ${d.message}`)).toEqual([
      'warning CG2024 6:7 @default 200 on Defaults.limit is not a value of its type: expected at most 100. It is left out of the schema.',
      'warning CG2024 8:7 @default "x" on Defaults.count is not a value of its type: expected a number. It is left out of the schema.',
      'warning CG2024 10:7 @default "red" on Defaults.color is not a value of its type: expected "green" or "blue". It is left out of the schema.',
      'warning CG2024 12:7 @default {"a":"x"} on Defaults.obj is not a value of its type: expected a number at "a". It is left out of the schema.',
      'warning CG2024 14:7 @default 1.5 on Defaults.whole is not a value of its type: expected an integer. It is left out of the schema.',
      'warning CG2024 16:7 @default "ab" on Defaults.code is not a value of its type: expected a string of at least 3 characters. It is left out of the schema.',
      'warning CG2024 18:7 @default "ABC" on Defaults.lower is not a value of its type: expected a string matching ^[a-z]+$. It is left out of the schema.',
      'warning CG2024 20:7 @default [1,2,3] on Defaults.few is not a value of its type: expected an array of at most 2 items. It is left out of the schema.',
      'warning CG2024 22:7 @default null on Defaults.nothing is not a value of its type: expected a string. It is left out of the schema.',
      'warning CG2024 24:18 @example -1 on Defaults.shown is not a value of its type: expected at least 0. It is left out of the schema.',
      'warning CG2024 68:7 @default "ab" on Judged.slug is not a value of its type: expected a string matching ^[a-z]+-[a-z]+$. It is left out of the schema.',
    ]);
  });

  it('judges formats with the validator\'s checks, and referenced types, when the document is generated', () => {
    const found = checkOpenapi(built.model, withDefaults({})).filter((d) => d.code === 'CG2024');
    expect(found.map((d) => `${d.severity} ${d.line}:${d.column} ${d.message}`)).toEqual([
      'warning 55:3 @default "not-an-email" on Judged.mail is not a value of its type: expected a string of format email. It is left out of the schema.',
      'warning 57:3 @example "not-an-email" on Judged.contact is not a value of its type: expected a string of format email. It is left out of the schema.',
      'warning 59:3 @default "2024-02-30" on Judged.day is not a value of its type: expected a string of format date. It is left out of the schema.',
      'warning 61:3 @example "nope" on Judged.id is not a value of its type: expected a string of format uuid. It is left out of the schema.',
      'warning 63:3 @default {"anything":true} on Judged.other is not a value of its type: expected an object with the key "n". It is left out of the schema.',
      'warning 80:18 @example {"n":"one"} on Shown is not a value of its type: expected a number at "n". It is left out of the schema.',
    ]);
    // The validators agree: each value reported is one they reject, each kept one they accept.
    const judged = built.validators('Judged');
    for (const value of [{ mail: 'not-an-email' }, { contact: 'not-an-email' }, { day: '2024-02-30' }, { id: 'nope' }, { other: { anything: true } }]) {
      expect(judged.accepts(value), JSON.stringify(value)).toBe(false);
    }
    for (const value of [{ contact: 'x@y.io' }, { id: '123e4567-e89b-12d3-a456-426614174000' }, { leap: '2024-02-29' }, { secret: 'hunter2' }]) {
      expect(judged.accepts(value), JSON.stringify(value)).toBe(true);
    }
  });

  it('leaves every misfit out of the schema and keeps the values that fit', () => {
    expect(documented('Defaults')).toEqual({ 'shown examples': [5] });
    expect(documented('Judged')).toEqual({
      'contact examples': ['x@y.io'],
      'id examples': ['123e4567-e89b-12d3-a456-426614174000'],
      'leap default': '2024-02-29',
      'secret default': 'hunter2',
    });
    // A type's own examples too: only the one its validator accepts is shown.
    expect((built.document.components!.schemas!['Shown'] as { examples?: unknown[] }).examples).toEqual([{ n: 1 }]);
    expect(built.validators('Shown').accepts({ n: 'one' })).toBe(false);
    expect(Object.keys(documented('Fits')).sort()).toEqual(['color default', 'limit default', 'list examples', 'mail default', 'maybe default', 'obj default', 'other default', 'plain default']);
  });

  it('compiles under tsc --strict', () => {
    expect(built.compileErrors).toBe('');
  });

  it('agrees with the validators: ajv useDefaults fills {} into a value they accept, for every type', () => {
    const fits = filled('Fits');
    expect(Object.keys(fits).sort()).toEqual(['color', 'limit', 'mail', 'maybe', 'obj', 'other', 'plain']);
    expect(built.validators('Fits').issues(fits)).toEqual([]);
    // The misfit defaults are left out: nothing turns the valid {} into an invalid value any more.
    expect(filled('Defaults')).toEqual({});
    expect(built.validators('Defaults').accepts(filled('Defaults'))).toBe(true);
    expect(filled('Judged')).toEqual({ leap: '2024-02-29', secret: 'hunter2' });
    expect(built.validators('Judged').issues(filled('Judged'))).toEqual([]);
  });
});
