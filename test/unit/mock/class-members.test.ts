/**
 * Mocks of classes with non-public members (issue 9 B3, L9b): no object literal is such a class
 * (TS2741), so its mock is an instance. Where the class has fields its constructor sets
 * (`#count`, `private balance`, a base class's `#private`) and the constructor takes no argument,
 * the mock runs it (`constructed`): the fields hold what it sets, so methods that read them work,
 * also after overrides are merged. Where the constructor requires arguments or is not public,
 * the mock only gets the prototype and a CG5001 warning names the unset fields. Each mock
 * compiles under tsc --strict and passes `isT`. Fixture mock/class-members.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import { buildCase, failingMocks, type BuiltCase } from '../type-forms/helpers.js';
import { CONTEXT } from './helpers.js';

let built: BuiltCase;
beforeAll(async () => {
  built = await buildCase('../mock/class-members');
}, 120_000);

/** The mock of `type` for seed 1, `overrides` merged in. */
const mock = (type: string, overrides: object = {}): Record<string, unknown> => built.mock(type, 1, overrides) as Record<string, unknown>;

describe('mocks of classes with #private, private and protected members', () => {
  it('analyses without diagnostics and compiles under tsc --strict', () => {
    expect(built.diagnostics).toEqual([]);
    expect(built.compileErrors).toBe('');
  });

  it('warns only where the constructor cannot run: it requires arguments (Point), or is private (Singleton)', () => {
    const diagnostics = mockGenerator.check!(built.model, { split: 'file', seed: 42, maxDepth: 3 }, CONTEXT);
    expect(diagnostics.map(({ code, severity, line, message }) => `${code} ${severity} ${line} ${message}`)).toEqual([
      'CG5001 warning 40 mock of Point is built on its prototype without running its constructor, which requires arguments or is not public, so its non-public fields (z, w) are not set.',
      'CG5001 warning 84 mock of Singleton is built on its prototype without running its constructor, which requires arguments or is not public, so its non-public fields (ready) are not set.',
    ]);
  });

  it.each(['Counter', 'Account', 'Temperature', 'Point', 'NamedCounter', 'Greeter', 'Ticker', 'Singleton', 'Shape', 'Holder'])('100 mocks of %s pass isT and validateT, and their JSON the schema', (type) => {
    expect(failingMocks(built, type)).toEqual([]);
  });

  it('runs the constructor: #private and private fields hold what it sets, methods reading them work', () => {
    const counter = mock('Counter') as unknown as { label: string; increment(): number };
    expect(typeof counter.label).toBe('string');
    expect([counter.increment(), counter.increment()]).toEqual([1, 2]);
    expect(mock('Account')).toMatchObject({ balance: 0, owner: '', id: expect.any(String) });
    // A subclass runs its base's constructor too: Counter's #count, its own private prefix.
    const named = mock('NamedCounter') as unknown as { name: string; increment(): number; describe(): string };
    expect(named.increment()).toBe(1);
    expect(named.describe()).toBe(`#${named.name}`);
    // An abstract class is constructed as well (abstract is TypeScript's only); its abstract method is a stub.
    const shape = mock('Shape') as unknown as { id: number; area(): number };
    expect(shape.id).toBe(7);
    expect(() => shape.area()).toThrow('Shape.area is a mock stub');
    const holder = mock('Holder') as unknown as { slot: { isFilled(): boolean }; tagged: { tag: string; increment(): number } };
    expect(holder.slot.isFilled()).toBe(true);
    expect(holder.tagged.increment()).toBe(1);
    expect(typeof holder.tagged.tag).toBe('string');
  });

  it('keeps the instance, its #private fields with it, when overrides are merged', () => {
    const counter = mock('Counter', { label: 'x' }) as unknown as { label: string; increment(): number };
    expect(counter.label).toBe('x');
    expect(counter.increment()).toBe(1);
  });

  it('builds on the prototype only where the constructor cannot run, the getters and methods still the class\'s', () => {
    const point = mock('Point') as unknown as { x: number; y: number };
    expect(Object.keys(point)).toEqual(['x', 'y']);
    const temperature = mock('Temperature') as unknown as { celsius: number; fahrenheit: number; describe(): string };
    expect(temperature.fahrenheit).toBeCloseTo(temperature.celsius * 1.8 + 32);
    expect(temperature.describe()).toBe(`${temperature.celsius}°C`);
  });
});
