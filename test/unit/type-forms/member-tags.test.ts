/**
 * Constraint tags on an index signature and on tuple elements (fixture analyzer/member-tags,
 * tester s6 S13): applied to the values the index holds and to the element, in `isT`,
 * `validateT`, the OpenAPI schema (ajv) and the mocks; a tag of the wrong kind is CG2006 there,
 * as on a property.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, type BuiltCase, failingMocks, judgedAlike } from './helpers.js';

type Case = [type: string, value: unknown, valid: boolean];

const CASES: Case[] = [
  ['Sig', {}, true],
  ['Sig', { a: 'xy' }, true],
  ['Sig', { a: 'x' }, false],
  ['Sig', { a: 'xy', b: '' }, false],
  ['Counts', { total: -1 }, true],
  ['Counts', { total: 1.5, a: 2 }, true],
  ['Counts', { total: 1, a: -1 }, false],
  ['Counts', { total: 1, a: 0.5 }, false],
  ['Slots', { name: 'long name', 0: 'abc' }, true],
  ['Slots', { name: 'n', 0: 'abcd' }, false],
  ['UsesTup', { t: [0, 'abc'], u: ['ab'], r: ['h'] }, true],
  ['UsesTup', { t: [-1, 'abc'], u: ['ab'], r: ['h'] }, false],
  ['UsesTup', { t: [0, 'abcd'], u: ['ab'], r: ['h'] }, false],
  ['UsesTup', { t: [0, ''], u: ['ab', 10], r: ['h', 1, 2] }, true],
  ['UsesTup', { t: [0, ''], u: ['Ab'], r: ['h'] }, false],
  ['UsesTup', { t: [0, ''], u: ['ab', 11], r: ['h'] }, false],
  ['UsesTup', { t: [0, ''], u: ['ab'], r: [''] }, false],
  ['UsesTup', { t: [0, ''], u: ['ab'], r: ['h', 1, 0] }, false],
  ['Copies', { p: { a: 'xy' }, r: {} }, true],
  ['Copies', { p: { a: 'x' }, r: {} }, false],
  ['Copies', { p: {}, r: { a: 'x' } }, false],
];

let built: BuiltCase;

/** TypeScript's verdicts: every valid case assigned, as a non-fresh value, to its type. */
function verdicts(): string {
  const lines = ["import type * as T from './input/shared.js';"];
  CASES.forEach(([type, value, valid], i) => {
    if (valid) lines.push(`const v${i} = ${JSON.stringify(value)};`, `export const t${i}: T.${type} = v${i} as T.${type};`);
  });
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  built = await buildCase('member-tags', { 'verdicts.ts': verdicts() });
}, 180_000);

describe('tags on index signatures and tuple elements', () => {
  it('compiles under tsc --strict', () => {
    expect(built.compileErrors).toBe('');
  });

  judgedAlike(CASES, () => built);

  it('reports a tag of the wrong kind at the tag (CG2006), and nothing else', () => {
    expect(built.diagnostics.map((d) => `${d.severity} ${d.code} ${d.line}:${d.column} ${d.message}`)).toEqual([
      'error CG2006 34:7 @minLength applies to strings, but Wrong[key] is number.',
      'error CG2006 38:29 @maximum applies to numbers and bigints, but UsesWrongTup.w[0] is string.',
    ]);
  });

  it('mocks values that pass the validators and the schema', () => {
    for (const type of ['Sig', 'Counts', 'Slots', 'UsesTup', 'Copies']) expect(failingMocks(built, type)).toEqual([]);
  });
});
