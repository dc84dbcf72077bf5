/**
 * Issue 9 B3 (the validators' half): a type with methods, a class with non-public members, and
 * a library class. A value TypeScript accepts has the methods, is an instance of a nominal class,
 * is an instance of the platform class; `isT`, `validateT` and `assertT` must never accept what
 * TypeScript rejects. Every verdict below is written as TypeScript source, compiled by tsc with
 * the generated code (invalid ones under `@ts-expect-error`) and evaluated for the validators.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import { validateGenerator } from '../../../src/generators/validate/index.js';
import { fixtureInput } from '../analyzer/run-fixture.js';
import { CONTEXT } from '../validate/helpers.js';
import { buildCase, type BuiltCase } from './helpers.js';

interface SourceVerdict {
  type: string;
  /** The value as TypeScript source; it may name the fixture's classes. */
  text: string;
  valid: boolean;
  /** The issues `validateT` reports (`path code`), for invalid values. */
  issues?: string[];
}

const GREETER = "name: 'Ada', greet: (other: string) => other, onDone: () => {}";
const VERDICTS: SourceVerdict[] = [
  { type: 'Greeter', text: `{ ${GREETER} }`, valid: true },
  { type: 'Greeter', text: `{ ${GREETER}, wave: () => {}, onFail: (error: Error) => {} }`, valid: true },
  { type: 'Greeter', text: "{ name: 'Ada', onDone: () => {} }", valid: false, issues: ['/greet required'] },
  { type: 'Greeter', text: "{ name: 'Ada', greet: null, onDone: () => {} }", valid: false, issues: ['/greet type'] },
  { type: 'Greeter', text: "{ name: 'Ada', greet: 'hello', onDone: () => {} }", valid: false, issues: ['/greet type'] },
  { type: 'Greeter', text: "{ name: 'Ada', greet: (other: string) => other }", valid: false, issues: ['/onDone required'] },
  { type: 'Greeter', text: `{ ${GREETER}, wave: 1 }`, valid: false, issues: ['/wave type'] },
  { type: 'Greeter', text: `{ ${GREETER}, onFail: 'x' }`, valid: false, issues: ['/onFail type'] },
  { type: 'StrictGreeter', text: "{ name: 'Ada', greet: () => 'hi' }", valid: true },
  { type: 'Temperature', text: 'new Temperature()', valid: true },
  { type: 'Temperature', text: '{ celsius: 20, fahrenheit: () => 68 }', valid: true },
  { type: 'Temperature', text: '{ celsius: 20 }', valid: false, issues: ['/fahrenheit required'] },
  { type: 'Box', text: 'new Box()', valid: true },
  { type: 'Box', text: "{ width: 2, area: 4, label: 'box 2', corner: { x: 2, y: 2 } }", valid: true },
  { type: 'Box', text: '{ width: 2 }', valid: false, issues: ['/area required', '/label required', '/corner required'] },
  { type: 'Box', text: "{ width: 2, area: '4', label: 'box 2', corner: { x: 2, y: 2 } }", valid: false, issues: ['/area type'] },
  { type: 'Box', text: "{ width: 2, area: 4, label: 'box 2', corner: { x: 2 } }", valid: false, issues: ['/corner/y required'] },
  { type: 'Account', text: 'new Account()', valid: true },
  { type: 'Account', text: 'new Savings()', valid: true },
  { type: 'Account', text: "{ owner: 'Ada', deposit: (amount: number) => amount }", valid: false, issues: [' type'] },
  { type: 'Savings', text: 'new Account()', valid: false, issues: [' type', '/rate required'] },
  { type: 'Slots', text: '{ text: new Slot<string>(), slots: [] }', valid: true },
  { type: 'Slots', text: '{ text: new Slot<string>(), count: new Slot<number>(), slots: [new Slot<Slot<boolean>>()] }', valid: true },
  { type: 'Slots', text: "{ text: { value: 'a', fill: (value: string) => {} }, slots: [] }", valid: false, issues: ['/text type'] },
  { type: 'Slots', text: '{ text: new Slot<string>(), slots: [{ value: null }] }', valid: false, issues: ['/slots/0 type', '/slots/0/fill required'] },
  { type: 'Links', text: 'links()', valid: true },
  { type: 'Links', text: "{ ...links(), home: 'https://example.com/' }", valid: false, issues: ['/home type'] },
  { type: 'Links', text: "{ ...links(), pattern: '^a' }", valid: false, issues: ['/pattern type'] },
  { type: 'Links', text: '{ ...links(), bytes: [1, 2] }', valid: false, issues: ['/bytes type'] },
  { type: 'Links', text: '{ ...links(), maybe: null, failure: new TypeError("x") }', valid: true },
  { type: 'Links', text: "{ ...links(), account: { owner: 'Ada', deposit: (amount: number) => amount } }", valid: false, issues: ['/account type'] },
  { type: 'Link', text: 'new URL("https://example.com/a")', valid: true },
  { type: 'Link', text: '"https://example.com/a"', valid: false, issues: [' type'] },
  { type: 'Cache', text: "{ entries: new Map([['a', 1]]) }", valid: true },
  { type: 'Cache', text: '{ entries: {} }', valid: false, issues: ['/entries type'] },
  { type: 'Cache', text: "{ entries: new Map<string, number | string>([['a', 1], ['b', 'x']]) }", valid: false, issues: ['/entries/1/1 type'] },
  { type: 'ProtoTyped', text: '{ m: () => 1 }', valid: true },
  { type: 'ProtoTyped', text: '{ m: Math.max, cb: function () {}, constructor: class {} }', valid: true },
  { type: 'ProtoTyped', text: '{}', valid: false, issues: ['/m required'] },
  { type: 'ProtoTyped', text: "{ m: 'x' }", valid: false, issues: ['/m type'] },
  { type: 'ProtoTyped', text: '{ m: () => 1, cb: 1 }', valid: false, issues: ['/cb type'] },
  { type: 'ProtoTyped', text: '{ m: () => 1, constructor: 1 }', valid: false, issues: ['/constructor type'] },
  { type: 'Constructed', text: '{}', valid: true },
  { type: 'Constructed', text: '{ constructor: Date }', valid: true },
  { type: 'Constructed', text: '{ constructor: null }', valid: false, issues: ['/constructor type'] },
];

