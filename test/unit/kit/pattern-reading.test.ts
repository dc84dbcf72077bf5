/**
 * The one reading of a `@pattern` (src/model/pattern.ts): Unicode mode always, read by regexpp,
 * and what each part of the kit makes of it: the sampleable tree, the sets of Unicode
 * properties, the hint for a pattern only the legacy grammar accepts.
 */
import { describe, expect, it } from 'vitest';
import { unicodeRewrite } from '../../../src/analyzer/constraints/pattern-hint.js';
import { parseRegex, UnsupportedRegexError } from '../../../src/generators/kit/regex-parse.js';
import { sampleRegex } from '../../../src/generators/kit/regex-sampler.js';
import { scannedRanges } from '../../../src/generators/kit/regex-sets.js';
import { groupDepth, patternFlags, readPattern } from '../../../src/model/pattern.js';

const problem = (source: string, flags = '') => {
  const read = readPattern({ source, flags });
  return 'problem' in read ? read.problem : undefined;
};

describe('the reading of a pattern', () => {
  it('always has u (or v in its place), never g, y or d, in the engine order', () => {
    expect(patternFlags('')).toBe('u');
    expect(patternFlags('u')).toBe('u');
    expect(patternFlags('gi')).toBe('iu');
    expect(patternFlags('ysmdi')).toBe('imsu');
    expect(patternFlags('v')).toBe('v');
    expect(patternFlags('iv')).toBe('iv');
  });

  it('accepts the syntax of Unicode mode whether u is written or not', () => {
    for (const source of ['^\\p{L}+$', '\\P{Lu}', '\\p{Script=Greek}', '\\u{1F600}', '(?<name>a)\\k<name>', '(?<=a)b', '(?<!a)b', '^a/b$', '[\\-]', '\\/']) {
      expect(problem(source), source).toBeUndefined();
      expect(problem(source, 'u'), source).toBeUndefined();
    }
    expect(problem('[\\p{L}--[a-z]]', 'v')).toBeUndefined();
  });

  it('refuses what Unicode mode refuses, with the offset where the parser stopped', () => {
    expect(problem('\\-')).toEqual({ kind: 'syntax', message: 'Invalid escape', offset: 1 });
    expect(problem('[\\d-x]')).toMatchObject({ kind: 'syntax', message: 'Invalid character class' });
    expect(problem('a{')).toMatchObject({ kind: 'syntax', message: 'Incomplete quantifier' });
    expect(problem('\\p{Nope}')).toMatchObject({ kind: 'syntax', message: 'Invalid property name' });
    expect(problem('a', 'x')).toEqual({ kind: 'flags', message: "unknown flag 'x'" });
    expect(problem('a', 'uv')).toEqual({ kind: 'flags', message: "the flags 'u' and 'v' exclude each other" });
  });

  it('rewrites a legacy pattern for Unicode mode with its legacy meaning, and only then', () => {
    expect(unicodeRewrite('^\\-\\d+$', '')).toBe('^-\\d+$');
    expect(unicodeRewrite('^[\\w-.]+$', '')).toBe('^[\\w\\-.]+$');
    expect(unicodeRewrite('^a{$', '')).toBe('^a\\{$');
    expect(unicodeRewrite('^\\a\\/$', '')).toBe('^a\\/$');
    expect(unicodeRewrite('^[a-z/', '')).toBeUndefined(); // broken in both grammars
    expect(unicodeRewrite('^\\p{Greek$', '')).toBeUndefined(); // no guess between a property and text
    for (const [legacy, text] of [['^[\\w-.]+$', 'a-b.c'], ['^\\-\\d+$', '-12'], ['^a{$', 'a{']]) {
      expect(new RegExp(unicodeRewrite(legacy!, '')!, 'u').test(text!)).toBe(new RegExp(legacy!).test(text!));
    }
  });

  it('builds no tree for groups nested deeper than the parser may recurse, and never overflows the stack', () => {
    const deep = `${'('.repeat(5000)}a${')'.repeat(5000)}`;
    expect(groupDepth(deep)).toBe(5000);
    expect(groupDepth('[(((]\\((a)')).toBe(1);
    const read = readPattern({ source: deep, flags: '' });
    expect('reading' in read && read.reading.ast).toBe(undefined);
    expect(() => parseRegex(deep)).toThrow(UnsupportedRegexError);
    expect(() => parseRegex(deep)).toThrow('Groups nest more than 200 deep');
  });

  it('parses long patterns in linear time', () => {
    const long = `^(?:${Array.from({ length: 20_000 }, (_, i) => `w${i}`).join('|')})$`;
    expect(long.length).toBeGreaterThan(100_000);
    const tree = parseRegex(long);
    expect(tree.kind).toBe('sequence');
  });
});

describe('sets of Unicode properties', () => {
  it('are read off the engine as ranges of code points, astral ones included', () => {
    const greek = scannedRanges('\\p{Script=Greek}', 'u');
    expect(greek.some(([low, high]) => low <= 0x3b1 && high >= 0x3c9)).toBe(true); // α to ω
    expect(greek.some(([, high]) => high > 0xffff)).toBe(true);
    for (const [low, high] of greek) for (const code of [low, high]) expect(/\p{Script=Greek}/u.test(String.fromCodePoint(code))).toBe(true);
    expect(scannedRanges('[\\p{L}--[a-z]]', 'v')).toContainEqual([65, 90]);
    expect(scannedRanges('[\\p{L}--[a-z]]', 'v').some(([low, high]) => low <= 97 && high >= 97)).toBe(false);
  });

  it('make samples of \\p{…}, \\P{…} and classes holding them that the engine accepts', () => {
    for (const [source, flags] of [
      ['^\\p{L}{3}$', ''],
      ['^\\P{L}{3}$', ''],
      ['^[\\p{Lu}\\d]{4}$', 'u'],
      ['^[^\\p{L}]{2}$', ''],
      ['^\\p{sc=Cyrillic}{2}$', 'i'],
      ['^[\\p{L}--[a-z]]{3}$', 'v'],
    ] as const) {
      const samples = sampleRegex({ source, flags, count: 16 });
      expect(samples.length, source).toBeGreaterThan(0);
      for (const text of samples) expect(new RegExp(source, patternFlags(flags)).test(text), `${source} ${text}`).toBe(true);
    }
  });

  it('cannot sample what matches strings, backreferences or lookarounds', () => {
    expect(() => parseRegex('^\\p{RGI_Emoji}$', 'v')).toThrow('matches strings');
    expect(() => parseRegex('^[\\q{abc}]$', 'v')).toThrow('matches strings');
    expect(() => parseRegex('^(?<n>a)\\k<n>$')).toThrow('Backreferences cannot be sampled');
    expect(() => parseRegex('^(?<=a)b$')).toThrow('Lookarounds cannot be sampled');
    expect(parseRegex('^(?<n>ab)$')).toEqual(parseRegex('^(?:ab)$'));
  });
});
