/**
 * Issue 9 G5: a class whose only members are an index signature (`class Dict { [k: string]:
 * number }`) accepts its own instances (and its subclasses'), as TypeScript does, beside plain
 * objects as before; entries are still checked. An interface or a `Record` of an index signature
 * stays plain-objects-only, and an instance of another class of the same shape is no `Dict` to
 * codegen (TypeScript accepts both: the documented stricter check). TypeScript's verdict on
 * each value below that codegen follows is checked by tsc.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';

interface SourceVerdict {
  property: string;
  /** The value as TypeScript source; it may name the fixture's classes. */
  text: string;
  valid: boolean;
}

/** TypeScript's verdicts, which codegen follows (tsc checks them). */
const VERDICTS: SourceVerdict[] = [
  { property: 'dict', text: 'new Dict()', valid: true },
  { property: 'dict', text: 'Object.assign(new Dict(), { a: 1, b: 2 })', valid: true },
  { property: 'dict', text: 'new SubDict()', valid: true },
  { property: 'dict', text: '{ a: 1 }', valid: true },
  { property: 'dict', text: '{}', valid: true },
  { property: 'dict', text: 'new Date()', valid: false },
  { property: 'dict', text: 'new Map<string, number>()', valid: false },
  { property: 'dict', text: '[1]', valid: false },
  { property: 'dict', text: 'null', valid: false },
  { property: 'sub', text: 'new SubDict()', valid: true },
  { property: 'sub', text: 'Object.assign(new SubDict(), { a: 1 })', valid: true },
  { property: 'numbered', text: 'new Numbered()', valid: true },
  { property: 'numbered', text: "Object.assign(new Numbered(), { 0: 'x' })", valid: true },
  { property: 'bag', text: 'new Bag<string>()', valid: true },
  { property: 'bag', text: "Object.assign(new Bag<string>(), { a: 'x' })", valid: true },
  { property: 'bag', text: "{ a: 'x' }", valid: true },
  { property: 'plain', text: '{ a: 1 }', valid: true },
  { property: 'record', text: '{ a: 1 }', valid: true },
];

/** Values of the wrong entries (TypeScript cannot type them: built at run time). */
const BAD_ENTRIES: Array<[property: string, text: string]> = [
  ['dict', "Object.assign(new Dict(), { a: 'x' })"],
  ['sub', "Object.assign(new SubDict(), { a: 'x' })"],
  ['numbered', 'Object.assign(new Numbered(), { 0: 1 })'],
  ['bag', 'Object.assign(new Bag<string>(), { a: 1 })'],
];

/** TypeScript accepts these (structurally); codegen does not, by decision (docs/validate.md). */
const STRICTER: Array<[property: string, text: string]> = [
  ['dict', 'new LookAlike()'],
  ['plain', 'new Dict()'],
  ['record', 'new Dict()'],
];

const CLASSES = ['Dict', 'SubDict', 'Numbered', 'Bag', 'LookAlike'];

function verdictModule(): string {
  const lines = [`import { ${CLASSES.join(', ')}, type IndexClasses } from './input/index-classes.js';`, ''];
  VERDICTS.forEach(({ property, text, valid }, i) => {
    if (!valid) lines.push('// @ts-expect-error: TypeScript rejects it');
    lines.push(`export const v${i}: IndexClasses[${JSON.stringify(property)}] = ${text};`);
  });
  STRICTER.forEach(([property, text], i) => lines.push(`export const s${i}: IndexClasses[${JSON.stringify(property)}] = ${text};`));
  return `${lines.join('\n')}\n`;
}

let built: BuiltCase;
let classes: Record<string, unknown>;

beforeAll(async () => {
  built = await buildCase('index-classes', { 'verdicts.ts': verdictModule() });
  // The module the generated validators import the classes from: `instanceof` needs the same ones.
  classes = (await import(pathToFileURL(resolve('test/.tmp/type-forms/index-classes/input/index-classes.ts')).href)) as Record<string, unknown>;
}, 120_000);

function valueOf(text: string): unknown {
  const body = ts.transpile(`return (${text});`, { target: ts.ScriptTarget.ES2022 });
  return new Function(...CLASSES, body)(...CLASSES.map((name) => classes[name]));
}

const accepts = (property: string, text: string): boolean => built.validators('IndexClasses').accepts({ dict: {}, [property]: valueOf(text) });
const issues = (property: string, text: string): string[] => built.validators('IndexClasses').issues({ dict: {}, [property]: valueOf(text) });

describe('classes of an index signature only', () => {
  it('compile under tsc --strict, and TypeScript agrees with every verdict', () => {
    expect(built.compileErrors).toBe('');
  });

  for (const { property, text, valid } of VERDICTS) {
    it(`${property}: ${text} is ${valid ? 'valid' : 'invalid'}`, () => {
      expect(accepts(property, text)).toBe(valid);
      expect(issues(property, text).length === 0).toBe(valid);
    });
  }

  for (const [property, text] of BAD_ENTRIES) {
    it(`${property}: ${text} is invalid (its entry)`, () => {
      expect(accepts(property, text)).toBe(false);
      expect(issues(property, text)[0]).toMatch(new RegExp(`^/${property}/`));
    });
  }

  for (const [property, text] of STRICTER) {
    it(`${property}: ${text} is rejected (TypeScript accepts it: codegen's stricter check)`, () => {
      expect(accepts(property, text)).toBe(false);
    });
  }

  it('mocks (plain objects) pass the validators and the schema', () => {
    expect(failingMocks(built, 'IndexClasses', 40)).toEqual([]);
  });
});
