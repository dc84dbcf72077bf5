/**
 * Issue 9 (left item 8a): TypeScript's weak-type rule (TS2559) in unions. A member whose
 * properties are all optional matches an object only when the object has no keys or one the
 * member declares, so `{ a: 's' }` is no `{ a?: number } | { b?: string }` (it was accepted as
 * the second member with an extra key). The validators, the coercing `validateT` and the OpenAPI
 * schema (`anyOf` of `maxProperties: 0` and `required` per key) say the same; outside unions
 * (and beside `null` alone) the rule is not applied, as docs/validate.md "Weak types" says.
 * The verdicts are tsc's own, through a variable (no excess property check on a fresh literal).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

const EITHER: Verdict[] = [
  { value: {}, valid: true },
  { value: { a: 1 }, valid: true },
  { value: { b: 's' }, valid: true },
  { value: { a: 1, c: 1 }, valid: true },
  { value: { a: 's', b: 't' }, valid: true },
  { value: { a: 's' }, valid: false },
  { value: { c: 1 }, valid: false },
  { value: { b: 1 }, valid: false },
  { value: [], text: '[] as number[]', valid: false },
];

const REFS: Verdict[] = [
  { value: { a: 1 }, valid: true },
  { value: { c: true, d: 1 }, valid: true },
  { value: { a: 'x' }, valid: false },
  { value: { d: 1 }, valid: false },
];

const WITH_STRING: Verdict[] = [
  { value: 'x', valid: true },
  { value: {}, valid: true },
  { value: { a: 2 }, valid: true },
  { value: { c: 1 }, valid: false },
];

const MIXED: Verdict[] = [
  { value: { k: 'x', c: 1 }, text: "{ k: 'x' as const, c: 1 }", valid: true },
  { value: { a: 1 }, valid: true },
  { value: { c: 1 }, valid: false },
  { value: { a: 'no' }, valid: false },
];

const BOTH: Verdict[] = [
  { value: { a: 1, b: 'x' }, valid: true },
  { value: { b: 'x', d: 1 }, valid: true },
  { value: { c: true }, valid: true },
  { value: { d: 1 }, valid: false },
  { value: { b: 2 }, valid: false },
];

const HOLDER = { either: { a: 1 }, refs: null, list: [{ a: 1 }, { b: 'x' }, {}] };

const HOLDERS: Verdict[] = [
  { value: HOLDER, valid: true },
  { value: { ...HOLDER, either: { c: 1 } }, valid: false },
  { value: { ...HOLDER, refs: { d: 1 } }, valid: false },
  // Typed apart: an array literal of both would give each element the other's keys as `?: undefined`.
  { value: { ...HOLDER, list: [{ a: 1 }, { d: 1 }] }, text: '{ either: { a: 1 }, refs: null, list: [{ a: 1 }, { d: 1 } as { d: number }] }', valid: false },
];

const CASES = [
  ['Either', EITHER],
  ['Refs', REFS],
  ['WithString', WITH_STRING],
  ['Mixed', MIXED],
  ['Both', BOTH],
  ['Holder', HOLDERS],
] as const;

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase(
    'weak-unions',
    Object.fromEntries(CASES.map(([type, verdicts]) => [`${type.toLowerCase()}-verdicts.ts`, verdictFile(type, './input/weak.js', verdicts, { structural: true })])),
  );
}, 120_000);

describe('weak members of unions (TS2559)', () => {
  it('compile under tsc --strict, and TypeScript agrees with every verdict below', () => {
    expect(built.compileErrors).toBe('');
    expect(built.diagnostics).toEqual([]);
  });

  for (const [type, verdicts] of CASES) {
    for (const { value, valid } of verdicts) {
      it(`${type}: ${JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'} for isT, validateT, assertT and the schema`, () => {
        expect(built.validators(type).accepts(value)).toBe(valid);
        expect(built.schemaAccepts(type, value)).toBe(valid);
      });
    }
  }

  it('outside a union, and beside null alone, extra keys pass as for any type without @strict', () => {
    for (const type of ['Lone', 'Nullable']) {
      expect(built.validators(type).accepts({ c: 1 })).toBe(true);
      expect(built.schemaAccepts(type, { c: 1 })).toBe(true);
    }
    expect(built.validators('Nullable').accepts(null)).toBe(true);
  });

  it('a weak member still checks its own keys; an object matching no member is one union issue', () => {
    expect(built.validators('Refs').issues({ a: -1 })).toEqual([' union']);
    expect(built.validators('Refs').accepts({ a: -1 })).toBe(false);
    expect(built.validators('WithString').issues({ c: 1 })).toEqual([' union']);
  });

  it('the schema says it with anyOf of maxProperties 0 and required per key', () => {
    const schema = built.document.components!.schemas!['Either'] as { anyOf: Array<{ anyOf?: unknown }> };
    expect(schema.anyOf[1]!.anyOf).toEqual([{ maxProperties: 0 }, { required: ['b'] }]);
  });

  it('mocks pass the validators and the schema', () => {
    for (const [type] of CASES) expect(failingMocks(built, type, 40)).toEqual([]);
  });
});
