/**
 * Numeric bounds past 2^53 (fixture mock/huge-bounds, s10 hE2): `@minimum 9007199254740993`,
 * `@minimum 1e300`, `@maximum -1e300`, int64 above 2^53, steps far out. The mock wrote 0 there
 * (no `k × step` is an exact double past 2^53), which failed its own validator, and its check
 * reported a false CG2011 that stops a run. Now the mock draws doubles next to the bounds, kept
 * only where the validator accepts them; the validator and the OpenAPI schema read every bound as
 * the same double, so they agree at each bound (bigint bounds are exact on both sides).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import { buildCase, type BuiltCase } from '../type-forms/helpers.js';
import { CONTEXT } from './helpers.js';

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('../mock/huge-bounds');
}, 120_000);

/** A valid `Huge` (a mock of seed 0) with `key` set to `value`. */
function withValue(key: string, value: unknown): Record<string, unknown> {
  return { ...(built.mock('Huge', 0) as Record<string, unknown>), [key]: value };
}

/** `value` as JSON carries it: bigints as their decimal strings (docs/openapi.md, bigints). */
function wire(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? String(item) : item)));
}

/** A value one unit in the last place away from `value`. */
function nextDouble(value: number, direction: 1 | -1): number {
  const bits = new BigInt64Array(new Float64Array([value]).buffer);
  bits[0] = bits[0]! + ((value > 0) === (direction > 0) ? 1n : -1n);
  return new Float64Array(bits.buffer)[0]!;
}

describe('bounds past 2^53', () => {
  it('compiles under tsc --strict; the analyzer warns of bounds with more digits than a double keeps (CG2027), the mock check says nothing', () => {
    expect(built.compileErrors).toBe('');
    expect(built.diagnostics.map(({ code, severity, message, line }) => `${code} ${severity} ${line}: ${message}`)).toEqual([
      'CG2027 warning 3: @minimum 9007199254740993 on Huge.above has more digits than a double keeps: it is read as 9007199254740992, the nearest double, by the validators, the OpenAPI document and the mocks.',
      'CG2027 warning 19: @minimum 9007199254740993 on Huge.window has more digits than a double keeps: it is read as 9007199254740992, the nearest double, by the validators, the OpenAPI document and the mocks.',
      'CG2027 warning 19: @maximum 9007199254740995 on Huge.window has more digits than a double keeps: it is read as 9007199254740996, the nearest double, by the validators, the OpenAPI document and the mocks.',
    ]);
    expect(mockGenerator.check!(built.model, { split: 'file', seed: 42, maxDepth: 3 }, CONTEXT)).toEqual([]);
  });

  it('mocks that pass the validators, and their JSON the schema (100 seeds)', () => {
    const failing = Array.from({ length: 100 }, (_, seed) => built.mock('Huge', seed)).filter(
      (mock) => !built.validators('Huge').accepts(mock) || !built.schemaAccepts('Huge', wire(mock)),
    );
    expect(failing).toEqual([]);
  });

  it('draws more than one value where the bounds leave room', () => {
    const seen = new Set(Array.from({ length: 40 }, (_, seed) => (built.mock('Huge', seed) as { above: number }).above));
    expect(seen.size).toBeGreaterThan(1);
  });

  // Each bound and the doubles next to it: validator and schema answer alike. `@minimum
  // 9007199254740993` is the double 9007199254740992 for both (JSON and JavaScript read it so).
  it.each([
    ['above', 9007199254740992, true],
    ['above', nextDouble(9007199254740992, -1), false],
    ['atLeast', 1e300, true],
    ['atLeast', nextDouble(1e300, -1), false],
    ['atMost', -1e300, true],
    ['atMost', nextDouble(-1e300, 1), false],
    ['below', 1e300, true],
    ['below', nextDouble(1e300, 1), false],
    ['window', 9007199254740992, true],
    ['window', 9007199254740996, true],
    ['window', 9007199254740998, false],
    ['int64Above', 9007199254740992, false],
    ['int64Above', 9007199254740994, true],
    ['stepFar', 1e17, true],
    ['stepFar', 1e17 + 16, false],
    ['halfFar', 1e20, true],
  ] as const)('%s = %d: valid %s for the validator and the schema alike', (key, value, valid) => {
    const data = withValue(key, value);
    expect(built.validators('Huge').accepts(data)).toBe(valid);
    expect(built.schemaAccepts('Huge', wire(data))).toBe(valid);
  });

  it.each([
    ['bigAbove', 9007199254740993n, true],
    ['bigAbove', 9007199254740992n, false],
    ['bigWindow', -99999999999999999999990n, true],
    ['bigWindow', -99999999999999999999989n, false],
    ['bigBelow', 100000000000000000000000000000n, true],
    ['bigBelow', 100000000000000000000000000001n, false],
  ] as const)('%s = %s: bigint bounds exact for the validator and the schema (its wire string)', (key, value, valid) => {
    expect(built.validators('Huge').accepts(withValue(key, value))).toBe(valid);
    expect(built.schemaAccepts('Huge', wire(withValue(key, value)))).toBe(valid);
  });
});
