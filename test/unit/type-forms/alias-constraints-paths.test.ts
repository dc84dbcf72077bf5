/**
 * Issue 9 A1, the paths a tester found constraints dropped on (TypeScript accepted the values,
 * codegen said nothing): constrained aliases intersected (`Min3 & StartsA`, `Int & NonNeg`),
 * lib utility types that pass an alias on (`Readonly<Record<string, Slug>>`, `Readonly<Slug[]>`,
 * `NonNullable<Slug | null>`, `Awaited<Promise<Slug>>`, `Extract`/`Exclude`, key-remapped mapped
 * types), and recursive generics of an alias (`Chain<Slug>`'s `next` was `Chain_string`). The
 * validators, the OpenAPI schema and the mocks all keep them; tsc checks that every value the
 * tests call valid is of the type.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';
import { verdictFile } from './verdicts.js';

const intersections = {
  both: 'abc',
  whole: 0,
  three: 'abcde',
  threeNumbers: 10,
  grouped: 'abc',
  alias: 'abcdefgh',
  aliasWithTag: 'abcd',
  nullable: null,
  list: ['abc'],
  counter: { count: 3 },
  branded: 'abc',
  withKeyword: 'xyz',
  unionMember: 'abc',
  template: 'abc',
};

const utilities = {
  readonlyRecord: { x: 'a' },
  readonlyKeyedRecord: { k: 'a' },
  readonlyArray: ['a'],
  readonlyArrayType: ['a'],
  readonlyOperator: ['a'],
  readonlyTuple: ['a', 1],
  partialRecord: { x: 'a' },
  partialRecordOfLists: { x: ['a'] },
  requiredRecord: { x: 'a' },
  requiredPartial: { k: 'a' },
  nestedReadonly: { x: { y: 'a' } },
  partialPartial: { x: 'a' },
  nonNullable: 'a',
  nonNullableList: ['a'],
  awaited: 'a',
  awaitedList: ['a'],
  extracted: 'a',
  excluded: 'a',
  excludedNullable: null,
  pickOmit: { a: 'a' },
  getters: { getA: 'a', getB: 1 },
  gettersInline: { getA: 'a', getB: 1 },
  gettersOfBox: { getValue: 'a' },
  withoutB: { a: 'a' },
  identity: 'a',
  identityOfList: ['a'],
  conditional: 'a',
  conditionalInline: 'a',
  pickOfRecord: { a: 'a' },
  omitOfRecord: { y: 'a' },
  defaulted: { value: 'a' },
  keyofAccess: 1,
  itemAccess: 'a',
};

const recursive = {
  chain: { value: 'a', next: { value: 'b' } },
  tree: { value: 'a', children: [{ value: 'b', children: [] }] },
  linked: { value: 'a', next: { value: 'b', next: null } },
  ping: { pong: { value: 'a', ping: { pong: { value: 'b' } } } },
};

/** The valid sample above as TypeScript source: only a cast makes a string branded. */
function intersectionsSource(): string {
  return JSON.stringify(intersections).replace('"branded":"abc"', '"branded":"abc" as AliasIntersections["branded"]');
}

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('alias-constraints-paths', {
    'intersections-verdicts.ts': verdictFile('AliasIntersections', './input/intersections.js', [{ value: null, text: intersectionsSource(), valid: true }]),
    'utilities-verdicts.ts': verdictFile('Utilities', './input/utilities.js', [{ value: utilities, valid: true }]),
    'recursive-verdicts.ts': verdictFile('Recursive', './input/recursion.js', [{ value: recursive, valid: true }]),
  });
}, 120_000);

/** `value` with `change` merged into it at the top level. */
const broken = (value: object, change: object) => ({ ...value, ...change });

