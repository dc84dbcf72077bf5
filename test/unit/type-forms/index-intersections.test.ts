/**
 * Index signatures over the same keys intersected (`Record<string, unknown> & Record<string,
 * string>`): each key's value meets every member's value type, as TypeScript reads it. The
 * validators always said so; the mocks build one signature of the narrowest value type, so they
 * compile under tsc --strict and pass their validators.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

const CASES: Record<string, Verdict[]> = {
  Headers: [
    { value: { h: { accept: 'json', etag: '' } }, valid: true },
    { value: { h: { accept: 1 } }, valid: false },
    { value: { h: { accept: null } }, valid: false },
  ],
  Narrowed: [
    { value: { h: { a: 1, b: 2 } }, valid: true },
    { value: { h: { a: 3 } }, valid: false },
  ],
  Templates: [
    { value: { h: { 'x-a': 2 } }, valid: true },
    { value: { h: { 'x-a': 3 } }, valid: false },
  ],
  Widened: [
    { value: { h: { a: 's' } }, valid: true },
    { value: { h: { a: 1 } }, valid: false },
  ],
  Named: [
    { value: { h: { id: 'i', a: 's' } }, valid: true },
    { value: { h: { id: 'i', a: 1 } }, valid: false },
  ],
};

let built: BuiltCase;

beforeAll(async () => {
  const files = Object.fromEntries(Object.entries(CASES).map(([type, verdicts]) => [`${type.toLowerCase()}-verdicts.ts`, verdictFile(type, './input/records.js', verdicts)]));
  built = await buildCase('index-intersections', files);
}, 120_000);

describe('index signatures over the same keys, intersected', () => {
  it('compile under tsc --strict (mocks included), and TypeScript agrees with every verdict below', () => {
    expect(built.compileErrors).toBe('');
  });

  for (const [type, verdicts] of Object.entries(CASES)) {
    for (const { value, valid } of verdicts) {
      it(`${type}: ${JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'}, for isT, validateT and the OpenAPI schema`, () => {
        expect(built.validators(type).accepts(value)).toBe(valid);
        expect(built.validators(type).issues(value).length === 0).toBe(valid);
        expect(built.schemaAccepts(type, value)).toBe(valid);
      });
    }
  }

  it.each(Object.keys(CASES))('%s: mocks of 100 seeds pass isT and the schema', (type) => {
    expect(failingMocks(built, type)).toEqual([]);
  });
});
