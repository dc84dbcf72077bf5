/**
 * Issue 9 C3: a required `unknown` property requires its key (TypeScript rejects `{}` for
 * `{ payload: unknown }`), while any value passes; so does a property typed `undefined` without
 * `?` (a key without `?` is required, whatever its type), which then holds `undefined`: no JSON
 * value has it, and openapi says so at the property. `isT`, `validateT` and the OpenAPI schema
 * agree; the verdicts are tsc's own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkOpenapi } from '../../../src/generators/openapi/check.js';
import { withDefaults } from '../../../src/generators/openapi/options.js';
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

  it('requires the key of a property typed undefined, holding undefined, in isT and validateT', () => {
    const nothing = built.validators('Nothing');
    expect(nothing.accepts({ nothing: undefined })).toBe(true);
    expect(nothing.accepts({ nothing: undefined, maybe: undefined })).toBe(true);
    for (const value of [{}, { nothing: null }, { nothing: 0 }, { nothing: undefined, maybe: 'x' }]) expect(nothing.accepts(value)).toBe(false);
    expect(nothing.issues({})).toEqual(['/nothing required']);
    expect(nothing.issues({ nothing: null })).toEqual(['/nothing type']);
  });

  it('gives Nothing a schema no JSON value satisfies, as no JSON value is a Nothing, and warns at the property', () => {
    for (const value of [{}, { nothing: null }, { nothing: 0 }, { maybe: 'x' }]) {
      expect(built.validators('Nothing').accepts(value)).toBe(false);
      expect(built.schemaAccepts('Nothing', value)).toBe(false);
    }
    const warnings = checkOpenapi(built.model, withDefaults({})).filter((diagnostic) => diagnostic.message.includes('Nothing'));
    expect(warnings.map((warning) => [warning.severity, warning.line, warning.message])).toEqual([
      ['warning', 15, 'openapi: Nothing: nothing is typed undefined without `?`: the key is required, but JSON cannot carry undefined, so no JSON value satisfies the schema.'],
    ]);
  });

  it('lists every key without ? as required in OpenAPI', () => {
    expect((built.document.components!.schemas!['Event'] as { required: string[] }).required).toEqual(['payload', 'either']);
    expect((built.document.components!.schemas!['Nothing'] as { required: string[] }).required).toEqual(['nothing']);
  });

  it('mocks pass the validators and the schema', () => {
    for (const type of ['Event', 'Holder']) expect(failingMocks(built, type)).toEqual([]);
    for (let seed = 0; seed < 20; seed += 1) expect(built.validators('Nothing').issues(built.mock('Nothing', seed))).toEqual([]);
  });
});
