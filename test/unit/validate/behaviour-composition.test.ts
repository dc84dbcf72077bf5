/** Intersections, `@strict` (alone and inside an intersection) and unions of objects: `composition` and `strict` run. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGenerated, validatorsOf, type TypeValidators } from './helpers.js';

let person: TypeValidators;
let closedPerson: TypeValidators;
let mixed: TypeValidators;
let account: TypeValidators;
let empty: TypeValidators;
let loose: TypeValidators;

beforeAll(async () => {
  const composition = await loadGenerated('composition', 'composition.validate.ts');
  person = validatorsOf(composition, 'Person');
  closedPerson = validatorsOf(composition, 'ClosedPerson');
  mixed = validatorsOf(composition, 'Mixed');
  const strict = await loadGenerated('strict', 'strict.validate.ts');
  account = validatorsOf(strict, 'Account');
  empty = validatorsOf(strict, 'Empty');
  loose = validatorsOf(strict, 'Loose');
});

describe('intersections', () => {
  it('checks every member', () => {
    expect(person.accepts({ name: 'Ann', age: 3, extra: true })).toBe(true);
    expect(person.issues({ name: 1, age: -1 })).toEqual(['/name type', '/age minimum']);
  });

  it('lets a strict member accept the keys the other members declare, and nothing else', () => {
    expect(closedPerson.accepts({ id: 'a', name: 'Ann' })).toBe(true);
    expect(closedPerson.issues({ id: 'a', name: 'Ann', age: 3 })).toEqual(['/age additionalProperties']);
    expect(closedPerson.issues({ name: 'Ann' })).toEqual(['/id required']);
  });
});

describe('@strict', () => {
  it('rejects undeclared keys, also in nested strict objects', () => {
    expect(account.accepts({ id: 'a', settings: { theme: 'dark' } })).toBe(true);
    expect(account.accepts({ id: 'a', nickname: 'n', settings: { theme: 'dark' } })).toBe(true);
    expect(account.issues({ id: 'a', settings: { theme: 'dark', font: 1 }, 'x/y': 1 })).toEqual([
      '/settings/font additionalProperties',
      '/x~1y additionalProperties',
    ]);
  });

  it('rejects any key of an empty strict type; a loose type accepts extra keys', () => {
    expect(empty.accepts({})).toBe(true);
    expect(empty.issues({ a: 1 })).toEqual(['/a additionalProperties']);
    expect(loose.accepts({ id: 'a', other: 1 })).toBe(true);
  });
});

describe('unions of objects and arrays', () => {
  const valid = { pointOrLabel: 'here', pointOrPoints: [{ x: 1, y: 2 }], numbersOrNames: ['a'] };

  it('accepts every member', () => {
    expect(mixed.accepts(valid)).toBe(true);
    expect(mixed.accepts({ pointOrLabel: { x: 0, y: 0 }, pointOrPoints: { x: 1, y: 1 }, numbersOrNames: [1, 2] })).toBe(true);
  });

  it('descends into the one object (or array) member when the value is an object (or array)', () => {
    expect(mixed.issues({ ...valid, pointOrLabel: { x: 1 } })).toEqual(['/pointOrLabel/y required']);
    expect(mixed.issues({ ...valid, pointOrPoints: [{ x: 1, y: 'a' }] })).toEqual(['/pointOrPoints/0/y type']);
  });

  it('reports one union issue when no member stands out', () => {
    expect(mixed.issues({ ...valid, pointOrLabel: 3, numbersOrNames: [1, 'a'] })).toEqual(['/pointOrLabel union', '/numbersOrNames union']);
  });
});