/** The helper the verdicts spread: a valid `Links`. */
const LINKS =
  'function links() {\n  return { home: new URL("https://example.com/"), pattern: /a/, bytes: new Uint8Array(2), failure: new Error("x"), params: new URLSearchParams("a=1"), account: new Account() };\n}';
const SOURCE_OF: Record<string, string> = { Cache: './input/library.js', ProtoTyped: './input/library.js', Constructed: './input/library.js' };
/** The fixture's classes, imported as values by the verdicts. */
const CLASSES = ['Account', 'Box', 'Savings', 'Slot', 'Temperature'];

/** A module assigning each value to its type, invalid ones under `@ts-expect-error`. */
function verdictModule(): string {
  const types = [...new Set(VERDICTS.map((verdict) => verdict.type))];
  const fromMethods = types.filter((type) => !SOURCE_OF[type]);
  const lines = [
    `import { ${CLASSES.join(', ')}, ${fromMethods.filter((type) => !CLASSES.includes(type)).map((type) => `type ${type}`).join(', ')} } from './input/methods.js';`,
    `import type { ${types.filter((type) => SOURCE_OF[type]).join(', ')} } from './input/library.js';`,
    '',
    `export ${LINKS}`,
  ];
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
  built = await buildCase('methods', { 'verdicts.ts': verdictModule() });
  // The classes the validators import (one module instance), to build the same values here.
  classes = (await import(pathToFileURL(resolve('test/.tmp/type-forms/methods/input/methods.ts')).href)) as Record<string, unknown>;
}, 120_000);

/** The value of a verdict's source text (its types stripped), built with the fixture's own classes. */
function valueOf(text: string): unknown {
  const names = CLASSES;
  const body = ts.transpile(`${LINKS}\nreturn (${text});`, { target: ts.ScriptTarget.ES2022 });
  return new Function(...names, body)(...names.map((name) => classes[name]));
}

