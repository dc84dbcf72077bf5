/**
 * Issue 9 C4: the `object` keyword is any non-primitive: in JSON a plain object or an array
 * (functions are not data), in the validators and in OpenAPI alike; `{}` and `Object` accept
 * every value but null and undefined. The verdicts are tsc's own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

const VERDICTS: Verdict[] = [
  { property: 'meta', value: {}, valid: true },
  { property: 'meta', value: { a: 1 }, valid: true },
  { property: 'meta', value: [1, 'x'], valid: true },
  { property: 'meta', value: 'x', valid: false },
  { property: 'meta', value: 1, valid: false },
  { property: 'meta', value: null, valid: false },
  { property: 'maybe', value: null, valid: true },
  { property: 'maybe', value: true, valid: false },
  { property: 'many', value: [{}, []], valid: true },
  { property: 'many', value: [1], valid: false },
  { property: 'anything', value: 'x', valid: true },
  { property: 'anything', value: 0, valid: true },
  { property: 'anything', value: false, valid: true },
  { property: 'anything', value: [], valid: true },
  { property: 'anything', value: null, valid: false },
  { property: 'boxed', value: 'x', valid: true },
  { property: 'boxed', value: null, valid: false },
];

const META = { meta: {}, maybe: null, many: [], byKey: {}, anything: 1, boxed: 'b' };

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('object-keyword', { 'meta-verdicts.ts': verdictFile('Meta', './input/meta.js', VERDICTS) });
}, 120_000);

describe('the object keyword, {} and Object', () => {
  it('compile under tsc --strict, and TypeScript agrees with every verdict below', () => {
    expect(built.compileErrors).toBe('');
  });

  for (const { property, value, valid } of VERDICTS) {
    it(`Meta.${property} = ${JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'}, for the validators and the OpenAPI schema`, () => {
      const candidate = { ...META, [property!]: value };
      expect(built.validators('Meta').accepts(candidate)).toBe(valid);
      expect(built.schemaAccepts('Meta', candidate)).toBe(valid);
    });
  }

  it('requires the key of a required object', () => {
    const { meta: _meta, ...rest } = META;
    expect(built.validators('Meta').issues(rest)).toEqual(['/meta required']);
  });

  it('mocks pass the validators and the schema', () => {
    expect(failingMocks(built, 'Meta')).toEqual([]);
  });

  it('reports nothing (the keyword is supported)', () => {
    expect(built.diagnostics).toEqual([]);
  });
});
