/**
 * Constraints on properties typed by a named brand of a primitive (tester s18 F2):
 * `/** @maxLength 50 *\/ a: Email` with `type Email = string & { readonly __brand: 'Email' }` was
 * error CG2006 ("U.a is a reference to Email"). Now the value must pass the brand's own
 * validator (Email2's `@format email`) and the property's constraints, in the validators, the
 * OpenAPI schema (`allOf` of the brand's `$ref` and the property's constraints) and the mocks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, judgedAlike, type BuiltCase, type JudgedCase } from '../type-forms/helpers.js';

const GOOD = {
  a: 'a@b.io',
  c: 0,
  id: '0b6c3f47-9a3e-4c55-8f3e-2a7d1f0c9b11',
  e3: 'a@b.io',
  n: 9,
  sku: 'SKU-1',
  maybe: null,
  list: ['a@b.io'],
};

const CASES: JudgedCase[] = [
  ['U', GOOD, true],
  ['U', { ...GOOD, a: 'x'.repeat(51) }, false],
  ['U', { ...GOOD, c: -1 }, false],
  ['U', { ...GOOD, id: 'not-a-uuid' }, false],
  // Email2's own `@format email` and the property's `@maxLength 10`: both hold.
  ['U', { ...GOOD, e3: 'not-an-email' }, false],
  ['U', { ...GOOD, e3: 'abcdef@b.io' }, false],
  // Count's own `@minimum 0` and the property's `@maximum 9`.
  ['U', { ...GOOD, n: -1 }, false],
  ['U', { ...GOOD, n: 10 }, false],
  ['U', { ...GOOD, sku: 'X-1' }, false],
  ['U', { ...GOOD, maybe: 'a' }, false],
  ['U', { ...GOOD, maybe: 'ab' }, true],
  ['U', { ...GOOD, list: ['a@b.io', 'a@b.io', 'a@b.io'] }, false],
  ['U', { ...GOOD, list: ['nope'] }, false],
  ['CE', 'a@b.io', true],
  ['CE', 'nope', false],
  ['Short', 'a@b.io', true],
  ['Short', 'nope', false],
];

let built: BuiltCase;
beforeAll(async () => {
  built = await buildCase('named-brand-constraints');
}, 120_000);

describe('constraints on named brands', () => {
  it('is no error, and compiles under tsc --strict', () => {
    expect(built.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(built.compileErrors).toBe('');
  });

  judgedAlike(CASES, () => built);

  it('judges a bigint brand by the property\'s bounds', () => {
    expect(built.validators('B').accepts({ big: 1n })).toBe(true);
    expect(built.validators('B').accepts({ big: 0n })).toBe(false);
    expect(built.validators('B').accepts({ big: 10n })).toBe(false);
    for (let seed = 0; seed < 50; seed += 1) expect(built.validators('B').accepts(built.mock('B', seed))).toBe(true);
  });

  it('writes the brand\'s $ref and the property\'s constraints in the OpenAPI schema', () => {
    expect(built.document.components?.schemas?.['U']).toMatchObject({
      properties: { e3: { allOf: [{ $ref: '#/components/schemas/Email2' }, { type: 'string', maxLength: 10 }] } },
    });
  });

  it('mocks pass the validators and the schema', () => {
    for (const type of ['U', 'CE', 'Short']) expect(failingMocks(built, type), type).toEqual([]);
  });
});
