/**
 * Keys whose value may be `undefined` (issue 9, B2's OpenAPI side): a key written without `?` is
 * required whatever its type, so `label: string | undefined` is in the schema's `required` as
 * the validators test `"label" in value`, and `?` keys (also through `Partial`, `?` mapped types)
 * are not. JSON cannot carry `undefined`, so on every JSON value the document's schema (ajv),
 * `isT` and `validateT` give TypeScript's verdict: interfaces, aliases of `T | undefined`,
 * `unknown`, classes (fields, parameter properties, a subclass), `Partial`/`Required`/`Pick`/
 * `Omit`, `Record` and mapped types over literal keys, intersections, generics instantiated with
 * `T | undefined`, and a `?` key an interface makes required. Fixture openapi/undefined-keys.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, freshLiteralVerdicts, judgedAlike, type BuiltCase, type JudgedCase } from '../type-forms/helpers.js';

const PLAIN = { label: 'a', maybe: 'b', payload: 1 };

const CASES: JudgedCase[] = [
  ['Plain', PLAIN, true, true],
  ['Plain', { ...PLAIN, note: 'n' }, true, true],
  ['Plain', {}, false, true],
  ['Plain', { maybe: 'b', payload: 1 }, false, true],
  ['Plain', { label: 'a', payload: 1 }, false, true],
  ['Plain', { label: 'a', maybe: 'b' }, false, true],
  ['Plain', { ...PLAIN, label: null }, false, true],
  ['Entry', { title: 'a' }, true, true],
  ['Entry', { count: 1 }, false, true],
  ['Made', { name: 'a' }, true, true],
  ['Made', { size: 1 }, false, true],
  ['Child', { title: 'a', extra: true }, true, true],
  ['Child', { title: 'a' }, false, true],
  ['Loose', {}, true, true],
  ['Strict', { label: 'a', note: 'b' }, true, true],
  ['Strict', { label: 'a' }, false, true],
  ['Strict', { note: 'b' }, false, true],
  ['NoNote', PLAIN, true, true],
  ['NoNote', { maybe: 'a', payload: 1 }, false, true],
  ['Slots', { a: 1, b: 2 }, true, true],
  ['Slots', { a: 1 }, false, true],
  ['Flags', { on: true, off: false }, true, true],
  ['Flags', {}, false, true],
  ['OptionalFlags', {}, true, true],
  ['MaybeSlots', {}, true, true],
  ['Counts', { a: 1 }, true, true],
  ['Counts', { a: 'x' }, false, true],
  ['Both', { x: 'a', y: 1 }, true, true],
  ['Both', { y: 1 }, false, true],
  ['Boxes', { maybe: { value: 'a' }, sure: { value: 'b' } }, true, true],
  ['Boxes', { maybe: {}, sure: { value: 'b' } }, false, true],
  ['Boxes', { maybe: { value: 'a' }, sure: {} }, false, true],
  ['Narrowed', { tag: 'a' }, true, true],
  ['Narrowed', {}, false, true],
  ['Odd', { either: null }, false, true],
  ['Odd', {}, false, true],
];

let built: BuiltCase;
beforeAll(async () => {
  built = await buildCase('../openapi/undefined-keys', { 'verdicts.ts': freshLiteralVerdicts(CASES, './input/keys.js') });
}, 120_000);

describe('keys whose value may be undefined, in the OpenAPI document and the validators', () => {
  it('generates without diagnostics and compiles under tsc --strict, tsc agreeing with every verdict', () => {
    expect(built.diagnostics).toEqual([]);
    expect(built.compileErrors).toBe('');
  });

  it('lists every key written without ? in required, and no ? key', () => {
    const required = (type: string) => (built.document.components!.schemas![type] as { required?: string[] }).required ?? [];
    expect(required('Plain')).toEqual(['label', 'maybe', 'payload']);
    expect(required('Entry')).toEqual(['title']);
    expect(required('Made')).toEqual(['name']);
    expect(required('Child')).toEqual(['extra', 'title']);
    expect(required('Loose')).toEqual([]);
    expect(required('Strict')).toEqual(['label', 'note']);
    expect(required('NoNote')).toEqual(['label', 'maybe', 'payload']);
    expect(required('Slots')).toEqual(['a', 'b']);
    expect(required('Flags')).toEqual(['on', 'off']);
    expect(required('OptionalFlags')).toEqual([]);
    expect(required('MaybeSlots')).toEqual([]);
    expect(required('Narrowed')).toEqual(['tag']);
    expect(required('Odd')).toEqual(['gone', 'nothing', 'either']);
  });

  judgedAlike(CASES, () => built);

  it.each(['Plain', 'Entry', 'Made', 'Child', 'Loose', 'Strict', 'NoNote', 'Slots', 'Flags', 'OptionalFlags', 'MaybeSlots', 'Counts', 'Both', 'Boxes', 'Narrowed'])(
    '100 mocks of %s pass the validators, and their JSON the schema',
    (type) => {
      expect(failingMocks(built, type)).toEqual([]);
    },
  );
});
