/**
 * Data members keyed by an exported `unique symbol` const (issue 9, left after bbbe8d1: `[tag]:
 * string` with `export const tag = Symbol('tag')` was CG2004 and unchecked). Generated code imports
 * the const as a value (an `import { tag }`, never `import type`, which `verbatimModuleSyntax`
 * would erase) and checks `Reflect.get(value, tag)` against its type; mocks set it. A const named
 * like the validators' parameter (`value`) or a generated function (`isBadge`) is imported under
 * another name. A key with no value to import (`export declare const`, a `.d.ts`, a const not
 * exported) or holding an object stays CG2004 at the member. Verdicts are tsc's own where marked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';

const CASE = join(process.cwd(), 'test/.tmp/type-forms/symbol-constants');

// The same values, typed by tsc: each must compile where valid and fail where not.
const VERDICTS = `import { isBadge, k, kind, tag, value } from './input/keys.js';
import type { Badge, Tagged } from './input/types.js';
export const a: Tagged = { id: 'x', [tag]: 't' };
// @ts-expect-error
export const b: Tagged = { id: 'x' };
// @ts-expect-error
export const c: Tagged = { id: 'x', [tag]: 1 };
export const d: Tagged = { id: 'x', [tag]: 't', [kind]: null };
// @ts-expect-error
export const e: Tagged = { id: 'x', [tag]: 't', [kind]: 'c' };
export const f: Badge = { [value]: 1, [isBadge]: true, [k]: 2, counts: { a: 1 } };
// @ts-expect-error
export const g: Badge = { [value]: '1', counts: {} };
// @ts-expect-error
export const h: Badge = { [value]: 1, [isBadge]: 'yes', counts: {} };
// @ts-expect-error
export const j: Badge = { [value]: 1, [k]: 'no', counts: {} };
`;

interface Keys {
  tag: symbol;
  kind: symbol;
  value: symbol;
  isBadge: symbol;
  k: symbol;
}

let built: BuiltCase;
let keys: Keys;
beforeAll(async () => {
  built = await buildCase('symbol-constants', { 'verdicts.ts': VERDICTS });
  keys = (await import(`${CASE}/input/keys.js`)) as Keys;
}, 120_000);

describe('data members keyed by an exported unique symbol const', () => {
  it('compiles under tsc --strict with verbatimModuleSyntax, with tsc agreeing with the verdicts', () => {
    expect(built.compileErrors).toBe('');
  });

  it('reports only the keys with no value to import or holding an object, at the member (CG2004)', () => {
    expect(built.diagnostics.map((d) => `${d.code} ${d.file}:${d.line} ${/\[\w+\]/.exec(d.message)?.[0]}`)).toEqual([
      'CG2004 input/keys.ts:15 [local]',
      'CG2004 input/types.ts:22 [ambient]',
      'CG2004 input/types.ts:23 [typed]',
      'CG2004 input/types.ts:28 [tag]',
      'CG2004 input/types.ts:39 [ambient]',
    ]);
  });

  it('checks the member by the imported symbol, as tsc does (isT and validateT)', () => {
    const { tag, kind, value, isBadge, k } = keys;
    const cases: Array<[string, object, boolean]> = [
      ['Tagged', { id: 'x', [tag]: 't' }, true],
      ['Tagged', { id: 'x' }, false],
      ['Tagged', { id: 'x', [tag]: 1 }, false],
      // Another symbol described alike is another key.
      ['Tagged', { id: 'x', [Symbol('tag')]: 't' }, false],
      ['Tagged', { id: 'x', [tag]: 't', [kind]: null }, true],
      ['Tagged', { id: 'x', [tag]: 't', [kind]: 'c' }, false],
      ['Badge', { [value]: 1, [isBadge]: true, [k]: 2, counts: { a: 1 } }, true],
      ['Badge', { [value]: '1', counts: {} }, false],
      ['Badge', { [value]: 1, [isBadge]: 'yes', counts: {} }, false],
      ['Badge', { [value]: 1, [k]: 'no', counts: {} }, false],
      ['Badge', { [value]: 1, [k]: 2, counts: { a: 'x' } }, false],
      ['Holder', { t: { id: 'x', [tag]: 't' }, b: { [value]: 2, counts: {} }, list: [{ id: 'y', [tag]: 'u' }] }, true],
      ['Holder', { t: { id: 'x', [tag]: 't' }, b: { [value]: 2, counts: {} }, list: [{ id: 'y' }] }, false],
    ];
    for (const [type, candidate, valid] of cases) {
      expect(built.validators(type).accepts(candidate), `${type} ${String(valid)}`).toBe(valid);
      expect(built.validators(type).issues(candidate).length === 0, `${type} ${String(valid)} issues`).toBe(valid);
    }
    expect(JSON.stringify(built.validators('Tagged').fullIssues({ id: 'x', [tag]: 1 }))).toContain('[tag]');
  });

  it('imports the consts as values, aliasing the names generated code uses', () => {
    const validators = readFileSync(`${CASE}/generated/types.validate.ts`, 'utf8');
    expect(validators).toMatch(/^import \{ isBadge as isBadge2, k as kKey, kind, tag, value as valueKey \} from "\.\.\/input\/keys\.js";$/m);
    expect(validators).toContain('Reflect.get(value, valueKey)');
    const mocks = readFileSync(`${CASE}/generated/types.mock.ts`, 'utf8');
    expect(mocks).toMatch(/^import \{ isBadge, k as kKey, kind, tag, value as valueKey \} from "\.\.\/input\/keys\.js";$/m);
    expect(validators).not.toMatch(/import type \{[^}]*\btag\b/);
    expect(mocks).toContain('[valueKey]: ');
  });

  it('leaves the member out of the schema, where JSON has no symbol keys', () => {
    const schemas = built.document.components!.schemas! as Record<string, { properties?: Record<string, unknown> }>;
    expect(Object.keys(schemas['Tagged']!.properties!)).toEqual(['id']);
  });

  it('mocks set the member under the imported symbol, and pass the validators', () => {
    for (const type of ['Tagged', 'Badge', 'Holder']) expect(failingMocks(built, type), type).toEqual([]);
    expect(typeof Reflect.get(built.mock('Tagged', 1) as object, keys.tag)).toBe('string');
    expect(typeof Reflect.get(built.mock('Badge', 3) as object, keys.value)).toBe('number');
  });

  it('mocks throw for a required key with no value to import (no mock can build it)', () => {
    expect(() => built.mock('Stamped', 0)).toThrow(/\[ambient\] is a symbol/);
  });
});
