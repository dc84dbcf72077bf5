/**
 * `@format url` means one thing everywhere: an absolute `http`, `https` or `ftp` URI (RFC 3986)
 * with a host. `isT`, `validateT`, the OpenAPI schema (ajv with ajv-formats: `format: uri` and the
 * validator's own expression as the pattern) and the mocks agree on every value below.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { URL_PATTERN } from '../../../src/generators/openapi/schemas/scalars.js';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';

const VALID = [
  'ftp://7#z0',
  'FTp://u/C',
  'http://localhost:8080/a/b?c=d&e#f',
  'https://user:pw@example.org/a%20b/;x=1',
  'https://example.org',
  'http://192.168.0.1/',
  "https://example.org/(x)!$&'*+,;=:@~_-.",
];

const INVALID = [
  'mailto:someone@example.org',
  'https:example.org',
  'http://',
  'http:///path',
  'http://a b',
  'http://a/<x>',
  'http://[::1]/',
  'https://bücher.de',
  'http://a/%zz',
  'ftp://h#a#b',
  'ws://example.org',
  ' http://a',
];

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('url-format', {}, { formatted: true });
}, 120_000);

describe('@format url', () => {
  it('compiles under tsc --strict', () => {
    expect(built.compileErrors).toBe('');
  });

  for (const [home, valid] of [...VALID.map((url) => [url, true] as const), ...INVALID.map((url) => [url, false] as const)]) {
    it(`${JSON.stringify(home)} is ${valid ? 'a' : 'no'} url for isT, validateT and the schema`, () => {
      const value = { home, secure: 'https://example.org' };
      expect(built.validators('Links').accepts(value)).toBe(valid);
      expect(built.validators('Links').issues(value).length === 0).toBe(valid);
      expect(built.schemaAccepts('Links', value)).toBe(valid);
    });
  }

  it('holds a url beside its own pattern to both, in the validator and the schema', () => {
    for (const [secure, valid] of [['https://example.org/x', true], ['http://example.org', false], ['https:example.org', false]] as const) {
      expect(built.validators('Links').accepts({ home: 'https://a', secure })).toBe(valid);
      expect(built.schemaAccepts('Links', { home: 'https://a', secure })).toBe(valid);
    }
  });

  it('writes the validator’s expression as the schema’s pattern, under format uri', () => {
    const home = (built.document.components!.schemas!['Links'] as { properties: Record<string, { format?: string; pattern?: string }> }).properties['home']!;
    expect(home).toEqual({ type: 'string', format: 'uri', pattern: URL_PATTERN });
    const runtime = readFileSync('test/.tmp/type-forms/url-format/generated/validation.ts', 'utf8');
    const literal = /const URL_PATTERN =\s*\/(.*)\/;/.exec(runtime)?.[1];
    expect(literal).toBe(URL_PATTERN);
  });

  it('mocks pass the validators and the schema', () => {
    expect(failingMocks(built, 'Links')).toEqual([]);
  });
});
