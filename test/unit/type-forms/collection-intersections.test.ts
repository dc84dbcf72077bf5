/**
 * Intersections of array, tuple and record types whose items are constrained aliases (fixture
 * analyzer/collection-intersections): TypeScript reduces `string[] & Slug[]` to `string[]`
 * (Slug is `string` to it) and forgets Slug's pattern, which was dropped in silence or with
 * CG2021. An item of the intersection is an item of every member, so each member's constraints
 * hold on it: in either order, readonly, generic (`Array<Min3> & Array<Slug>`), records, tuples
 * (with a rest), three members, two patterns, an array alias's own `@maxItems`, under a name,
 * nested, nullable, `Partial` records, records of literal keys, two instantiations of a generic
 * interface (`Box<Slug> & Box<string>`), `Set`s and `Map`s, arrays of tuples. TypeScript judges the shapes (cases marked `tsc` are checked by tsc); the
 * aliases' constraints are codegen's, which TypeScript does not check.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, freshLiteralVerdicts, judgedAlike, type BuiltCase } from './helpers.js';

type Case = [type: string, value: unknown, valid: boolean, tsc?: boolean];

const VALID = {
  plainThenSlug: ['ab'],
  slugThenPlain: ['ab', 'cd'],
  readonlySlug: ['ab'],
  generic: ['abc'],
  record: { k: 'ab' },
  tuple: ['ab'],
  three: ['abc'],
  twoPatterns: ['ab'],
  few: ['a', 'b', 'c'],
  named: ['ab'],
  nested: [['ab'], []],
  inRecord: { k: ['ab'] },
  rest: ['ab', 'xyz'],
  numberKeys: { 1: 'ab' },
  readonlyRecord: { k: 'ab' },
  mixedArrays: ['ab'],
  partialRecord: { k: 'ab' },
  literalKeys: { a: 'ab', b: 'cd' },
  boxes: { v: 'ab' },
  pairs: [['ab', 'cd']],
};

const with_ = (patch: object) => ({ ...VALID, ...patch });
const T = 'CollectionIntersections';

const CASES: Case[] = [
  [T, VALID, true, true],
  [T, with_({ maybe: null }), true, true],
  [T, with_({ maybe: ['ab'] }), true, true],
  [T, with_({ plainThenSlug: [], tuple: ['x'], rest: ['x'] }), true, true],
  // The shapes: TypeScript rejects these too.
  [T, with_({ plainThenSlug: [1] }), false, true],
  [T, with_({ tuple: ['ab', 'cd'] }), false, true],
  [T, with_({ record: { k: 1 } }), false, true],
  [T, with_({ rest: [] }), false, true],
  // Each member's item constraints, which the checker forgot.
  [T, with_({ plainThenSlug: ['AB'] }), false],
  [T, with_({ slugThenPlain: ['ab', 'a1'] }), false],
  [T, with_({ readonlySlug: ['A'] }), false],
  [T, with_({ generic: ['ab'] }), false],
  [T, with_({ generic: ['ABC'] }), false],
  [T, with_({ record: { k: 'AB' } }), false],
  [T, with_({ tuple: ['AB'] }), false],
  [T, with_({ three: ['ab'] }), false],
  [T, with_({ three: ['AB3'] }), false],
  [T, with_({ twoPatterns: ['bc'] }), false],
  [T, with_({ twoPatterns: ['aB'] }), false],
  [T, with_({ few: ['a', 'b', 'c', 'd'] }), false],
  [T, with_({ few: ['A'] }), false],
  [T, with_({ named: ['AB'] }), false],
  [T, with_({ nested: [['ab'], ['AB']] }), false],
  [T, with_({ inRecord: { k: ['AB'] } }), false],
  [T, with_({ maybe: ['AB'] }), false],
  [T, with_({ rest: ['AB', 'xyz'] }), false],
  [T, with_({ rest: ['ab', 'xy'] }), false],
  [T, with_({ numberKeys: { 1: 'AB' } }), false],
  [T, with_({ readonlyRecord: { k: 'AB' } }), false],
  [T, with_({ mixedArrays: ['AB'] }), false],
  [T, with_({ partialRecord: { k: 'AB' } }), false],
  [T, with_({ literalKeys: { a: 'ab', b: 'CD' } }), false],
  [T, with_({ boxes: { v: 'AB' } }), false],
  [T, with_({ pairs: [['ab', 'CD']] }), false],
];

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('collection-intersections', { 'verdicts.ts': freshLiteralVerdicts(CASES, './input/collections.js') });
}, 180_000);

describe('intersections of arrays, tuples and records of constrained aliases', () => {
  it('keep every member\'s item constraints without a diagnostic; compile, and TypeScript agrees with each case marked tsc', () => {
    // The one exception: `T[] & Slug[]` in a generic is read as the checker has it, and says so.
    expect(built.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      'CG2021 The constraints of Slug do not reach Listed_string.items: codegen cannot follow the alias through `T[] & Slug[]`, so Listed_string.items is checked without them.',
    ]);
    expect(built.compileErrors).toBe('');
  });

  judgedAlike(CASES, () => built);

  it('reports the item at fault', () => {
    expect(built.validators(T).issues(with_({ plainThenSlug: ['ab', 'AB'] }))).toEqual(['/plainThenSlug/1 pattern']);
    expect(built.validators(T).issues(with_({ record: { k: 'AB' } }))).toEqual(['/record/k pattern']);
  });

  // Set and Map are no JSON: the validators alone judge them, and their mocks.
  it('checks the items of intersected Sets and the values of intersected Maps', () => {
    const is = built.validators('Containers');
    expect(is.accepts({ setOf: new Set(['ab']), mapOf: new Map([['k', 'ab']]) })).toBe(true);
    expect(is.accepts({ setOf: new Set(['AB']), mapOf: new Map() })).toBe(false);
    expect(is.accepts({ setOf: new Set(), mapOf: new Map([['k', 'AB']]) })).toBe(false);
    for (let seed = 0; seed < 50; seed += 1) expect(is.accepts(built.mock('Containers', seed))).toBe(true);
  });

  it('mocks of 100 seeds pass isT and the schema', () => {
    expect(failingMocks(built, T)).toEqual([]);
  });
});
