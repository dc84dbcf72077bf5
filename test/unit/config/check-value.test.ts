import { describe, expect, it } from 'vitest';
import { checkValue, describeSchema } from '../../../src/config/index.js';

describe('checkValue', () => {
  const dialects = { type: 'array', items: { enum: ['postgres', 'sqlite'] }, minItems: 1, uniqueItems: true };

  it('accepts a value that fits, and names each item that does not', () => {
    expect(checkValue(['postgres', 'sqlite'], dialects)).toEqual([]);
    expect(checkValue(['postgres', 'mysql'], dialects, ['dialects'])).toEqual([
      { kind: 'invalid', path: ['dialects', 1], expected: '"postgres" | "sqlite"', actual: 'mysql' },
    ]);
    expect(checkValue(['sqlite', 'sqlite'], dialects)).toHaveLength(1);
  });

  it('checks nested objects for unknown and missing keys', () => {
    const server = { type: 'object', properties: { url: { type: 'string' } }, required: ['url'], additionalProperties: false };
    expect(checkValue({ uri: 'x' }, server)).toEqual([
      { kind: 'missing-key', path: [], key: 'url' },
      { kind: 'unknown-key', path: ['uri'], allowed: ['url'] },
    ]);
  });

  it('accepts a value matching any alternative', () => {
    const input = { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };
    expect(checkValue('src', input)).toEqual([]);
    expect(checkValue([1], input)).toEqual([{ kind: 'invalid', path: [], expected: 'string | string[]', actual: [1] }]);
  });
});

describe('describeSchema', () => {
  it('writes the expected type in TypeScript notation', () => {
    expect(describeSchema({ enum: ['auto', true, false] })).toBe('"auto" | true | false');
    expect(describeSchema({ type: 'integer', minimum: 0 })).toBe('integer (>= 0)');
    expect(describeSchema({ type: ['object', 'null'] })).toBe('object | null');
    expect(describeSchema({ type: 'array', items: { enum: ['json', 'yaml'] } })).toBe('("json" | "yaml")[]');
  });
});
