/**
 * Names of generic instantiations (issue 9, left after s7): `Fn<(() => A) | (() => B)>` was
 * `Fn_unknownOrunknown` and `W2<(Cents | null)>` `W2_numberOrnull` (the parentheses hid the
 * alias, so the name lost it while the value kept its constraint). Each part after Or, And, Of,
 * With now starts with a capital, what the model cannot represent is named by what it is, and
 * parentheses are seen through: `W2<(Cents | null)>` and `W2<Cents | null>` are one declaration.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, judgedAlike, type BuiltCase, type JudgedCase } from './helpers.js';

const OK = {
  parenthesized: { value: 1 },
  plain: { value: null },
  fn: [['a'], 1],
  pair: { item: ['a', 1] },
  shape: { item: { id: 'x', count: 2 } },
  maybe: { item: undefined },
  links: { item: new URL('https://example.com/') },
};

const CASES: JudgedCase[] = [
  ['W2_CentsOrNull', { value: 0 }, true],
  ['W2_CentsOrNull', { value: null }, true],
  ['W2_CentsOrNull', { value: -1 }, false],
  ['W2_CentsOrNull', { value: '1' }, false],
  ['Box_TupleOfStringAndNumber', { item: ['a', 1] }, true],
  ['Box_TupleOfStringAndNumber', { item: [1, 'a'] }, false],
  ['Box_ObjectWithIdAndCount', { item: { id: 'x', count: 2 } }, true],
  ['Box_ObjectWithIdAndCount', { item: { id: 'x' } }, false],
];

// TypeScript's verdicts on the same values, written against the generics the names stand for.
const VERDICTS = `import type { Box, W2 } from './input/names.js';
import type { Cents } from './input/names.js';
export const a: W2<(Cents | null)> = { value: 0 };
export const b: W2<Cents | null> = { value: null };
// @ts-expect-error
export const c: W2<Cents | null> = { value: '1' };
export const d: Box<[string, number]> = { item: ['a', 1] };
// @ts-expect-error
export const e: Box<[string, number]> = { item: [1, 'a'] };
export const f: Box<{ id: string; count: number }> = { item: { id: 'x', count: 2 } };
// @ts-expect-error
export const g: Box<{ id: string; count: number }> = { item: { id: 'x' } };
`;

let built: BuiltCase;
beforeAll(async () => {
  built = await buildCase('instantiation-names', { 'verdicts.ts': VERDICTS });
}, 120_000);

describe('readable instantiation names', () => {
  it('compiles under tsc --strict, with tsc agreeing with the verdicts (-1 is a Cents to tsc: @minimum is codegen\'s)', () => {
    expect(built.compileErrors).toBe('');
  });

  it('names each instantiation readably, one declaration for W2<(Cents | null)> and W2<Cents | null>', () => {
    expect(built.model.declarations.map((d) => d.name).sort()).toEqual([
      'Box_ObjectWithIdAndCount', 'Box_TupleOfStringAndNumber', 'Box_URL', 'Box_stringOrUndefined', 'Fn_FunctionOrFunction', 'Names', 'W2_CentsOrNull',
    ]);
    expect(built.diagnostics).toEqual([]);
  });

  judgedAlike(CASES, () => built);

  it('keeps Cents\'s constraint through the parentheses, and mocks pass the validators', () => {
    expect(built.validators('Names').accepts(OK)).toBe(true);
    expect(built.validators('Names').accepts({ ...OK, parenthesized: { value: -1 } })).toBe(false);
    for (const type of ['W2_CentsOrNull', 'Box_TupleOfStringAndNumber', 'Box_ObjectWithIdAndCount']) expect(failingMocks(built, type), type).toEqual([]);
  });
});
