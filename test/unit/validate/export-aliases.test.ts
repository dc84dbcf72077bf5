/**
 * Names exported under other names (issue 9, s9): a `unique symbol` const exported only as
 * `export { tag as label }` keyed a member that stayed CG2004 and unchecked, as did one reached
 * through `import { label as mark }` + `export { mark as badge }` or a namespace re-export
 * (`export * as ns`, `[ns.sort]`). Generated code now imports the const from its own file by the
 * name that file exports it under. Types used by an export alias (`export { Tag as Label }`,
 * `export type { Plain as Renamed }`, a class's `export { Point as Spot }`, re-exported renamed or through `export * as kinds`) are
 * checked as their declarations. A const exported only as `default` has no name to import: CG2004.
 * Verdicts are tsc's (the `VERDICTS` file compiles only if each marked line fails).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from '../type-forms/helpers.js';

const CASE = join(process.cwd(), 'test/.tmp/type-forms/export-aliases');

const VERDICTS = `import { label, sort } from './input/marks.js';
import { badge, ns } from './input/relay.js';
import type { Defaulted, Keyed, Post, Relayed } from './input/types.js';
export const a: Keyed = { id: 'x', [label]: 't' };
// @ts-expect-error
export const b: Keyed = { id: 'x' };
// @ts-expect-error
export const c: Keyed = { id: 'x', [label]: 1 };
// @ts-expect-error
export const d: Keyed = { id: 'x', [label]: 't', [sort]: 'c' };
export const e: Relayed = { [badge]: 1, [ns.sort]: true };
// @ts-expect-error
export const f: Relayed = { [badge]: 'one' };
// @ts-expect-error
export const g: Relayed = { [badge]: 1, [sort]: 'a' };
export const h: Defaulted = { name: 'n' };
const keyed = { id: 'x', [label]: 't' };
export const i: Post = { label: { name: 'a' }, badge: { name: 'b' }, renamed: { n: 1 }, viaNamespace: { name: 'c' }, plain: { n: 2 }, keyed, spot: { x: 1 } };
// @ts-expect-error
export const j: Post = { label: { name: 1 }, badge: { name: 'b' }, renamed: { n: 1 }, viaNamespace: { name: 'c' }, plain: { n: 2 }, keyed, spot: { x: 1 } };
// @ts-expect-error
export const l: Post = { label: { name: 'a' }, badge: { name: 'b' }, renamed: { n: 1 }, viaNamespace: { name: 'c' }, plain: { n: 2 }, keyed, spot: { x: '1' } };
// @ts-expect-error
export const k: Post = { label: { name: 'a' }, badge: { name: 'b' }, renamed: { n: 1 }, viaNamespace: { name: 'c' }, plain: { n: 'x' }, keyed, spot: { x: 1 } };
`;

interface Marks {
  label: symbol;
  sort: symbol;
  default: symbol;
}

let built: BuiltCase;
let marks: Marks;
beforeAll(async () => {
  built = await buildCase('export-aliases', { 'verdicts.ts': VERDICTS });
  marks = (await import(`${CASE}/input/marks.js`)) as Marks;
}, 120_000);

describe('names exported under other names', () => {
  it('compiles under tsc --strict, with tsc agreeing with the verdicts', () => {
    expect(built.compileErrors).toBe('');
  });

  it('leaves only the const exported as default unchecked (CG2004 at the member)', () => {
    expect(built.diagnostics.map((d) => `${d.code} ${d.file}:${d.line} ${/\[\w+\]/.exec(d.message)?.[0]}`)).toEqual(['CG2004 input/types.ts:22 [only]']);
  });

  it('checks members keyed through export aliases, re-exports and namespaces, as tsc does', () => {
    const { label, sort } = marks;
    const keyed = { id: 'x', [label]: 't' };
    const post = { label: { name: 'a' }, badge: { name: 'b' }, renamed: { n: 1 }, viaNamespace: { name: 'c' }, plain: { n: 2 }, keyed, spot: { x: 1 } };
    const cases: Array<[string, object, boolean]> = [
      ['Keyed', keyed, true],
      ['Keyed', { id: 'x' }, false],
      ['Keyed', { id: 'x', [label]: 1 }, false],
      ['Keyed', { id: 'x', [label]: 't', [sort]: 'c' }, false],
      ['Keyed', { id: 'x', [label]: 't', [sort]: 'a' }, true],
      ['Relayed', { [label]: 1, [sort]: true }, true],
      ['Relayed', { [label]: 'one' }, false],
      ['Relayed', { [label]: 1, [sort]: 'a' }, false],
      // The re-exported name is the same symbol; one described alike is another key.
      ['Relayed', { [Symbol('tag')]: 1 }, false],
      ['Defaulted', { name: 'n' }, true],
      ['Post', post, true],
      ['Post', { ...post, label: { name: 1 } }, false],
      ['Post', { ...post, badge: {} }, false],
      ['Post', { ...post, plain: { n: 'x' } }, false],
      ['Post', { ...post, viaNamespace: { name: null } }, false],
      ['Post', { ...post, keyed: { id: 'x' } }, false],
      ['Post', { ...post, spot: { x: '1' } }, false],
    ];
    for (const [type, candidate, valid] of cases) {
      expect(built.validators(type).accepts(candidate), `${type} ${JSON.stringify(candidate)}`).toBe(valid);
      expect(built.validators(type).issues(candidate).length === 0, `${type} ${String(valid)} issues`).toBe(valid);
    }
  });

  it('imports each const from its own file by the name that file exports it under', () => {
    const validators = readFileSync(`${CASE}/generated/types.validate.ts`, 'utf8');
    expect(validators).toMatch(/^import \{ label, sort \} from "\.\.\/input\/marks\.js";$/m);
    const mocks = readFileSync(`${CASE}/generated/types.mock.ts`, 'utf8');
    expect(mocks).toMatch(/^import \{ label, sort \} from "\.\.\/input\/marks\.js";$/m);
  });

  it('mocks set the members under the imported symbols, and pass the validators', () => {
    for (const type of ['Keyed', 'Relayed', 'Post']) expect(failingMocks(built, type), type).toEqual([]);
    expect(typeof Reflect.get(built.mock('Keyed', 1) as object, marks.label)).toBe('string');
    expect(typeof Reflect.get(built.mock('Relayed', 2) as object, marks.label)).toBe('number');
  });
});
