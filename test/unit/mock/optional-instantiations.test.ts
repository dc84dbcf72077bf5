/**
 * An optional tuple element that is an instantiation of a generic type (`[string, Box<number>?]`,
 * `[string, Brand<number, 'Second'>?]`, fixture mock/optional-instantiations): the analyzer read
 * the element with the `undefined` its `?` adds, and a generic alias named that union after itself,
 * so `Box_number` was `undefined | Box_number`: its mock called itself or returned undefined, and
 * failed tsc --strict (TS2322). The element is now its written type.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from '../type-forms/helpers.js';

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('../mock/optional-instantiations');
}, 120_000);

describe('optional tuple elements that are instantiations', () => {
  it('generates without diagnostics and compiles under tsc --strict', () => {
    expect(built.diagnostics).toEqual([]);
    expect(built.compileErrors).toBe('');
  });

  it('models each instantiation as its generic\'s body, never as a union holding itself', () => {
    const types = Object.fromEntries(built.model.declarations.map((declaration) => [declaration.id, declaration.type]));
    expect(types['Box_number']).toMatchObject({ kind: 'object', properties: [{ name: 'value', type: { kind: 'number' } }] });
    expect(types['Brand_number_Second']).toEqual({ kind: 'number', brand: true });
    expect(types['Pair_number']).toMatchObject({ kind: 'tuple', elements: [{ optional: false }, { optional: false }] });
    expect(types['Maybe_Box_string']).toEqual({ kind: 'union', members: [{ kind: 'ref', id: 'Box_string' }, { kind: 'null' }] });
    expect(types['Box_Date']).toMatchObject({ kind: 'object', properties: [{ name: 'value', type: { kind: 'date' } }] });
    expect(types['Brand_string_Held']).toEqual({ kind: 'string', brand: true });
    for (const [id, type] of Object.entries(types)) expect(JSON.stringify(type), id).not.toContain(`"id":"${id}"`);
  });

  it.each(['Tuples', 'UsesHolder'])('%s: 100 mocks pass the validators, and their JSON the schema', (type) => {
    expect(failingMocks(built, type)).toEqual([]);
  });

  it('builds the optional element sometimes, as its type', () => {
    const lengths = new Set<number>();
    for (let seed = 0; seed < 40; seed += 1) {
      const { boxed, branded } = built.mock('Tuples', seed) as { boxed: unknown[]; branded: unknown[] };
      lengths.add(boxed.length);
      if (boxed.length === 2) expect(boxed[1]).toEqual({ value: expect.any(Number) });
      if (branded.length === 2) expect(typeof branded[1]).toBe('number');
    }
    expect(lengths).toEqual(new Set([1, 2]));
  });
});
