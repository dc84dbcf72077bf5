/**
 * Tester s7 T1: a distributive conditional alias whose result is a union TypeScript already has
 * (`Not<boolean>` is `boolean` itself, `Swap<'a' | 'b'>` is its own argument) ended `generate`
 * with an unlocated stack overflow; a union holding objects (`Item<(A | B)[]>` is `A | B`) met
 * where no syntax wrote it, or inside the array that is its argument (`Item<(A | B)[]>[]`), was a
 * CG2004 "contains itself" and a declaration `Item_Item_unknownArray` or `Item_unknown`.
 * Each form (boolean logic, literal unions, enums, mixed unions, nested conditionals, results
 * that are the input, `infer`, the same instantiation twice, arrays, records, tuples, generics, a
 * mapped copy) is read as tsc reads it: the verdicts below are compiled with tsc, then asked of
 * isT, validateT, assertT and the OpenAPI schema; mocks pass all of them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Declaration, TypeNode } from '../../../src/model/types.js';
import { buildCase, failingMocks, judgedAlike, type BuiltCase, type JudgedCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

const SOURCE = './input/distributive.js';

type Changes = ReadonlyArray<readonly [key: string, value: unknown, valid: boolean]>;

/** The base value (valid), then one property changed per verdict. */
function verdicts(base: Record<string, unknown>, changes: Changes, text?: (value: Record<string, unknown>) => string): Verdict[] {
  const values = [{ value: base, valid: true }, ...changes.map(([key, value, valid]) => ({ value: { ...base, [key]: value }, valid }))];
  return values.map(({ value, valid }) => (text ? { value, valid, text: text(value) } : { value, valid }));
}

const LOGIC = verdicts({ not: true, notTrue: false, or: false, and: true, cell: true, flip: false, isString: true, cellMixed: 'x' }, [
  ['not', false, true],
  ['not', 'true', false],
  ['notTrue', true, false],
  ['or', true, true],
  ['or', 0, false],
  ['and', false, true],
  ['cell', 'x', false],
  ['flip', 1, false],
  ['isString', false, true],
  ['isString', 'a', false],
  ['cellMixed', true, true],
  ['cellMixed', 1, false],
]);

const LITERALS = verdicts({ swap: 'a', swapOne: 'b', opposite: 'left', only: 'a', onlyMixed: 'b', id: 'b', idBool: false, widen: 1, widenNull: null }, [
  ['swap', 'b', true],
  ['swap', 'c', false],
  ['swapOne', 'a', false],
  ['opposite', 'right', true],
  ['opposite', 'up', false],
  ['only', 'c', false],
  ['onlyMixed', 1, false],
  ['id', 'c', false],
  ['idBool', 'x', false],
  ['widen', 'x', true],
  ['widen', true, false],
  ['widenNull', 2, true],
  ['widenNull', 'x', false],
]);

/** Enum members as TypeScript writes them: a string is no member of `Dir` to tsc, its value is one at run time. */
function enumText(value: Record<string, unknown>): string {
  const dir = (v: unknown): string => (v === 'left' ? 'Dir.Left' : v === 'right' ? 'Dir.Right' : JSON.stringify(v));
  const level = (v: unknown): string => (v === 0 ? 'Level.Low' : v === 1 ? 'Level.High' : JSON.stringify(v));
  return `{ turn: ${dir(value['turn'])}, turnLeft: ${dir(value['turnLeft'])}, toggle: ${level(value['toggle'])}, idDir: ${dir(value['idDir'])} }`;
}

const ENUMS = verdicts(
  { turn: 'left', turnLeft: 'right', toggle: 0, idDir: 'right' },
  [
    ['turn', 'right', true],
    ['turn', 'up', false],
    ['turnLeft', 'left', false],
    ['toggle', 1, true],
    ['toggle', 2, false],
    ['idDir', 'left', true],
    ['idDir', 0, false],
  ],
  enumText,
);

const INFERRED = verdicts({ item: 'a', items: true, unboxed: 'c' }, [
  ['item', 'b', true],
  ['item', 'c', false],
  ['items', 'true', false],
  ['unboxed', 'a', true],
  ['unboxed', 'd', false],
  ['unboxed', { value: 'a' }, false],
]);

const TWICE = verdicts({ first: true, second: false, again: 'b', plain: true, letters: 'a' }, [
  ['first', false, true],
  ['second', 'no', false],
  ['again', 'c', false],
  ['plain', 0, false],
  ['letters', 'c', false],
]);

const CONTAINERS = verdicts({ list: [true, false], record: { k: 'a' }, pair: [false, 'b'], nested: true, box: { value: false }, boxes: [{ value: 'a' }], partial: {} }, [
  ['list', [1], false],
  ['record', { k: 'b', l: 'a' }, true],
  ['record', { k: 'c' }, false],
  ['pair', [false, 'c'], false],
  ['pair', ['a', true], false],
  ['nested', false, true],
  ['nested', 'x', false],
  ['box', { value: 'x' }, false],
  ['boxes', [{ value: 'b' }, { value: 'a' }], true],
  ['boxes', [{ value: 'c' }], false],
  ['partial', { not: 1 }, false],
  ['partial', { cellMixed: 'z', or: true }, true],
]);

const OBJECTS = verdicts({ either: { a: 'x' }, itemObjects: { b: 1 }, idObjects: null, plain: { a: 'y' }, list: [{ b: 2 }] }, [
  ['either', { b: 2 }, true],
  ['either', { b: 'x' }, false],
  ['itemObjects', { a: 1 }, false],
  ['idObjects', { b: 3 }, true],
  ['idObjects', 'x', false],
]);

