/**
 * Homomorphic utility types around a pattern-keyed record or index signature (fixture
 * analyzer/wrapped-pattern-records, tester9 F7): `Readonly`, `Partial`, `Required`, nested ones,
 * one of an alias (`Partial<XDict>`), of a generic alias (`Readonly<Bag<Slug>>`), `Pick` of the
 * record, keep the value alias's constraints (and the key alias's), as the record alone does; a
 * constrained alias of `Uppercase<string>` as the key keeps its constraints on the keys.
 * `isT`, `validateT` and the OpenAPI schema (ajv) agree on each value; TypeScript accepts every
 * valid one, and every invalid one too (the constraints are codegen's): no `tsc` verdict there.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';

type Case = [type: string, value: unknown, valid: boolean];

const WRAPPED = {
  readonly: { 'x-a': 'abc' },
  partial: { 'x-a': 'abc' },
  required: { 'x-a': 'abc' },
  upper: { AB: 'abc' },
  upperPartial: { AB: 'abcd' },
  nested: { 'x-a': 'abc' },
  ofAlias: { 'x-a': 'abc' },
  signature: { 'x-a': 'abc' },
  lists: { 'x-a': ['abc'] },
  generic: { 'x-a': 'abc' },
  beside: { id: 'abc', 'y-a': 'abcd' },
  keyAlias: { 'x-ab': 'abc' },
  pixels: { '10px': 'abc' },
  picked: { 'x-a': 'abc' },
  slugKeys: { ab: 'abc' },
  requiredPartial: { 'x-a': 'abc' },
  both: { 'x-a': 'abc' },
  nullable: { 'x-a': null, 'x-b': 'abc' },
  lower: { ab: 'abc' },
};

/** One property changed: the value (or key) that meets the form but not the alias. */
const BROKEN: Array<[property: keyof typeof WRAPPED, value: unknown]> = [
  ['readonly', { 'x-a': 'A' }],
  ['partial', { 'x-a': 'A' }],
  ['required', { 'x-a': 'A' }],
  ['upper', { AB: 'A' }],
  ['upperPartial', { AB: 'ab' }],
  ['nested', { 'x-a': 'A' }],
  ['ofAlias', { 'x-a': 'A' }],
  ['signature', { 'x-a': 'A' }],
  ['lists', { 'x-a': ['abc', 'A'] }],
  ['generic', { 'x-a': 'A' }],
  ['beside', { id: 'abc', 'y-a': 'ab' }],
  ['beside', { id: 'A', 'y-a': 'abc' }],
  ['keyAlias', { 'x-ab': 'A' }],
  ['keyAlias', { 'x-abcdefg': 'abc' }],
  ['pixels', { '10px': 'ab' }],
  ['picked', { 'x-a': 'A' }],
  ['slugKeys', { ab: 'ab' }],
  ['slugKeys', { Ab: 'abc' }],
  ['requiredPartial', { 'x-a': 'A' }],
  ['both', { 'x-a': 'ab' }],
  ['both', { 'x-a': 'ABC' }],
  ['nullable', { 'x-a': 'A' }],
  ['lower', { ab: 'A' }],
];

const CASES: Case[] = [
  ['Wrapped', WRAPPED, true],
  // Keys the index does not hold are free, as without the wrapper.
  ['Wrapped', { ...WRAPPED, readonly: { other: 'A' }, upper: { ab: 'A' }, pixels: { apx: 'a' } }, true],
  ['Wrapped', { ...WRAPPED, partial: {}, nested: {}, ofAlias: {} }, true],
  ...BROKEN.map(([property, value]): Case => ['Wrapped', { ...WRAPPED, [property]: value }, false]),
  // A key alias of Uppercase<string> (Lowercase<string>) with constraints: keys the mapping holds must meet them; others are free.
  ['MappedKeys', { env: { ABC: 'x', A_B: 'y' }, lower: { abcd: 1 }, signature: { ABC: 'abc' } }, true],
  ['MappedKeys', { env: { abc: 'free', 'a-b': 'x' }, lower: { ABCDEF: 'free' }, signature: { ab: 1 } }, true],
  ['MappedKeys', { env: { AB: 'x' }, lower: {}, signature: {} }, false],
  ['MappedKeys', { env: { 'A-B': 'x' }, lower: {}, signature: {} }, false],
  ['MappedKeys', { env: {}, lower: { abcde: 1 }, signature: {} }, false],
  ['MappedKeys', { env: {}, lower: {}, signature: { ABC: 'A' } }, false],
  ['Plain', { plain: { 'x-a': 'abc' } }, true],
  ['Plain', { plain: { 'x-a': 'A' } }, false],
];

let built: BuiltCase;

/** TypeScript's verdicts: every valid case assigned, as a non-fresh value, to its type. */
function verdicts(): string {
  const lines = ["import type * as T from './input/records.js';"];
  CASES.forEach(([type, value, valid], i) => {
    if (valid) lines.push(`const v${i} = ${JSON.stringify(value)};`, `export const t${i}: T.${type} = v${i};`);
  });
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  built = await buildCase('wrapped-pattern-records', { 'verdicts.ts': verdicts() });
}, 180_000);

describe("utility types around a pattern-keyed record keep the value alias's constraints", () => {
  it('compiles under tsc --strict, TypeScript accepts each valid value, and nothing is reported', () => {
    expect(built.compileErrors).toBe('');
    expect(built.diagnostics).toEqual([]);
  });

  for (const [type, value, valid] of CASES) {
    it(`${type}: ${JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'} for isT, validateT and the schema`, () => {
      expect(built.validators(type).accepts(value)).toBe(valid);
      expect(built.validators(type).issues(value).length === 0).toBe(valid);
      expect(built.schemaAccepts(type, value)).toBe(valid);
    });
  }

  it("reports the value at its key, as for the record alone", () => {
    expect(built.validators('Wrapped').issues({ ...WRAPPED, readonly: { 'x-a': 'A' }, upperPartial: { AB: 'ab' } })).toEqual([
      '/readonly/x-a pattern',
      '/upperPartial/AB minLength',
    ]);
  });

  it('says the pattern in the schema (patternProperties)', () => {
    const wrapped = built.document.components!.schemas!['Wrapped'] as { properties: Record<string, unknown> };
    expect(JSON.stringify(wrapped.properties['readonly'])).toContain('"pattern":"^[a-z]+$"');
  });

  it('mocks values that pass the validators and the schema', () => {
    expect(failingMocks(built, 'Wrapped')).toEqual([]);
    expect(failingMocks(built, 'Plain')).toEqual([]);
    expect(failingMocks(built, 'MappedKeys')).toEqual([]);
  });
});
