/** The small pieces of schema writing, as data: patterns with flags, nullable forms, unions, intersections. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { patternProblems, patternText } from '../../../src/generators/openapi/schemas/pattern.js';
import { schemaContext } from '../../../src/generators/openapi/schemas/type-schema.js';
import { withNull } from '../../../src/generators/openapi/schemas/unions.js';
import { createDeclarationIndex } from '../../../src/generators/kit/declaration-index.js';
import type { Declaration, TypeNode } from '../../../src/model/types.js';

const declaration = (name: string, type: TypeNode): Declaration => ({
  id: name,
  name,
  kind: 'interface',
  source: { file: 'input/a.ts', line: 1, column: 1 },
  exported: true,
  docs: {},
  generators: ['openapi'],
  internal: false,
  type,
});

const context = schemaContext(
  createDeclarationIndex({
    declarations: [
      declaration('Open', { kind: 'object', strict: false, properties: [] }),
      declaration('Closed', {
        kind: 'object',
        strict: true,
        properties: [{ name: 'id', type: { kind: 'string' }, optional: false, nullable: false, readonly: false, docs: {}, source: { file: 'input/a.ts', line: 2, column: 3 } }],
      }),
    ],
  }),
);

describe('patterns', () => {
  it('folds the i flag into the pattern, leaving escapes, classes and group names intact', () => {
    const text = patternText({ source: '^(?<word>ab\\d[x-z]é)$', flags: 'i' });
    expect(text).toBe('^(?<word>[aA][bB]\\d[x-zX-Z][\\u{E9}\\u{C9}])$');
    const matches = (value: string) => new RegExp(text!, 'u').test(value);
    expect(['ab1xé', 'AB2Yé', 'aB9zÉ'].map(matches)).toEqual([true, true, true]);
    expect(['ac1xé', 'ab1aé', 'ab1x1'].map(matches)).toEqual([false, false, false]);
  });

  it('gives each letter every character /…/iu matches: k the Kelvin sign, s the long s, [^k] none of them', () => {
    const words = ['k', 'K', '\u212A', 's', 'S', '\u017F', 'x'];
    for (const source of ['^k$', '^[k]$', '^[^k]$', '^s$', '^\\w$', '^\\W$', '^[a-z]$']) {
      const folded = new RegExp(patternText({ source, flags: 'i' })!, 'u');
      const engine = new RegExp(source, 'iu');
      expect(words.map((word) => folded.test(word)), source).toEqual(words.map((word) => engine.test(word)));
    }
  });

  it('writes the s and m flags into the pattern as the engine reads them', () => {
    const dotAll = new RegExp(patternText({ source: '^a.b$', flags: 's' })!, 'u');
    expect(['a\nb', 'a\u{1F600}b', 'ab'].map((text) => dotAll.test(text))).toEqual([true, true, false]);
    const multiline = new RegExp(patternText({ source: '^b$', flags: 'm' })!, 'u');
    const engine = /^b$/mu;
    for (const text of ['a\nb', 'b\r\na', 'ab', 'b', 'a\u2028b\u2029']) expect(multiline.test(text), JSON.stringify(text)).toBe(engine.test(text));
  });

  it('keeps a pattern without flags as written, names what it cannot write, and leaves such a pattern out', () => {
    expect(patternText({ source: '^a/b$', flags: '' })).toBe('^a/b$');
    expect(patternText({ source: '^\\p{L}$', flags: 'gy' })).toBe('^\\p{L}$');
    expect(patternProblems({ source: '^a$', flags: 'gimsuy' })).toEqual([]);
    expect(patternProblems({ source: '^\\p{Lu}\\b(a)\\1$', flags: 'i' })).toEqual(['the flag i on \\p{Lu}', 'the flag i on \\b', 'the flag i on a backreference']);
    expect(patternText({ source: '^[\\p{L}--[a-z]]$', flags: 'v' })).toBeUndefined();
    expect(patternProblems({ source: '^[\\p{L}--[a-z]]$', flags: 'v' })).toEqual(['the flag v, so the pattern is left out (it is no pattern in u mode, which JSON Schema reads patterns in)']);
    // Without what it cannot say, the schema would refuse what the validator takes: /(a)\1/i takes 'aA', /\p{L}/iu takes U+0345.
    expect(patternText({ source: '^(a)\\1$', flags: 'i' })).toBeUndefined();
    // A property case folding leaves as it is needs no i: Cyrillic letters fold to Cyrillic letters, upper case ones do not stay upper case.
    expect(patternText({ source: '^\\p{sc=Cyrillic}[\\p{N}a]$', flags: 'i' })).toBe('^\\p{sc=Cyrillic}[\\p{N}aA]$');
    expect(patternText({ source: '^\\p{Lu}$', flags: 'i' })).toBeUndefined();
    expect(patternText({ source: '^\\p{L}a$', flags: 'iv' })).toBeUndefined();
    expect(patternProblems({ source: '^\\p{L}a$', flags: 'iv' })).toEqual(['the flag v (the pattern is read in u mode, as JSON Schema reads patterns)', 'the flag i on \\p{L}']);
  });
});

describe('nullable forms', () => {
  it('adds "null" to a type of its own, to an enum, and turns a const into an enum', () => {
    expect(withNull({ type: 'string', minLength: 1 })).toEqual({ type: ['string', 'null'], minLength: 1 });
    expect(withNull({ type: 'string', enum: ['a', 'b'] })).toEqual({ type: ['string', 'null'], enum: ['a', 'b', null] });
    expect(withNull({ type: 'number', const: 42 })).toEqual({ type: ['number', 'null'], enum: [42, null] });
  });

  it('adds an anyOf branch beside a $ref or a composition', () => {
    expect(withNull({ $ref: '#/components/schemas/A' })).toEqual({ anyOf: [{ $ref: '#/components/schemas/A' }, { type: 'null' }] });
    expect(withNull({ anyOf: [{ type: 'string' }, { $ref: '#/components/schemas/A' }] })).toEqual({
      anyOf: [{ type: 'string' }, { $ref: '#/components/schemas/A' }, { type: 'null' }],
    });
  });
});

describe('unions and intersections', () => {
  it('folds literal unions into an enum and bare types into a type list', () => {
    const literals: TypeNode = { kind: 'union', members: [{ kind: 'literal', value: 'a' }, { kind: 'literal', value: 1 }, { kind: 'null' }] };
    expect(context.schemaOf(literals)).toEqual({ enum: ['a', 1, null] });
    expect(context.schemaOf({ kind: 'union', members: [{ kind: 'literal', value: 'a' }, { kind: 'literal', value: 'b' }] })).toEqual({ type: 'string', enum: ['a', 'b'] });
    expect(context.schemaOf({ kind: 'union', members: [{ kind: 'string' }, { kind: 'boolean' }] })).toEqual({ type: ['string', 'boolean'] });
  });

  it('writes an intersection with a @strict member as the one object it means', () => {
    const schema = context.schemaOf({ kind: 'intersection', members: [{ kind: 'ref', id: 'Closed' }, { kind: 'object', strict: false, properties: [{ name: 'name', type: { kind: 'string' }, optional: true, nullable: false, readonly: false, docs: {}, source: { file: 'input/a.ts', line: 3, column: 3 } }] }] });
    expect(schema).toEqual({ type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } }, required: ['id'], additionalProperties: false });
    const validate = new Ajv2020().compile(schema);
    expect([validate({ id: 'a', name: 'n' }), validate({ id: 'a', other: 1 })]).toEqual([true, false]);
  });

  it('keeps allOf of refs when no member is strict', () => {
    expect(context.schemaOf({ kind: 'intersection', members: [{ kind: 'ref', id: 'Open' }, { kind: 'ref', id: 'Open' }] })).toEqual({
      allOf: [{ $ref: '#/components/schemas/Open' }, { $ref: '#/components/schemas/Open' }],
    });
  });
});
