/**
 * A `Map` or `Set` that carries properties of its own (`Map<string, Entry> & { tag: string }`,
 * tester s7 R9) and has something converted under `coerce: true`: the copy keeps those
 * properties, so `isT(result.data)` holds, and the caller's collection is left as it was.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { validatorsOf, type TypeValidators } from '../helpers.js';
import { buildCoerceCase, type CoerceCase } from './build.js';

const ISO = '2024-01-01T00:00:00Z';
const DAY = new Date(ISO);

let built: CoerceCase;
let tagged: TypeValidators;
let tset: TypeValidators;
let stamped: TypeValidators;
let stampedFirst: TypeValidators;
let holder: TypeValidators;

beforeAll(async () => {
  built = await buildCoerceCase('coerce-tagged-collections', 'tagged-collections');
  expect(built.compileErrors).toBe('');
  tagged = validatorsOf(built.exports, 'Tagged');
  tset = validatorsOf(built.exports, 'TSet');
  stamped = validatorsOf(built.exports, 'Stamped');
  stampedFirst = validatorsOf(built.exports, 'StampedFirst');
  holder = validatorsOf(built.exports, 'Holder');
}, 240_000);

/** `isT` of the fixture's type `name`. */
const isT = (name: string) => built.exports[`is${name}`] as (value: unknown) => boolean;

describe('R9: a Map or Set with properties of its own', () => {
  it("keeps a Map's own property when its entries are converted (the tester's Tagged)", () => {
    const input = Object.assign(new Map([['a', { id: 'i', at: ISO }]]), { tag: 't' });
    const data = tagged.data(input) as Map<string, { at: unknown }> & { tag: string };
    expect(data).not.toBe(input);
    expect(data.tag).toBe('t');
    expect(data.get('a')!.at).toEqual(DAY);
    expect(isT('Tagged')(data)).toBe(true);
    // The caller's Map is not touched.
    expect(input.get('a')!.at).toBe(ISO);
  });

  it("keeps a Set's own property when its items are converted (the tester's TSet)", () => {
    const input = Object.assign(new Set<unknown>(['5', 6n]), { label: 'l' });
    const data = tset.data(input) as Set<bigint> & { label: string };
    expect(data.label).toBe('l');
    expect([...data]).toEqual([5n, 6n]);
    expect(isT('TSet')(data)).toBe(true);
    expect([...input]).toEqual(['5', 6n]);
  });

  it('still rejects a Map or Set without the property, or with a wrong entry', () => {
    expect(tagged.issues(new Map([['a', { id: 'i', at: ISO }]]))).toEqual(['/tag required']);
    expect(tagged.accepts(Object.assign(new Map([['a', { id: 1, at: ISO }]]), { tag: 't' }))).toBe(false);
    expect(tset.accepts(Object.assign(new Set(['x']), { label: 'l' }))).toBe(false);
  });

  it('converts both the entries and the own property, whichever side is written first', () => {
    for (const [name, validators] of [['Stamped', stamped], ['StampedFirst', stampedFirst]] as const) {
      const input = Object.assign(new Map([['a', ISO]]), { at: ISO });
      const data = validators.data(input) as Map<string, unknown> & { at: unknown };
      expect(data.get('a'), name).toEqual(DAY);
      expect(data.at, name).toEqual(DAY);
      expect(isT(name)(data), name).toBe(true);
      // A bare Map with properties is copied, not converted in place as a class instance is.
      expect(input.get('a'), name).toBe(ISO);
      expect(input.at, name).toBe(ISO);
    }
  });

  it('keeps them in properties, array items and Map values', () => {
    const input = {
      tagged: Object.assign(new Map([['a', { id: 'i', at: ISO }]]), { tag: 't' }),
      set: Object.assign(new Set(['1']), { label: 's' }),
      list: [Object.assign(new Map([['b', { id: 'j', at: ISO }]]), { tag: 'u' })],
      byName: new Map([['n', Object.assign(new Set(['2']), { label: 'n' })]]),
    };
    const data = holder.data(input) as typeof input;
    expect(data.tagged.tag).toBe('t');
    expect(data.set.label).toBe('s');
    expect(data.list[0]!.tag).toBe('u');
    expect(data.byName.get('n')!.label).toBe('n');
    expect([...data.byName.get('n')!]).toEqual([2n]);
    expect(isT('Holder')(data)).toBe(true);
  });

  it('returns a collection with nothing to convert as it is', () => {
    const input = Object.assign(new Map([['a', { id: 'i', at: DAY }]]), { tag: 't' });
    expect(tagged.data(input)).toBe(input);
  });
});
