/**
 * The `several-patterns` fixture end to end (issue 9 D): constrained aliases intersected on one
 * string (`StartsA & EndsZ`, a format beside another alias's pattern, lengths beside patterns)
 * get mocks meeting every member. Its validators and mocks compile under `tsc --strict`, `check`
 * reports nothing, and 100 seeded mocks of each type pass `isT`. The contradiction and the
 * not-found warning beside it live in the `unsatisfiable` fixture (`input/intersections.ts`).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import { findStringsOfAll } from '../../../src/generators/mock/compile/string-intersections.js';
import type { Model } from '../../../src/model/types.js';
import { typecheck } from '../../helpers/typecheck.js';
import { CONTEXT, FIXTURES_DIR, loadExports, materialize, mocksFailingIsT, readJson } from './helpers.js';

const ROOT = join(process.cwd(), 'test/.tmp/mock-several-patterns');
const model = readJson<Model>(join(FIXTURES_DIR, 'several-patterns', 'model.json'), undefined as never);
const TYPES = ['SeveralPatterns', 'MergedKey'];
let folder: string;

describe('several constrained aliases on one string: mocks meeting every member', () => {
  beforeAll(async () => {
    // Unformatted (compiled and run only): the generation the property and typecheck tests
    // materialize in this process, made once (the string search of these mocks is seconds).
    folder = await materialize({ name: 'several-patterns', model, copy: ['input'], root: join(FIXTURES_DIR, 'several-patterns'), context: CONTEXT }, ROOT, undefined, false);
  }, 120_000);

  it('reports no diagnostic', () => {
    expect(mockGenerator.check!(model, { split: 'file', seed: 42, maxDepth: 3 }, CONTEXT)).toEqual([]);
  });

  it('compiles under tsc --strict', async () => {
    expect(await typecheck(folder)).toBe('');
  }, 120_000);

  it.each(TYPES)('%s: 100 seeded mocks pass isT', async (name) => {
    expect(mocksFailingIsT(await loadExports(folder, 1), name, 100)).toBe('');
  });

  it('checks a property\'s own tags beside its aliases\' (one more member of the intersection)', async () => {
    const exports = await loadExports(folder, 1);
    const valid = exports['mockSeveralPatterns']!({}, { seed: 3 }) as Record<string, unknown>;
    expect(exports['isSeveralPatterns']!({ ...valid, tagged: 'abz' })).toBe(true);
    // `^[a-z]+$` of the property, `@maxLength 6`, then `z$` of the alias.
    for (const tagged of ['aBz', 'abcdefz', 'abc']) expect(exports['isSeveralPatterns']!({ ...valid, tagged }), tagged).toBe(false);
  });

  it('is deterministic for a seed and differs across seeds', async () => {
    const exports = await loadExports(folder, 1);
    const mock = exports['mockSeveralPatterns']!;
    expect(mock({}, { seed: 5 })).toEqual(mock({}, { seed: 5 }));
    const values = Array.from({ length: 40 }, (_, seed) => mock({}, { seed }) as Record<string, unknown>);
    for (const key of ['twoPatterns', 'threePatterns', 'withLength', 'withMinimum', 'emailFromA', 'uuidEndingA', 'dayOfTheTwenties', 'riskyAndLower', 'tagged']) {
      expect(new Set(values.map((value) => value[key])).size, key).toBeGreaterThan(1);
    }
  });
});

describe('findStringsOfAll', () => {
  const pattern = (source: string) => ({ pattern: { source, flags: '' } });

  it('finds strings of two patterns that neither sampler writes alone', () => {
    const search = findStringsOfAll([pattern('^a'), pattern('z$')], 0, Infinity);
    expect(search.verdict).toBeUndefined();
    expect(search.samples.length).toBe(16);
    for (const text of search.samples) expect(text).toMatch(/^a.*z$/su);
  });

  it('keeps the narrowest window', () => {
    const search = findStringsOfAll([pattern('^a'), pattern('z$')], 2, 3);
    expect(search.samples.length).toBe(16);
    for (const text of search.samples) expect(text).toMatch(/^a.?z$/su);
    // Two characters: `az` is the only one.
    expect(findStringsOfAll([pattern('^a'), pattern('z$')], 2, 2)).toEqual({ samples: ['az'] });
  });

  it('keeps the format sampler\'s strings the pattern accepts', () => {
    const search = findStringsOfAll([{ format: 'date' }, pattern('^202\\d-02-29$')], 0, Infinity);
    // Leap days of the 2020s: 2020, 2024 and 2028 (the format's check rejects 2021-02-29).
    expect(new Set(search.samples)).toEqual(new Set(['2020-02-29', '2024-02-29', '2028-02-29']));
  });

  it('proves a contradiction', () => {
    expect(findStringsOfAll([pattern('^a'), pattern('^b')], 0, Infinity)).toEqual({ samples: [], verdict: 'contradiction' });
    expect(findStringsOfAll([pattern('^a'), pattern('z$')], 0, 1)).toEqual({ samples: [], verdict: 'contradiction' });
  });

  it('is the same on every call (fixed seeds)', () => {
    const parts = [pattern('^[a-z]+'), pattern('\\d{2}$'), { format: 'hostname' as const }];
    expect(findStringsOfAll(parts, 0, 20)).toEqual(findStringsOfAll(parts, 0, 20));
  });
});
