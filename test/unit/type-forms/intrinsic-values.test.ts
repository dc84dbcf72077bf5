/**
 * `Uppercase<string>`, `Lowercase`, `Capitalize`, `Uncapitalize<string>` as value types: the
 * strings the mapping leaves unchanged, as TypeScript decides (`'ß'` is no `Uppercase<string>`:
 * it maps to `'SS'`), checked by the validators, the schema's patterns and met by the mocks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

const VALID = { u: 'AB-1', l: 'ab-1', c: 'Ab', n: 'aB', list: ['x', ''] };

const MAPPED: Verdict[] = [
  { value: VALID, valid: true },
  { value: { ...VALID, o: 'GET' }, valid: true },
  { value: { ...VALID, c: '', n: '', u: '' }, valid: true },
  { value: { ...VALID, u: 'ab' }, valid: false },
  { value: { ...VALID, u: 'ß' }, valid: false },
  { value: { ...VALID, l: 'AB' }, valid: false },
  { value: { ...VALID, c: 'ab' }, valid: false },
  { value: { ...VALID, n: 'Ab' }, valid: false },
  { value: { ...VALID, o: 'get' }, valid: false },
  { value: { ...VALID, list: ['x', 'Y'] }, valid: false },
];

const REQUESTS: Verdict[] = [
  { value: { method: 'POST' }, valid: true },
  { value: { method: 'post' }, valid: false },
];

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('intrinsic-values', {
    'mapped-verdicts.ts': verdictFile('Mapped', './input/mapped.js', MAPPED),
    'request-verdicts.ts': verdictFile('Request', './input/mapped.js', REQUESTS),
  });
}, 120_000);

describe('intrinsic string mappings as value types', () => {
  it('are read without CG2004, compile under tsc --strict, and TypeScript agrees with every verdict below', () => {
    expect(built.diagnostics.map((diagnostic) => diagnostic.code)).toEqual([]);
    expect(built.compileErrors).toBe('');
  });

  for (const [type, verdicts] of [['Mapped', MAPPED], ['Request', REQUESTS]] as const) {
    for (const { value, valid } of verdicts) {
      it(`${type}: ${JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'}, for isT, validateT and the OpenAPI schema`, () => {
        expect(built.validators(type).accepts(value)).toBe(valid);
        expect(built.validators(type).issues(value).length === 0).toBe(valid);
        expect(built.schemaAccepts(type, value)).toBe(valid);
      });
    }
  }

  it('reports a pattern issue at the value', () => {
    expect(built.validators('Mapped').issues({ ...VALID, u: 'ab' })).toEqual(['/u pattern']);
  });

  it.each(['Mapped', 'Request'])('%s: mocks of 100 seeds pass isT and the schema, the optional key sometimes there', (type) => {
    expect(failingMocks(built, type)).toEqual([]);
  });

  it('mocks the optional one on some seeds, upper-case', () => {
    const values = Array.from({ length: 20 }, (_, seed) => (built.mock('Mapped', seed) as { o?: string }).o).filter((o) => o !== undefined);
    expect(values.length).toBeGreaterThan(0);
    for (const o of values) expect(o).toBe(o!.toUpperCase());
  });
});
