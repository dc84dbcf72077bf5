/**
 * Issue 9: `Map<K, V>` and `Set<T>` hold what their type says. `isT` accepted a
 * `Map<string, number>` holding strings, which TypeScript rejects; now every entry is checked
 * (a key against `K`, a value against `V`, an item against `T`), issues address an entry by its
 * position in iteration order (`/counts/1/0` is the second entry's key, `/tags/1` the second
 * item), and mocks fill them. `WeakMap`/`WeakSet` cannot be listed: an instance, after CG2004.
 * Every verdict below is TypeScript source, compiled by tsc with the generated code (invalid
 * ones under `@ts-expect-error`) and evaluated for the validators.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, type BuiltCase } from './helpers.js';

interface SourceVerdict {
  type: 'Collections' | 'Tree';
  /** The value as TypeScript source; `base()` is a valid `Collections`, `Level` the fixture's enum. */
  text: string;
  valid: boolean;
  /** The issues `validateT` reports (`path code`), for invalid values. */
  issues?: string[];
}

const VERDICTS: SourceVerdict[] = [
  { type: 'Collections', text: 'base()', valid: true },
  { type: 'Collections', text: "{ ...base(), counts: new Map([['a', 1], ['b', 2]]) }", valid: true },
  { type: 'Collections', text: "{ ...base(), counts: new Map<string, number | string>([['a', 1], ['b', 'x']]) }", valid: false, issues: ['/counts/1/1 type'] },
  { type: 'Collections', text: "{ ...base(), counts: new Map<string | number, number>([['a', 1], [2, 2]]) }", valid: false, issues: ['/counts/1/0 type'] },
  { type: 'Collections', text: '{ ...base(), counts: { a: 1 } }', valid: false, issues: ['/counts type'] },
  { type: 'Collections', text: "{ ...base(), byCode: new Map([['ABC', { x: 1, y: 2 }]]) }", valid: true },
  { type: 'Collections', text: "{ ...base(), byCode: new Map([['ABC', { x: 1 }]]) }", valid: false, issues: ['/byCode/0/1/y required'] },
  { type: 'Collections', text: "{ ...base(), tags: new Set(['a', 'b']) }", valid: true },
  { type: 'Collections', text: "{ ...base(), tags: new Set(['a', 1]) }", valid: false, issues: ['/tags/1 type'] },
  { type: 'Collections', text: "{ ...base(), tags: ['a'] }", valid: false, issues: ['/tags type'] },
  { type: 'Collections', text: '{ ...base(), levels: new Set([Level.Low, Level.High]) }', valid: true },
  { type: 'Collections', text: "{ ...base(), levels: new Set([Level.Low, 'medium']) }", valid: false, issues: ['/levels/1 enum'] },
  { type: 'Collections', text: '{ ...base(), frozen: new Map<number, Level.High | null>([[1, Level.High], [2, null]]) }', valid: true },
  { type: 'Collections', text: '{ ...base(), frozen: new Map([[1, Level.Low]]) }', valid: false, issues: ['/frozen/0/1 enum'] },
  { type: 'Collections', text: "{ ...base(), nested: new Map([['a', new Set([1, 2])]]) }", valid: true },
  { type: 'Collections', text: "{ ...base(), nested: new Map<string, Set<number> | Set<string>>([['a', new Set([1])], ['b', new Set(['x'])]]) }", valid: false, issues: ['/nested/1/1/0 type'] },
  { type: 'Collections', text: "{ ...base(), nested: new Map([['a', [1]]]) }", valid: false, issues: ['/nested/0/1 type'] },
  { type: 'Collections', text: "{ ...base(), loose: new Map<string, unknown>([['a', Symbol()], ['b', null]]) }", valid: true },
  { type: 'Collections', text: "{ ...base(), maybe: new Set(['ABC']) }", valid: true },
  { type: 'Collections', text: '{ ...base(), maybe: null }', valid: true },
  { type: 'Collections', text: '{ ...base(), maybe: new Set([1]) }', valid: false, issues: ['/maybe/0 type'] },
  { type: 'Collections', text: '{ ...base(), weak: {} }', valid: false, issues: ['/weak type'] },
  { type: 'Collections', text: '{ ...base(), seen: [] }', valid: false, issues: ['/seen type'] },
  { type: 'Tree', text: "{ name: 'a', children: new Map([['b', { name: 'b', children: new Map() }]]) }", valid: true },
  { type: 'Tree', text: "{ name: 'a', children: new Map([['b', { children: new Map() }]]) }", valid: false, issues: ['/children/0/1/name required'] },
];

/** The helper the verdicts spread: a valid `Collections`. */
const BASE =
  'function base() {\n  return { counts: new Map<string, number>(), byCode: new Map<string, Point>(), tags: new Set<string>(), levels: new Set<Level>(), frozen: new Map<number, Level.High | null>(), nested: new Map<string, Set<number>>(), loose: new Map<string, unknown>(), weak: new WeakMap<object, number>(), seen: new WeakSet<Point>() };\n}';

