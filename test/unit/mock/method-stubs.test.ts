/**
 * Methods a mock cannot take from a prototype, so that mocks pass the validators and their JSON
 * the schemas (fixture mock/method-stubs, built with validate, mock and openapi, compiled under
 * tsc --strict):
 *
 * - an abstract method (tester s9 T1): `withPrototype(Shape, { name })` had no `area`, so
 *   `isShape` refused every mock. Abstract methods (and one keyed by a well-known symbol) are
 *   stubbed in the data, as an interface's methods are; implemented ones stay the prototype's.
 * - `toJSON()` of an object type: its stub threw, so `JSON.stringify(mock)` threw. It returns a
 *   mock of the declared result (the object itself for `toJSON(): this`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from '../type-forms/helpers.js';

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('../mock/method-stubs');
}, 120_000);

const seeds = Array.from({ length: 40 }, (_, seed) => seed);

describe('abstract methods and toJSON stubs', () => {
  it('generates without diagnostics and compiles under tsc --strict', () => {
    expect(built.diagnostics).toEqual([]);
    expect(built.compileErrors).toBe('');
  });

  it.each(['Shape', 'Circle', 'Polygon', 'Countdown', 'Drawing', 'Tally', 'Itself', 'Stamped', 'Money', 'Ledger', 'Greeter', 'JsonTwins'])(
    '%s: 100 mocks pass the validators, and their JSON the schema',
    (type) => {
      expect(failingMocks(built, type)).toEqual([]);
    },
  );

  it('stubs abstract methods only: implemented ones are the prototype\'s, and throw as stubs do', () => {
    const shape = built.mock('Shape', 1) as { area(): number; describe(): string };
    expect(Object.keys(shape)).toEqual(['name', 'area']);
    expect(() => shape.area()).toThrow('Shape.area is a mock stub: pass an implementation in the mock\'s overrides.');
    // `describe` is Shape's own, which calls the stub.
    expect(Object.prototype.hasOwnProperty.call(shape, 'describe')).toBe(false);
    expect(() => shape.describe()).toThrow('Shape.area is a mock stub');
    const polygon = built.mock('Polygon', 1) as { area(): number; sides(): number };
    expect(polygon.area()).toBe(0);
    expect(() => polygon.sides()).toThrow('Polygon.sides is a mock stub');
    const circle = built.mock('Circle', 1) as { r: number; area(): number };
    expect(circle.area()).toBe(3.14 * circle.r * circle.r);
    // A merged interface's method is on no prototype either; the class's own `wave` is.
    const greeter = built.mock('Greeter', 1) as { name: string; greet(other: string): string; wave(): string };
    expect(Object.keys(greeter)).toEqual(['name', 'greet']);
    expect(greeter.wave()).toBe(`${greeter.name} waves`);
    expect(() => greeter.greet('Ada')).toThrow('Greeter.greet is a mock stub');
  });

  it('stubs the abstract method of a generic class\'s instantiation and a symbol-keyed one', () => {
    for (const seed of seeds) {
      const drawing = built.mock('Drawing', seed) as { circles: { items: unknown[]; find(id: number): unknown }; countdown: Record<symbol, unknown> };
      expect(typeof drawing.circles.find, `seed ${seed}`).toBe('function');
      expect(typeof drawing.countdown[Symbol.asyncIterator], `seed ${seed}`).toBe('function');
    }
  });

  it('writes toJSON\'s declared result as the JSON, the same on every call', () => {
    for (const seed of seeds) {
      const tally = built.mock('Tally', seed) as { label: string; toJSON(): unknown };
      const json = JSON.parse(JSON.stringify(tally)) as Record<string, unknown>;
      expect(Object.keys(json).sort(), `seed ${seed}`).toEqual(['count', 'n']);
      expect(tally.toJSON()).toBe(tally.toJSON());
      // One stub per JSON: two mocks of a seed are deeply equal, functions and all.
      expect(built.mock('Tally', seed)).toEqual(tally);
      // toJSON(): this writes the fields.
      const itself = built.mock('Itself', seed) as { label: string };
      expect(JSON.parse(JSON.stringify(itself))).toEqual({ label: itself.label });
      const ledger = built.mock('Ledger', seed) as { stamped: { stamp: { toJSON(): unknown } }; total: { toJSON(): unknown } };
      expect(typeof ledger.stamped.stamp.toJSON()).toBe('string');
      expect(typeof ledger.total.toJSON()).toBe('number');
    }
  });

  it('gives each toJSON its own type\'s result when two results have the same JSON text (s10 hE3)', () => {
    const origin = built.validators('Origin');
    for (const seed of seeds) {
      const blank = built.mock('Blank', seed) as { toJSON(): unknown };
      const twins = built.mock('JsonTwins', seed) as Record<'at' | 'near' | 'bare', { toJSON(): unknown }>;
      // Keyed by JSON text, `near` got `at`'s Origin and `bare` got `blank`'s { a: undefined }.
      expect(origin.accepts(twins.at.toJSON()), `seed ${seed}`).toBe(true);
      expect(Object.getPrototypeOf(twins.near.toJSON()), `seed ${seed}`).toBe(Object.prototype);
      expect(twins.near.toJSON()).toStrictEqual({ x: 1, kind: 'origin' });
      expect(blank.toJSON()).toStrictEqual({ a: undefined });
      expect(twins.bare.toJSON()).toStrictEqual({});
      // Still one stub per value: two mocks of a seed are deeply equal.
      expect(built.mock('JsonTwins', seed)).toEqual(twins);
      expect(built.mock('JsonTwins', seed)).not.toBe(twins);
    }
  });
});
