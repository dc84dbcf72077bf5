/**
 * Issue 9: properties named like the members TypeScript's `Object` interface declares
 * (`valueOf: Cents`, `toString: Code`, `constructor: Tone`, `hasOwnProperty: Amount`…), typed by
 * constrained aliases, brands, enums and objects, required and optional, inline, in arrays, in
 * unions and intersections. TypeScript types `value.valueOf` of a `Record<string, unknown>` as
 * the inherited `() => Object`, so the checks of such a property did not compile (TS2345 for
 * `pattern.test(value.toString)`, TS2365 for `value.valueOf >= 0`): the object the validators
 * read redeclares these members `unknown`. The verdicts are tsc's own.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { OBJECT_MEMBERS } from '../../../src/model/object-members.js';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

const PRICED_VALUE = {
  valueOf: 5,
  toString: 'ABC',
  toLocaleString: 'ab',
  constructor: 'high',
  hasOwnProperty: { value: 1 },
  isPrototypeOf: 'b',
  propertyIsEnumerable: 2,
};
/** The same value as TypeScript source: an enum member and a brand are not written as literals. */
const PRICED_TEXT = `{ valueOf: 5, toString: 'ABC', toLocaleString: 'ab', constructor: 'high' as Priced['constructor'], hasOwnProperty: { value: 1 }, isPrototypeOf: 'b' as Priced['isPrototypeOf'], propertyIsEnumerable: 2 as Priced['propertyIsEnumerable'] }`;

const PRICED: Verdict[] = [
  { value: PRICED_VALUE, text: PRICED_TEXT, valid: true },
  { value: {}, valid: false },
  { value: { ...PRICED_VALUE, valueOf: 'five' }, text: PRICED_TEXT.replace('valueOf: 5', "valueOf: 'five'"), valid: false },
  { value: { ...PRICED_VALUE, hasOwnProperty: {} }, text: PRICED_TEXT.replace('{ value: 1 }', '{}'), valid: false },
  { value: { ...PRICED_VALUE, toString: 1 }, text: PRICED_TEXT.replace("toString: 'ABC'", 'toString: 1'), valid: false },
];

const MAYBE_PRICED: Verdict[] = [
  { value: PRICED_VALUE, text: PRICED_TEXT.replaceAll('Priced[', 'MaybePriced['), valid: true },
  // The inherited members are functions, which none of the types accepts: `{}` is not a MaybePriced.
  { value: {}, valid: false },
  { value: { valueOf: 5 }, valid: false },
];

const NESTED_VALUE = {
  inline: { valueOf: 1 },
  list: [{ constructor: 'high', valueOf: 'v' }],
  either: { valueOf: 2 },
};
const NESTED_TEXT = `{ inline: { valueOf: 1, toString: undefined }, list: [{ constructor: 'high' as Nested['list'][number]['constructor'], valueOf: 'v' }], either: { valueOf: 2 } }`;

const NESTED: Verdict[] = [
  { value: { ...NESTED_VALUE, inline: { valueOf: 1, toString: undefined } }, text: NESTED_TEXT, valid: true },
  { value: { ...NESTED_VALUE, inline: {} }, text: NESTED_TEXT.replace('{ valueOf: 1, toString: undefined }', '{}'), valid: false },
  { value: { ...NESTED_VALUE, list: [{ constructor: 'high', valueOf: 'x' }] }, text: NESTED_TEXT.replace("valueOf: 'v'", "valueOf: 'x'"), valid: false },
];

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase(
    'prototype-names',
    {
      'priced-verdicts.ts': verdictFile('Priced', './input/names.js', PRICED),
      'maybe-priced-verdicts.ts': verdictFile('MaybePriced', './input/names.js', MAYBE_PRICED),
      'nested-verdicts.ts': verdictFile('Nested', './input/names.js', NESTED),
    },
    { verdictCompilerOptions: { exactOptionalPropertyTypes: false }, formatted: true },
  );
}, 120_000);

describe('properties named like the members of Object', () => {
  it('compile under tsc --strict whatever their types, and TypeScript agrees with every verdict below', () => {
    expect(built.compileErrors).toBe('');
  });

  for (const [type, verdicts] of [['Priced', PRICED], ['MaybePriced', MAYBE_PRICED], ['Nested', NESTED]] as const) {
    for (const { value, valid } of verdicts) {
      it(`${type}: ${JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'} for isT and validateT`, () => {
        expect(built.validators(type).accepts(value)).toBe(valid);
        expect(built.validators(type).issues(value).length === 0).toBe(valid);
      });
    }
  }

  it("check each property's own constraints and type, at its path", () => {
    const wrong = { valueOf: -1, toString: 'abc', toLocaleString: 'x', constructor: 'no', hasOwnProperty: {}, isPrototypeOf: 1, propertyIsEnumerable: 3 };
    const issues = ['/valueOf minimum', '/toString pattern', '/toLocaleString minLength', '/constructor enum', '/hasOwnProperty/value required', '/isPrototypeOf type', '/propertyIsEnumerable enum'];
    expect(built.validators('Priced').issues(wrong)).toEqual(issues);
    expect(built.validators('MaybePriced').issues(wrong)).toEqual(issues);
    expect(built.validators('Merged').issues({ valueOf: -1, toString: 'ABC' })).toEqual(['/valueOf minimum']);
    expect(built.validators('Shape').issues({ constructor: 'square', toString: 'abc' })).toEqual(['/toString pattern']);
    expect(built.validators('Shape').accepts({ constructor: 'circle', valueOf: 3 })).toBe(true);
    expect(built.validators('Nested').issues({ ...NESTED_VALUE, inline: { valueOf: 1, toString: 'abc' } })).toEqual(['/inline/toString pattern']);
  });

  it('the object type the validators narrow to redeclares every member of Object', () => {
    const runtime = readFileSync('test/.tmp/type-forms/prototype-names/generated/validation.ts', 'utf8');
    const declaration = /export interface UnknownObject \{([^}]*)\}/.exec(runtime)?.[1] ?? '';
    expect(new Set(declaration.match(/\w+(?=\?: unknown)/g))).toEqual(OBJECT_MEMBERS);
  });

  it('mocks pass the validators and the schema', () => {
    for (const type of ['Priced', 'MaybePriced', 'Nested', 'Shape', 'Merged']) expect(failingMocks(built, type, 40)).toEqual([]);
  });
});
