/**
 * Issue 9, tester s7 T3: what the mock cannot build (here @patterns its sampler cannot build
 * strings of: a lookahead it cannot confirm, a lookbehind, a format beside one) is left out wherever a value
 * without it is valid, on every seed: an optional property (directly, or through a type every
 * mock of which throws), an array's items (`[]`), a record's values (`{}`), a union member
 * (another member, `null` or `undefined` stands), `T | undefined` without `?` (`undefined`). Only
 * where nothing else is valid does the mock throw, with CG5001 at the member.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import { CONTEXT } from '../validate/helpers.js';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';

const SEEDS = 100;
let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('mock-unbuildable-parts');
}, 120_000);

/** The mocks of `type` over `SEEDS` seeds. */
function mocks(type: string): Array<Record<string, unknown>> {
  return Array.from({ length: SEEDS }, (_, seed) => built.mock(type, seed) as Record<string, unknown>);
}

describe('parts no mock can build, left out where a value without them is valid', () => {
  it('compile under tsc --strict', () => {
    expect(built.compileErrors).toBe('');
  });

  it('the tester\'s Account: range is left out on every seed, the default seed included, and {id} passes isT and the schema', () => {
    for (const account of mocks('Account')) expect(Object.keys(account)).toEqual(['id']);
    expect(failingMocks(built, 'Account', SEEDS)).toEqual([]);
  });

  it('Team: its owner (an Account) is there on some seeds now, and every mock is valid', () => {
    const teams = mocks('Team');
    expect(teams.some((team) => 'owner' in team)).toBe(true);
    expect(failingMocks(built, 'Team', SEEDS)).toEqual([]);
  });

  it('Holder: each part left out or replaced, on every seed, and every mock is valid', () => {
    for (const holder of mocks('Holder')) {
      expect(['locked', 'nested', 'behind', 'mail'].filter((key) => key in holder)).toEqual([]);
      expect([holder['list'], holder['years'], holder['byName']]).toEqual([[], [], {}]);
      expect(typeof holder['either']).toBe('number');
      expect(holder['maybe']).toBeNull();
      expect(holder['optionalUnion'] === undefined || typeof holder['optionalUnion'] === 'boolean').toBe(true);
      expect('unset' in holder && holder['unset'] === undefined).toBe(true);
    }
    expect(mocks('Holder').some((holder) => typeof holder['optionalUnion'] === 'boolean')).toBe(true);
    // `unset: undefined` has no JSON form the schema requires: judged by the validators alone.
    for (let seed = 0; seed < SEEDS; seed += 1) expect(built.validators('Holder').issues(built.mock('Holder', seed))).toEqual([]);
  });

  it('More: a tuple ends before its optional Year, a Set, a Map and pattern-keyed entries are empty, on every seed', () => {
    for (const more of mocks('More')) {
      expect(more['pair']).toHaveLength(1);
      expect([(more['set'] as Set<unknown>).size, (more['map'] as Map<unknown, unknown>).size]).toEqual([0, 0]);
      expect(more['keyed']).toEqual({});
    }
    for (let seed = 0; seed < SEEDS; seed += 1) expect(built.validators('More').issues(built.mock('More', seed))).toEqual([]);
  });

  it('Reasons: a mapping with a pattern past the limits, optional, is left out; an enum with no members is any number (tsc\'s reading), so it is built', () => {
    for (const reasons of mocks('Reasons')) expect(Object.keys(reasons).filter((key) => key !== 'empty')).toEqual(['id']);
    expect(mocks('Reasons').some((reasons) => typeof reasons['empty'] === 'number')).toBe(true);
    expect(failingMocks(built, 'Reasons', SEEDS)).toEqual([]);
  });

  it('throws, naming the member, where nothing else is valid (Locked.code, a non-empty array, a union of unbuildable members)', () => {
    expect(() => built.mock('Locked', 1)).toThrow(/Locked\.code/);
    expect(() => built.mock('Needed', 1)).toThrow(/Needed\.some/);
  });

  it('warns (CG5001) at the members no mock builds, and only there', () => {
    const messages = mockGenerator.check!(built.model, { split: 'file', seed: 42, maxDepth: 3 }, CONTEXT).map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`);
    const why = 'its @pattern cannot be sampled (Lookarounds beside a part that may backtrack exponentially cannot be checked); the mocks that hold it throw when called.';
    expect(messages).toEqual([
      `22:3 CG5001 mock cannot build Locked.code: ${why}`, `52:3 CG5001 mock cannot build Needed.some: ${why}`, `53:3 CG5001 mock cannot build Needed.only: ${why}`,
    ]);
  });
});
