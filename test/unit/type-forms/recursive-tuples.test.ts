/**
 * Issue 9: an array or tuple alias that mentions itself (`type Tree = [string, Tree[]]`,
 * `type Pair = [Date, Pair | null]`) is a recursive type to TypeScript (3.7+). It was inlined at
 * each use until it met itself, a CG2004 and then anything passed. It is a declaration of its own
 * now: validators, the schema (`$ref`) and mocks follow it, and mocks end. Verdicts are tsc's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, freshLiteralVerdicts, judgedAlike, type BuiltCase, type JudgedCase } from './helpers.js';

const CASES: JudgedCase[] = [
  ['Tree', ['root', []], true, true],
  ['Tree', ['root', [['a', []], ['b', [['c', []]]]]], true, true],
  ['Tree', ['root', [['a', [['c', [1]]]]]], false, true],
  ['Tree', ['root', [['a']]], false, true],
  ['Tree', ['root'], false, true],
  ['Nested', [], true, true],
  ['Nested', ['a', ['b', ['c', []]]], true, true],
  ['Nested', ['a', ['b', [3]]], false, true],
  ['Frozen', [1, [[2, []], [3, [[4, []]]]]], true, true],
  ['Frozen', [1, [[2, ['x']]]], false, true],
  ['Even', [1, null], true, true],
  ['Even', [1, ['one', [2, ['two', [3, null]]]]], true, true],
  ['Even', [1, ['one', [2, null, 3]]], false, true],
  ['Even', [1, ['one', null]], false, true],
  ['Odd', ['one', [2, null]], true, true],
  ['Chain', [true], true, true],
  ['Chain', [true, [false, [true]]], true, true],
  ['Chain', [true, [false, ['no']]], false, true],
  ['List_number', [], true, false],
  ['List_number', [1, [2, [3, []]]], true, false],
  ['List_number', [1, [2, [3]]], false, false],
  ['List_number', [1, ['2', []]], false, false],
];

/** `List<number>` is named by its instantiation in generated code; tsc judges it under its written name. */
const LIST_VERDICTS = [
  'export const l0: T.List<number> = [];',
  'export const l1: T.List<number> = [1, [2, [3, []]]];',
  '// @ts-expect-error',
  'export const l2: T.List<number> = [1, [2, [3]]];',
  '// @ts-expect-error',
  "export const l3: T.List<number> = [1, ['2', []]];",
].join('\n');

const PAIR_VERDICTS = [
  "import type { Pair } from './input/tuples.js';",
  'export const p0: Pair = [new Date(0), null];',
  'export const p1: Pair = [new Date(0), [new Date(1), null]];',
  '// @ts-expect-error',
  "export const p2: Pair = [new Date(0), ['1970-01-01T00:00:00Z', null]];",
  '// @ts-expect-error',
  'export const p3: Pair = [new Date(0), [new Date(1)]];',
].join('\n');

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('recursive-tuples', {
    'verdicts.ts': `${freshLiteralVerdicts(CASES, './input/tuples.js')}${LIST_VERDICTS}\n`,
    'pair-verdicts.ts': `${PAIR_VERDICTS}\n`,
  });
}, 120_000);

describe('recursive array and tuple aliases', () => {
  it('compile under tsc --strict, and TypeScript agrees with every verdict', () => {
    expect(built.compileErrors).toBe('');
  });

  it('are declarations of their own, referred to where they are used, with no warning', () => {
    expect(built.diagnostics).toEqual([]);
    const ids = built.model.declarations.map((declaration) => declaration.id);
    expect(ids).toEqual(expect.arrayContaining(['Pair', 'Tree', 'Nested', 'Frozen', 'Even', 'Odd', 'Chain', 'List_number']));
    expect(JSON.stringify(built.model)).not.toContain('"unknown"');
    expect(built.document.components?.schemas?.Tree).toMatchObject({ prefixItems: [{ type: 'string' }, { type: 'array', items: { $ref: '#/components/schemas/Tree' } }] });
  });

  judgedAlike(CASES, () => built);

  it('check the Dates of a Pair on every level', () => {
    const pair = built.validators('Pair');
    expect(pair.accepts([new Date(0), null])).toBe(true);
    expect(pair.accepts([new Date(0), [new Date(1), [new Date(2), null]]])).toBe(true);
    expect(pair.accepts([new Date(0), ['1970-01-01T00:00:00Z', null]])).toBe(false);
    expect(pair.accepts([new Date(0), [new Date(1)]])).toBe(false);
    expect(built.schemaAccepts('Pair', [new Date(0), [new Date(1), null]])).toBe(true);
    expect(built.schemaAccepts('Pair', [new Date(0), [1, null]])).toBe(false);
  });

  it('check them inside objects, generics, records and mapped types', () => {
    const holder = built.validators('Holder');
    const good = {
      pair: [new Date(0), null],
      tree: ['t', []],
      list: [1, []],
      nested: [],
      frozen: [0, []],
      even: [0, null],
      chain: [true],
      boxed: { value: ['b', [['c', []]]] },
      byName: { a: [new Date(0), null] },
      maybe: { inner: ['i', []] },
    };
    expect(holder.accepts(good)).toBe(true);
    expect(holder.accepts({ ...good, tree: ['t', [['u', [0]]]] })).toBe(false);
    expect(holder.accepts({ ...good, boxed: { value: ['b', [['c', [1]]]] } })).toBe(false);
    expect(holder.accepts({ ...good, byName: { a: [new Date(0), [0, null]] } })).toBe(false);
    expect(holder.accepts({ ...good, maybe: { inner: ['i', [[]]] } })).toBe(false);
  });

  for (const type of ['Pair', 'Tree', 'Nested', 'Frozen', 'Even', 'Odd', 'Chain', 'List_number', 'Holder']) {
    it(`mock ${type}s end and pass their validator and schema`, () => {
      expect(failingMocks(built, type, 40)).toEqual([]);
    });
  }
});
