/** Property names, literals, patterns and descriptions that could break or inject code: the `awkward` fixture run. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, loadGenerated, validatorsOf, type TypeValidators } from './helpers.js';

let awkward: TypeValidators;
let emailFormat: TypeValidators;
let validationIssue: TypeValidators;

beforeAll(async () => {
  const module = await loadGenerated('awkward', 'awkward.validate.ts');
  awkward = validatorsOf(module, 'Awkward');
  emailFormat = validatorsOf(module, 'EmailFormat');
  validationIssue = validatorsOf(module, 'ValidationIssue');
});

const valid = {
  'content-type': 'json',
  'say "hi"': 1,
  'back\\slash': true,
  'a/b~c': 'x',
  class: 'c',
  $dollar: 'd',
  '123start': 's',
  slashy: 'a/b"c\'7',
  quote: 'it\'s "quoted"',
  '*/': '${notTemplate}',
};

describe('awkward names and text', () => {
  it('reads every property by its exact name', () => {
    expect(awkward.accepts(valid)).toBe(true);
    expect(awkward.accepts({ ...valid, '*/': 'end */ of comment' })).toBe(true);
  });

  it('escapes names in JSON Pointer paths', () => {
    const broken = Object.fromEntries(Object.keys(valid).map((key) => [key, [] as unknown]));
    expect(awkward.issues(broken)).toEqual([
      '/content-type type',
      '/say "hi" type',
      '/back\\slash type',
      '/a~1b~0c type',
      '/class type',
      '/$dollar type',
      '/123start type',
      '/slashy type',
      '/quote enum',
      '/*~1 union',
    ]);
  });

  it('keeps quotes, slashes and backslashes of patterns and literals intact', () => {
    expect(awkward.issues({ ...valid, slashy: 'a/b"c\'x', quote: "it's quoted" })).toEqual(['/slashy pattern', '/quote enum']);
    expect(awkward.fullIssues({ ...valid, '*/': '${other}' })[0]?.expected).toBe('"end */ of comment" | "${notTemplate}"');
  });

  it('never lets a description close the doc comment', () => {
    const code = readFileSync(join(FIXTURES_DIR, 'awkward', 'expected', 'awkward.validate.ts'), 'utf8');
    const comments = code.match(/\/\*\*[\s\S]*?\*\//g) ?? [];
    expect(comments.some((comment) => comment.includes('a comment closer *\\/, a template ${injection}'))).toBe(true);
  });

  it('aliases runtime names that user types already take', () => {
    expect(emailFormat.accepts({ address: 'a@b.co' })).toBe(true);
    expect(emailFormat.issues({ address: 'nope' })).toEqual(['/address format']);
    expect(validationIssue.issues({ message: 1 })).toEqual(['/message type']);
  });
});
