/**
 * Issue 9, tester s7 T2: accessors read as TypeScript reads them. A set accessor without a get is
 * a required key typed as the setter's parameter (`class Setter { set onlySet(v: string) }`
 * rejects `{ name: 'x' }`, takes `new Setter()`, which reads `undefined` there); static accessors
 * are not the values'; a private, protected or #private accessor or method makes the class
 * nominal; abstract accessors are a value's own data; in an interface or a type literal a set
 * accessor is a property. Every verdict is TypeScript source compiled by tsc with the generated
 * code (invalid ones under `@ts-expect-error`), then evaluated with the fixture's own classes.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import { CONTEXT } from '../validate/helpers.js';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';

interface SourceVerdict {
  type: string;
  /** The value as TypeScript source; it may name the fixture's classes. */
  text: string;
  valid: boolean;
  /** The issues `validateT` reports (`path code`), for invalid values. */
  issues?: string[];
}

const VERDICTS: SourceVerdict[] = [
  // The tester's case: the setter's key is required, typed as its parameter.
  { type: 'Setter', text: "{ name: 'x' }", valid: false, issues: ['/onlySet required'] },
  { type: 'Setter', text: "{ name: 'x', onlySet: 'y' }", valid: true },
  { type: 'Setter', text: "{ name: 'x', onlySet: 1 }", valid: false, issues: ['/onlySet type'] },
  { type: 'Setter', text: "{ name: 'x', onlySet: undefined }", valid: false, issues: ['/onlySet required'] },
  { type: 'Setter', text: 'new Setter()', valid: true },
  { type: 'Getter', text: "{ name: 'x' }", valid: false, issues: ['/onlyGet required'] },
  { type: 'Getter', text: "{ name: 'x', onlyGet: 'g' }", valid: true },
  { type: 'Getter', text: 'new Getter()', valid: true },
  // A wider setter: the key holds what the getter returns.
  { type: 'Wider', text: "{ name: 'x', w: 's' }", valid: true },
  { type: 'Wider', text: "{ name: 'x', w: 1 }", valid: false, issues: ['/w type'] },
  { type: 'Wider', text: 'new Wider()', valid: true },
  { type: 'Static', text: "{ name: 'x' }", valid: true },
  // Non-public accessors and methods: only instances.
  { type: 'PrivateSetter', text: "{ name: 'x' }", valid: false, issues: [' type'] },
  { type: 'PrivateSetter', text: 'new PrivateSetter()', valid: true },
  { type: 'ProtectedGetter', text: "{ name: 'x' }", valid: false, issues: [' type'] },
  { type: 'ProtectedGetter', text: 'new ProtectedGetter()', valid: true },
  { type: 'HashAccessor', text: "{ name: 'x' }", valid: false, issues: [' type'] },
  { type: 'HashAccessor', text: 'new HashAccessor()', valid: true },
  { type: 'PrivateMethod', text: "{ name: 'x' }", valid: false, issues: [' type'] },
  { type: 'PrivateMethod', text: 'new PrivateMethod()', valid: true },
  // Abstract accessors: a value's own data, or a subclass's accessors.
  { type: 'Shape', text: "{ name: 'x', label: 'l', area: 1 }", valid: true },
  { type: 'Shape', text: "{ name: 'x', area: 1 }", valid: false, issues: ['/label required'] },
  { type: 'Shape', text: "{ name: 'x', label: 'l' }", valid: false, issues: ['/area required'] },
  { type: 'Shape', text: 'new Square()', valid: true },
  { type: 'Square', text: 'new Square()', valid: true },
  { type: 'Square', text: "{ name: 'x', side: 2, area: 4 }", valid: false, issues: ['/label required'] },
  { type: 'Square', text: "{ name: 'x', side: 2, area: 4, label: 'l' }", valid: true },
  // Interfaces and type literals.
  { type: 'Labelled', text: "{ name: 'x' }", valid: false, issues: ['/label required'] },
  { type: 'Labelled', text: "{ name: 'x', label: 'l' }", valid: true },
  // A Square has `name` and inherits a setter-only `label`: TypeScript takes it, and so do the validators.
  { type: 'Labelled', text: 'new Square()', valid: true },
  { type: 'Labelled', text: "{ name: 'x', label: false }", valid: false, issues: ['/label type'] },
  { type: 'Holder', text: 'holder()', valid: true },
  { type: 'Holder', text: "{ ...holder(), setter: { name: 'x' } }", valid: false, issues: ['/setter/onlySet required'] },
  { type: 'Holder', text: '{ ...holder(), both: { n: 1 } }', valid: false, issues: ['/both/d required'] },
  { type: 'Holder', text: "{ ...holder(), both: { d: '2024-01-01', n: 1 } }", valid: false, issues: ['/both/d type'] },
];

