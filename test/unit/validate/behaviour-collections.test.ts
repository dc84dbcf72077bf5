/** Arrays, tuples, records, index signatures and nested inline objects: the `collections` fixture run. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGenerated, validatorsOf, type TypeValidators } from './helpers.js';

let collections: TypeValidators;

beforeAll(async () => {
  collections = validatorsOf(await loadGenerated('collections', 'collections.validate.ts'), 'Collections');
});

const valid = {
  matrix: [[1, 2], [], [3]],
  readonlyNames: ['a'],
  pair: ['a', 1],
  optionalPair: ['a'],
  headAndRest: ['a', 1, 2, 3],
  scores: { alice: 1, bob: 2.5 },
  labels: { 1: 'one', '-2.5': 'minus' },
  flags: {},
  extras: { id: 'x', size: 3, color: 'red' },
  address: { street: 'Main', city: { name: 'Springfield' } },
};

describe('collections', () => {
  it('accepts a valid value', () => {
    expect(collections.accepts(valid)).toBe(true);
    expect(collections.accepts({ ...valid, optionalPair: ['a', 2], headAndRest: ['a'] })).toBe(true);
    expect(collections.accepts({ ...valid, optionalPair: ['a', undefined] })).toBe(true);
  });

  it('checks nested arrays item by item', () => {
    expect(collections.issues({ ...valid, matrix: [[1], [2, 'x'], 3] })).toEqual(['/matrix/1/1 type', '/matrix/2 type']);
  });

  it('checks tuple length, element types, optional elements and the rest', () => {
    expect(collections.issues({ ...valid, pair: ['a'] })).toEqual(['/pair minItems']);
    expect(collections.issues({ ...valid, pair: ['a', 1, 2] })).toEqual(['/pair maxItems']);
    expect(collections.issues({ ...valid, pair: [1, 'a'] })).toEqual(['/pair/0 type', '/pair/1 type']);
    expect(collections.issues({ ...valid, optionalPair: ['a', 'b'] })).toEqual(['/optionalPair/1 type']);
    expect(collections.issues({ ...valid, headAndRest: ['a', 1, 'x', 3, null] })).toEqual(['/headAndRest/2 type', '/headAndRest/4 type']);
    expect(collections.issues({ ...valid, headAndRest: [] })).toEqual(['/headAndRest minItems']);
    expect(collections.issues({ ...valid, pair: { 0: 'a', 1: 1 } })).toEqual(['/pair type']);
  });

  it('checks every value of a record, and of a number-keyed one the numeric keys only', () => {
    expect(collections.issues({ ...valid, scores: { alice: '1', 'a/b': Number.NaN } })).toEqual(['/scores/alice type', '/scores/a~1b type']);
    expect(collections.issues({ ...valid, labels: { one: 1, 2: 2 } })).toEqual(['/labels/2 type']);
    expect(collections.issues({ ...valid, flags: { on: 'yes' } })).toEqual(['/flags/on type']);
    expect(collections.issues({ ...valid, flags: [] })).toEqual(['/flags type']);
  });

  it('checks only the undeclared keys against an index signature', () => {
    expect(collections.issues({ ...valid, extras: { id: 'x', size: true } })).toEqual(['/extras/size union']);
    expect(collections.issues({ ...valid, extras: { id: 1 } })).toEqual(['/extras/id type']);
  });

  it('checks nested inline objects', () => {
    expect(collections.issues({ ...valid, address: { street: 1, city: { zip: 12345 } } })).toEqual([
      '/address/street type',
      '/address/city/name required',
      '/address/city/zip type',
    ]);
  });
});
