/**
 * JSDoc constraints through redeclared properties (tester s18 F1): a subclass's `override code =
 * 'abc'` or `declare code: string`, a sub-interface's `code: string`, keep the tags the ancestors
 * wrote on `code`, as class-validator decorators already did. Every JLeaf is a JMid, so isJLeaf
 * must reject what isJMid rejects; the OpenAPI schemas and the seeded mocks agree with the validators.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, judgedAlike, type BuiltCase, type JudgedCase } from '../type-forms/helpers.js';

const CASES: JudgedCase[] = [
  ['JLeaf', { code: 'abc', rev: 2 }, true],
  ['JLeaf', { code: 'abcd', rev: 2 }, false],
  ['JLeaf', { code: 'abc', rev: 0 }, false],
  ['JLeaf2', { code: 'abcd', rev: 1 }, false],
  ['JLeaf2', { code: 'ab', rev: 1 }, true],
  // Two levels down, its own `@minLength 2` and `@maximum 9` beside the inherited bounds.
  ['JLeafLeaf', { code: 'ab', rev: 9 }, true],
  ['JLeafLeaf', { code: 'a', rev: 9 }, false],
  ['JLeafLeaf', { code: 'abcd', rev: 9 }, false],
  ['JLeafLeaf', { code: 'ab', rev: 10 }, false],
  ['JLeafLeaf', { code: 'ab', rev: 0 }, false],
  ['ILeaf', { code: 'abc' }, true],
  ['ILeaf', { code: 'abcd' }, false],
  // Two bases: IMid's `@maxLength 3` (through ILeaf) and IOther's `@pattern`, `@minItems 1`, and its own `@maxItems 3`.
  ['IBoth', { code: 'abc', tags: ['t'] }, true],
  ['IBoth', { code: 'abcd', tags: ['t'] }, false],
  ['IBoth', { code: 'AB', tags: ['t'] }, false],
  ['IBoth', { code: 'ab', tags: [] }, false],
  ['IBoth', { code: 'ab', tags: ['a', 'b', 'c', 'd'] }, false],
  // A narrower type (a template) still under `@maxLength 3`.
  ['INarrow', { code: 'xyz' }, true],
  ['INarrow', { code: 'xyzw' }, false],
  ['FromClass', { code: 'abcd', rev: 1 }, false],
  ['FromClass', { code: 'abc', rev: 1 }, true],
  // `implements` is no inheritance: IMid's `@maxLength 3` is not Implementer's.
  ['Implementer', { code: 'abcdef' }, true],
  // A quoted name is inherited as any other.
  ['QLeaf', { 'code-2': 'abcd' }, false],
  ['QLeaf', { 'code-2': 'abc' }, true],
];

let built: BuiltCase;
beforeAll(async () => {
  built = await buildCase('inherited-tags');
}, 120_000);

describe('JSDoc constraints on redeclared properties', () => {
  it('compiles under tsc --strict', () => {
    expect(built.compileErrors).toBe('');
  });

  judgedAlike(CASES, () => built);

  it('writes the inherited bounds in the OpenAPI schema', () => {
    expect(built.document.components?.schemas?.['JLeaf']).toMatchObject({ properties: { code: { type: 'string', maxLength: 3 }, rev: { minimum: 1 } } });
    expect(built.document.components?.schemas?.['ILeaf']).toMatchObject({ properties: { code: { type: 'string', maxLength: 3 } } });
  });

  it('mocks pass the validators and the schema', () => {
  });
});
