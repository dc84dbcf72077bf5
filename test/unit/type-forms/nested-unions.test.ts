/**
 * Unions inside unions (fixture analyzer/nested-unions): `(A | null) | null` written in
 * parentheses, and `T | null` read for `Nullable<Slug | null>`, whose argument is a union too.
 * TypeScript reads them flat; codegen read the inner union as one member, which is the very
 * union being read, called it a type that contains itself (CG2004) and checked it as unknown:
 * `isFound({ items: {} })` was true (type-form property finding F73, issue 9). So was a member
 * that is the whole union itself (`Point['label'] | undefined`, finding F74); and an indexed
 * access to an optional property (`Point['slug']` of `slug?: Slug`) lost Slug's pattern in
 * silence; and a union of only `null` and `undefined` as an item gave validateT no test, `!()`,
 * which did not compile (F77). TypeScript judges the shapes (cases marked `tsc` are checked by
 * tsc); the aliases' constraints (`Slug`'s pattern, `Half`'s `@multipleOf`) are codegen's,
 * which TypeScript does not check.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, freshLiteralVerdicts, judgedAlike, type BuiltCase } from './helpers.js';

type Case = [type: string, value: unknown, valid: boolean, tsc?: boolean];

const TREE = { value: 1, children: [] };

const NESTED = {
  maybe: 'ab',
  deeper: 'x',
  doubled: null,
  list: ['ab', null],
  record: { k: 0.5, l: null },
  pair: [null, 1],
  shapes: { kind: 'c', r: 1.5 },
  repeated: 'a',
};
const nested = (patch: object) => ({ ...NESTED, ...patch });

const GENERIC = { nullable: { value: 'ab' }, wrapped: { value: 0.5 } };
const generic = (patch: object) => ({ ...GENERIC, ...patch });

const INDEXED = { label: 'x', both: null, slug: 'ab', slugOrNot: 'cd' };

const CASES: Case[] = [
  // The form the property test found.
  ['Found', {}, true, true],
  ['Found', { items: null }, true, true],
  ['Found', { items: [0.5, TREE] }, true, true],
  ['Found', { items: [0.5, { a: 1 }, { b: 'x', c: true }, TREE] }, true, true],
  ['Found', { items: {} }, false, true],
  ['Found', { items: 'x' }, false, true],
  ['Found', { items: true }, false, true],
  ['Found', { items: [0.5] }, false, true],
  ['Found', { items: [0.5, { a: 'x' }, TREE] }, false, true],
  ['Found', { items: null, other: 1 }, false, true],
  ['Found', { items: [0.25, TREE] }, false],
  // Parenthesized unions of every kind of place: properties, items, record values, tuple elements, discriminated members.
  ['Nested', NESTED, true, true],
  ['Nested', nested({ maybe: null, deeper: 1.5, doubled: 0.5, optional: 'ab', shapes: null, repeated: 'b' }), true, true],
  ['Nested', nested({ shapes: { kind: 's', side: 2 } }), true, true],
  ['Nested', nested({ maybe: 1 }), false, true],
  ['Nested', nested({ maybe: {} }), false, true],
  ['Nested', nested({ deeper: true }), false, true],
  ['Nested', nested({ doubled: 'x' }), false, true],
  ['Nested', nested({ optional: 1 }), false, true],
  ['Nested', nested({ list: [1] }), false, true],
  ['Nested', nested({ list: 'ab' }), false, true],
  ['Nested', nested({ record: { k: 'x' } }), false, true],
  ['Nested', nested({ pair: ['ab', 'x'] }), false, true],
  ['Nested', nested({ shapes: { kind: 'c', side: 1 } }), false, true],
  ['Nested', nested({ shapes: 'x' }), false, true],
  ['Nested', nested({ repeated: 'c' }), false, true],
  // The aliases' constraints reach every member.
  ['Nested', nested({ maybe: 'AB' }), false],
  ['Nested', nested({ deeper: 0.25 }), false],
  ['Nested', nested({ doubled: 0.25 }), false],
  ['Nested', nested({ optional: 'AB' }), false],
  ['Nested', nested({ list: ['AB'] }), false],
  ['Nested', nested({ record: { k: 0.25 } }), false],
  ['Nested', nested({ pair: ['AB', 1] }), false],
  ['Nested', nested({ shapes: { kind: 'c', r: 0.25 } }), false],
  // A type argument that is a union, met by `T | null`.
  ['Generic', GENERIC, true, true],
  ['Generic', generic({ nullable: { value: null }, wrapped: { value: null } }), true, true],
  ['Generic', generic({ nullable: { value: 1 } }), false, true],
  ['Generic', generic({ nullable: {} }), false, true],
  ['Generic', generic({ wrapped: { value: 'x' } }), false, true],
  ['Generic', generic({ nullable: { value: 'AB' } }), false],
  ['Generic', generic({ wrapped: { value: 0.25 } }), false],
  // An indexed access whose type is the whole union: the keys stay required, as TypeScript has them.
  ['Indexed', INDEXED, true, true],
  ['Indexed', { ...INDEXED, tags: ['a'], both: 'y' }, true, true],
  ['Indexed', { ...INDEXED, label: 1 }, false, true],
  ['Indexed', { ...INDEXED, tags: 'a' }, false, true],
  ['Indexed', { ...INDEXED, both: 2 }, false, true],
  ['Indexed', { ...INDEXED, both: {} }, false, true],
  ['Indexed', { ...INDEXED, slug: 1 }, false, true],
  ['Indexed', { ...INDEXED, slugOrNot: [] }, false, true],
  ['Indexed', { both: null, slug: 'ab', slugOrNot: 'cd' }, false, true],
  ['Indexed', { label: 'x', slug: 'ab', slugOrNot: 'cd' }, false, true],
  ['Indexed', { label: 'x', both: null, slugOrNot: 'cd' }, false, true],
  // Only nullish members: validateT's issues were `!()`, which did not compile (F77).
  ['Nullish', { list: [null, null], pair: [null, 1], record: { k: null }, maybe: { value: null } }, true, true],
  ['Nullish', { list: [null, 0], pair: [null, 1], record: {}, maybe: { value: null } }, false, true],
  ['Nullish', { list: [], pair: ['x', 1], record: {}, maybe: { value: null } }, false, true],
  ['Nullish', { list: [], pair: [null, 1], record: { k: false }, maybe: { value: null } }, false, true],
  ['Nullish', { list: [], pair: [null, 1], record: {}, maybe: { value: 'x' } }, false, true],
  ['Indexed', { ...INDEXED, slug: 'AB' }, false],
  ['Indexed', { ...INDEXED, slugOrNot: 'a1' }, false],
];

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('nested-unions', { 'verdicts.ts': freshLiteralVerdicts(CASES, './input/unions.js') });
}, 180_000);

describe('unions written inside unions, or reached through a union type argument', () => {
  it('are read flat, without a diagnostic; compile, and TypeScript agrees with each case marked tsc', () => {
    expect(built.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
    expect(built.compileErrors).toBe('');
  });

  judgedAlike(CASES, () => built);

  it('reports the member at fault, once per repeated member', () => {
    expect(built.validators('Nullish').issues({ list: [null, 0], pair: [1, 1], record: { k: '' }, maybe: { value: null } })).toEqual(['/list/1 union', '/pair/0 union', '/record/k union']);
    expect(built.validators('Found').issues({ items: {} })).toEqual(['/items type']);
    expect(built.validators('Nested').issues(nested({ list: ['ab', 'AB'] }))).toEqual(['/list/1 pattern']);
  });

  it('mocks of 100 seeds pass isT and the schema', () => {
    for (const type of ['Found', 'Nested', 'Generic']) expect(failingMocks(built, type), type).toEqual([]);
  });

  // `label: undefined` is a value of Indexed with no JSON form (CG5001 says so): its mocks are judged by the validators alone.
  it('mocks of Indexed keep the required keys and pass isT', () => {
    for (let seed = 0; seed < 100; seed += 1) {
      const mock = built.mock('Indexed', seed) as object;
      for (const key of ['label', 'both', 'slug', 'slugOrNot']) expect(key in mock, JSON.stringify(mock)).toBe(true);
      expect(built.validators('Indexed').accepts(mock)).toBe(true);
    }
  });
});
