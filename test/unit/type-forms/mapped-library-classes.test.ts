/**
 * Issue 9 S3, S9, S16: a homomorphic mapped type over a platform or library class
 * (`Readonly<Date>`, `Partial<Date>`, `Readonly<Map<K, V>>`, `Readonly<Uint8Array>`, a hand-written
 * `DeepReadonly<T>` reaching a `Date`) was read member by member: 45 method stubs, a
 * `"__@toPrimitive@62"` key the mock could not compile with and the validator required (a real
 * Date rejected), diagnostics located in lib.*.d.ts. It is read as the class: validators check
 * the instance (and a Map's entries) as for the class itself, mocks build one. TypeScript's
 * verdicts on the values are checked by tsc.
 */
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';

interface SourceVerdict {
  property: string;
  text: string;
  valid: boolean;
}

const VERDICTS: SourceVerdict[] = [
  { property: 'rd', text: 'new Date()', valid: true },
  { property: 'rd', text: "'2020-01-01'", valid: false },
  { property: 'rd', text: '{}', valid: false },
  { property: 'pd', text: 'new Date(0)', valid: true },
  { property: 'rm', text: "new Map([['a', 1]])", valid: true },
  { property: 'rm', text: "new Map([['a', 'x']])", valid: false },
  { property: 'rm', text: '{}', valid: false },
  { property: 'rs', text: "new Set(['a'])", valid: true },
  { property: 'rs', text: 'new Set([1])', valid: false },
  { property: 'pu', text: "new URL('https://example.com/')", valid: true },
  { property: 'ru8', text: 'new Uint8Array(2)', valid: true },
  { property: 'ru8', text: '[1, 2]', valid: false },
  { property: 'rr', text: '/a+/', valid: true },
  { property: 'frozen', text: "{ name: 'a', address: { city: 'c' }, born: new Date() }", valid: true },
  { property: 'frozen', text: "{ name: 'a', address: { city: 'c' }, born: '2020-01-01' }", valid: false },
  { property: 'full', text: "{ name: 'a', age: 1, address: { city: 'c', zip: 'z' }, born: new Date() }", valid: true },
  { property: 'full', text: "{ name: 'a', age: 1, address: { city: 'c' }, born: new Date() }", valid: false },
];

/** TypeScript accepts these (every member of `Partial<Date>` is optional); codegen reads the type as the class (docs/validate.md). */
const STRICTER: Array<[property: string, text: string]> = [['pd', '{}']];

function verdictModule(): string {
  const lines = ["import type { MappedLibraryClasses } from './input/mapped-library-classes.js';", ''];
  VERDICTS.forEach(({ property, text, valid }, i) => {
    if (!valid) lines.push('// @ts-expect-error: TypeScript rejects it');
    lines.push(`export const v${i}: MappedLibraryClasses[${JSON.stringify(property)}] = ${text};`);
  });
  STRICTER.forEach(([property, text], i) => lines.push(`export const s${i}: MappedLibraryClasses[${JSON.stringify(property)}] = ${text};`));
  return `${lines.join('\n')}\n`;
}

function valueOf(text: string): unknown {
  return new Function(ts.transpile(`return (${text});`, { target: ts.ScriptTarget.ES2022 }))();
}

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('mapped-library-classes', { 'verdicts.ts': verdictModule() });
}, 120_000);

const accepts = (property: string, text: string): boolean => built.validators('MappedLibraryClasses').accepts({ rd: new Date(), [property]: valueOf(text) });

describe('mapped types over platform and library classes', () => {
  it('generate with no diagnostic, compile under tsc --strict, and TypeScript agrees with every verdict', () => {
    expect(built.diagnostics).toEqual([]);
    expect(built.compileErrors).toBe('');
  });

  it('are read as the class: no member of it, no symbol-named key, in any output', () => {
    const text = JSON.stringify(built.model) + JSON.stringify(built.document);
    expect(text).not.toContain('__@');
    expect(text).not.toContain('getTime');
  });

  for (const { property, text, valid } of VERDICTS) {
    it(`${property}: ${text} is ${valid ? 'valid' : 'invalid'}`, () => {
      expect(accepts(property, text)).toBe(valid);
    });
  }

  for (const [property, text] of STRICTER) {
    it(`${property}: ${text} is rejected (TypeScript accepts it: read as the class)`, () => {
      expect(accepts(property, text)).toBe(false);
    });
  }

  it('mocks pass the validators and the schema', () => {
    expect(failingMocks(built, 'MappedLibraryClasses', 40)).toEqual([]);
  });
});
