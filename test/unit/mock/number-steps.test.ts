/**
 * Mock numbers on a `@multipleOf` step within bounds (fixture mock/number-steps): a step larger
 * than the preferred window (`@multipleOf 10000 @minimum 1 @maximum 2147483647`, tester s9 T9)
 * was a false CG2011 that stopped the run; a bound that is a multiple only up to binary rounding
 * (`@multipleOf 0.1 @minimum 0.7 @maximum 0.7`) too. Now CG2011 only where no multiple exists,
 * and mocks draw the multiples nearest the window.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import { buildCase, failingMocks, type BuiltCase } from '../type-forms/helpers.js';
import type { Model } from '../../../src/model/types.js';
import { CONTEXT, FIXTURES_DIR, readJson } from './helpers.js';

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('../mock/number-steps');
}, 120_000);

describe('@multipleOf within bounds', () => {
  it('compiles under tsc --strict', () => {
    expect(built.compileErrors).toBe('');
  });

  it('reports no diagnostic where multiples exist', () => {
    expect(built.diagnostics).toEqual([]);
    expect(mockGenerator.check!(built.model, { split: 'file', seed: 42, maxDepth: 3 }, CONTEXT)).toEqual([]);
  });

  it('reports CG2011 where no multiple lies within the bounds (fixture mock/unsatisfiable, NoSteps)', () => {
    const model = readJson<Model>(join(FIXTURES_DIR, 'unsatisfiable', 'model.json'), undefined as never);
    const diagnostics = mockGenerator.check!(model, { split: 'file', seed: 42, maxDepth: 3 }, CONTEXT);
    expect(diagnostics.filter((entry) => entry.message.includes('NoSteps.')).map(({ code, message }) => `${code} ${message}`)).toEqual([
      'CG2011 Contradictory constraints on NoSteps.none: no multiple of 100000 from 1 to 99999, so no mock can satisfy them.',
      'CG2011 Contradictory constraints on NoSteps.between: no multiple of 10000 above 10000 below 20000, so no mock can satisfy them.',
      'CG2011 Contradictory constraints on NoSteps.tenths: no multiple of 0.1 above 0.7 below 0.8, so no mock can satisfy them.',
      'CG2011 Contradictory constraints on NoSteps.outside: no multiple of 1000000000 from 2147483648 to 2147483647, so no mock can satisfy them.',
      'CG2011 Contradictory constraints on NoSteps.three: @uniqueItems needs 3 distinct items but the item type has only 2 values, so no mock can satisfy them.',
    ]);
  });

  it('100 mocks pass the validators, and their JSON the schema', () => {
    expect(failingMocks(built, 'Steps')).toEqual([]);
  });

  it('draws multiples inside the bounds, the bounds themselves where they are multiples', () => {
    const seen: Record<string, Set<number>> = {};
    for (let seed = 0; seed < 100; seed += 1) {
      for (const [key, value] of Object.entries(built.mock('Steps', seed) as Record<string, number | number[]>)) {
        for (const one of [value].flat()) (seen[key] ??= new Set()).add(one);
      }
    }
    expect([...seen['a']!].sort()).toEqual([1e9, 2e9]);
    expect([...seen['onlyTwenty']!]).toEqual([20000]);
    expect([...seen['seven']!]).toEqual([0.7]);
    expect([...seen['elevenTenths']!]).toEqual([1.1]);
    expect([...seen['quarter']!]).toEqual([1000.25]);
    for (const value of seen['c']!) expect(value % 10000 === 0 && value >= 1 && value <= 2147483647, String(value)).toBe(true);
    for (const value of seen['negativeRange']!) expect(value % 100000 === 0 && value >= -1000000 && value < -100000, String(value)).toBe(true);
    for (const value of seen['lakhs']!) expect(value % 100000 === 0 && value >= 100000 && value <= 1000000, String(value)).toBe(true);
    // Several values each, not one pinned value.
    for (const key of ['c', 'f', 'g', 'big', 'seconds', 'negative', 'price']) expect(seen[key]!.size, key).toBeGreaterThan(5);
  });
});
