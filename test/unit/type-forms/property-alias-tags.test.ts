/**
 * A property's own constraint tags beside its alias's (fixture analyzer/property-alias-tags,
 * tester9 F10): both apply, as for an intersection. `/** @minimum -10 *\/ n: NonNeg` (alias
 * `@minimum 0`) keeps 0; two patterns, steps or formats are each checked. `isT`, `validateT` and
 * the OpenAPI schema (ajv) agree on each value; TypeScript accepts every valid one (`tsc`), and
 * the mocks pass all three.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import { CONTEXT } from '../validate/helpers.js';
import { buildCase, type BuiltCase, failingMocks, judgedAlike } from './helpers.js';

type Case = [type: string, value: unknown, valid: boolean];

const Z = { n: 0, s: 'abz', a: 1.5 };
const VARIANTS = { looser: 'abcde', added: 'ab', teen: 15, above: 12.5, few: ['a'], same: 9, steps: 24, whole: 7, both: 'abc' };

const CASES: Case[] = [
  // The tester's example: each own tag adds to the alias's.
  ['Z', Z, true],
  ['Z', { ...Z, n: -5 }, false],
  ['Z', { ...Z, s: 'bz' }, false],
  ['Z', { ...Z, s: 'ab' }, false],
  ['Z', { ...Z, a: 0.5 }, false],
  ['Z', { ...Z, a: 0.3 }, false],
  ['Z', { ...Z, a: 3 }, true],
  ['Variants', VARIANTS, true],
  ['Variants', { ...VARIANTS, maybe: null }, true],
  ['Variants', { ...VARIANTS, maybe: 'az' }, true],
  ['Variants', { ...VARIANTS, maybe: 'ab' }, false],
  ['Variants', { ...VARIANTS, maybe: 'zz' }, false],
  // A looser own bound does not loosen the alias's.
  ['Variants', { ...VARIANTS, looser: 'abcdef' }, false],
  ['Variants', { ...VARIANTS, added: 'a' }, false],
  ['Variants', { ...VARIANTS, added: 'abcdef' }, false],
  ['Variants', { ...VARIANTS, teen: 16 }, false],
  ['Variants', { ...VARIANTS, teen: 9 }, false],
  ['Variants', { ...VARIANTS, above: 12 }, false],
  ['Variants', { ...VARIANTS, above: 20.5 }, false],
  ['Variants', { ...VARIANTS, few: [] }, false],
  ['Variants', { ...VARIANTS, few: ['a', 'b', 'c', 'd'] }, false],
  ['Variants', { ...VARIANTS, same: 4 }, false],
  ['Variants', { ...VARIANTS, steps: 9 }, false],
  ['Variants', { ...VARIANTS, steps: 8 }, false],
  ['Variants', { ...VARIANTS, steps: -12 }, true],
  ['Variants', { ...VARIANTS, whole: 7.5 }, false],
  ['Variants', { ...VARIANTS, whole: 8 }, false],
  ['Variants', { ...VARIANTS, both: 'abcd' }, false],
  ['Variants', { ...VARIANTS, both: 'bc' }, false],
  ['Chained', { az: 'abz', n: 0, short: 'az' }, true],
  ['Chained', { az: 'ab', n: 0, short: 'az' }, false],
  ['Chained', { az: 'bz', n: 0, short: 'az' }, false],
  ['Chained', { az: 'az', n: -5, short: 'az' }, false],
  ['Chained', { az: 'az', n: 0, short: 'abcz' }, false],
  ['Described', { mail: 'ab@example.com' }, true],
  ['Described', { mail: 'ab' }, false],
  ['Described', { mail: `${'a'.repeat(30)}@example.com` }, false],
  ['NoString', { e: 'ab@example.com' }, false],
  ['NoString', { e: '123e4567-e89b-12d3-a456-426614174000' }, false],
];

let built: BuiltCase;

/** TypeScript's verdicts: every valid case assigned, as a non-fresh value, to its type. */
function verdicts(): string {
  const lines = ["import type * as T from './input/shared.js';"];
  CASES.forEach(([type, value, valid], i) => {
    if (!valid) return;
    lines.push(`const v${i} = ${JSON.stringify(value)};`, `export const t${i}: T.${type} = v${i};`);
  });
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  built = await buildCase('property-alias-tags', { 'verdicts.ts': verdicts() });
}, 180_000);

describe("a property's own constraint tags beside its alias's", () => {
  it('compiles under tsc --strict, and TypeScript accepts each valid value', () => {
    expect(built.compileErrors).toBe('');
  });

  judgedAlike(CASES, () => built);

  it('names the failing member: the alias or the property', () => {
    expect(built.validators('Z').issues({ n: -5, s: 'bz', a: 0.5 })).toEqual(['/n minimum', '/s pattern', '/a multipleOf']);
  });

  it('checks both bounds of a bigint', () => {
    const big = built.validators('Big');
    expect(big.accepts({ small: 5n })).toBe(true);
    expect(big.accepts({ small: 100n })).toBe(true);
    expect(big.accepts({ small: 4n })).toBe(false);
    expect(big.accepts({ small: 101n })).toBe(false);
  });

  it("keeps the property's own description and example (docs are not constraints)", () => {
    const described = built.model.declarations.find((declaration) => declaration.name === 'Described')!;
    expect(described.type.kind === 'object' && described.type.properties[0]!.docs).toEqual({
      description: "The property's own words.",
      examples: ['ab@example.com'],
    });
  });

  it('reports bounds that leave no number (CG2011, at the property), and nothing else', () => {
    const line = built.model.declarations.find((declaration) => declaration.name === 'NoNumber')!.source.line;
    expect(built.diagnostics.map((d) => `${d.severity} ${d.code} ${(d.line ?? 0) - line} ${d.message}`)).toEqual([
      'error CG2011 1 Contradictory constraints on NoNumber.n: minimum 0 is greater than maximum -1.',
    ]);
  });

  it('mocks values that pass the validators and the schema', () => {
    for (const type of ['Z', 'Variants', 'Chained', 'Described']) expect(failingMocks(built, type)).toEqual([]);
    for (let seed = 0; seed < 20; seed++) {
      const big = built.mock('Big', seed) as { small: bigint };
      expect(built.validators('Big').issues(big)).toEqual([]);
    }
  });

  it('says that no string is an e-mail address and a UUID at once (error CG2011 from the mock, which stops generation)', () => {
    const found = mockGenerator.check!(built.model, { split: 'file', seed: 42, maxDepth: 3 } as never, CONTEXT);
    expect(found.map((d) => `${d.severity} ${d.code} ${d.message}`)).toEqual([
      'error CG2011 Contradictory constraints on NoNumber.n: no number from 0 to -1, so no mock can satisfy them.',
      'error CG2011 Contradictory constraints on NoString.e: no string matches @format email and @format uuid, so no mock can satisfy them.',
    ]);
  });
});
