/**
 * Issue 9 C2: instantiations of one generic whose arguments would get the same name (inline
 * objects of other shapes, literals that differ only in characters a name drops) are distinct
 * declarations, each checked against its own argument; equal arguments share one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('generic-inline-arguments');
}, 120_000);

const SHELF = { a: { value: { x: 's' } }, b: { value: { y: 1 } }, again: { value: { x: 't' } }, other: { value: { x: 2 } }, dash: { value: 'a-b' }, plain: { value: 'ab' }, one: { value: 1 }, oneText: { value: '1' } };

describe('instantiations named alike', () => {
  it('compile under tsc --strict', () => {
    expect(built.compileErrors).toBe('');
  });

  it('get one declaration per distinct argument', () => {
    const refs = Object.fromEntries(
      (built.model.declarations.find((d) => d.id === 'Shelf')!.type as { properties: Array<{ name: string; type: { id: string } }> }).properties.map((p) => [p.name, p.type.id]),
    );
    expect(refs).toEqual({
      a: 'Box_ObjectWithX',
      b: 'Box_ObjectWithY',
      again: 'Box_ObjectWithX',
      other: 'Box_ObjectWithX_2',
      dash: 'Box_ab',
      plain: 'Box_ab_2',
      one: 'Box_1',
      oneText: 'Box_1_2',
    });
  });

  it('checks each property against its own argument, in the validators and OpenAPI', () => {
    const shelf = built.validators('Shelf');
    expect(shelf.accepts(SHELF)).toBe(true);
    expect(built.schemaAccepts('Shelf', SHELF)).toBe(true);
    for (const [key, value] of [['a', { value: { y: 1 } }], ['b', { value: { x: 's' } }], ['other', { value: { x: 's' } }], ['plain', { value: 'a-b' }], ['oneText', { value: 1 }]] as const) {
      expect(shelf.accepts({ ...SHELF, [key]: value })).toBe(false);
      expect(built.schemaAccepts('Shelf', { ...SHELF, [key]: value })).toBe(false);
    }
  });

  it('mocks pass the validators and the schema', () => {
    expect(failingMocks(built, 'Shelf')).toEqual([]);
  });
});
