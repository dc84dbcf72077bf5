/**
 * An optional property whose type no mock can build (`b?: Promise<string>`, a constructor type,
 * an object holding a promise) is left out of every mock, as `x?: never` is: a value without the
 * key is valid, so the mock works for every seed. A required one still throws, naming the member.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import { CONTEXT } from '../validate/helpers.js';
import { buildCase, type BuiltCase } from './helpers.js';

const OPTIONAL = ['OptPromise', 'OptConstructor', 'OptNever', 'OptNested', 'OptLibrary'] as const;
let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('mock-left-out');
}, 120_000);

describe('optional properties no mock can build', () => {
  it('compile under tsc --strict', () => {
    expect(built.compileErrors).toBe('');
  });

  it.each(OPTIONAL)('%s: the key is left out on every seed, and the mock passes its validator', (type) => {
    for (let seed = 0; seed < 100; seed += 1) {
      const value = built.mock(type, seed) as Record<string, unknown>;
      expect(Object.keys(value), `seed ${seed}`).toEqual(['g']);
      expect(built.validators(type).accepts(value)).toBe(true);
    }
  });

  it('end a tuple before an optional element no mock can build, on every seed', () => {
    const lengths = new Set<number>();
    for (let seed = 0; seed < 100; seed += 1) {
      const value = built.mock('OptElement', seed) as { t: unknown[] };
      lengths.add(value.t.length);
      expect(built.validators('OptElement').accepts(value)).toBe(true);
    }
    expect([...lengths].sort()).toEqual([1, 2]);
  });

  it('are not reported by the mock generator; the required one is, at its member', () => {
    const messages = mockGenerator.check!(built.model, { split: 'file', seed: 42, maxDepth: 3 }, CONTEXT).map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`);
    expect(messages).toEqual([
      "11:31 CG5001 mock cannot build ReqPromise.b: its type `Promise<string>` is not supported, so no value of it can be built; the mocks that hold it throw when called.",
    ]);
    expect(() => built.mock('ReqPromise', 1)).toThrow(/ReqPromise\.b/);
  });
});