describe('constraints of intersected aliases', () => {
  it('generate code that compiles under tsc --strict, and the valid samples are of the type', () => {
    expect(built.compileErrors).toBe('');
    expect(built.diagnostics).toEqual([]);
  });

  it('accept a value meeting every member', () => {
    expect(built.validators('AliasIntersections').issues(intersections)).toEqual([]);
    expect(built.schemaAccepts('AliasIntersections', intersections)).toBe(true);
  });

  const cases: Array<[string, object, string]> = [
    ['Min3 & StartsA: too short', { both: 'ab' }, '/both minLength'],
    ['Min3 & StartsA: not starting with a', { both: 'bcd' }, '/both pattern'],
    ['Int & NonNeg: negative', { whole: -1 }, '/whole minimum'],
    ['Int & NonNeg: a fraction', { whole: 1.5 }, '/whole type'],
    ['three aliases: too long', { three: 'abcdef' }, '/three maxLength'],
    ['three number aliases: above the maximum', { threeNumbers: 11 }, '/threeNumbers maximum'],
    ['(A & B) & C', { grouped: 'abcdef' }, '/grouped maxLength'],
    ['an alias of the intersection', { alias: 'xyz' }, '/alias pattern'],
    ["a tag on the intersection's alias", { aliasWithTag: 'abcdef' }, '/aliasWithTag maxLength'],
    ['a nullable intersection', { nullable: 'ab' }, '/nullable minLength'],
    ['items of Array<A & B>', { list: ['abc', 'x'] }, '/list/1 minLength'],
    ['a generic `T & NonNeg` with T = Int', { counter: { count: -2 } }, '/counter/count minimum'],
    ['a brand beside the aliases', { branded: 'bcd' }, '/branded pattern'],
    ['an alias beside its own keyword', { withKeyword: 'xy' }, '/withKeyword minLength'],
    ['(Min3 | null) & StartsA', { unionMember: 'bcd' }, '/unionMember pattern'],
    ['Min3 & `a${string}`: the length beside the template', { template: 'ab' }, '/template minLength'],
    ['Min3 & `a${string}`: the template beside the length', { template: 'bcd' }, '/template pattern'],
  ];
  for (const [form, change, issue] of cases) {
    it(`reject ${form}`, () => {
      const value = broken(intersections, change);
      expect(built.validators('AliasIntersections').issues(value)).toContain(issue);
      expect(built.schemaAccepts('AliasIntersections', value)).toBe(false);
    });
  }

  it('bigint aliases meet too (5n..9n)', () => {
    const validators = built.validators('BigIntersections');
    expect(validators.issues({ big: 4n })).toContain('/big minimum');
    expect(validators.issues({ big: 10n })).toContain('/big maximum');
    expect(validators.accepts({ big: 5n })).toBe(true);
    expect(validators.accepts({ big: 9n })).toBe(true);
  });

  it('two patterns are both met by the mocks (issue 9 D), branded too', () => {
    expect(failingMocks(built, 'TwoPatterns')).toEqual([]);
    const both = Array.from({ length: 20 }, (_, seed) => (built.mock('TwoPatterns', seed) as { both: string }).both);
    expect(both.every((text) => /^a.*z$/su.test(text))).toBe(true);
    expect(new Set(both).size).toBeGreaterThan(1);
  });

  it('two patterns are both checked, by the validators and the schema', () => {
    const validators = built.validators('TwoPatterns');
    const valid = { both: 'abz', branded: 'abz' };
    expect(validators.accepts(valid)).toBe(true);
    expect(validators.accepts({ ...valid, both: 'abc' })).toBe(false);
    expect(validators.accepts({ ...valid, both: 'xbz' })).toBe(false);
    expect(built.schemaAccepts('TwoPatterns', valid)).toBe(true);
    expect(built.schemaAccepts('TwoPatterns', { ...valid, both: 'abc' })).toBe(false);
    expect(built.schemaAccepts('TwoPatterns', { ...valid, both: 'xbz' })).toBe(false);
    // Beside a brand too.
    expect(validators.accepts({ ...valid, branded: 'abc' })).toBe(false);
    expect(built.schemaAccepts('TwoPatterns', { ...valid, branded: 'xbz' })).toBe(false);
  });

  it('the OpenAPI schema carries both constraints on one string', () => {
    const schemas = built.document.components!.schemas! as Record<string, any>;
    expect(schemas['AliasIntersections'].properties.both).toMatchObject({ type: 'string', minLength: 3, pattern: '^a' });
    expect(schemas['AliasIntersections'].properties.whole).toMatchObject({ type: 'integer', minimum: 0 });
  });

  it('mocks meet every member', () => {
    expect(failingMocks(built, 'AliasIntersections')).toEqual([]);
    for (let seed = 0; seed < 20; seed += 1) {
      const value = built.mock('AliasIntersections', seed) as typeof intersections;
      expect(value.both.length).toBeGreaterThanOrEqual(3);
      expect(value.both.startsWith('a')).toBe(true);
      expect(Number.isInteger(value.whole) && value.whole >= 0).toBe(true);
    }
  });
});

