/**
 * Classes extending Map, Set or Array (fixture analyzer/collection-subclasses): `class TagSet
 * extends Set<Tag>` is a Set of Tags to TypeScript, so its items are checked as a `Set<Tag>`'s
 * are, and its own members as any class's. They were checked by method names only: `new
 * TagSet([1])`, even a plain `new Set([1])`, passed. Also `@uniqueItems` on arrays of Maps and
 * Sets, which are compared by their entries (any two were duplicates). Maps and Sets are no
 * JSON: the validators judge them, with verdicts tsc checks (verdicts.ts).
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import { CONTEXT } from '../validate/helpers.js';
import { buildCase, type BuiltCase } from './helpers.js';

/**
 * A case: the value as TypeScript source (compiled, then imported: the validators judge the very
 * value tsc did), whether it is valid, and whether tsc judges it (false: a codegen constraint).
 */
type Case = [type: string, source: string, valid: boolean, tsc?: false];

const D = 'new Date(0)';
const VALID = `{ dm: new M.DateMap([['a', ${D}]]), ds: new M.DateSet([${D}]), tags: new M.TagSet(['ab']), reg: registry(), dl: new M.DateList(), audited: new M.Audited(['ab']), named: new M.Named('n') }`;
const with_ = (patch: string) => `{ ...${VALID}, ${patch} }`;

const CASES: Case[] = [
  ['Subclasses', VALID, true],
  ['Subclasses', with_(`sub: Object.assign(new M.SubRegistry([['k', { id: 'i', at: ${D} }]]), { created: ${D} })`), true],
  // A plain Map or Set is one to TypeScript when the class adds nothing it lacks.
  ['Subclasses', with_(`ds: new Set([${D}]), tags: new Set(['x'])`), true],
  ['Subclasses', with_(`dm: Object.assign(new Map([['a', ${D}]]), { extra: () => 1 })`), true],
  ['Subclasses', with_(`dl: [${D}]`), true],
  // Entries of the wrong type: TypeScript rejects them, and so do the validators now.
  ['Subclasses', with_(`tags: new Set([1])`), false],
  ['Subclasses', with_(`ds: new Set(['x'])`), false],
  ['Subclasses', with_(`dm: new Map([[1, ${D}]])`), false],
  ['Subclasses', with_(`dm: Object.assign(new Map([['a', 'x']]), { extra: () => 1 })`), false],
  ['Subclasses', with_(`dm: new Map([['a', ${D}]])`), false],
  ['Subclasses', with_(`reg: Object.assign(new Map([['k', { id: 1, at: ${D} }]]), { created: ${D} })`), false],
  ['Subclasses', with_(`reg: new Map()`), false],
  ['Subclasses', with_(`dl: ['x']`), false],
  ['Subclasses', with_(`tags: {}`), false],
  ['Subclasses', with_(`named: new Set(['a', 'b'])`), true],
  ['Subclasses', with_(`generic: new M.Reg([['a', ${D}]])`), true],
  ['Subclasses', with_(`generic: new M.Reg([['a', 'x']])`), false],
  ['Subclasses', with_(`named: new Set([1])`), false],
  // Audited is nominal (#added): a plain Set is none, nor an Audited of other items.
  ['Subclasses', with_(`audited: new Set(['ab'])`), false],
  ['Subclasses', with_(`audited: new M.Audited([1])`), false],
  ['Subclasses', with_(`audited: new M.Audited(['AB'])`), false, false],
  ['Subclasses', with_(`tags: new M.TagSet(['AB'])`), false, false],
  ['UniqueCollections', `{ ms: [new Map([['a', 1]]), new Map([['b', 1]])] }`, true],
  ['UniqueCollections', `{ ms: [new Map([['a', 1]]), new Map([['a', 2]])], tags: [new Set(['a']), new Set(['b']), new Set()] }`, true],
  ['UniqueCollections', `{ ms: [new Map(), new Map([['a', 1]])], maps: [new Map([['a', new Date(0)]]), new Map([['a', new Date(1)]])] }`, true],
  // Two Maps (Sets) are duplicates when their entries are deeply equal, in any order.
  ['UniqueCollections', `{ ms: [new Map([['a', 1], ['b', 2]]), new Map([['b', 2], ['a', 1]])] }`, false, false],
  ['UniqueCollections', `{ ms: [new Map([['a', 1]]), new Map([['b', 1]])], maps: [new Map([['a', new Date(0)]]), new Map([['a', new Date(0)]])] }`, false, false],
  ['UniqueCollections', `{ ms: [new Map([['a', 1]]), new Map([['b', 1]])], tags: [new Set(['a', 'b']), new Set(['b', 'a'])] }`, false, false],
  ['UniqueCollections', `{ ms: [new Map([['a', 1]])] }`, false, false],
];