/** A module assigning each value to its type, invalid ones under `@ts-expect-error`. */
function verdictModule(): string {
  const lines = [`import { Level, type Collections, type Point, type Tree } from './input/collections.js';`, '', `export ${BASE}`];
  VERDICTS.forEach(({ type, text, valid }, i) => {
    lines.push(`const s${i} = ${text};`);
    if (!valid) lines.push('// @ts-expect-error: TypeScript rejects it');
    lines.push(`export const v${i}: ${type} = s${i};`);
  });
  return `${lines.join('\n')}\n`;
}

let built: BuiltCase;
let Level: unknown;

beforeAll(async () => {
  built = await buildCase('collections', { 'verdicts.ts': verdictModule() });
  ({ Level } = (await import(pathToFileURL(resolve('test/.tmp/type-forms/collections/input/collections.ts')).href)) as { Level: unknown });
}, 120_000);

/** The value of a verdict's source text (its types stripped). */
function valueOf(text: string): unknown {
  const body = ts.transpile(`${BASE}\nreturn (${text});`, { target: ts.ScriptTarget.ES2022 });
  return new Function('Level', body)(Level);
}

describe('Map and Set entries', () => {
  it('compile under tsc --strict, and TypeScript agrees with every verdict below', () => {
    expect(built.compileErrors).toBe('');
  });

  for (const { type, text, valid, issues } of VERDICTS) {
    it(`${type} = ${text} is ${valid ? 'valid' : 'invalid'} for isT, validateT and assertT`, () => {
      const validators = built.validators(type);
      const value = valueOf(text);
      expect(validators.accepts(value)).toBe(valid);
      if (issues) expect(validators.issues(value)).toEqual(issues);
    });
  }

  it("keeps an alias's constraints on the keys (Map<Code, Point>), where TypeScript sees only strings", () => {
    const value = { ...(valueOf('base()') as object), byCode: new Map([['abc', { x: 1, y: 2 }]]) };
    expect(built.validators('Collections').issues(value)).toEqual(['/byCode/0/0 pattern']);
  });

  it('is stricter than TypeScript only where a runtime test cannot be structural: a Map is a WeakMap to TypeScript, not to instanceof', () => {
    // TypeScript compares WeakMap structurally (get, set, has, delete), which a Map has.
    expect(built.validators('Collections').issues({ ...(valueOf('base()') as object), weak: new Map(), seen: new Set() })).toEqual(['/weak type', '/seen type']);
  });

  it('answers false, never throws, for an object that passes instanceof Map or Set but is none (tester7 F10)', () => {
    const base = valueOf('base()') as Record<string, unknown>;
    const fakes = [new Proxy(new Map(), {}), Object.create(Map.prototype) as unknown];
    for (const counts of fakes) {
      // Iterating either threw a TypeError ("Method Map.prototype.entries called on incompatible receiver").
      expect(built.validators('Collections').accepts({ ...base, counts })).toBe(false);
      expect(built.validators('Collections').issues({ ...base, counts })).toEqual(['/counts type']);
    }
    for (const tags of [new Proxy(new Set(), {}), Object.create(Set.prototype) as unknown]) {
      expect(built.validators('Collections').issues({ ...base, tags })).toEqual(['/tags type']);
    }
    // A subclass instance is one.
    class Counts extends Map<string, number> {}
    expect(built.validators('Collections').accepts({ ...base, counts: new Counts([['a', 1]]) })).toBe(true);
  });

  it('reports only the weak collections, whose entries no code can list (CG2004)', () => {
    expect(built.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.line}:${diagnostic.column} ${diagnostic.message}`)).toEqual([
      "CG2004 27:3 Unsupported type 'WeakMap<object, number>' (Collections.weak): validators check that the value is a WeakMap; its entries cannot be listed, so they are not checked.",
      "CG2004 28:3 Unsupported type 'WeakSet<Point>' (Collections.seen): validators check that the value is a WeakSet; its entries cannot be listed, so they are not checked.",
    ]);
  });

  it('mocks are Maps and Sets of mocked entries that pass the validators; a recursive one ends empty', () => {
    let entries = 0;
    for (let seed = 0; seed < 30; seed += 1) {
      for (const type of ['Collections', 'Tree'] as const) {
        const value = built.mock(type, seed) as Record<string, unknown>;
        expect(built.validators(type).issues(value)).toEqual([]);
      }
      const collections = built.mock('Collections', seed) as { counts: Map<string, number>; tags: Set<string>; weak: unknown };
      expect(collections.counts).toBeInstanceOf(Map);
      expect(collections.tags).toBeInstanceOf(Set);
      expect(collections.weak).toBeInstanceOf(WeakMap);
      entries += collections.counts.size + collections.tags.size;
    }
    expect(entries).toBeGreaterThan(30);
  });

  it('says nothing of them in the OpenAPI document: JSON carries no Map or Set ({} as before)', () => {
    const schema = (built.document.components?.schemas?.['Collections'] ?? {}) as { properties: Record<string, unknown> };
    expect(schema.properties['counts']).toEqual({});
    expect(schema.properties['tags']).toEqual({});
  });
});