describe('methods, nominal classes and platform classes', () => {
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

  it('reads methods and getters through the prototype, as TypeScript does (a class instance has them there)', () => {
    const temperature = valueOf('new Temperature()') as object;
    expect(Object.hasOwn(temperature, 'fahrenheit')).toBe(false);
    expect(built.validators('Temperature').accepts(temperature)).toBe(true);
    const box = valueOf('new Box()') as { width: number };
    box.width = Number.NaN;
    expect(built.validators('Box').issues(box)).toEqual(['/width type', '/area type', '/corner/x type', '/corner/y type']);
  });

  it('does not run the getters of a class it tests with instanceof (one may read a field only its constructor sets)', () => {
    const account = Object.create((classes['Account'] as { prototype: object }).prototype) as Record<string, unknown>;
    account['owner'] = 'Ada';
    expect(() => account['summary']).toThrow(TypeError);
    expect(built.validators('Account').accepts(account)).toBe(true);
  });

  it('is stricter than TypeScript only where a runtime test cannot be structural: a plain object shaped like an Error', () => {
    // TypeScript's Error is an interface { name; message; stack? }: it accepts this object, `instanceof` does not.
    expect(built.validators('Links').accepts({ ...(valueOf('links()') as object), failure: { name: 'Error', message: 'x' } })).toBe(false);
  });

  it('rejects every value of a library type it cannot tell apart (Promise<string>), after a CG2004 warning', () => {
    expect(built.validators('Pending').accepts({ id: 'a', result: Promise.resolve('x') })).toBe(false);
    expect(built.validators('Pending').issues({ id: 'a', result: Promise.resolve('x') })).toEqual(['/result type']);
    const messages = built.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.line}:${diagnostic.column} ${diagnostic.message}`);
    expect(messages).toEqual([
      "CG2004 5:3 Unsupported type 'Promise<string>' (Pending.result): validators cannot tell its values, so they reject every value here.",
      "CG2004 15:3 Unsupported type 'Function' (ProtoTyped.constructor): validators check that it is a function, not its parameters or result; JSON cannot carry it.",
      "CG2004 16:3 Unsupported type 'Function' (ProtoTyped.m): validators check that it is a function, not its parameters or result; JSON cannot carry it.",
      "CG2004 17:3 Unsupported type 'Function' (ProtoTyped.cb): validators check that it is a function, not its parameters or result; JSON cannot carry it.",
      "CG2004 21:3 Unsupported type 'Function' (Constructed.constructor): validators check that it is a function, not its parameters or result; JSON cannot carry it.",
      "CG2004 8:3 Unsupported type '() => void' (Greeter.onDone): validators check that it is a function, not its parameters or result; JSON cannot carry it.",
      "CG2004 9:3 Unsupported type '(error: Error) => void' (Greeter.onFail): validators check that it is a function, not its parameters or result; JSON cannot carry it.",
    ]);
  });

  it('platform classes are supported: no diagnostic, an instance in the mock', () => {
    for (const type of ['Links', 'Link']) {
      for (let seed = 0; seed < 20; seed += 1) {
        const value = built.mock(type, seed);
        expect(built.validators(type).issues(value)).toEqual([]);
      }
    }
    expect(built.mock('Link', 1)).toBeInstanceOf(URL);
  });

  it('mocks of types with methods and of nominal classes pass their validators', () => {
    for (const type of ['Greeter', 'StrictGreeter', 'Temperature', 'Box', 'Account', 'Savings', 'Cache', 'Slots', 'ProtoTyped', 'Constructed']) {
      for (let seed = 0; seed < 20; seed += 1) expect(built.validators(type).issues(built.mock(type, seed))).toEqual([]);
    }
    // `Function` is mocked as a function type is: a stub that throws when called.
    const proto = built.mock('ProtoTyped', 0) as { m: () => unknown };
    expect(typeof proto.m).toBe('function');
    expect(() => proto.m()).toThrow('ProtoTyped.m');
  });

  it('builds a generic class with private members on the generic class: Slot<string> and Slot<Slot<boolean>> are instances of Slot', () => {
    const Slot = classes['Slot'] as new () => object;
    for (let seed = 0; seed < 10; seed += 1) {
      const slots = built.mock('Slots', seed) as { text: { value: unknown }; slots: Array<{ value: unknown }> };
      expect(slots.text).toBeInstanceOf(Slot);
      expect(slots.text.value === null || typeof slots.text.value === 'string').toBe(true);
      for (const slot of slots.slots) expect(slot.value === null || slot.value instanceof Slot).toBe(true);
    }
  });

  it('says what the messages say: a method is a function, a nominal class an instance of it', () => {
    const issues = (type: string, text: string) => built.validators(type).fullIssues(valueOf(text)).map((issue) => issue.message);
    expect(issues('Greeter', "{ name: 'Ada', onDone: () => {} }")).toEqual(['Missing required property: expected function']);
    expect(issues('Account', "{ owner: 'Ada', deposit: (amount: number) => amount }")).toEqual(['Wrong type: expected an instance of Account']);
    expect(issues('Link', '"https://example.com"')).toEqual(['Wrong type: expected an instance of URL']);
  });
});

describe('a class with non-public members that generated code cannot import', () => {
  it('is refused by validate, located at the class (CG5001): its validator could only lie or not compile', () => {
    const { model } = analyze(fixtureInput('methods-unimportable'));
    const found = validateGenerator.check!(model, { split: 'file' } as never, CONTEXT).map((d) => `${d.code} ${d.severity} ${d.line}:${d.column} ${d.message}`);
    expect(found).toEqual([
      'CG5001 error 3:7 validate cannot check Vault: a class with non-public members has no values but its instances, which its validator tests with `instanceof`, but it is not exported, so generated code cannot import it as a value.',
      'CG5001 error 9:7 validate cannot check Ledger: a class with non-public members has no values but its instances, which its validator tests with `instanceof`, but it is exported with `export type` only, so generated code cannot import it as a value.',
    ]);
  });
});
