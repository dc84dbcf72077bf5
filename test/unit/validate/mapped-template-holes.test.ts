/**
 * A chain of intrinsic mappings inside a template literal hole (recheck s8 R9):
 * `` `x-${Lowercase<Uppercase<string>>}` `` was CG2004 and accepted anything (5 and {} too),
 * schema {}. The hole is now the chain the model holds for a property: validators apply it as
 * tsc does (innermost first, the hole's text must come back), mocks pass texts through it, and
 * the schema's pattern holds the outermost mapping, which accepts a few strings more (`'x-ß'`),
 * with CG2025 at the member. Variants: a chain before a text, two chained holes, a chain of a
 * Slug alias (tsc sees string), of a union of literals (tsc computes them), in a record key's
 * template. Verdicts marked `true` are tsc's own (the verdicts file compiles only if they hold).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, freshLiteralVerdicts, judgedAlike, type BuiltCase, type JudgedCase } from '../type-forms/helpers.js';

const HOLES = { one: 'x-a1', two: 'Abc.1', pair: 'ab-cD', slug: 's/abc', literals: 'u-a' };

const CASES: JudgedCase[] = [
  ['Holes', HOLES, true, true],
  ['Holes', { ...HOLES, one: 'x-' }, true, true],
  ['Holes', { ...HOLES, one: 'x-A' }, false, true],
  ['Holes', { ...HOLES, one: 'y-a' }, false, true],
  ['Holes', { ...HOLES, one: 5 }, false, true],
  ['Holes', { ...HOLES, one: {} }, false, true],
  ['Holes', { ...HOLES, two: 'abc.1' }, false, true],
  ['Holes', { ...HOLES, two: 'Abc.x' }, false, true],
  ['Holes', { ...HOLES, pair: 'aB-cD' }, false, true],
  ['Holes', { ...HOLES, pair: 'ab-CD' }, false, true],
  ['Holes', { ...HOLES, pair: 'ab-c-D' }, true, true],
  ['Holes', { ...HOLES, slug: 's/ABC' }, false, true],
  ['Holes', { ...HOLES, literals: 'u-b' }, true, true],
  ['Holes', { ...HOLES, literals: 'u-B' }, false, true],
  ['Keys', { byKey: { 'k-a': 1, 'k-12': 2 } }, true, true],
  ['Keys', { byKey: { 'k-a': 'x' } }, false, true],
  // Not a key of the index: an extra key, which tsc takes in a value that is not a fresh literal.
  ['Keys', { byKey: { 'k-A': 'x' } }, true],
];

/** Values TypeScript rejects that the outermost mapping alone, the schema's pattern, accepts. */
const APPROXIMATED: JudgedCase[] = [
  ['Holes', { ...HOLES, one: 'x-ß' }, false, true],
  ['Holes', { ...HOLES, two: 'ABc.1' }, false, true],
];

let built: BuiltCase;
beforeAll(async () => {
  built = await buildCase('mapped-template-holes', { 'verdicts.ts': freshLiteralVerdicts([...CASES, ...APPROXIMATED], './input/holes.js') });
}, 120_000);

describe('mapping chains in template holes', () => {
  it('compiles under tsc --strict, with tsc agreeing with the verdicts', () => {
    expect(built.compileErrors).toBe('');
  });

  it('says at each member that the schema holds the outermost mapping only (CG2025), and nothing is CG2004', () => {
    expect(built.diagnostics.map((d) => `${d.code} ${d.line}`)).toEqual(['CG2025 11', 'CG2025 13', 'CG2025 15', 'CG2025 15', 'CG2025 17', 'CG2025 24']);
  });

  judgedAlike(CASES, () => built);

  it('rejects with the validators, as tsc does, what the schema accepts (CG2025 says so)', () => {
    for (const [type, value] of APPROXIMATED) {
      expect(built.validators(type).accepts(value), JSON.stringify(value)).toBe(false);
      expect(built.schemaAccepts(type, value), JSON.stringify(value)).toBe(true);
    }
    // A key: 'k-ß' is no key of the index for the validators (an extra key, its value unchecked), one for the schema.
    expect(built.validators('Keys').accepts({ byKey: { 'k-ß': 'x' } })).toBe(true);
    expect(built.schemaAccepts('Keys', { byKey: { 'k-ß': 'x' } })).toBe(false);
  });

  it('mocks pass the validators and the schema', () => {
    for (const type of ['Holes', 'Keys']) expect(failingMocks(built, type), type).toEqual([]);
  });
});
