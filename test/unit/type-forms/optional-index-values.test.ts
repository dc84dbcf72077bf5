/**
 * Two spellings of an optional index, and `void` as a property type (fixture
 * analyzer/optional-index-values, tester s6 G-a and G-b), read as tsc reads them: Prisma's
 * `{ [K in string]?: JsonValue }` holds `undefined` values as `Partial<Record<string, V>>` does,
 * and Stripe's `deleted?: void` holds only what `undefined` holds (was CG2004 and unchecked).
 * tsc's verdict on each valid value is compiled; JSON-only values are asked of the schema too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';

type Case = [type: string, value: unknown, valid: boolean, text: string];

const SETTINGS = { data: {}, partial: {}, mapped: {}, plain: {} };
const LIVE = { id: 'cus_1' };

const CASES: Case[] = [
  ['Settings', SETTINGS, true, '{ data: {}, partial: {}, mapped: {}, plain: {} }'],
  ['Settings', { ...SETTINGS, data: { a: undefined } }, true, '{ data: { a: undefined }, partial: {}, mapped: {}, plain: {} }'],
  ['Settings', { ...SETTINGS, data: { a: { b: undefined, c: [1, 'x', null] } } }, true, '{ data: { a: { b: undefined, c: [1, "x", null] } }, partial: {}, mapped: {}, plain: {} }'],
  ['Settings', { ...SETTINGS, partial: { a: undefined } }, true, '{ data: {}, partial: { a: undefined }, mapped: {}, plain: {} }'],
  ['Settings', { ...SETTINGS, mapped: { a: undefined, b: 1 } }, true, '{ data: {}, partial: {}, mapped: { a: undefined, b: 1 }, plain: {} }'],
  ['Settings', { ...SETTINGS, plain: { a: undefined } }, false, ''],
  ['Settings', { ...SETTINGS, data: { a: () => 1 } }, false, ''],
  ['Customer', LIVE, true, '{ id: "cus_1" }'],
  ['Customer', { ...LIVE, deleted: undefined }, true, '{ id: "cus_1", deleted: undefined }'],
  ['Customer', { ...LIVE, deleted: 'yes' }, false, ''],
  ['Customer', { ...LIVE, deleted: null }, false, ''],
  ['Customer', { ...LIVE, deleted: true }, false, ''],
  ['Holder', { customer: LIVE, done: undefined }, true, '{ customer: { id: "cus_1" }, done: undefined }'],
  ['Holder', { customer: { id: 'cus_2', deleted: true }, done: undefined, maybe: 'x' }, true, '{ customer: { id: "cus_2", deleted: true as const }, done: undefined, maybe: "x" }'],
  ['Holder', { customer: LIVE, done: undefined, maybe: undefined }, true, '{ customer: { id: "cus_1" }, done: undefined, maybe: undefined }'],
  ['Holder', { customer: LIVE }, false, ''],
  ['Holder', { customer: { id: 'x', deleted: 'yes' }, done: undefined }, false, ''],
  ['Holder', { customer: LIVE, done: 1 }, false, ''],
  ['Holder', { customer: LIVE, done: undefined, maybe: 1 }, false, ''],
];

let built: BuiltCase;

/** TypeScript's verdicts: every valid case, written with its `undefined`s, assigned to its type. */
function verdicts(): string {
  const lines = ["import type * as T from './input/shapes.js';"];
  CASES.forEach(([type, , valid, text], i) => {
    if (valid) lines.push(`const v${i} = ${text};`, `export const t${i}: T.${type} = v${i};`);
  });
  return `${lines.join('\n')}\n`;
}

/** A value JSON cannot carry as it is: `undefined` or a function somewhere in it. */
const notJson = (value: unknown): boolean =>
  value === undefined || typeof value === 'function' || (typeof value === 'object' && value !== null && Object.values(value).some(notJson));

beforeAll(async () => {
  built = await buildCase('optional-index-values', { 'verdicts.ts': verdicts() });
}, 180_000);

describe('optional index values and void, as tsc reads them', () => {
  it('compiles under tsc --strict, and TypeScript accepts each valid value', () => {
    expect(built.compileErrors).toBe('');
  });

  for (const [type, value, valid] of CASES) {
    it(`${type}: ${JSON.stringify(value)}${notJson(value) ? ' (with undefined or a function)' : ''} is ${valid ? 'valid' : 'invalid'}`, () => {
      expect(built.validators(type).accepts(value)).toBe(valid);
      expect(built.validators(type).issues(value).length === 0).toBe(valid);
      // JSON carries no undefined nor functions: the schema is asked about plain JSON values only.
      if (!notJson(value)) expect(built.schemaAccepts(type, value)).toBe(valid);
    });
  }

  it('reads void without a diagnostic', () => {
    expect(built.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  });

  it('mocks values that pass the validators and the schema', () => {
    for (const type of ['Settings', 'Customer']) expect(failingMocks(built, type)).toEqual([]);
  });
});
