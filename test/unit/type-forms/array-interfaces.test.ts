/**
 * Issue 9 C5: an interface or class extending `Array<T>` or `ReadonlyArray<T>` (directly, through
 * another interface, generic, with methods) is an array of `T`, with the constraints of the
 * alias written as `T`; one with members of its own is CG2004, a JSON array cannot carry them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

const VERDICTS: Verdict[] = [
  { property: 'tags', value: [], valid: true },
  { property: 'tags', value: ['a', 'b'], valid: true },
  { property: 'tags', value: [1], valid: false },
  { property: 'tags', value: {}, valid: false },
  { property: 'frozen', value: [1, 2], valid: true },
  { property: 'frozen', value: ['1'], valid: false },
  { property: 'more', value: ['x'], valid: true },
  { property: 'more', value: [null], valid: false },
  { property: 'row', value: [0], valid: true },
  { property: 'row', value: [true], valid: false },
  { property: 'list', value: [true], valid: true },
  { property: 'list', value: ['true'], valid: false },
];

const POST = { tags: [], slugs: [], frozen: [], more: [], row: [], list: [] };

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('array-interfaces', { 'post-verdicts.ts': verdictFile('Post', './input/tags.js', VERDICTS) });
}, 120_000);

describe('interfaces and classes extending Array', () => {
  it('compile under tsc --strict, and TypeScript agrees with every verdict below', () => {
    expect(built.compileErrors).toBe('');
  });

  for (const { property, value, valid } of VERDICTS) {
    it(`Post.${property} = ${JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'}, for the validators and the OpenAPI schema`, () => {
      const candidate = { ...POST, [property!]: value };
      expect(built.validators('Post').accepts(candidate)).toBe(valid);
      expect(built.schemaAccepts('Post', candidate)).toBe(valid);
    });
  }

  it('keeps the constraints of the alias written as the item type', () => {
    expect(built.validators('Slugs').accepts(['ok'])).toBe(true);
    expect(built.validators('Slugs').issues(['ok', 'Not'])).toEqual(['/1 pattern']);
  });

  it('is an array schema in OpenAPI', () => {
    expect(built.document.components!.schemas!['Tags']).toEqual({ type: 'array', items: { type: 'string' } });
  });

  it('reports members of its own as unsupported, at the interface', () => {
    expect(built.diagnostics.map((d) => `${d.code} ${d.line} ${d.message}`)).toEqual([
      "CG2004 13 Unsupported type 'Helpers' (Helpers).",
      "CG2004 19 Unsupported type 'Labelled' (Labelled).",
    ]);
  });

  it('mocks pass the validators and the schema', () => {
    for (const type of ['Post', 'Tags', 'Slugs', 'Frozen']) expect(failingMocks(built, type)).toEqual([]);
  });
});
