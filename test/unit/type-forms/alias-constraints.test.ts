/**
 * Issue 9 A1: an alias's constraints reach the property through every way TypeScript offers:
 * Record, Partial/Pick/Omit/Readonly/Required chains, mapped types, tuple elements, index
 * signatures and generic arguments. The validators, the OpenAPI schemas and the mocks all keep them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('alias-constraints');
}, 120_000);

const source = { main: 'ABC', other: 'DEF', amount: 1 };
const rates = {
  byRegion: { eu: ['EUR'], us: [] },
  one: ['ABC', 'DEF'],
  partial: {},
  frozen: source,
  indexed: { a: 'ABC' },
  named: { id: 'ABC', extra: 'XYZ' },
  boxed: { value: 'ABC' },
  list: ['ABC'],
  readonlyList: [],
  mapped: { a: 'ABC', b: 'DEF' },
  totals: { x: 0 },
};
const variants = {
  partialRecord: { a: 'ABC' },
  requiredPartial: source,
  omitted: { main: 'ABC', amount: 2 },
  pickedReadonly: { main: 'ABC' },
  regions: { eu: 'EUR', us: 'USD' },
  wrapped: { items: ['ABC'], maybe: null, pair: ['ABC', 'DEF'] },
  plainBox: { value: 'anything' },
  nestedBox: { value: { value: 'ABC' } },
  listBox: { value: ['ABC'] },
  recordOfBoxes: { k: { value: 'ABC' } },
};

describe('constraints carried by an alias', () => {
  it('generate code that compiles under tsc --strict, without warnings', () => {
    expect(built.compileErrors).toBe('');
    expect(built.diagnostics).toEqual([]);
  });

  it('isRates({ byRegion: { eu: ["x"], us: [] } }) is false', () => {
    const isRates = built.validators('Rates');
    expect(isRates.accepts(rates)).toBe(true);
    expect(isRates.accepts({ ...rates, byRegion: { eu: ['x'], us: [] } })).toBe(false);
    expect(isRates.issues({ ...rates, byRegion: { eu: ['x'], us: [] } })).toEqual(['/byRegion/eu/0 pattern']);
  });

  const brokenRates: Array<[string, unknown, string]> = [
    ['Record<K, Code[]>', { byRegion: { eu: ['EUR'], us: ['usd'] } }, '/byRegion/us/0 pattern'],
    ['a tuple of Code', { one: ['ABC', 'x'] }, '/one/1 pattern'],
    ['Partial<Pick<…>>', { partial: { main: 'x', amount: -1 } }, '/partial/main pattern'],
    ['Readonly<…>', { frozen: { ...source, other: 'x' } }, '/frozen/other pattern'],
    ['an index signature', { indexed: { a: 'x' } }, '/indexed/a pattern'],
    ['an index signature beside properties', { named: { id: 'ABC', extra: 'x' } }, '/named/extra pattern'],
    ['a generic argument', { boxed: { value: 'x' } }, '/boxed/value pattern'],
    ['Array<Code>', { list: ['x'] }, '/list/0 pattern'],
    ['ReadonlyArray<Code>', { readonlyList: ['x'] }, '/readonlyList/0 pattern'],
    ['a mapped type', { mapped: { a: 'ABC', b: 'x' } }, '/mapped/b pattern'],
    ['Record<string, Amount>', { totals: { x: -1 } }, '/totals/x minimum'],
  ];
  for (const [form, change, issue] of brokenRates) {
    it(`keeps them through ${form}`, () => {
      const value = { ...rates, ...(change as object) };
      expect(built.validators('Rates').issues(value)).toContain(issue);
      expect(built.schemaAccepts('Rates', value)).toBe(false);
    });
  }

  const brokenVariants: Array<[string, unknown, string]> = [
    ['Partial<Record<…>>', { partialRecord: { b: 'x' } }, '/partialRecord/b pattern'],
    ['Required<Partial<…>>', { requiredPartial: { ...source, main: 'x' } }, '/requiredPartial/main pattern'],
    ['Omit<…>', { omitted: { main: 'x', amount: 1 } }, '/omitted/main pattern'],
    ['Pick<Readonly<…>>', { pickedReadonly: { main: 'x' } }, '/pickedReadonly/main pattern'],
    ['an alias of Record', { regions: { eu: 'x', us: 'USD' } }, '/regions/eu pattern'],
    ['a generic alias (items, T | null, rest of a tuple)', { wrapped: { items: ['x'], maybe: 'y', pair: ['ABC', 'z'] } }, '/wrapped/pair/1 pattern'],
    ['a nested generic', { nestedBox: { value: { value: 'x' } } }, '/nestedBox/value/value pattern'],
    ['a generic of Code[]', { listBox: { value: ['x'] } }, '/listBox/value/0 pattern'],
    ['a record of generics', { recordOfBoxes: { k: { value: 'x' } } }, '/recordOfBoxes/k/value pattern'],
  ];
  for (const [form, change, issue] of brokenVariants) {
    it(`keeps them through ${form}`, () => {
      const value = { ...variants, ...(change as object) };
      expect(built.validators('Variants').issues(value)).toContain(issue);
      expect(built.schemaAccepts('Variants', value)).toBe(false);
    });
  }

  const more = {
    ro: { x: 'ABC' },
    indexed: 'ABC',
    derived: { id: 'ABC', other: 'DEF' },
    holder: { value: 'ABC', values: ['DEF'] },
    partialList: {},
    mappedOver: { main: 'ABC', other: 'DEF', amount: 'GHI' },
    optionalTuple: [],
    nested: { a: { b: 'ABC' } },
  };
  const brokenMore: Array<[string, unknown, string]> = [
    ['Readonly<Record<…>>', { ro: { x: 'x' } }, '/ro/x pattern'],
    ["an indexed access (Source['main'])", { indexed: 'x' }, '/indexed pattern'],
    ['an inherited index signature', { derived: { id: 'ABC', other: 'x' } }, '/derived/other pattern'],
    ['a generic class', { holder: { value: 'ABC', values: ['x'] } }, '/holder/values/0 pattern'],
    ['Partial<Record<K, Code[]>>', { partialList: { a: ['x'] } }, '/partialList/a/0 pattern'],
    ['a mapped type over keyof', { mappedOver: { main: 'ABC', other: 'x', amount: 'GHI' } }, '/mappedOver/other pattern'],
    ['an optional tuple element', { optionalTuple: ['x'] }, '/optionalTuple/0 pattern'],
    ['nested Records', { nested: { a: { b: 'x' } } }, '/nested/a/b pattern'],
  ];
  for (const [form, change, issue] of brokenMore) {
    it(`keeps them through ${form}`, () => {
      expect(built.validators('More').accepts(more)).toBe(true);
      const value = { ...more, ...(change as object) };
      expect(built.validators('More').issues(value)).toContain(issue);
      expect(built.schemaAccepts('More', value)).toBe(false);
    });
  }

  it('names Box<Code> apart from Box<string>, which stays unconstrained', () => {
    expect(built.validators('Variants').accepts(variants)).toBe(true);
    expect(built.schemaAccepts('Variants', variants)).toBe(true);
    const names = built.model.declarations.map((declaration) => declaration.name);
    expect(names).toEqual(expect.arrayContaining(['Box_Code', 'Box_string', 'Box_CodeArray', 'Box_Box_Code', 'Wrap_Code']));
  });

  it('the OpenAPI schema has the pattern', () => {
    const schemas = built.document.components!.schemas! as Record<string, any>;
    const code = { type: 'string', pattern: '^[A-Z]{3}$' };
    expect(schemas['Rates'].properties.byRegion.properties.eu.items).toMatchObject(code);
    expect(schemas['Rates'].properties.indexed.additionalProperties).toMatchObject(code);
    expect(schemas['Box_Code'].properties.value).toMatchObject(code);
  });

  it('mocks satisfy them', () => {
    expect(failingMocks(built, 'Rates')).toEqual([]);
    expect(failingMocks(built, 'Variants')).toEqual([]);
    expect(failingMocks(built, 'More')).toEqual([]);
  });
});
