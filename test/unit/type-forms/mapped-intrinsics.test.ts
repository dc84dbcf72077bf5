/**
 * Intrinsic string mappings of a mapping and of a constrained alias (issue 9, left after s7).
 * `Lowercase<Uppercase<string>>` was CG2004 (anything passed, numbers too). TypeScript keeps the
 * chain and takes a string that the mappings, applied innermost first, give back (checked with
 * tsc: `'a'` and `'123'` are values, `'A'` and `'ß'` are not; `'Abc'` is a
 * `Capitalize<Lowercase<string>>`, `'abc'` and `'ABc'` are not). The model holds the chain: the
 * validators apply it as tsc does and mocks pass words through it; the OpenAPI schema's pattern
 * holds the outermost mapping only, which accepts a few more (`'ß'`, `'ABc'`), with CG2025 at the
 * property saying so. `Uppercase<Slug>` was CG2021
 * (Slug's pattern dropped): it keeps the mapping and the alias's constraints, the pattern matched
 * ignoring case (`'ABC'` is the upper case of a slug). Verdicts marked `true` are tsc's own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, freshLiteralVerdicts, judgedAlike, type BuiltCase, type JudgedCase } from './helpers.js';

const NESTED = { lowerUpper: 'a-1', capitalLower: 'Abc', uncapitalUpper: 'aBC', twice: 'AB', keys: { a: 1, '1': 2 } };
const ALIASES = { upperSlug: 'ABC', upperMin3: 'XYZ', lowerName: 'ada', list: ['A', 'BC'] };

const CASES: JudgedCase[] = [
  ['Nested', NESTED, true, true],
  ['Nested', { ...NESTED, lowerUpper: '' }, true, true],
  ['Nested', { ...NESTED, lowerUpper: '123' }, true, true],
  ['Nested', { ...NESTED, lowerUpper: 'A' }, false, true],
  ['Nested', { ...NESTED, lowerUpper: 1 }, false, true],
  ['Nested', { ...NESTED, capitalLower: 'abc' }, false, true],
  ['Nested', { ...NESTED, capitalLower: 'Ab1' }, true, true],
  ['Nested', { ...NESTED, uncapitalUpper: 'a' }, true, true],
  ['Nested', { ...NESTED, uncapitalUpper: 'ABC' }, false, true],
  ['Nested', { ...NESTED, keys: { a: 1, b2: 2 } }, true, true],
  ['Nested', { ...NESTED, twice: 'ab' }, false, true],
  ['Nested', { ...NESTED, keys: { a: 'x' } }, false, true],
  ['OfAliases', ALIASES, true, true],
  ['OfAliases', { ...ALIASES, maybe: null }, true, true],
  ['OfAliases', { ...ALIASES, maybe: 'QR' }, true, true],
  ['OfAliases', { ...ALIASES, upperSlug: 'abc' }, false, true],
  ['OfAliases', { ...ALIASES, lowerName: 'Ada' }, false, true],
  ['OfAliases', { ...ALIASES, list: ['a'] }, false, true],
  // The aliases' constraints, which tsc does not see (Uppercase<Slug> is Uppercase<string> to it).
  ['OfAliases', { ...ALIASES, upperSlug: 'A1' }, false],
  ['OfAliases', { ...ALIASES, upperSlug: '' }, false],
  ['OfAliases', { ...ALIASES, upperMin3: 'AB' }, false],
  ['OfAliases', { ...ALIASES, lowerName: '1ada' }, false],
  ['OfAliases', { ...ALIASES, maybe: 'Q-R' }, false],
];

/** Values TypeScript rejects that the outermost mapping alone, the schema's pattern, accepts. */
const APPROXIMATED = [
  { ...NESTED, lowerUpper: 'ß' },
  { ...NESTED, capitalLower: 'ABc' },
  { ...NESTED, uncapitalUpper: 'abc' },
];

let built: BuiltCase;
beforeAll(async () => {
  built = await buildCase('mapped-intrinsics', {
    'verdicts.ts': freshLiteralVerdicts([...CASES, ...APPROXIMATED.map((value) => ['Nested', value, false, true] as const)], './input/mapped.js'),
  });
}, 120_000);

describe('mappings of mappings and of constrained aliases', () => {
  it('compiles under tsc --strict, with tsc agreeing with every verdict marked as its own', () => {
    expect(built.compileErrors).toBe('');
  });

  it('says at each nested mapping what is not checked (CG2025), and no CG2021 for the aliases', () => {
    expect(built.diagnostics.map((d) => `${d.code} ${d.line}`)).toEqual(['CG2025 10', 'CG2025 11', 'CG2025 12', 'CG2025 15']);
    expect(built.diagnostics[0]!.message).toContain('(it accepts "ß", which TypeScript rejects)');
    expect(built.diagnostics[1]!.message).toContain('(it accepts "ABc", which TypeScript rejects)');
  });

  judgedAlike(CASES, () => built);

  it('rejects in validators the strings CG2025 names, which TypeScript rejects and only the schema accepts', () => {
    // tsc rejects each (fresh literals in the verdict module).
    for (const value of APPROXIMATED) {
      expect(built.validators('Nested').accepts(value)).toBe(false);
      expect(built.schemaAccepts('Nested', value)).toBe(true);
    }
    expect(built.diagnostics[0]!.message).toContain('checked by validators and mocks as TypeScript does');
  });

  it('mocks strings the whole chain gives back', () => {
    for (let seed = 0; seed < 20; seed += 1) {
      const { uncapitalUpper, capitalLower } = built.mock('Nested', seed) as { uncapitalUpper: string; capitalLower: string };
      expect(uncapitalUpper).toBe(uncapitalUpper.charAt(0).toLowerCase() + uncapitalUpper.slice(1).toUpperCase());
      expect(capitalLower).toBe(capitalLower.charAt(0).toUpperCase() + capitalLower.slice(1).toLowerCase());
    }
  });

  it('mocks values that pass the validators and the schema', () => {
    for (const type of ['Nested', 'OfAliases']) expect(failingMocks(built, type), type).toEqual([]);
  });
});
