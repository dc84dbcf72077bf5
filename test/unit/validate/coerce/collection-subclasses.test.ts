/**
 * Classes extending Map or Set under `coerce: true` (fixture analyzer/collection-subclasses,
 * tester s7 R1): their entries are checked as the base's type arguments say, and converted in
 * place, as any class instance's properties are; the instance stays the caller's, with its
 * prototype, methods and private fields. They were checked by method names only: a DateMap of
 * ISO strings passed, and `data.dm.get('a')` stayed the string.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { validatorsOf, type TypeValidators } from '../helpers.js';
import { buildCoerceCase, type CoerceCase } from './build.js';

const ISO = '2024-01-01T00:00:00Z';
const DAY = new Date(ISO);

let built: CoerceCase;
let subclasses: TypeValidators;
type Class = new (...args: any[]) => any;
const M = (name: string) => built.exports[name] as Class;

beforeAll(async () => {
  built = await buildCoerceCase('collection-subclasses', 'collection-subclasses');
  expect(built.compileErrors).toBe('');
  subclasses = validatorsOf(built.exports, 'Subclasses');
}, 240_000);

/** A valid Subclasses whose dates are ISO texts, `patch` over it. */
function input(patch: object = {}): Record<string, any> {
  const reg = new (M('Registry'))([['k', { id: 'i', at: ISO }]]);
  reg.created = ISO;
  return {
    dm: new (M('DateMap'))([['a', ISO]]),
    ds: new (M('DateSet'))([ISO]),
    tags: new (M('TagSet'))(['ab']),
    reg,
    dl: new (M('DateList'))(),
    audited: new (M('Audited'))(['ab']),
    named: new (M('Named'))('n'),
    ...patch,
  };
}

describe('R1 under coerce: classes extending Map and Set', () => {
  it('converts their entries in place: the same instances, of their classes, isT holds on the data', () => {
    const value = input();
    const { dm, ds, reg, audited } = value;
    const data = subclasses.data(value) as Record<string, any>;
    expect(data['dm']).toBe(dm);
    expect(data['dm']).toBeInstanceOf(M('DateMap'));
    expect(data['dm'].get('a')).toEqual(DAY);
    expect(data['dm'].extra()).toBe(1);
    expect(data['ds']).toBe(ds);
    expect([...data['ds']]).toEqual([DAY]);
    expect(data['reg']).toBe(reg);
    expect(data['reg'].get('k').at).toEqual(DAY);
    expect(data['reg'].created).toEqual(DAY);
    expect(data['audited']).toBe(audited);
    expect(data['audited'].since).toEqual(new Date(0));
    expect((built.exports['isSubclasses'] as (value: unknown) => boolean)(data)).toBe(true);
  });

  it('rejects entries no conversion makes valid', () => {
    expect(subclasses.accepts(input({ dm: new (M('DateMap'))([['a', 'not a date']]) }))).toBe(false);
    expect(subclasses.accepts(input({ tags: new (M('TagSet'))([1]) }))).toBe(false);
    expect(subclasses.accepts(input({ tags: new Set(['AB']) }))).toBe(false);
    expect(subclasses.accepts(input({ audited: new Set(['ab']) }))).toBe(false);
    expect(subclasses.issues(input({ reg: Object.assign(new Map([['k', { id: 1, at: ISO }]]), { created: ISO }) }))).toEqual(['/reg/0/1/id type']);
  });
});
