/**
 * `Partial<Record<K, Min3 & StartsA>>`: each value meets both aliases' constraints, or is
 * `undefined` (Partial makes the values optional, and without exactOptionalPropertyTypes
 * TypeScript accepts `{ ab: undefined }`), as for the one-alias form `Partial<Record<K, Min3>>`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

const VERDICTS: Verdict[] = [
  { value: { l: {} }, valid: true },
  { value: { l: { ab: 'abc', cd: 'axe' } }, valid: true },
  { value: { l: { ab: undefined } }, text: '{ l: { ab: undefined } }', valid: true },
  { value: { l: { ab: 3 } }, valid: false },
  { value: { l: { ab: null } }, valid: false },
];
/** Strings TypeScript accepts (the aliases are `string` to it), which the aliases' tags reject. */
const CONSTRAINTS: Verdict[] = [
  { value: { l: { ab: 'bcd' } }, valid: false },
  { value: { l: { ab: 'ab' } }, valid: false },
];
const TYPES = ['Intersected', 'Aliased', 'PlainKeys'] as const;

let built: BuiltCase;

beforeAll(async () => {
  const files = Object.fromEntries(TYPES.map((type) => [`${type.toLowerCase()}-verdicts.ts`, verdictFile(type, './input/partial.js', VERDICTS)]));
  // Verdicts as codegen reads optional values: without exactOptionalPropertyTypes.
  built = await buildCase('partial-intersections', files, { verdictCompilerOptions: { exactOptionalPropertyTypes: false } });
}, 120_000);

describe('Partial of a record whose value intersects constrained aliases', () => {
  it('compiles under tsc --strict, and TypeScript agrees with every verdict below but the constraints\' ones', () => {
    expect(built.compileErrors).toBe('');
  });

  for (const type of TYPES) {
    for (const { value, valid, text } of [...VERDICTS, ...CONSTRAINTS]) {
      it(`${type}: ${text ?? JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'}, for isT and validateT (and the schema, on its JSON)`, () => {
        expect(built.validators(type).accepts(value)).toBe(valid);
        expect(built.validators(type).issues(value).length === 0).toBe(valid);
        expect(built.schemaAccepts(type, value)).toBe(valid);
      });
    }
  }

  it.each([...TYPES, 'Single'])('%s: mocks of 100 seeds pass isT and the schema', (type) => {
    expect(failingMocks(built, type)).toEqual([]);
  });
});
