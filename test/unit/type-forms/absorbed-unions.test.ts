/**
 * A constrained alias beside its own primitive, unconstrained (issue 9, left after s7): `Cents |
 * number` is `number` to TypeScript, and to the alias's reading with its constraints too (any
 * number is one of the two), so nothing is lost and no CG2021 is due. It warned, as it still does
 * where the constrained reading is narrower than the primitive (`Slug | 'x'`, `Slug | Min3`,
 * `Cents | 5`, a key `Slug | 'a'`). The primitive may come through an alias of a union (`Slug | MaybeText`). Verdicts marked `true` are tsc's own (verdicts.ts is compiled).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, freshLiteralVerdicts, judgedAlike, type BuiltCase, type JudgedCase } from './helpers.js';

const OK = {
  cents: -5,
  slug: 'Not A Slug',
  min3: 'ab',
  plain: '1',
  two: 100,
  nested: ['', null, 'abc'],
  named: '',
  values: { a: 'B' },
  pair: [-1, 'X'],
  keys: { 'UPPER case': 1 },
  templateKeys: { y: 2 },
};

const CASES: JudgedCase[] = [
  ['Absorbed', OK, true, true],
  ['Absorbed', { ...OK, optional: '!' }, true, true],
  ['Absorbed', { ...OK, min3: null }, true, true],
  ['Absorbed', { ...OK, cents: '1' }, false, true],
  ['Absorbed', { ...OK, slug: 1 }, false, true],
  ['Absorbed', { ...OK, min3: 3 }, false, true],
  ['Absorbed', { ...OK, nested: [1] }, false, true],
  ['Absorbed', { ...OK, values: { a: 1 } }, false, true],
  ['Absorbed', { ...OK, pair: ['X', -1] }, false, true],
  ['Absorbed', { ...OK, keys: { a: 'x' } }, false, true],
  ['Absorbed', { ...OK, templateKeys: { y: '2' } }, false, true],
  ['ThroughAlias', { slug: 'Not A Slug' }, true, true],
  ['ThroughAlias', { slug: null }, true, true],
  ['ThroughAlias', { slug: 1 }, false, true],
];

let built: BuiltCase;
beforeAll(async () => {
  built = await buildCase('absorbed-unions', { 'verdicts.ts': freshLiteralVerdicts(CASES, './input/absorbed.js') });
}, 120_000);

describe('a constrained alias beside its unconstrained primitive', () => {
  it('compiles under tsc --strict, with tsc agreeing with every verdict', () => {
    expect(built.compileErrors).toBe('');
  });

  it('warns only where the constrained reading is narrower (Lost), once per alias, at the property', () => {
    expect(built.diagnostics.map((d) => `${d.code} ${d.line} ${d.message.split(':')[0]}`)).toEqual([
      'CG2021 30 The constraints of Slug do not reach Lost.orLiteral',
      'CG2021 31 The constraints of Slug do not reach Lost.twoAliases',
      'CG2021 31 The constraints of Min3 do not reach Lost.twoAliases',
      'CG2021 32 The constraints of Cents do not reach Lost.orFive',
      'CG2021 33 The constraints of Slug do not reach the keys of Lost.keys',
    ]);
  });

  judgedAlike(CASES, () => built);

  it('mocks values that pass the validators and the schema', () => {
    expect(failingMocks(built, 'Absorbed')).toEqual([]);
  });
});