const THROUGH = verdicts({ returned: { a: 'x' }, awaited: { b: 1 }, keyed: { k: { a: 'y' } }, indexed: { b: 2 }, extracted: { a: 'z' } }, [
  ['returned', { b: 'x' }, false],
  ['awaited', 'x', false],
  ['keyed', { k: { b: 3 } }, true],
  ['keyed', { k: [] }, false],
  ['indexed', { a: 1 }, false],
  ['extracted', null, false],
]);

const SHARED = verdicts({ kept: { a: 'x' }, items: [{ a: 'y' }, { b: 1 }], both: [{ b: 2 }, { a: 'z' }] }, [
  ['kept', null, false],
  ['items', [], true],
  ['items', [null], false],
  ['items', [{ a: 1 }], false],
  ['both', [{ a: 1 }, { a: 'z' }], false],
]);

const TYPE_LEVEL = verdicts(
  { flat: true, flatLetters: 'a', rev: ['b', false], tuple: [false, true], pre: 'b', isNever: false, values: 'a', toggled: { on: true, name: 'n', kind: 'b' }, swapKind: 'a' },
  [
    ['flat', [true], false],
    ['flatLetters', 'c', false],
    ['rev', [false, 'b'], false],
    ['tuple', [true, false], false],
    ['tuple', [false], false],
    ['pre', 'c', true],
    ['pre', 'ab', false],
    ['isNever', true, false],
    ['values', false, true],
    ['values', 'c', false],
    ['toggled', { on: 'x', name: 'n', kind: 'a' }, false],
    ['toggled', { on: false, name: 'n', kind: 'c' }, false],
    ['swapKind', 'c', false],
  ],
);

const CASES = [
  ['Logic', LOGIC],
  ['Literals', LITERALS],
  ['Enums', ENUMS],
  ['Inferred', INFERRED],
  ['Twice', TWICE],
  ['Containers', CONTAINERS],
  ['Objects', OBJECTS],
  ['Through', THROUGH],
  ['Shared', SHARED],
  ['TypeLevel', TYPE_LEVEL],
] as const;

let built: BuiltCase;

beforeAll(async () => {
  const files: Record<string, string> = {};
  for (const [type, list] of CASES) {
    const file = verdictFile(type, SOURCE, list);
    files[`${type.toLowerCase()}-verdicts.ts`] = type === 'Enums' ? `import { Dir, Level } from '${SOURCE}';\n${file}` : file;
  }
  built = await buildCase('distributive-results', files);
}, 180_000);

function declaration(id: string): Declaration {
  const found = built.model.declarations.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`No declaration ${id}`);
  return found;
}

function property(type: string, name: string): TypeNode {
  const body = declaration(type).type;
  if (body.kind !== 'object') throw new Error(`${type} is no object`);
  const found = body.properties.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`No property ${type}.${name}`);
  return found.type;
}

describe('distributive conditionals whose result is a union TypeScript already has (tester s7 T1)', () => {
  it('analyse without diagnostics, and compile under tsc --strict, which agrees with every verdict below', () => {
    expect(built.diagnostics).toEqual([]);
    expect(built.compileErrors).toBe('');
  });

  it('a union of primitives and literals is read as itself, never named after the instantiation that made it', () => {
    expect(property('Logic', 'not')).toEqual({ kind: 'boolean' });
    expect(property('Logic', 'isString')).toEqual({ kind: 'boolean' });
    expect(property('Literals', 'swap')).toMatchObject({ kind: 'union' });
    // No instantiation of the conditionals over unions of primitives: the others are a generic
    // interface, unions of objects, and aliases the checker keeps the name of (a mapped and an indexed type).
    const instantiations = built.model.declarations.filter((candidate) => candidate.instantiation).map((candidate) => candidate.id);
    expect(instantiations.sort()).toEqual(['Box_aOrB', 'Box_boolean', 'Item_AOrBArray', 'Keep_AOrBOrNull', 'Negated_Flags', 'Values_ObjectWithXAndY']);
  });

  it('a plain boolean or literal union written beside them stays plain', () => {
    expect(property('Twice', 'plain')).toEqual({ kind: 'boolean' });
    expect(property('Twice', 'letters')).toEqual({ kind: 'union', members: [{ kind: 'literal', value: 'a' }, { kind: 'literal', value: 'b' }] });
  });

  it('a union of objects is named once after its instantiation, wherever the checker meets it', () => {
    expect(declaration('Item_AOrBArray').type).toEqual({ kind: 'union', members: [{ kind: 'ref', id: 'A' }, { kind: 'ref', id: 'B' }] });
    for (const name of ['returned', 'awaited', 'indexed', 'extracted']) expect(property('Through', name)).toEqual({ kind: 'ref', id: 'Item_AOrBArray' });
    // Written, each reference is named after its own generic; the declarations agree on one reading.
    expect(property('Shared', 'items')).toEqual({ kind: 'array', items: { kind: 'ref', id: 'Item_AOrBArray' } });
    expect(property('Shared', 'kept')).toEqual({ kind: 'ref', id: 'Keep_AOrBOrNull' });
    expect(declaration('Keep_AOrBOrNull').type).toEqual({ kind: 'ref', id: 'Item_AOrBArray' });
  });

  for (const [type, list] of CASES) {
    judgedAlike(
      list.map(({ value, valid }): JudgedCase => [type, value, valid]),
      () => built,
    );
  }

  it('mocks pass the validators and the schema', () => {
    for (const [type] of CASES) expect(failingMocks(built, type, 40), type).toEqual([]);
  });
});
