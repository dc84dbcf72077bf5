/**
 * Index signatures over some of the string keys (fixture analyzer/pattern-keys): a template
 * literal key holds the undeclared keys that match it to its value type, other keys follow
 * `@strict`; `Uppercase<string>` and its kin hold the keys they leave unchanged; a key alias's
 * constraints are checked on every key (`propertyNames`). `isT`, `validateT` and the OpenAPI
 * schema (ajv) agree on each value; where `tsc` says (`tsc: true`) TypeScript agrees too: a
 * non-fresh value of the case is assigned to the type in a verdict file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, type BuiltCase, failingMocks, judgedAlike } from './helpers.js';

type Case = [type: string, value: unknown, valid: boolean, tsc?: boolean];

const CASES: Case[] = [
  // The tester's example: a key of the template holds a number.
  ['R', { r: { 'x-a': 1, 'x-': 2 } }, true, true],
  ['R', { r: { 'x-a': 'str' } }, false, true],
  ['R', { r: { other: 'str' } }, true, true],
  ['Signature', { r: { 'x-a': 'str' } }, false, true],
  ['Signature', { r: { 'x-a': 2, y: 'any' } }, true, true],
  ['Mapped', { r: { 'x-a': 'str' } }, false, true],
  ['Mapped', { r: { 'x-b': 3 } }, true, true],
  ['Pixels', { r: { '10px': true, '1.5px': false } }, true, true],
  ['Pixels', { r: { '10px': 'yes' } }, false, true],
  ['Pixels', { r: { 'apx': 'not a number key' } }, true, true],
  ['Either', { r: { 'a-1': 1, 'b-2': 2 } }, true, true],
  ['Either', { r: { 'b-2': 'two' } }, false, true],
  ['WithId', { r: { id: 1, 'x-a': 2 } }, true, true],
  ['WithId', { r: { 'x-a': 2 } }, false, true],
  ['WithId', { r: { id: 1, 'x-a': '2' } }, false, true],
  ['Named', { id: 'a', 'x-n': 1 }, true, true],
  ['Named', { id: 'a', 'x-n': 'one' }, false, true],
  ['Named', { 'x-n': 1 }, false, true],
  ['Both', { id: 'a', 'x-n': 1, other: true }, true, true],
  ['Both', { id: 'a', 'x-n': [] }, false, true],
  ['StrictBoth', { id: 'a', 'x-n': 1 }, true],
  ['StrictBoth', { id: 'a', other: 1 }, false],
  ['StrictBoth', { id: 'a', 'x-n': 'one' }, false],
  ['StrictRecord', { r: { 'x-n': 1 } }, true],
  ['StrictRecord', { r: { n: 1 } }, false],
  ['Values', { nested: { 'n-1': { a: 'x', b: [1] } }, arrays: { 'l-1': ['ABC'] }, coded: { 'c-1': 'XYZ' } }, true, true],
  ['Values', { nested: { 'n-1': { a: 'x', b: ['1'] } }, arrays: {}, coded: {} }, false, true],
  ['Values', { nested: {}, optional: { 'o-1': 1 }, arrays: {}, coded: {} }, false, true],
  // Constraints of the value alias are kept: TypeScript accepts 'abc' as a Code, the validator does not.
  ['Values', { nested: {}, arrays: { 'l-1': ['abc'] }, coded: {} }, false],
  ['Values', { nested: {}, arrays: {}, coded: { 'c-1': 'abc' } }, false],
  ['Versions', { r: { 'v1.2': 'a', 'v1.2.3': 'held by no index' } }, true],
  ['Versions', { r: { 'v1.2': 1 } }, false, true],
  ['Upper', { r: { ABC: 1, 'A-1': 2 } }, true, true],
  ['Upper', { r: { ABC: 'one' } }, false, true],
  ['Upper', { r: { abc: 'not held' } }, true, true],
  // 'ß'.toUpperCase() is 'SS': no key of Uppercase<string>, so its value is free.
  ['Upper', { r: { ß: 'not held' } }, true, true],
  ['Lower', { r: { abc: 'one' } }, false, true],
  ['Lower', { r: { Abc: 'free' } }, true, true],
  ['Capital', { r: { Abc: 'one' } }, false, true],
  ['Capital', { r: { abc: 'free', '': 1 } }, true],
  ['StrictUpper', { r: { ABC: 1 } }, true],
  ['StrictUpper', { r: { abc: 1 } }, false],
  // Key aliases with constraints: checked on every key (TypeScript reads Slug as string).
  ['Slugs', { r: { abc: 1 } }, true, true],
  ['Slugs', { r: { Abc: 1 } }, false],
  ['Slugs', { r: { abc: 'one' } }, false, true],
  ['SlugSignature', { id: 1, abc: 2 }, true, true],
  ['SlugSignature', { id: 1, 'not-a-slug': 2 }, false],
  ['ShortKeys', { r: { 'x-ab': 1 } }, true, true],
  ['ShortKeys', { r: { 'x-abcdef': 1 } }, false],
  ['ShortKeys', { r: { 'y-abcdef': 'free' } }, true, true],
  // Through Partial, Readonly, Required (nested) and an alias of the record: the keys still meet Slug.
  ['SlugsThrough', { partial: { abc: 1 }, readonly: { ab: 2 }, required: {}, nested: { a: 'b' }, dict: { z: 3 } }, true, true],
  ['SlugsThrough', { partial: { Abc: 1 }, readonly: {}, required: {}, nested: {}, dict: {} }, false],
  ['SlugsThrough', { partial: {}, readonly: { 'a-b': 1 }, required: {}, nested: {}, dict: {} }, false],
  ['SlugsThrough', { partial: {}, readonly: {}, required: { A: 1 }, nested: {}, dict: {} }, false],
  ['SlugsThrough', { partial: {}, readonly: {}, required: {}, nested: { A: 'b' }, dict: {} }, false],
  ['SlugsThrough', { partial: {}, readonly: {}, required: {}, nested: { a: 'B' }, dict: {} }, false],
  ['SlugsThrough', { partial: {}, readonly: {}, required: {}, nested: {}, dict: { '1': 1 } }, false],
  ['SlugsThrough', { partial: { abc: 'one' }, readonly: {}, required: {}, nested: {}, dict: {} }, false, true],
  // `Slug | 'ID'` is string to TypeScript: 'ID' and any other key are keys (was: rejected as no Slug).
  ['SlugOrId', { r: { ID: 1, abc: 2, 'X-1': 3 } }, true, true],
  ['SlugOrId', { r: { ID: 'one' } }, false, true],
  ['Numbered', { r: { 0: 'a', 'x-a': 1 } }, true, true],
  ['Numbered', { r: { 0: 1 } }, false, true],
  ['Numbered', { r: { 'x-a': 'a' } }, false, true],
];

let built: BuiltCase;

/** TypeScript's verdicts: each `tsc` case assigned, as a non-fresh value, to its type. */
function verdicts(): string {
  const lines = ["import type * as T from './input/keys.js';"];
  CASES.forEach(([type, value, valid, tsc], i) => {
    if (!tsc) return;
    lines.push(`const v${i} = ${JSON.stringify(value)};`);
    if (!valid) lines.push('// @ts-expect-error');
    lines.push(`export const t${i}: T.${type} = v${i};`);
  });
  return lines.join('\n') + '\n';
}

