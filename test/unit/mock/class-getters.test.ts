/**
 * A class's get accessors where its members reach a plain object (tester s9 T16; fixture
 * mock/class-getters, built with validate, mock and openapi, compiled under tsc --strict). Only the
 * class itself is mocked on its prototype, whose getter gives `d`; a mapped copy (`Readonly<Circle>`,
 * `Omit<Circle, 'area'>`, `Pick<Circle, 'd'>`, `Partial<Circle>`), an interface extending the class
 * and an intersection with it are plain objects, where TypeScript and the validators require `d` as
 * a data property: the mock writes it as one, of the getter's type. A setter without a getter is a
 * required key to TypeScript too (`note: string`), so plain objects get it as data as well.
 * Such a copy as a generic argument (`Wrap<Pick<Circle, 'd' | 'r'>>`, recheck s9 R7) types the
 * instantiation's functions with the getter as a member (`readonly d: number`), as its value holds it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from '../type-forms/helpers.js';

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('../mock/class-getters');
}, 240_000);

const seeds = Array.from({ length: 40 }, (_, seed) => seed);

describe('class getters in plain-object mocks', () => {
  it('generates without diagnostics and compiles under tsc --strict', () => {
    expect(built.diagnostics).toEqual([]);
    expect(built.compileErrors).toBe('');
  });

  it.each(['Circle', 'Holder', 'CircleLike', 'PickD', 'Both', 'Label', 'Labels', 'LabelLike', 'SmallCopy', 'SmallCircle', 'Boxes', 'Wrapped'])(
    '%s: 100 mocks pass the validators, and their JSON the schema',
    (type) => {
      expect(failingMocks(built, type)).toEqual([]);
    },
  );

  it('gives mapped copies the getter as own data, and leaves the class itself on its prototype', () => {
    for (const seed of seeds) {
      const holder = built.mock('Holder', seed) as Record<string, Record<string, unknown>>;
      expect(Object.keys(holder.ro!).sort(), `seed ${seed}`).toEqual(['area', 'd', 'r']);
      expect(typeof holder.ro!.d).toBe('number');
      expect(Object.keys(holder.omit!).sort()).toEqual(['d', 'r']);
      // `Pick<Circle, 'area' | 'r'>` has no `d`.
      expect(Object.keys(holder.pick!).sort()).toEqual(['area', 'r']);
      // `Partial<Circle>`: `d` is optional, there on some seeds only.
      expect(Object.keys(holder.part!).every((key) => ['r', 'd', 'area'].includes(key))).toBe(true);
      const circle = built.mock('Circle', seed) as { r: number; d: number };
      expect(Object.keys(circle)).toEqual(['r']);
      expect(circle.d).toBe(circle.r * 2);
    }
    const parts = seeds.map((seed) => (built.mock('Holder', seed) as { part: object }).part);
    expect(parts.some((part) => 'd' in part)).toBe(true);
    expect(parts.some((part) => !('d' in part))).toBe(true);
  });

  it('writes the getter as data in an extending interface and Pick of the getter alone', () => {
    for (const seed of seeds) {
      const like = built.mock('CircleLike', seed) as Record<string, unknown>;
      expect(Object.keys(like).sort(), `seed ${seed}`).toEqual(['area', 'd', 'extra', 'r']);
      expect(Object.getPrototypeOf(like)).toBe(Object.prototype);
      expect(Object.keys(built.mock('PickD', seed) as object)).toEqual(['d']);
    }
  });

  it('keeps Circle & { tag } an instance whose getter is the class\'s', () => {
    for (const seed of seeds) {
      const both = built.mock('Both', seed) as { r: number; d: number; tag: string; area(): number };
      expect(Object.keys(both).sort(), `seed ${seed}`).toEqual(['r', 'tag']);
      expect(both.d).toBe(both.r * 2);
      expect(both.area()).toBe(3.14 * both.r * both.r);
    }
  });

  it('merges a mapped copy\'s getter as data, and leaves the class\'s own to its prototype', () => {
    for (const seed of seeds) {
      const copy = built.mock('SmallCopy', seed) as { r: number; d: unknown };
      expect(Object.keys(copy).sort(), `seed ${seed}`).toEqual(['area', 'd', 'r']);
      expect(typeof copy.d).toBe('number');
      const small = built.mock('SmallCircle', seed) as { r: number; d: number; area(): number };
      expect(Object.keys(small), `seed ${seed}`).toEqual(['r']);
      expect(small.d).toBe(small.r * 2);
      // Circle's own method, not a stub over it.
      expect(small.area()).toBe(3.14 * small.r * small.r);
      const boxes = built.mock('Boxes', seed) as { ro: { item: string; items: unknown[] }; omit: { items: unknown[] } };
      expect(boxes.ro.items.every((item) => typeof item === 'string')).toBe(true);
      expect(boxes.omit.items.every((item) => typeof item === 'number')).toBe(true);
    }
  });

  it('writes a getter with a setter, and a setter alone, as data of plain objects', () => {
    for (const seed of seeds) {
      const labels = built.mock('Labels', seed) as Record<string, Record<string, unknown>>;
      expect(Object.keys(labels.ro!).sort(), `seed ${seed}`).toEqual(['note', 'text', 'upper']);
      expect(Object.keys(labels.omit!).sort()).toEqual(['note', 'upper']);
      expect(Object.keys(labels.extended!).sort()).toEqual(['note', 'size', 'text', 'upper']);
      const label = built.mock('Label', seed) as { text: string; upper: string };
      expect(Object.keys(label)).toEqual(['text']);
      expect(label.upper).toBe(label.text.toUpperCase());
    }
  });

  it('types a mapped copy as a generic argument with its getter, as the value holds it (recheck s9 R7)', () => {
    // Before, `Wrap<{ r: number }>` typed mocks whose `inner` held `d`: TS2322/TS2353 under tsc --strict.
    expect(built.compileErrors).toBe('');
    for (const seed of seeds) {
      const wrapped = built.mock('Wrapped', seed) as { pick: { inner: object }; ro: { inner: object }; omit: { items: object[] }; part: { inner: object } };
      expect(Object.keys(wrapped.pick.inner).sort(), `seed ${seed}`).toEqual(['d', 'r']);
      expect(Object.keys(wrapped.ro.inner).sort()).toEqual(['area', 'd', 'r']);
      expect(wrapped.omit.items.every((item) => Object.keys(item).sort().join() === 'd,r')).toBe(true);
      expect(Object.keys(wrapped.part.inner).every((key) => ['r', 'd', 'area'].includes(key))).toBe(true);
    }
  });
});
