/**
 * `@strict` rejects only the keys a type declares neither as a property nor through an index
 * signature: `[k: string]: V` (inline, named, or a `Record<string, V>` member of an intersection)
 * declares every key, `[i: number]: V` the numeric ones. `isT`, `validateT` and the OpenAPI
 * schema agree on each value.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, type BuiltCase, failingMocks, judgedAlike } from './helpers.js';

const CASES: Array<[type: string, value: unknown, valid: boolean]> = [
  ['Named', { name: { c: 'x', 0: true } }, true],
  ['Named', { name: { c: 'x', other: 1 } }, true],
  ['Named', { name: { c: 'x' }, extra: 1 }, false],
  ['Named', { name: { c: 'y', other: 1 } }, false],
  ['Open', { id: 'a', any: [1] }, true],
  ['Open', { any: 1 }, false],
  ['Typed', { id: 'a', b: 'x', 0: 'y' }, true],
  ['Typed', { id: 'a', b: 1 }, false],
  ['Counted', { id: 'a', 0: true, 15: false }, true],
  ['Counted', { id: 'a', 0: 'x' }, false],
  ['Counted', { id: 'a', other: true }, false],
  ['Closed', { id: 'a' }, true],
  ['Closed', { id: 'a', b: 'x' }, false],
  ['Mixed', { id: 'a', b: 'x' }, true],
  ['Mixed', { id: 'a', b: 1 }, false],
  ['Prefixed', { id: 'a', 'x-y': 1 }, true],
  // A key of the template holds a number; @strict rejects a key no index holds.
  ['Prefixed', { id: 'a', 'x-y': 'str' }, false],
  ['Prefixed', { id: 'a', other: 1 }, false],
  // Record<`x-${string}`, number> and its kin are objects (they read as `{}`, which took 'str').
  ['K1', { r: { 'x-y': 1 } }, true],
  ['K1', { r: 'str' }, false],
  ['K1', { r: { 'x-y': 'str' } }, false],
  ['K1', { r: null }, false],
  ['K2', { r: { 'x-y': 1 } }, true],
  ['K2', { r: 1 }, false],
  ['K3', { r: { 1: 'a' } }, true],
  ['K3', { r: 'str' }, false],
  ['K4', { r: { AB: 1 } }, true],
  ['K4', { r: true }, false],
  ['K5', { r: {} }, true],
  ['K5', { r: 'str' }, false],
];

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('strict-index');
}, 120_000);

describe('@strict beside index signatures', () => {
  it('compiles under tsc --strict', () => {
    expect(built.compileErrors).toBe('');
  });

  judgedAlike(CASES, () => built);

  it('checks template literal and Uppercase<string> keys, without CG2004 (pattern-keys.test.ts covers the kind)', () => {
    expect(built.diagnostics.filter((diagnostic) => diagnostic.code === 'CG2004')).toEqual([]);
  });

  it('reports an undeclared key under @strict at its path, and only there', () => {
    expect(built.validators('Counted').issues({ id: 'a', other: true, 1: true })).toEqual(['/other additionalProperties']);
    expect(built.validators('Named').issues({ name: { c: 'x', any: 1 }, extra: 1 })).toEqual(['/extra additionalProperties']);
  });

  it('mocks pass the validators and the schema', () => {
    for (const [type] of new Set(CASES.map(([type]) => [type] as const))) expect(failingMocks(built, type)).toEqual([]);
  });
});
