/**
 * An intrinsic string mapping intersected with constrained string aliases (fixture
 * analyzer/mapped-intersections): TypeScript reduces `Uppercase<string> & Min3` to
 * `Uppercase<string>` and forgets Min3 (it was CG2021 and checked without the length). A value
 * must be both: the mapping leaves it unchanged and it meets every alias's constraints, in any
 * order of the members, through arrays, records, unions and an alias of a mapping (`Up6 & Min3`).
 * TypeScript judges the mapping (each case marked `tsc` is checked by tsc); the constraints are
 * codegen's, which TypeScript does not check.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, freshLiteralVerdicts, judgedAlike, type BuiltCase } from './helpers.js';

type Case = [type: string, value: unknown, valid: boolean, tsc?: boolean];

const VALID = {
  upper3: 'ABC',
  lowerSlug: 'a-b',
  slugLower: 'ab',
  capital3: 'Abc',
  both: 'ABCD',
  aliased: 'ABC',
  list: ['ABC', 'ÀÉÎ'],
  byKey: { k: 'x-y' },
  template: 'id-A',
  twoPatterns: 'A1',
};

const with_ = (patch: object) => ({ ...VALID, ...patch });

const CASES: Case[] = [
  ['MappedIntersections', VALID, true, true],
  ['MappedIntersections', with_({ maybe: null }), true, true],
  ['MappedIntersections', with_({ maybe: 'XYZ' }), true, true],
  // The mapping: TypeScript rejects these too.
  ['MappedIntersections', with_({ upper3: 'abc' }), false, true],
  ['MappedIntersections', with_({ lowerSlug: 'A-B' }), false, true],
  ['MappedIntersections', with_({ slugLower: 'aB' }), false, true],
  ['MappedIntersections', with_({ capital3: 'abc' }), false, true],
  ['MappedIntersections', with_({ list: ['abc'] }), false, true],
  ['MappedIntersections', with_({ byKey: { k: 'Ab' } }), false, true],
  ['MappedIntersections', with_({ twoPatterns: 'a1' }), false, true],
  // The aliases' constraints, which the checker forgot.
  ['MappedIntersections', with_({ upper3: 'AB' }), false],
  ['MappedIntersections', with_({ lowerSlug: 'a_b' }), false],
  ['MappedIntersections', with_({ slugLower: 'a1' }), false],
  ['MappedIntersections', with_({ capital3: 'Ab' }), false],
  ['MappedIntersections', with_({ both: 'AB' }), false],
  ['MappedIntersections', with_({ both: 'ABCDEFG' }), false],
  ['MappedIntersections', with_({ aliased: 'AB' }), false],
  ['MappedIntersections', with_({ aliased: 'ABCDEFG' }), false],
  ['MappedIntersections', with_({ list: ['ABC', 'AB'] }), false],
  ['MappedIntersections', with_({ byKey: { k: 'a_b' } }), false],
  ['MappedIntersections', with_({ maybe: 'XY' }), false],
  ['MappedIntersections', with_({ template: 'id' }), false],
  ['MappedIntersections', with_({ twoPatterns: 'A' }), false],
  ['MappedIntersections', with_({ twoPatterns: '1A' }), false],
];

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('mapped-intersections', { 'verdicts.ts': freshLiteralVerdicts(CASES, './input/intersections.js') });
}, 180_000);

describe('an intrinsic mapping intersected with constrained aliases', () => {
  it('keeps every constraint without a diagnostic; compiles, and TypeScript agrees with each case marked tsc', () => {
    expect(built.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
    expect(built.compileErrors).toBe('');
  });

  judgedAlike(CASES, () => built);

  it('reports the constraint an alias brought, at the value', () => {
    expect(built.validators('MappedIntersections').issues(with_({ upper3: 'AB' }))).toEqual(['/upper3 minLength']);
    expect(built.validators('MappedIntersections').issues(with_({ byKey: { k: 'a_b' } }))).toEqual(['/byKey/k pattern']);
  });

  it('mocks of 100 seeds pass isT and the schema', () => {
    expect(failingMocks(built, 'MappedIntersections')).toEqual([]);
  });
});
