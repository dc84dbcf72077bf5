/**
 * `coerce: true` (issue 9 T4, T6): whatever place a `Date` or `bigint` sits in, the value sent as
 * its wire form (dates as ISO text, bigints as decimal text) comes back from `validateT` as the
 * value that was sent: `isT(result.data)` holds and the data equals the original, class
 * instances and Map/Set subclasses included. The values are the mocks of the `coerce-places`
 * analyzer fixture (properties, optional and nullable ones, arrays, tuples with rests, records,
 * index signatures, unions, discriminated unions, intersections, nested objects, Map keys and
 * values, Set items, Sets of Sets, class instances), over 40 seeds each.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCoerceCase, type CoerceCase } from './build.js';
import { toJson, toWire } from './wire.js';

type Result = { success: true; data: unknown } | { success: false; issues: unknown[] };

let built: CoerceCase;

beforeAll(async () => {
  built = await buildCoerceCase('coerce-places', 'round-trip');
}, 240_000);

const fn = <T>(name: string): T => built.exports[name] as T;
const mock = (type: string, seed: number): unknown => fn<(o: object, options: { seed: number }) => unknown>(`mock${type}`)({}, { seed });

/** 40 seeds in the suite; `COERCE_SEEDS=500` for a longer hunt. */
const SEEDS = Number(process.env['COERCE_SEEDS'] ?? 40);
/** Types whose values JSON carries (no Map, Set or class instance). */
const JSON_TYPES = ['Moment', 'Places', 'Unique'];
const ALL_TYPES = [...JSON_TYPES, 'Collections', 'Stamp', 'Account', 'Holder'];

it('compiles under tsc --strict', () => {
  expect(built.compileErrors).toBe('');
});

describe.each(ALL_TYPES)('%s', (type) => {
  it('validateT and assertT turn the wire form back into the value sent, which isT accepts', () => {
    for (let seed = 0; seed < SEEDS; seed++) {
      const original = mock(type, seed);
      const wire = toWire(mock(type, seed));
      expect(wire, `seed ${seed}: the wire form differs`).not.toStrictEqual(original);
      const result = fn<(value: unknown) => Result>(`validate${type}`)(wire);
      expect(result.success, `seed ${seed}: ${JSON.stringify(result.success ? '' : result.issues)}`).toBe(true);
      if (!result.success) continue;
      expect(fn<(value: unknown) => boolean>(`is${type}`)(result.data), `seed ${seed}: isT rejects validateT's data`).toBe(true);
      // toStrictEqual compares prototypes too: a class instance must come back as one.
      expect(result.data, `seed ${seed}`).toStrictEqual(original);
      expect(fn<(value: unknown) => unknown>(`assert${type}`)(toWire(mock(type, seed)))).toStrictEqual(original);
    }
  });
});

describe.each(JSON_TYPES)('%s through JSON', (type) => {
  it('JSON.parse(JSON.stringify(mock)) validates into the mock, untouched', () => {
    for (let seed = 0; seed < SEEDS; seed++) {
      const original = mock(type, seed);
      const text = toJson(original);
      const input: unknown = JSON.parse(text);
      const result = fn<(value: unknown) => Result>(`validate${type}`)(input);
      expect(result.success, `seed ${seed}: ${text}`).toBe(true);
      if (!result.success) continue;
      expect(fn<(value: unknown) => boolean>(`is${type}`)(result.data), `seed ${seed}: isT rejects validateT's data`).toBe(true);
      // JSON leaves out keys holding undefined: toEqual ignores them.
      expect(result.data, `seed ${seed}`).toEqual(original);
      expect(JSON.parse(text), 'the input is not mutated').toEqual(input);
    }
  });
});
