/**
 * Numeric keys of `as const` objects in odd forms (tester s9 T5): `keyof typeof { [-3]: … } as
 * const` made `validateNumKey` fail `tsc --strict`, since its `validateWith(value, …)` took its
 * type argument from the return type and TypeScript widened it to `number` there. Every generated
 * generic call now names its type argument. Verdicts marked `true` are tsc's own (the verdicts
 * file compiles only if they hold).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, freshLiteralVerdicts, judgedAlike, type BuiltCase, type JudgedCase } from '../type-forms/helpers.js';

const HOLDER = { key: -3, form: 16, fraction: -2.5, value: 'neg', code: -20, keys: [1, -3], byKey: { [-3]: 7, 1: -1 } };

const CASES: JudgedCase[] = [
  ['NumKey', -3, true, true],
  ['NumKey', 1, true, true],
  ['NumKey', 3, false, true],
  ['NumKey', '-3', false, true],
  ['NumKey', '1', false, true],
  ['FormKey', 16, true, true],
  ['FormKey', 3, true, true],
  ['FormKey', 1000, true, true],
  ['FormKey', 0x11, false, true],
  ['FormKey', '0x10', false, true],
  ['FormKey', '1e3', false, true],
  ['FractionKey', -2.5, true, true],
  ['FractionKey', 0.5, true, true],
  ['FractionKey', -1, true, true],
  ['FractionKey', 2.5, false, true],
  ['FractionKey', 1, false, true],
  ['KeyValue', 'neg', true, true],
  ['KeyValue', 'three', false, true],
  ['Code', -20, true, true],
  ['Code', 20, false, true],
  ['Code', '-1', false, true],
  ['Holder', HOLDER, true, true],
  ['Holder', { ...HOLDER, key: 3 }, false, true],
  ['Holder', { ...HOLDER, keys: [1, 3] }, false, true],
  // Not a key of the record: an extra key, which tsc takes in a value that is not a fresh literal.
  ['Holder', { ...HOLDER, byKey: { 3: 7 } }, true],
  ['Holder', { ...HOLDER, byKey: { [-3]: 8 } }, false, true],
];

let built: BuiltCase;
beforeAll(async () => {
  built = await buildCase('keyof-typeof-numbers', { 'verdicts.ts': freshLiteralVerdicts(CASES, './input/keys.js') });
}, 120_000);

describe('numeric keys of as-const objects', () => {
  it('compiles under tsc --strict, with tsc agreeing with the verdicts', () => {
    expect(built.compileErrors).toBe('');
  });

  judgedAlike(CASES, () => built);

  it('gives back the value itself as validateT\'s data', () => {
    expect(built.validators('NumKey').data(-3)).toBe(-3);
    expect(built.validators('Holder').data(HOLDER)).toBe(HOLDER);
  });

  it('mocks pass the validators and the schema', () => {
    for (const type of ['NumKey', 'FormKey', 'FractionKey', 'KeyValue', 'Code', 'Holder']) expect(failingMocks(built, type), type).toEqual([]);
  });
});
