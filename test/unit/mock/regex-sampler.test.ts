/** The kit's regex sampler: strings from a pattern within a length window, or a clean refusal. */
import { describe, expect, it } from 'vitest';
import { sampleRegex, UnsupportedRegexError } from '../../../src/generators/kit/regex-sampler.js';

const matchAll = (source: string, flags: string, samples: string[]): boolean => samples.every((sample) => new RegExp(source, flags).test(sample));

describe('sampleRegex', () => {
  it.each([
    ['^[A-Z]{3}-\\d+$', ''],
    ['^(red|green|blue)(-(light|dark))?$', ''],
    ['^hello$', 'i'],
    ['^\\w+\\s\\w+$', ''],
    ['^[^\\s@]+@[^\\s@]+\\.[a-z]{2,}$', ''],
    ['^\\u00e9\\x41\\.{2}(?:ab)*(?<tail>c|d)?$', ''],
    ['^[\\d.+-]{3,5}$', ''],
  ])('samples /%s/%s', (source, flags) => {
    const samples = sampleRegex({ source, flags, count: 8 });
    expect(samples.length).toBeGreaterThan(0);
    expect(matchAll(source, flags, samples)).toBe(true);
  });

  it('meets a length window by choosing repetition counts', () => {
    const samples = sampleRegex({ source: '^[a-z]+(\\.[a-z]+)*@x\\.com$', minLength: 40, maxLength: 41, count: 5 });
    expect(samples).toHaveLength(5);
    for (const sample of samples) expect(sample.length === 40 || sample.length === 41).toBe(true);
    expect(sampleRegex({ source: '^(ab|cde)+$', minLength: 7, maxLength: 7, count: 10 }).sort()).toEqual(['ababcde', 'abcdeab', 'cdeabab']);
  });

  it('returns nothing when the window cannot be met, the same samples for the same seed', () => {
    expect(sampleRegex({ source: '^[a-z]{10}$', maxLength: 4, count: 4 })).toEqual([]);
    expect(sampleRegex({ source: '^\\d{4}$', count: 4, seed: 9 })).toEqual(sampleRegex({ source: '^\\d{4}$', count: 4, seed: 9 }));
  });

  it("writes a backreference as its group's text, as the engine reads it (regex-backrefs.ts)", () => {
    expect(sampleRegex({ source: '^(a)\\1$', count: 4 })).toEqual(['aa']);
    const doubled = sampleRegex({ source: '^(?<w>[a-z]{2,5})-\\k<w>$', count: 8, seed: 4 });
    expect(doubled).toHaveLength(8);
    for (const sample of doubled) expect(sample.slice(0, sample.indexOf('-'))).toBe(sample.slice(sample.indexOf('-') + 1));
    expect(sampleRegex({ source: '^(?=(\\w+)-)\\w+-\\1$', count: 4, seed: 4 })).toHaveLength(4);
    // A group not taken, and one cleared by the quantifier's last iteration, match the empty string.
    expect(sampleRegex({ source: '^(?:(a)|b)\\1c$', count: 4 })).toEqual(['aac', 'bc']);
    expect(sampleRegex({ source: '^(?:(x)|y)y\\1$', count: 4 })).toEqual(['xyx', 'yy']);
    // No string in the window: none; one whose lookahead beside exponential backtracking cannot be confirmed: refused.
    expect(sampleRegex({ source: '^(\\d{4})-\\1$', maxLength: 8, count: 4 })).toEqual([]);
    expect(() => sampleRegex({ source: '^(?=(a+)+b)\\1b$', count: 1 })).toThrow(UnsupportedRegexError);
  });

  it('gives up cleanly on lookarounds other than leading lookaheads', () => {
    expect(() => sampleRegex({ source: '^a(?=b)b$', count: 1 })).toThrow(UnsupportedRegexError);
    expect(() => sampleRegex({ source: '^(?<=a)b$', count: 1 })).toThrow(UnsupportedRegexError);
    expect(() => sampleRegex({ source: '^(?=.*(?<=a)b).+$', count: 1 })).toThrow(UnsupportedRegexError);
  });

  it('samples leading lookaheads: the rest of the pattern fitted to each, confirmed by the pattern', () => {
    const password = '^(?=.*\\d)(?=.*[a-z])(?=.*[A-Z])(?=.*[^\\w\\s]).{8,64}$';
    const samples = sampleRegex({ source: password, count: 16, seed: 3 });
    expect(samples).toHaveLength(16);
    for (const sample of samples) expect(sample).toMatch(new RegExp(password, 'u'));
    // Deterministic: the same seed gives the same samples.
    expect(sampleRegex({ source: password, count: 16, seed: 3 })).toEqual(samples);
    expect(sampleRegex({ source: '^(?=a)a$', count: 4 })).toEqual(['a']);
    expect(sampleRegex({ source: '^(?!admin$)(?!root$)[a-z]{4,5}$', count: 40 }).filter((s) => s === 'admin')).toEqual([]);
    // The window applies to the whole string; a lookahead no string of the rest meets gives none.
    for (const sample of sampleRegex({ source: '^(?=.*\\d).{8,64}$', maxLength: 9, count: 8 })) expect([...sample].length).toBeLessThanOrEqual(9);
    expect(sampleRegex({ source: '^(?=.*\\d)[a-z]{3}$', count: 4 })).toEqual([]);
    // A part that may backtrack exponentially: no candidate could be confirmed by running the pattern.
    expect(() => sampleRegex({ source: '^(?=(a+)+b).+$', count: 4 })).toThrow(/backtrack exponentially/);
  });
});
