/**
 * The tester's examples of `coerce: true` faults (issue 9, session 7 T4, T5, T6), each with the
 * value it must give: Dates and bigints inside Maps and Sets are converted (T4), `@uniqueItems`
 * is judged on the converted items (T5), and a class instance is converted in place, staying an
 * instance of its class with its methods and private fields (T6).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { validatorsOf, type TypeValidators } from '../helpers.js';
import { buildCoerceCase, type CoerceCase } from './build.js';

const ISO = '2024-01-01T00:00:00Z';
const DAY = new Date(ISO);

let built: CoerceCase;
let collections: TypeValidators;
let unique: TypeValidators;
let holder: TypeValidators;
let account: TypeValidators;

beforeAll(async () => {
  built = await buildCoerceCase('coerce-places', 'report-examples');
  expect(built.compileErrors).toBe('');
  collections = validatorsOf(built.exports, 'Collections');
  unique = validatorsOf(built.exports, 'Unique');
  holder = validatorsOf(built.exports, 'Holder');
  account = validatorsOf(built.exports, 'Account');
}, 240_000);

interface Classes {
  Stamp: new () => { at: unknown; label: string; describe(): string };
  Account: new () => { opened: unknown; balance: unknown; peek(): number };
}
const classes = (): Classes => built.exports as unknown as Classes;

/** A `Collections` with every collection empty, `parts` replacing some. */
function collectionsValue(parts: Record<string, unknown>): Record<string, unknown> {
  return { byKey: new Map(), days: new Set(), byDate: new Map(), amounts: new Map(), lists: new Map(), nestedSets: new Set(), moments: new Map(), inArray: [], ...parts };
}

describe('T4: Map and Set entries', () => {
  it('turns the strings in Map values and keys and Set items into Dates and bigints', () => {
    const input = collectionsValue({
      byKey: new Map([['a', ISO]]),
      days: new Set([ISO]),
      byDate: new Map([[ISO, 1]]),
      amounts: new Map([['a', '5']]),
      lists: new Map([['7', [ISO, DAY]]]),
      nestedSets: new Set([new Set(['9'])]),
      moments: new Map([['m', { at: ISO }]]),
      maybe: new Map([['a', ISO], ['b', null]]),
    });
    const data = collections.data(input) as Record<string, unknown>;
    const map = (key: string): Map<unknown, unknown> => data[key] as Map<unknown, unknown>;
    expect(map('byKey').get('a')).toBeInstanceOf(Date);
    expect(map('byKey').get('a')).toEqual(DAY);
    expect([...(data['days'] as Set<unknown>)]).toEqual([DAY]);
    expect([...map('byDate')]).toEqual([[DAY, 1]]);
    expect(map('amounts').get('a')).toBe(5n);
    expect([...map('lists')]).toEqual([[7n, [DAY, DAY]]]);
    expect([...(data['nestedSets'] as Set<Set<unknown>>)].map((set) => [...set])).toEqual([[9n]]);
    expect(map('moments').get('m')).toEqual({ at: DAY });
    expect([...map('maybe')]).toEqual([['a', DAY], ['b', null]]);
    expect((built.exports['isCollections'] as (value: unknown) => boolean)(data)).toBe(true);
    expect((built.exports['assertCollections'] as (value: unknown) => unknown)(input)).toEqual(data);
  });

  it('never mutates a Map or Set it copies', () => {
    const byKey = new Map([['a', ISO]]);
    const days = new Set([ISO]);
    const data = collections.data(collectionsValue({ byKey, days })) as Record<string, unknown>;
    expect(data['byKey']).not.toBe(byKey);
    expect(byKey.get('a')).toBe(ISO);
    expect([...days]).toEqual([ISO]);
  });

  it('keeps a Map that needs no change, and refills an instance of a subclass in place', () => {
    const ready = new Map([['a', 5n]]);
    class Registry extends Map<string, unknown> {}
    const registry = new Registry([['a', ISO]]);
    const data = collections.data(collectionsValue({ byKey: registry, amounts: ready })) as Record<string, unknown>;
    expect(data['amounts']).toBe(ready);
    expect(data['byKey']).toBe(registry);
    expect(registry.get('a')).toEqual(DAY);
  });

  it('collapses items that become equal, as a Set does', () => {
    const data = collections.data(collectionsValue({ inArray: [new Set(['5', 5n, '6'])] })) as { inArray: Array<Set<bigint>> };
    expect([...data.inArray[0]!]).toEqual([5n, 6n]);
  });
});

