/**
 * Issue 9 (A3's kind, without named properties): `Record<number, V>`, `{ [i: number]: V }` and an
 * intersection with one (`Closed & Record<number, string>`) constrain only the keys TypeScript
 * calls numeric (`String(Number(key)) === key`); TypeScript allows every other key in a value
 * typed elsewhere (an object literal written in place is held to the excess property check, a
 * parsed JSON value never is). Both indexes without properties keep the number one. The
 * verdicts are tsc's own, compiled structurally, as a validator sees parsed JSON.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

const EMPTIES: Verdict[] = [
  { value: {}, valid: true },
  { value: { x: 1, '01': 'a', '1e3': true, '-0': 0, ' 1': 2 }, valid: true },
  // Numeric-looking but not what String prints: other keys, as the schema's pattern says too.
  { value: { '1e+5': 1, '0.0000001': 1, '123456789012345678901': 1, '1e+400': 1 }, valid: true },
  { value: { 0: 1 }, valid: false },
  { value: { NaN: 1 }, valid: false },
  { value: { Infinity: 'x' }, valid: false },
  { value: { '-1.5': null }, valid: false },
];

const LABELS: Verdict[] = [
  { value: { 0: 'a', 2.5: 'b', name: 1 }, valid: true },
  { value: { 0: 1 }, valid: false },
];

const BY_INDEX: Verdict[] = [
  { value: { 0: true, other: 'x' }, valid: true },
  { value: { 1: 'no' }, valid: false },
];

const INDEXED: Verdict[] = [
  { value: { name: 'n' }, valid: true },
  { value: { name: 'n', 0: 'x', other: 1, '01': 2 }, valid: true },
  { value: { name: 'n', 0: 1 }, valid: false },
  { value: { 0: 'x' }, valid: false },
];

const NARROWED: Verdict[] = [
  { value: { a: 'x', b: 2, 0: 1 }, valid: true },
  { value: { a: 'x', 0: 'y' }, valid: false },
  { value: { a: true }, valid: false },
];

let built: BuiltCase;

beforeAll(async () => {
  const file = (type: string, verdicts: Verdict[]) => verdictFile(type, './input/records.js', verdicts, { structural: true });
  built = await buildCase('number-records', {
    'empties-verdicts.ts': file('Empties', EMPTIES),
    'labels-verdicts.ts': file('Labels', LABELS),
    'by-index-verdicts.ts': file('ByIndex', BY_INDEX),
    'indexed-verdicts.ts': file('Indexed', INDEXED),
    'narrowed-verdicts.ts': file('Narrowed', NARROWED),
  });
}, 120_000);

describe('number index signatures without named properties', () => {
  it('compile under tsc --strict, and TypeScript agrees with every verdict below', () => {
    expect(built.compileErrors).toBe('');
  });

  for (const [type, verdicts] of [['Empties', EMPTIES], ['Labels', LABELS], ['ByIndex', BY_INDEX], ['Indexed', INDEXED], ['Narrowed', NARROWED]] as const) {
    for (const { value, valid } of verdicts) {
      it(`${type}: ${JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'}, for isT, validateT and the OpenAPI schema`, () => {
        expect(built.validators(type).accepts(value)).toBe(valid);
        expect(built.validators(type).issues(value).length === 0).toBe(valid);
        // JSON has no undefined: a numeric key of Empties is never valid there, so the schema says the same.
        expect(built.schemaAccepts(type, value)).toBe(valid);
      });
    }
  }

  it('reports a numeric key at its path and nothing for the others', () => {
    expect(built.validators('Labels').issues({ 0: 1, x: 1, 3: 'ok' })).toEqual(['/0 type']);
    expect(built.validators('Holder').issues({ labels: { 7: false, note: false } })).toEqual(['/labels/7 type']);
  });

  it('under @strict, the record member declares the numeric keys and no other', () => {
    const strict = built.validators('StrictIndexed');
    expect(strict.accepts({ name: 'n', 0: 'x', 1.5: 'y' })).toBe(true);
    expect(strict.issues({ name: 'n', other: 'x' })).toEqual(['/other additionalProperties']);
    expect(strict.issues({ name: 'n', 0: 1 }).length).toBeGreaterThan(0);
    expect(built.schemaAccepts('StrictIndexed', { name: 'n', 0: 'x' })).toBe(true);
    expect(built.schemaAccepts('StrictIndexed', { name: 'n', other: 'x' })).toBe(false);
  });

  it('is patternProperties for numeric keys in OpenAPI, other keys left open', () => {
    const labels = built.document.components!.schemas!['Labels'] as any;
    expect(Object.values(labels.patternProperties)).toEqual([{ type: 'string' }]);
    expect(labels.propertyNames).toBeUndefined();
    expect(labels.additionalProperties).toBeUndefined();
  });

  it('mocks pass the validators and the schema', () => {
    for (const type of ['Labels', 'ByIndex', 'Indexed', 'StrictIndexed', 'Narrowed', 'Holder']) expect(failingMocks(built, type, 40)).toEqual([]);
  });
});