/** The helper the verdicts spread: a valid `Holder`. */
const HOLDER =
  "function holder() {\n  return { setter: new Setter(), shape: new Square(), labelled: { name: 'l', label: 'l' }, both: { d: new Date(0), n: 1 } };\n}";
const CLASSES = ['Setter', 'Getter', 'Wider', 'Static', 'PrivateSetter', 'ProtectedGetter', 'HashAccessor', 'PrivateMethod', 'Square'];
const TYPES = ['Shape', 'Labelled', 'Holder'];

/** A module assigning each value to its type, invalid ones under `@ts-expect-error`. */
function verdictModule(): string {
  const lines = [`import { ${CLASSES.join(', ')}, ${TYPES.map((type) => `type ${type}`).join(', ')} } from './input/accessors.js';`, '', `export ${HOLDER}`];
  VERDICTS.forEach(({ type, text, valid }, i) => {
    // Through a variable, as a validator sees a value: no excess property check of a fresh literal.
    lines.push(`const s${i} = ${text};`);
    if (!valid) lines.push('// @ts-expect-error: TypeScript rejects it');
    lines.push(`export const v${i}: ${type} = s${i};`);
  });
  return `${lines.join('\n')}\n`;
}

let built: BuiltCase;
let classes: Record<string, unknown>;

beforeAll(async () => {
  built = await buildCase('class-accessors', { 'verdicts.ts': verdictModule() });
  classes = (await import(pathToFileURL(resolve('test/.tmp/type-forms/class-accessors/input/accessors.ts')).href)) as Record<string, unknown>;
}, 120_000);

/** The value of a verdict's source text (its types stripped), built with the fixture's own classes. */
function valueOf(text: string): unknown {
  const body = ts.transpile(`${HOLDER}\nreturn (${text});`, { target: ts.ScriptTarget.ES2022 });
  return new Function(...CLASSES, body)(...CLASSES.map((name) => classes[name]));
}

describe('class accessors, as TypeScript reads them', () => {
  it('compile under tsc --strict, and TypeScript agrees with every verdict below', () => {
    expect(built.compileErrors).toBe('');
  });

  for (const { type, text, valid, issues } of VERDICTS) {
    it(`${type} = ${text} is ${valid ? 'valid' : 'invalid'} for isT, validateT and assertT`, () => {
      const validators = built.validators(type);
      const value = valueOf(text);
      expect(validators.accepts(value)).toBe(valid);
      expect(validators.issues(value)).toEqual(valid ? [] : issues);
    });
  }

  it('an instance of Setter reads undefined at its setter-only key, which the validators take as the inherited accessor', () => {
    const setter = valueOf('new Setter()') as Record<string, unknown>;
    expect(setter['onlySet']).toBeUndefined();
    expect('onlySet' in setter && !Object.hasOwn(setter, 'onlySet')).toBe(true);
  });

  it('mocks of every type pass their validators and their schemas (60 seeds)', () => {
    for (const type of ['Setter', 'Getter', 'Wider', 'Static', 'PrivateSetter', 'ProtectedGetter', 'HashAccessor', 'PrivateMethod', 'Shape', 'Square', 'Labelled', 'Holder']) {
      expect(failingMocks(built, type, 60), type).toEqual([]);
    }
  });

  it('builds a class with accessors on its prototype; abstract accessors and interface setters as data', () => {
    const Setter = classes['Setter'] as new () => object;
    const Square = classes['Square'] as new () => object;
    expect(built.mock('Setter', 1)).toBeInstanceOf(Setter);
    expect(built.mock('Square', 1)).toBeInstanceOf(Square);
    const shape = built.mock('Shape', 1) as Record<string, unknown>;
    expect([typeof shape['label'], typeof shape['area']]).toEqual(['string', 'number']);
    const labelled = built.mock('Labelled', 1) as Record<string, unknown>;
    expect(typeof labelled['label']).toBe('string');
  });

  it('warns of no unset field for a class whose non-public members are accessors and methods on the prototype', () => {
    const messages = mockGenerator.check!(built.model, { split: 'file', seed: 42, maxDepth: 3 }, CONTEXT).map((d) => `${d.code} ${d.message}`);
    expect(messages).toEqual([]);
  });
});
