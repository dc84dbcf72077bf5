/**
 * Issue 9 S2, S9: members keyed by a symbol became string keys named after TypeScript's internal
 * ids (`"__@sym@212"`, `"__@iterator@15"`) in validators, mocks and openapi.json: `{ [sym]: 'str' }`
 * passed, a JSON key of that name was required, the names moved when an unrelated file changed,
 * and mocks failed `tsc --strict`. A method keyed by a well-known symbol is now checked as a
 * function (`typeof value[Symbol.iterator] === "function"`) and stubbed by mocks; a key that is an
 * exported `unique symbol` const (`sym`) is imported and checked (symbol-constants.test.ts); any
 * other symbol key (`declare const brand`) is left out of every output with a located CG2004
 * warning. TypeScript's verdicts are tsc's.
 */
import ts from 'typescript';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';

interface SourceVerdict {
  property: string;
  text: string;
  valid: boolean;
}

const ITERATOR = '[Symbol.iterator]() { return [].values(); }';

const VERDICTS: SourceVerdict[] = [
  { property: 'w', text: "{ name: 'x' }", valid: true },
  { property: 'w', text: "{ name: 'x', [sym]: 1 }", valid: true },
  { property: 'w', text: '{ name: 1 }', valid: false },
  { property: 'c', text: `{ items: ['a'], ${ITERATOR} }`, valid: true },
  { property: 'c', text: '{ items: [] }', valid: false },
  { property: 'c', text: '{ items: [], [Symbol.iterator]: 1 }', valid: false },
  { property: 'm', text: '{ size: 1 }', valid: true },
  { property: 'm', text: '{ size: 1, async *[Symbol.asyncIterator]() { yield 1; } }', valid: true },
  { property: 'm', text: '{ size: 1, [Symbol.asyncIterator]: 1 }', valid: false },
  // `sym` is an exported const: generated code imports it and checks the member, as tsc does.
  { property: 'w', text: "{ name: 'x', [sym]: 'str' }", valid: false },
  { property: 'r', text: "{ n: 'x', [sym]: 1 }", valid: true },
  { property: 'r', text: "{ n: 'x' }", valid: false },
];

function verdictModule(): string {
  const lines = ["import { sym, type SymbolKeys } from './input/symbol-keys.js';", 'void sym;', ''];
  VERDICTS.forEach(({ property, text, valid }, i) => {
    if (!valid) lines.push('// @ts-expect-error: TypeScript rejects it');
    lines.push(`export const v${i}: SymbolKeys[${JSON.stringify(property)}] = ${text};`);
  });
  return `${lines.join('\n')}\n`;
}

let built: BuiltCase;
let sym: symbol;

beforeAll(async () => {
  built = await buildCase('symbol-keys', { 'verdicts.ts': verdictModule() });
  sym = ((await import(pathToFileURL(resolve('test/.tmp/type-forms/symbol-keys/input/symbol-keys.ts')).href)) as { sym: symbol }).sym;
}, 120_000);

function valueOf(text: string): unknown {
  return new Function('sym', ts.transpile(`return (${text});`, { target: ts.ScriptTarget.ES2022 }))(sym);
}

const base = { w: { name: 'x' }, c: { items: [], [Symbol.iterator]: () => [].values() } };
const accepts = (property: string, text: string): boolean => built.validators('SymbolKeys').accepts({ ...base, [property]: valueOf(text) });

describe('symbol-keyed members', () => {
  it('compile under tsc --strict, and TypeScript agrees with every verdict', () => {
    expect(built.compileErrors).toBe('');
  });

  it('leave no `__@name@id` key in the model, the validators, the mocks or the schema', () => {
    expect(JSON.stringify(built.model) + JSON.stringify(built.document)).not.toContain('__@');
    expect(built.validators('SymbolKeys').accepts({ ...base, w: JSON.parse('{"name":"x","__@sym@212":"s"}') })).toBe(true);
  });

  it('warn, at the unique-symbol key with no value to import, that it is not checked', () => {
    expect(built.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.line, diagnostic.message])).toEqual([
      ['CG2004', 8, 'Symbol-keyed property [brand] (WithSym[brand]) is not checked: a symbol key is no data JSON can hold, so validators, the schema and mocks leave it out.'],
    ]);
  });

  for (const { property, text, valid } of VERDICTS) {
    it(`${property}: ${text} is ${valid ? 'valid' : 'invalid'}`, () => {
      expect(accepts(property, text)).toBe(valid);
    });
  }

  it('reports a missing symbol method at the object', () => {
    expect(built.validators('SymbolKeys').issues({ ...base, c: { items: [] } })).toEqual(['/c type']);
    const issue = built.validators('SymbolKeys').fullIssues({ ...base, c: { items: [] } })[0];
    expect(issue?.expected).toBe('a [Symbol.iterator]() method');
  });

  it('mocks (with a stub for [Symbol.iterator]) pass the validators and the schema, leaving the unchecked symbol key out', () => {
    expect(failingMocks(built, 'SymbolKeys', 40)).toEqual([]);
    for (let seed = 0; seed < 40; seed += 1) {
      const mock = built.mock('SymbolKeys', seed) as { w: object };
      expect(Object.getOwnPropertySymbols(mock.w).every((key) => key === sym)).toBe(true);
    }
  });

  it('mocks set a required key of an exported symbol const', () => {
    expect(typeof Reflect.get(built.mock('RequiredSym', 0) as object, sym)).toBe('number');
  });
});