/** The cases as a module tsc checks (`@ts-expect-error` on each value TypeScript rejects) and exports. */
function verdicts(): string {
  const lines = [
    "import * as M from './input/subclasses.js';",
    'function registry(): M.Registry {',
    "  const value = new M.Registry([['k', { id: 'i', at: new Date(0) }]]);",
    '  value.created = new Date(0);',
    '  return value;',
    '}',
    'export const values: unknown[] = [];',
  ];
  CASES.forEach(([type, source, valid, tsc], i) => {
    if (!valid && tsc !== false) lines.push('// @ts-expect-error');
    lines.push(`const t${i}: M.${type} = ${source};`, `values.push(t${i});`);
  });
  return `${lines.join('\n')}\n`;
}

let built: BuiltCase;
let values: unknown[];
/** The fixture's classes, as the generated files import them. */
let M: Record<string, new () => object>;

beforeAll(async () => {
  built = await buildCase('collection-subclasses', { 'verdicts.ts': verdicts() });
  if (built.compileErrors) return;
  values = ((await import(resolve('test/.tmp/type-forms/collection-subclasses/verdicts.ts'))) as { values: unknown[] }).values;
  M = (await import(resolve('test/.tmp/type-forms/collection-subclasses/input/subclasses.ts'))) as typeof M;
}, 180_000);

describe('classes extending Map, Set and Array', () => {
  it('compile without a diagnostic, and TypeScript judges each case as it says', () => {
    expect(built.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
    expect(built.compileErrors).toBe('');
  });

  CASES.forEach(([type, source, valid], i) => {
    it(`${type}: ${source} is ${valid ? 'valid' : 'invalid'} for isT and validateT`, () => {
      expect(built.validators(type).accepts(values[i])).toBe(valid);
      expect(built.validators(type).issues(values[i]).length === 0).toBe(valid);
    });
  });

  it('reports the entry at fault', () => {
    const value = values[CASES.findIndex(([, source]) => source.includes('new Set([1])'))];
    expect(built.validators('Subclasses').issues(value).join()).toMatch(/^\/tags/);
  });

  it('mocks of 100 seeds are instances of the classes, filled through their API, and pass isT', () => {
    let entries = 0;
    for (let seed = 0; seed < 100; seed += 1) {
      const mock = built.mock('Subclasses', seed) as Record<string, Map<unknown, unknown> & Set<unknown>>;
      expect(built.validators('Subclasses').issues(mock)).toEqual([]);
      for (const [key, type] of [['dm', 'DateMap'], ['ds', 'DateSet'], ['tags', 'TagSet'], ['reg', 'Registry'], ['audited', 'Audited']] as const) {
        const collection = mock[key]!;
        expect(collection).toBeInstanceOf(M[type]);
        // The Map's own slots are there: its methods work on the mock (they threw on a prototype-built one).
        expect([...collection].length).toBe(collection.size);
        entries += collection.size;
      }
      for (const [key, value] of mock['dm']!) expect([typeof key, value instanceof Date]).toEqual(['string', true]);
      expect((mock['reg'] as unknown as { created: unknown }).created).toBeInstanceOf(Date);
      expect((mock['audited'] as unknown as { since: unknown }).since).toEqual(new Date(0));
      // Named's constructor needs a name: a plain Set, which TypeScript takes for it.
      expect(mock['named']).toBeInstanceOf(Set);
      if (mock['sub'] !== undefined) expect(mock['sub']).toBeInstanceOf(M['SubRegistry']);
      if (mock['generic'] !== undefined) {
        expect(mock['generic']).toBeInstanceOf(M['Reg']);
        for (const value of mock['generic'].values()) expect(value).toBeInstanceOf(Date);
      }
    }
    expect(entries).toBeGreaterThan(100);
  });

  it('warns (CG5001) that Keyed, whose constructor needs an argument, has no mock, which throws', () => {
    const messages = mockGenerator.check!(built.model, { split: 'file', seed: 42, maxDepth: 3 }, CONTEXT).map((d) => `${d.code} ${d.message}`);
    expect(messages).toEqual([
      'CG5001 mock cannot build Keyed: its constructor requires arguments, which the mock cannot know, and its own members make it more than a plain collection; the mocks that hold it throw when called.',
    ]);
    expect(() => built.mock('WithKeyed', 1)).toThrow(/Keyed/);
  });

  it('mocks of @uniqueItems arrays of Maps and Sets hold distinct collections, as many as @minItems asks', () => {
    for (let seed = 0; seed < 100; seed += 1) {
      const mock = built.mock('UniqueCollections', seed) as { ms: unknown[] };
      expect(built.validators('UniqueCollections').issues(mock)).toEqual([]);
      expect(mock.ms.length).toBeGreaterThanOrEqual(2);
    }
  });
});
