import { describe, expect, it } from 'vitest';
import {
  docComment,
  identifierPart,
  NameAllocator,
  pointerSegment,
  propertyAccess,
  propertyKey,
  regexLiteral,
  stringLiteral,
} from '../../../src/generators/kit/emit.js';

/** Evaluates generated code in isolation, as the generated file would. */
const evaluate = (code: string): unknown => new Function(`return (${code});`)();

describe('safe emission', () => {
  it('writes any text as a string literal that evaluates back to it', () => {
    for (const text of ['plain', 'quote " and \' and `', 'back\\slash', '${injection}', 'line\nbreak', '\u2028\u2029', '*/']) {
      expect(evaluate(stringLiteral(text))).toBe(text);
    }
  });

  it('accesses properties with a dot only for identifiers', () => {
    expect(propertyAccess('value', 'name')).toBe('value.name');
    expect(propertyAccess('value', 'content-type')).toBe('value["content-type"]');
    expect(propertyAccess('value', 'x"]; process.exit(); //')).toBe('value["x\\"]; process.exit(); //"]');
    expect(propertyKey('123')).toBe('"123"');
  });

  it('escapes JSON Pointer segments', () => {
    expect(pointerSegment('a/b~c')).toBe('a~1b~0c');
  });

  it('emits regex literals that cannot break out of the literal', () => {
    const attempts = [
      { source: 'a/b', flags: '' },
      { source: '/; alert(1); /', flags: 'g' },
      { source: 'line\nbreak', flags: '' },
      { source: '[/]"\'`\\$\\{x\\}', flags: 'i' },
    ];
    for (const regex of attempts) {
      const literal = regexLiteral(regex);
      const compiled = evaluate(literal) as RegExp;
      expect(compiled).toBeInstanceOf(RegExp);
      // The one reading of a pattern: u always, g dropped.
      expect(compiled.source).toBe(new RegExp(regex.source, `${regex.flags.replace('g', '')}u`).source);
      expect(compiled.flags).toBe(regex.flags.includes('i') ? 'iu' : 'u');
    }
    expect(regexLiteral({ source: '(', flags: '' })).toBe('new RegExp("(", "u")');
    // TypeScript accepts a v literal only when targeting ES2024: the constructor compiles everywhere.
    expect(regexLiteral({ source: '[\\p{L}--[a-z]]', flags: 'v' })).toBe('new RegExp("[\\\\p{L}--[a-z]]", "v")');
  });

  it('writes doc comments that text cannot close early', () => {
    const comment = docComment({ description: 'Ends here */ or not\nsecond line', deprecated: 'use B */ instead' });
    expect(comment).toBe(['/**', ' * Ends here *\\/ or not', ' * second line', ' * @deprecated use B *\\/ instead', ' */'].join('\n'));
    expect(comment.indexOf('*/')).toBe(comment.length - 2);
    expect(docComment({})).toBe('');
    expect(docComment({ deprecated: true })).toBe('/** @deprecated */');
  });

  it('makes identifier parts and unique names', () => {
    expect(identifierPart('content-type', 'Property')).toBe('ContentType');
    expect(identifierPart('123abc', 'Property')).toBe('_123abc');
    expect(identifierPart('"*/"', 'Property')).toBe('Property');
    const names = new NameAllocator();
    names.reserve('isUser');
    expect([names.allocate('isUser'), names.allocate('x'), names.allocate('x')]).toEqual(['isUser2', 'x', 'x2']);
  });
});
