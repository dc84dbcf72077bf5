/**
 * Issue 9 C3: a required `unknown` property requires its key (TypeScript rejects `{}` for
 * `{ payload: unknown }`), while any value passes; a property typed `undefined` is optional as
 * `| undefined` is (JSON cannot carry `undefined`: the key is absent). `isT`, `validateT` and
 * the OpenAPI schema agree; the verdicts are tsc's own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

const EVENT: Verdict[] = [
  { value: { payload: 1, either: null }, valid: true },
  { value: { payload: null, either: 'x' }, valid: true },
  { value: { payload: { deep: [1] }, extra: 'x', either: 0 }, valid: true },
  { value: { either: 1 }, valid: false },
  { value: { payload: 1 }, valid: false },
  { value: {}, valid: false },
];

const HOLDER: Verdict[] = [
  { value: { wrapped: { value: 'x' }, list: [], pair: [null, 'a'] }, valid: true },
  { value: { wrapped: {}, list: [], pair: [null, 'a'] }, valid: false },
  { value: { wrapped: { value: 0 }, list: [], pair: ['a'] }, valid: false },
];

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('required-unknown', {
    'event-verdicts.ts': verdictFile('Event', './input/events.js', EVENT, { structural: true }),
    'holder-verdicts.ts': verdictFile('Holder', './input/events.js', HOLDER),
  });
}, 120_000);

describe('required unknown and undefined properties', () => {
  it('compile under tsc --strict, and TypeScript agrees with every verdict below', () => {
    expect(built.compileErrors).toBe('');
  });

  for (const [type, verdicts] of [['Event', EVENT], ['Holder', HOLDER]] as const) {
    for (const { value, valid } of verdicts) {
      it(`${type}: ${JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'}, for the validators and the OpenAPI schema`, () => {
        expect(built.validators(type).accepts(value)).toBe(valid);
        expect(built.schemaAccepts(type, value)).toBe(valid);
      });
    }
  }

  it('reports the missing key of a required unknown at its path', () => {
    expect(built.validators('Event').issues({ either: 1 })).toEqual(['/payload required']);
  });

  it('accepts a present key holding undefined, as TypeScript does', () => {
    expect(built.validators('Event').accepts({ payload: undefined, either: undefined })).toBe(true);
  });

  it('reads a property typed undefined as an absent key, the same way in isT, validateT and OpenAPI', () => {
    const nothing = built.validators('Nothing');
    expect(nothing.accepts({})).toBe(true);
    expect(nothing.accepts({ nothing: undefined })).toBe(true);
    expect(built.schemaAccepts('Nothing', {})).toBe(true);
    for (const value of [{ nothing: null }, { nothing: 0 }, { maybe: 'x' }]) {
      expect(nothing.accepts(value)).toBe(false);
      expect(built.schemaAccepts('Nothing', value)).toBe(false);
    }
    expect(nothing.issues({ nothing: null })).toEqual(['/nothing type']);
  });

  it('lists required unknown keys as required in OpenAPI', () => {
    expect((built.document.components!.schemas!['Event'] as { required: string[] }).required).toEqual(['payload', 'either']);
    expect(built.document.components!.schemas!['Nothing']).not.toHaveProperty('required');
  });

  it('mocks pass the validators and the schema', () => {
    for (const type of ['Event', 'Nothing', 'Holder']) expect(failingMocks(built, type)).toEqual([]);
  });
});