describe('constraints through lib utility types', () => {
  it('accept the valid sample', () => {
    expect(built.validators('Utilities').issues(utilities)).toEqual([]);
    expect(built.schemaAccepts('Utilities', utilities)).toBe(true);
  });

  const cases: Array<[string, object, string]> = [
    ['Readonly<Record<string, Slug>>', { readonlyRecord: { x: 'A' } }, '/readonlyRecord/x pattern'],
    ["Readonly<Record<'k', Slug>>", { readonlyKeyedRecord: { k: 'A' } }, '/readonlyKeyedRecord/k pattern'],
    ['Readonly<Slug[]>', { readonlyArray: ['A'] }, '/readonlyArray/0 pattern'],
    ['ReadonlyArray<Slug>', { readonlyArrayType: ['A'] }, '/readonlyArrayType/0 pattern'],
    ['readonly Slug[]', { readonlyOperator: ['A'] }, '/readonlyOperator/0 pattern'],
    ['Readonly<[Slug, number]>', { readonlyTuple: ['A', 1] }, '/readonlyTuple/0 pattern'],
    ['Partial<Record<string, Slug>>', { partialRecord: { x: 'A' } }, '/partialRecord/x pattern'],
    ['Partial<Record<string, Slug[]>>', { partialRecordOfLists: { x: ['A'] } }, '/partialRecordOfLists/x/0 pattern'],
    ['Required<Record<string, Slug>>', { requiredRecord: { x: 'A' } }, '/requiredRecord/x pattern'],
    ["Required<Partial<Record<'k', Slug>>>", { requiredPartial: { k: 'A' } }, '/requiredPartial/k pattern'],
    ['Readonly<Record<string, Record<string, Slug>>>', { nestedReadonly: { x: { y: 'A' } } }, '/nestedReadonly/x/y pattern'],
    ['Partial<Partial<Record<string, Slug>>>', { partialPartial: { x: 'A' } }, '/partialPartial/x pattern'],
    ['NonNullable<Slug | null>', { nonNullable: 'A' }, '/nonNullable pattern'],
    ['NonNullable<Slug[] | undefined>', { nonNullableList: ['A'] }, '/nonNullableList/0 pattern'],
    ['Awaited<Promise<Slug>>', { awaited: 'A' }, '/awaited pattern'],
    ['Awaited<Promise<Slug[]>>', { awaitedList: ['A'] }, '/awaitedList/0 pattern'],
    ['Extract<Slug | number, string>', { extracted: 'A' }, '/extracted pattern'],
    ['Exclude<Slug | number, number>', { excluded: 'A' }, '/excluded pattern'],
    ['Exclude<Slug | number | null, number>', { excludedNullable: 'A' }, '/excludedNullable pattern'],
    ['Omit<Pick<…>>', { pickOmit: { a: 'A' } }, '/pickOmit/a pattern'],
    ['a key-remapped mapped type (Getters<Source>)', { getters: { getA: 'A', getB: 1 } }, '/getters/getA pattern'],
    ['a key-remapped mapped type written inline', { gettersInline: { getA: 'A', getB: 1 } }, '/gettersInline/getA pattern'],
    ['a key-remapped mapped type of a generic (Getters<Box<Slug>>)', { gettersOfBox: { getValue: 'A' } }, '/gettersOfBox/getValue pattern'],
    ['a key-filtering mapped type (as Exclude<K, …>)', { withoutB: { a: 'A' } }, '/withoutB/a pattern'],
    ['a generic alias resolved away (type Id<T> = T)', { identity: 'A' }, '/identity pattern'],
    ['Id<Slug[]>', { identityOfList: ['A'] }, '/identityOfList/0 pattern'],
    ['a conditional alias (T extends string ? T : never)', { conditional: 'A' }, '/conditional pattern'],
    ['a conditional type written inline', { conditionalInline: 'A' }, '/conditionalInline pattern'],
    ["Pick<Record<string, Slug>, 'a'>", { pickOfRecord: { a: 'A' } }, '/pickOfRecord/a pattern'],
    ["Omit<Record<string, Slug>, 'x'>", { omitOfRecord: { y: 'A' } }, '/omitOfRecord/y pattern'],
    ['a default type argument (interface Defaulted<T = Slug>)', { defaulted: { value: 'A' } }, '/defaulted/value pattern'],
    ['Source[keyof Source] (Slug | number: no member takes it)', { keyofAccess: 'A' }, '/keyofAccess union'],
    ['SlugList[number]', { itemAccess: 'A' }, '/itemAccess pattern'],
  ];
  for (const [form, change, issue] of cases) {
    it(`keep them through ${form}`, () => {
      const value = broken(utilities, change);
      expect(built.validators('Utilities').issues(value)).toContain(issue);
      expect(built.schemaAccepts('Utilities', value)).toBe(false);
    });
  }

  it("Source[keyof Source] takes a slug or a number, as TypeScript's Slug | number does", () => {
    const validators = built.validators('Utilities');
    expect(validators.accepts(broken(utilities, { keyofAccess: 'abc' }))).toBe(true);
    expect(validators.accepts(broken(utilities, { keyofAccess: 2 }))).toBe(true);
    expect(built.schemaAccepts('Utilities', broken(utilities, { keyofAccess: 'abc' }))).toBe(true);
  });

  it('the OpenAPI schema has the pattern on the record values and items', () => {
    const properties = (built.document.components!.schemas! as Record<string, any>)['Utilities'].properties;
    const slug = { type: 'string', pattern: '^[a-z]+$' };
    expect(properties.readonlyRecord.additionalProperties).toMatchObject(slug);
    expect(properties.readonlyArray.items).toMatchObject(slug);
    expect(properties.awaited).toMatchObject(slug);
  });

  it('mocks satisfy them', () => {
    expect(failingMocks(built, 'Utilities')).toEqual([]);
  });
});

