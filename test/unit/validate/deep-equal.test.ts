/**
 * `@uniqueItems` means "no two items deeply equal" (issue 9), and deep equality is Node's
 * `util.isDeepStrictEqual`: the generated `deepEqual` (which imports nothing, to run in browsers)
 * agrees with it on every pair drawn from many values, fresh copies of each, except where
 * docs/validate.md says otherwise. It used to take any two RegExps, Errors, ArrayBuffers, DataViews,
 * WeakMaps or instances of a class with #private state as equal: `[/a/, /b/]` was rejected. The
 * mock runtime, which draws distinct items for `@uniqueItems`, renders the same partial
 * (templates/_partials/deep-equal.hbs).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import type { Model } from '../../../src/model/types.js';
import { typecheck } from '../../helpers/typecheck.js';
import { makeProject, removeProject } from '../../helpers/workspace.js';
import { CONTEXT, materialize } from '../mock/helpers.js';

const SOURCE = `export interface Pair {
  /** @uniqueItems */
  items: unknown[];
}

export interface Patterns {
  /** @uniqueItems @minItems 2 */
  patterns: RegExp[];
  /** @uniqueItems @minItems 2 */
  errors: Error[];
  /** @uniqueItems @minItems 2 */
  buffers: ArrayBuffer[];
}
`;

class Tok {
  #v: number;
  constructor(v: number) {
    this.#v = v;
  }
  get v(): number {
    return this.#v;
  }
}
class Point {
  constructor(
    public x: number,
    public y: number,
  ) {}
}
class Point3 extends Point {}

const bytes = (...items: number[]): ArrayBuffer => new Uint8Array(items).buffer;
const sym = Symbol.for('deep-equal-test');
const withLastIndex = (index: number): RegExp => Object.assign(/a/g, { lastIndex: index });
const withCode = (code: string): Error => Object.assign(new Error('m'), { code });
const cycle = (tag: string): unknown => {
  const node: Record<string, unknown> = { tag };
  node['self'] = node;
  return node;
};
/** Two nodes pointing at each other, each `{ v, next }`: unfolds to the same tree as `cycle`-like ones of one value. */
const ring = (a: number, b: number): unknown => {
  const first: Record<string, unknown> = { v: a };
  const second: Record<string, unknown> = { v: b, next: first };
  first['next'] = second;
  return first;
};
const deep = (depth: number, leaf: unknown): unknown => (depth === 0 ? leaf : { child: deep(depth - 1, leaf) });

/** Each makes a fresh value, so a maker against itself compares two equal but distinct values. */
const MAKERS: Array<[string, () => unknown]> = [
  ['0', () => 0],
  ['1', () => 1],
  ['NaN', () => NaN],
  ["'1'", () => '1'],
  ["''", () => ''],
  ['true', () => true],
  ['null', () => null],
  ['undefined', () => undefined],
  ['1n', () => 1n],
  ['symbol', () => sym],
  ['{}', () => ({})],
  ['{ a: 1 }', () => ({ a: 1 })],
  ['{ a: 1, b: 2 }', () => ({ a: 1, b: 2 })],
  ['{ b: 2, a: 1 }', () => ({ b: 2, a: 1 })],
  ['{ a: undefined }', () => ({ a: undefined })],
  ['{ a: NaN }', () => ({ a: NaN })],
  ['{ [sym]: 1 }', () => ({ [sym]: 1 })],
  ['{ [sym]: 2 }', () => ({ [sym]: 2 })],
  ['null-prototype { a: 1 }', () => Object.assign(Object.create(null) as object, { a: 1 })],
  ['[]', () => []],
  ['[1, 2]', () => [1, 2]],
  ['[2, 1]', () => [2, 1]],
  ['[undefined]', () => [undefined]],
  ['[hole]', () => new Array(1)],
  ['[[1], { a: [2] }]', () => [[1], { a: [2] }]],
  ['[[1], { a: [3] }]', () => [[1], { a: [3] }]],
  ['Date 0', () => new Date(0)],
  ['Date 1', () => new Date(1)],
  ['invalid Date', () => new Date(NaN)],
  ['Date 0 with a property', () => Object.assign(new Date(0), { note: 'x' })],
  ['URL a', () => new URL('https://example.com/a')],
  ['URL b', () => new URL('https://example.com/b')],
  ['/a/', () => /a/],
  ['/b/', () => /b/],
  ['/a/g', () => /a/g],
  ['/a/g lastIndex 1', () => withLastIndex(1)],
  ['/a/i', () => /a/i],
  ["Error('a')", () => new Error('a')],
  ["Error('b')", () => new Error('b')],
  ["TypeError('a')", () => new TypeError('a')],
  ["Error('a', { cause: 1 })", () => new Error('a', { cause: 1 })],
  ["Error('a', { cause: 2 })", () => new Error('a', { cause: 2 })],
  ["Error('m') code E1", () => withCode('E1')],
  ["Error('m') code E2", () => withCode('E2')],
  ['ArrayBuffer [1]', () => bytes(1)],
  ['ArrayBuffer [2]', () => bytes(2)],
  ['ArrayBuffer [1, 0]', () => bytes(1, 0)],
  ['ArrayBuffer(0)', () => new ArrayBuffer(0)],
  ['DataView [1]', () => new DataView(bytes(1))],
  ['DataView [2]', () => new DataView(bytes(2))],
  ['DataView [1] of [0, 1]', () => new DataView(bytes(0, 1), 1)],
  ['Uint8Array [1, 2]', () => new Uint8Array([1, 2])],
  ['Uint8Array [1, 3]', () => new Uint8Array([1, 3])],
  ['Int8Array [1, 2]', () => new Int8Array([1, 2])],
  ['Float64Array [0]', () => new Float64Array([0])],
  ['Float64Array [-0]', () => new Float64Array([-0])],
  ['Float64Array [NaN]', () => new Float64Array([NaN])],
  ['BigInt64Array [1n]', () => new BigInt64Array([1n])],
  ['Uint8Array [2] of [1, 2]', () => new Uint8Array(bytes(1, 2), 1)],
  ["Map { a: 1 }", () => new Map([['a', 1]])],
  ["Map { a: 2 }", () => new Map([['a', 2]])],
  ["Map { a: 1, b: 2 }", () => new Map([['a', 1], ['b', 2]])],
  ["Map { b: 2, a: 1 }", () => new Map([['b', 2], ['a', 1]])],
  ['Map { {k: 1}: 1 }', () => new Map([[{ k: 1 }, 1]])],
  ['Map { {k: 2}: 1 }', () => new Map([[{ k: 2 }, 1]])],
  ['Set [1, 2]', () => new Set([1, 2])],
  ['Set [2, 1]', () => new Set([2, 1])],
  ['Set [1]', () => new Set([1])],
  ['Set [{ a: 1 }]', () => new Set([{ a: 1 }])],
  ['Set [{ a: 2 }]', () => new Set([{ a: 2 }])],
  ['Set [[1], [1]]', () => new Set([[1], [1]])],
  ['Set [[1], [2]]', () => new Set([[1], [2]])],
  ['new Number(1)', () => new Number(1)],
  ['new Number(2)', () => new Number(2)],
  ["new String('a')", () => new String('a')],
  ['new Boolean(true)', () => new Boolean(true)],
  ['Point(1, 2)', () => new Point(1, 2)],
  ['Point(1, 3)', () => new Point(1, 3)],
  ['Point3(1, 2)', () => new Point3(1, 2)],
  ['{ x: 1, y: 2 }', () => ({ x: 1, y: 2 })],
  ['function', () => () => 1],
  ['cycle a', () => cycle('a')],
  ['cycle b', () => cycle('b')],
  ['ring 1 1', () => ring(1, 1)],
  ['ring 1 2', () => ring(1, 2)],
  ['deep 100 1', () => deep(100, 1)],
  ['deep 100 2', () => deep(100, 2)],
  ['deep 100 /a/', () => deep(100, /a/)],
  ['deep 100 /b/', () => deep(100, /b/)],
];

/**
 * Where the generated `deepEqual` answers otherwise than `isDeepStrictEqual`, on purpose
 * (docs/validate.md, "Deep equality"); undefined where they agree.
 */
function documented(a: unknown, b: unknown): boolean | undefined {
  // 0 and -0 are one number in JSON Schema and on the wire (JSON.stringify(-0) is "0").
  if (typeof a === 'number' && typeof b === 'number' && a === b) return true;
  // Contents that cannot be read: only the value itself is equal to it (Node: any two are equal).
  const opaque = (value: unknown) => value instanceof WeakMap || value instanceof WeakSet || value instanceof WeakRef || value instanceof Promise || value instanceof Tok;
  if (opaque(a) || opaque(b)) return a === b;
  // Node compares no URLSearchParams' entries (any two are equal): their text is.
  if (a instanceof URLSearchParams && b instanceof URLSearchParams) return a.toString() === b.toString();
  return undefined;
}

const DOCUMENTED_MAKERS: Array<[string, () => unknown]> = [
  ['-0', () => -0],
  ['[-0]', () => [-0]],
  ['WeakMap', () => new WeakMap()],
  ['WeakSet', () => new WeakSet()],
  ['WeakRef', () => new WeakRef(MAKERS)],
  ['Promise', () => Promise.resolve(1)],
  ['Tok(1)', () => new Tok(1)],
  ['Tok(2)', () => new Tok(2)],
  ["URLSearchParams 'a=1'", () => new URLSearchParams('a=1')],
  ["URLSearchParams 'a=2'", () => new URLSearchParams('a=2')],
];

let root: string;
let model: Model;
let folder: string;
let exports: Record<string, (...args: unknown[]) => unknown>;

describe('deepEqual of @uniqueItems is util.isDeepStrictEqual', () => {
  beforeAll(async () => {
    root = makeProject('validate-deep-equal', { 'input/types.ts': SOURCE });
    model = analyze({ rootDir: root, files: [join(root, 'input/types.ts')], defaultGenerators: ['mock', 'validate'], knownGenerators: ['mock', 'validate'], displayRoot: root }).model;
    folder = await materialize({ name: 'deep-equal', model, copy: ['input'], root, context: CONTEXT }, join(root, 'out'), undefined, false);
    const generated = (file: string) => pathToFileURL(join(folder, 'generated', file)).href;
    exports = { ...(await import(generated('types.mock.ts'))), ...(await import(generated('types.validate.ts'))) } as typeof exports;
  }, 120_000);
  afterAll(() => removeProject(root));

  it('compiles under tsc --strict', async () => {
    expect(await typecheck(folder)).toBe('');
  }, 120_000);

  it(`agrees with isDeepStrictEqual on every pair of ${MAKERS.length} kinds of values, fresh copies of each`, () => {
    const isPair = exports['isPair']!;
    const disagreements: string[] = [];
    let equal = 0;
    for (const [leftName, left] of MAKERS) {
      for (const [rightName, right] of MAKERS) {
        const [a, b] = [left(), right()];
        const expected = isDeepStrictEqual(a, b);
        if (expected) equal++;
        // Through the validator: two items are unique exactly when they are not deeply equal.
        if (isPair({ items: [a, b] }) !== !expected) disagreements.push(`${leftName} vs ${rightName}: Node says ${expected ? 'equal' : 'different'}`);
      }
    }
    expect(disagreements).toEqual([]);
    // Both answers are asked for often: each maker against its own fresh copy at least.
    expect(equal).toBeGreaterThanOrEqual(MAKERS.length);
    expect(equal).toBeLessThan(MAKERS.length * 3);
  });

  it('differs from isDeepStrictEqual only where docs/validate.md says, and answers as it says there', () => {
    const isPair = exports['isPair']!;
    const all = [...MAKERS, ...DOCUMENTED_MAKERS];
    const differences = new Set<string>();
    for (const [leftName, left] of all) {
      for (const [rightName, right] of all) {
        const [a, b] = [left(), right()];
        const ours = !(isPair({ items: [a, b] }) as boolean);
        const expected = documented(a, b) ?? isDeepStrictEqual(a, b);
        expect(ours, `${leftName} vs ${rightName}`).toBe(expected);
        if (ours !== isDeepStrictEqual(a, b)) differences.add(`${leftName} vs ${rightName}`);
      }
    }
    // The exceptions are real: Node answers otherwise on these pairs.
    expect(differences).toContain('0 vs -0');
    expect(differences).toContain('WeakMap vs WeakMap');
    expect(differences).toContain('Tok(1) vs Tok(2)');
    expect(differences).toContain("URLSearchParams 'a=1' vs URLSearchParams 'a=2'");
    // The same instance is one item twice.
    const tok = new Tok(1);
    const weak = new WeakMap();
    expect(isPair({ items: [tok, tok] })).toBe(false);
    expect(isPair({ items: [weak, weak] })).toBe(false);
  });

  it('accepts distinct RegExps, Errors and ArrayBuffers, rejecting duplicates (issue 9)', () => {
    const isPatterns = exports['isPatterns']!;
    const valid = { patterns: [/a/, /b/], errors: [new Error('a'), new Error('b')], buffers: [bytes(1), bytes(2)] };
    expect(isPatterns(valid)).toBe(true);
    expect(isPatterns({ ...valid, patterns: [/a/, /a/] })).toBe(false);
    expect(isPatterns({ ...valid, errors: [new Error('a'), new Error('a')] })).toBe(false);
    expect(isPatterns({ ...valid, buffers: [bytes(1), bytes(1)] })).toBe(false);
    // And the mocks fill them, distinct items on every seed.
    for (let seed = 0; seed < 30; seed++) expect(isPatterns(exports['mockPatterns']!({}, { seed })), `seed ${seed}`).toBe(true);
  });
});
