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

  it('gives up cleanly on backreferences and lookarounds', () => {
    expect(() => sampleRegex({ source: '^(a)\\1$', count: 1 })).toThrow(UnsupportedRegexError);
    expect(() => sampleRegex({ source: '^(?=a)a$', count: 1 })).toThrow(UnsupportedRegexError);
  });
});