describe('instantiations with aliases combined', () => {
  const value = { intersected: { value: 'abc' }, nullable: { value: null }, plain: { value: 'X' }, plainNullable: { value: null } };

  it('are named after the aliases, apart from Box<string>', () => {
    const names = built.model.declarations.map((declaration) => declaration.name);
    expect(names).toEqual(expect.arrayContaining(['Box_Min3AndStartsA', 'Box_SlugOrNull', 'Box_string', 'Box_stringOrNull']));
    expect(names.filter((name) => /_\d+$/.test(name))).toEqual([]);
  });

  it('check the aliases, and only them', () => {
    const validators = built.validators('Instantiations');
    expect(validators.issues(value)).toEqual([]);
    expect(validators.issues({ ...value, intersected: { value: 'ab' } })).toContain('/intersected/value minLength');
    expect(validators.issues({ ...value, nullable: { value: 'A' } })).toEqual(expect.arrayContaining([expect.stringMatching(/^\/nullable\/value/)]));
    expect(built.schemaAccepts('Instantiations', value)).toBe(true);
    expect(built.schemaAccepts('Instantiations', { ...value, intersected: { value: 'xyz' } })).toBe(false);
    expect(built.schemaAccepts('Instantiations', { ...value, nullable: { value: 'A' } })).toBe(false);
    expect(failingMocks(built, 'Instantiations')).toEqual([]);
  });
});

describe('a recursive generic of a constrained alias', () => {
  it('is one instantiation, which refers to itself (no Chain_string)', () => {
    const names = built.model.declarations.map((declaration) => declaration.name);
    expect(names).toEqual(expect.arrayContaining(['Chain_Slug', 'Tree_Slug', 'Linked_Slug', 'Ping_Slug', 'Pong_Slug']));
    expect(names.filter((name) => /^(Chain|Tree|Linked|Ping|Pong)_/.test(name) && !name.endsWith('_Slug'))).toEqual([]);
    const chain = built.model.declarations.find((declaration) => declaration.name === 'Chain_Slug')!;
    expect(chain.type).toMatchObject({ kind: 'object', properties: [{ name: 'value' }, { name: 'next', type: { kind: 'ref', id: 'Chain_Slug' } }] });
  });

  it('checks the constraint at every depth', () => {
    const validators = built.validators('Recursive');
    expect(validators.issues(recursive)).toEqual([]);
    const deep: Array<[object, string]> = [
      [{ chain: { value: 'a', next: { value: 'B' } } }, '/chain/next/value pattern'],
      [{ tree: { value: 'a', children: [{ value: 'B', children: [] }] } }, '/tree/children/0/value pattern'],
      [{ linked: { value: 'a', next: { value: 'B', next: null } } }, '/linked/next/value pattern'],
      [{ ping: { pong: { value: 'a', ping: { pong: { value: 'B' } } } } }, '/ping/pong/ping/pong/value pattern'],
    ];
    for (const [change, issue] of deep) {
      const value = broken(recursive, change);
      expect(validators.issues(value)).toContain(issue);
      expect(built.schemaAccepts('Recursive', value)).toBe(false);
    }
  });

  it('mocks satisfy them', () => {
    expect(failingMocks(built, 'Recursive')).toEqual([]);
  });
});