beforeAll(async () => {
  built = await buildCase('pattern-keys', { 'verdicts.ts': verdicts() });
}, 180_000);

describe('pattern-keyed records and index signatures', () => {
  it('compiles under tsc --strict, and TypeScript agrees with each case marked tsc', () => {
    expect(built.compileErrors).toBe('');
  });

  judgedAlike(CASES, () => built);

  it('reports a key that misses its alias constraints as propertyNames, at the key', () => {
    expect(built.validators('Slugs').issues({ r: { Abc: 1 } })).toEqual(['/r/Abc propertyNames']);
    expect(built.validators('StrictBoth').issues({ id: 'a', other: 1 })).toEqual(['/other additionalProperties']);
    expect(built.validators('R').issues({ r: { 'x-a': 'str' } })).toEqual(['/r/x-a type']);
  });

  it('reports no CG2004 for the key forms it checks', () => {
    expect(built.diagnostics.filter((diagnostic) => diagnostic.code === 'CG2004')).toEqual([]);
  });

  it("says where a key alias's constraints are not checked (CG2021), and nowhere else", () => {
    expect(built.diagnostics.filter((diagnostic) => diagnostic.code === 'CG2021').map((diagnostic) => diagnostic.message)).toEqual([
      "The constraints of Slug do not reach the keys of SlugOrId.r: a key of `Slug | 'ID'` meets any one member, which one alias's constraints cannot say, so its keys are checked without them.",
    ]);
  });

  it('mocks keys of the template (and values) that pass the validators and the schema', () => {
    for (const type of new Set(CASES.map(([type]) => type))) expect(failingMocks(built, type)).toEqual([]);
    const keys = Array.from({ length: 20 }, (_, seed) => Object.keys((built.mock('R', seed) as { r: object }).r)).flat();
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((key) => key.startsWith('x-'))).toBe(true);
  });
});
