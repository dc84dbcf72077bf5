/** The pattern programs the mock generator compiles from `@pattern`, and the patterns it leaves to samples. */
import { describe, expect, it } from 'vitest';
import { lengths, patternProgram, programCode } from '../../../src/generators/mock/compile/pattern-program.js';

const program = (source: string, flags = '', low = 0, high = Infinity): string | undefined => {
  const compiled = patternProgram({ source, flags }, low, high);
  return compiled === undefined ? undefined : programCode(compiled);
};

describe('patternProgram', () => {
  it('keeps literal text as text, classes as merged code-point ranges, and drops the end anchors', () => {
    expect(program('^97[89][0-9]{10}$')).toBe('{ seq: ["97", [56, 57], { rep: [48, 57], min: 10, max: 10 }] }');
    expect(program('^(?:red|blue)$')).toBe('{ alt: ["red", "blue"] }');
    expect(program('^a$|^b$')).toBe('{ alt: ["a", "b"] }');
    expect(program('[c-e\\d]')).toBe('[48, 57, 99, 101]');
  });

  it('complements negated classes within printable ASCII, leaving out other cases under i', () => {
    expect(program('^[^ -a]$')).toBe('[98, 126]');
    expect(program('^[^A-Z]$', 'i')).toBe('[32, 64, 91, 96, 123, 126]');
  });

  it('caps unbounded repeats like the sampler, and every repeat at what the window allows', () => {
    expect(program('^a+$')).toBe('{ rep: "a", min: 1, max: 7 }');
    expect(program('^a*b{0,50}$', '', 0, 4)).toBe('{ seq: [{ rep: "a", min: 0, max: 4 }, { rep: "b", min: 0, max: 4 }] }');
    const wide = patternProgram({ source: '^x{0,100000}$', flags: '' }, 0, Infinity)!;
    expect(lengths(wide)[1]).toBe(10_000);
  });

  it('has no program for what it cannot express or a window it cannot reach', () => {
    expect(program('^\\bword\\b$')).toBeUndefined();
    expect(program('^a^b$')).toBeUndefined();
    expect(program('^(a)\\1$')).toBeUndefined();
    expect(program('^(?=a)a$')).toBeUndefined();
    // Every pattern is read in Unicode mode: a class of astral characters draws whole code points, u written or not.
    expect(program('^[😀-😎]$')).toBe('[128512, 128526]');
    expect(program('^[😀-😎]$', 'u')).toBe('[128512, 128526]');
    expect(program('^[a-z]{3}$', '', 5, 9)).toBeUndefined();
    expect(program('^[a-z]+$', '', 50, 60)).toBeUndefined(); // the samples reach it; a capped program does not
  });
});
