/**
 * The `number-intersections` fixture end to end: constrained number aliases intersected
 * (`Half & Third`, two `@multipleOf`s the analyzer keeps as an intersection) get mocks meeting
 * every member, where the mock generator used to stop the run with "not an object type". Its
 * validators and mocks compile under `tsc --strict`, `check` reports nothing, 100 seeded mocks
 * pass `isT`, and the validator checks each member's step.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import { commonMultiple, meetNumbers } from '../../../src/generators/mock/compile/number-intersections.js';
import type { Model } from '../../../src/model/types.js';
import { typecheck } from '../../helpers/typecheck.js';
import { CONTEXT, FIXTURES_DIR, loadExports, materialize, mocksFailingIsT, readJson } from './helpers.js';

const ROOT = join(process.cwd(), 'test/.tmp/mock-number-intersections');
const model = readJson<Model>(join(FIXTURES_DIR, 'number-intersections', 'model.json'), undefined as never);
let folder: string;

describe('constrained numbers intersected: mocks meeting every member', () => {
  beforeAll(async () => {
    folder = await materialize({ name: 'number-intersections', model, copy: ['input'], root: join(FIXTURES_DIR, 'number-intersections'), context: CONTEXT }, ROOT, undefined, false);
  }, 120_000);

  it('reports no diagnostic', () => {
    expect(mockGenerator.check!(model, { split: 'file', seed: 42, maxDepth: 3 }, CONTEXT)).toEqual([]);
  });

  it('compiles under tsc --strict', async () => {
    expect(await typecheck(folder)).toBe('');
  }, 120_000);

  it('100 seeded mocks pass isNumberIntersections', async () => {
    expect(mocksFailingIsT(await loadExports(folder, 1), 'NumberIntersections', 100)).toBe('');
  });

  it('validates each member: a multiple of 0.5 and of 0.333 passes, a multiple of one only does not', async () => {
    const exports = await loadExports(folder, 1);
    const valid = exports['mockNumberIntersections']!({}, { seed: 3 }) as Record<string, unknown>;
    for (const halfAndThird of [0, 166.5, 333, -166.5]) expect(exports['isNumberIntersections']!({ ...valid, halfAndThird }), String(halfAndThird)).toBe(true);
    for (const halfAndThird of [0.5, 0.333, 0.6, 1, 1.5]) expect(exports['isNumberIntersections']!({ ...valid, halfAndThird }), String(halfAndThird)).toBe(false);
    expect(exports['isNumberIntersections']!({ ...valid, signedAndUnsigned: -1 })).toBe(false);
    expect(exports['isNumberIntersections']!({ ...valid, signedAndUnsigned: 2 ** 31 })).toBe(false);
  });

  it('differs across seeds', async () => {
    const exports = await loadExports(folder, 1);
    const values = Array.from({ length: 40 }, (_, seed) => exports['mockNumberIntersections']!({}, { seed }) as Record<string, unknown>);
    for (const key of ['halfAndThird', 'halfAndPoint3', 'signedAndUnsigned']) expect(new Set(values.map((value) => value[key])).size, key).toBeGreaterThan(1);
  });
});

describe('commonMultiple', () => {
  it('is the least decimal multiple of every step', () => {
    expect(commonMultiple(['0.5', '0.333'])).toBe('166.5');
    expect(commonMultiple(['0.5', '0.3'])).toBe('1.5');
    expect(commonMultiple(['4', '6'])).toBe('12');
    expect(commonMultiple(['0.25', '0.1'])).toBe('0.5');
    expect(commonMultiple(['1e-3', '0.002'])).toBe('0.002');
    expect(commonMultiple(['0.01'])).toBe('0.01');
  });

  it('is undefined beyond what a double holds exactly', () => {
    expect(commonMultiple(['9007199254740991', '2'])).toBeUndefined();
  });
});

describe('meetNumbers', () => {
  it('keeps the tightest bounds, and the ranges of two different @types as bounds', () => {
    expect(meetNumbers([
      { kind: 'number', constraints: { minimum: 1, maximum: 20, numericType: 'int32' } },
      { kind: 'number', constraints: { minimum: -5, exclusiveMaximum: 10, numericType: 'uint32' } },
    ])).toEqual({ kind: 'number', constraints: { minimum: 1, maximum: 20, exclusiveMaximum: 10, numericType: 'integer' } });
  });
});