describe('T5: @uniqueItems after coercion', () => {
  const base = { days: [], ids: [], moments: [] };

  it('rejects texts that are one Date or one bigint', () => {
    expect(unique.issues({ ...base, days: [ISO, '2024-01-01T00:00:00.000Z'] })).toEqual(['/days uniqueItems']);
    expect(unique.issues({ ...base, days: ['2024-01-01T01:00:00+01:00', ISO] })).toEqual(['/days uniqueItems']);
    expect(unique.issues({ ...base, days: [new Date(ISO), ISO] })).toEqual(['/days uniqueItems']);
    expect(unique.issues({ ...base, ids: ['5', 5n] })).toEqual(['/ids uniqueItems']);
    expect(unique.issues({ ...base, moments: [{ at: ISO }, { at: DAY }] })).toEqual(['/moments uniqueItems']);
  });

  it('accepts different ones, and returns them converted', () => {
    const data = unique.data({ days: [ISO, '2024-01-02T00:00:00Z'], ids: ['5', 6n], moments: [{ at: ISO }] });
    expect(data).toEqual({ days: [DAY, new Date('2024-01-02T00:00:00Z')], ids: [5n, 6n], moments: [{ at: DAY }] });
  });

  it('reports invalid texts as such, without throwing', () => {
    // A text that is no date-time stays a text, as one that is no bigint does (never an Invalid Date): equal ones are duplicates too.
    expect(unique.issues({ ...base, ids: ['x', 'x'], days: ['soon', 'soon'] })).toEqual([
      '/days/0 type',
      '/days/1 type',
      '/days uniqueItems',
      '/ids/0 type',
      '/ids/1 type',
      '/ids uniqueItems',
    ]);
  });
});

describe('T6: class instances', () => {
  it('converts an instance in place: its class, methods and private fields stay', () => {
    const { Stamp, Account } = classes();
    const stamp = new Stamp();
    stamp.at = ISO;
    const opened = new Account();
    opened.opened = ISO;
    opened.balance = '7';
    const other = new Account();
    other.opened = DAY;
    other.balance = 1n;
    const named = new Stamp();
    named.at = ISO;
    const input = { stamp, account: opened, accounts: [other, opened], byName: new Map([['n', named]]) };
    const data = holder.data(input) as typeof input;
    expect(data.stamp).toBe(stamp);
    expect(data.stamp).toBeInstanceOf(Stamp);
    expect(data.stamp.describe()).toBe('x2024-01-01T00:00:00.000Z');
    expect(data.account).toBe(opened);
    expect(data.account.opened).toEqual(DAY);
    expect(data.account.balance).toBe(7n);
    expect(data.account.peek()).toBe(1);
    expect(data.accounts).toEqual([other, opened]);
    expect(data.byName.get('n')).toBe(named);
    expect(named.at).toEqual(DAY);
    expect(holder.accepts(data)).toBe(true);
    // Nothing of the plain object around them changed (the instances changed in place): it is not copied.
    expect(data).toBe(input);
  });

  it('returns an instance given alone as that instance', () => {
    const { Account } = classes();
    const value = new Account();
    value.opened = ISO;
    value.balance = '-3';
    expect(account.data(value)).toBe(value);
    expect(value.balance).toBe(-3n);
    expect(value.peek()).toBe(1);
  });
});
