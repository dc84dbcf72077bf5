/**
 * The regex sampler on extreme but legal patterns: long and nested quantifiers, large ranges,
 * alternations inside large repeats and `(a+)+$`-style expressions that send a backtracking
 * engine into exponential time. Each of these used to hang the plan phase; now each ends with
 * samples that match the pattern or with a `SampleLimitError` that names the limit.
 */
import { describe, expect, it } from 'vitest';
import { MAX_SAMPLE_LENGTH, SAMPLE_STEP_BUDGET, SampleLimitError, sampleRegex, UnsupportedRegexError } from '../../../src/generators/kit/regex-sampler.js';

const sample = (source: string, extra: { flags?: string; minLength?: number; maxLength?: number } = {}) => sampleRegex({ source, count: 16, ...extra });

describe('regex sampler limits', () => {
  it('samples a long fixed repetition: ^x{4000}$ gives the one string it allows', () => {
    expect(sample('^x{4000}$')).toEqual(['x'.repeat(4000)]);
  });

  it('samples up to MAX_SAMPLE_LENGTH code points and refuses longer matches by name', () => {
    expect(sample(`^x{${MAX_SAMPLE_LENGTH}}$`)).toEqual(['x'.repeat(MAX_SAMPLE_LENGTH)]);
    expect(() => sample(`^x{${MAX_SAMPLE_LENGTH + 1}}$`)).toThrow(SampleLimitError);
    expect(() => sample(`^x{${MAX_SAMPLE_LENGTH + 1}}$`)).toThrow("its shortest match has 10,001 characters, above the sampler's limit of 10,000");
    // The limit is a kind of "cannot be sampled", so callers that handle one handle both.
    expect(() => sample(`^x{${MAX_SAMPLE_LENGTH + 1}}$`)).toThrow(UnsupportedRegexError);
  });

  it('refuses nested repetitions whose shortest match is beyond the limit without expanding them', () => {
    expect(() => sample('(?:(?:x{1000}){1000})')).toThrow('its shortest match has 1,000,000 characters');
    expect(() => sample('^(?:(?:(?:x{1000}){1000}){1000})$')).toThrow('its shortest match has 1,000,000,000 characters');
    expect(() => sample(`^${'(?:'.repeat(8)}x{1000}${'){1000}'.repeat(8)}$`)).toThrow('its shortest match has more than 10^15 characters');
  });

  it('refuses a @minLength above the limit, but a window the pattern cannot meet stays "no sample"', () => {
    expect(() => sample('^[a-z]+$', { minLength: 50_000 })).toThrow('its shortest match has 50,000 characters');
    expect(sample('^x{20000}$', { maxLength: 100 })).toEqual([]);
  });

  it('caps large and open ranges at the limit', () => {
    const samples = sample('^x{0,1000000}$', { minLength: MAX_SAMPLE_LENGTH - 2 });
    expect(samples.length).toBeGreaterThan(0);
    for (const text of samples) expect(text).toMatch(/^x+$/);
    for (const text of samples) expect(text.length).toBeGreaterThanOrEqual(MAX_SAMPLE_LENGTH - 2);
    for (const text of samples) expect(text.length).toBeLessThanOrEqual(MAX_SAMPLE_LENGTH);
  });

  it('samples nested quantifiers over a nullable body, (?:(?:x?){1000}){1000}', () => {
    const samples = sample('^(?:(?:x?){1000}){1000}$');
    expect(samples.length).toBeGreaterThan(0);
    for (const text of samples) expect(text).toMatch(/^x{0,10000}$/);
  });

  it('samples alternations inside large repeats', () => {
    const samples = sample('^(?:ab|cd|ef){3000}$');
    expect(samples).toHaveLength(16);
    for (const text of samples) expect(text).toMatch(/^(?:ab|cd|ef){3000}$/);
    const groups = sample('^(?:\\d{3}-){2000}\\d$');
    for (const text of groups) expect(text).toMatch(/^(?:\d{3}-){2000}\d$/);
  });

  it('confirms samples without the backtracking engine: (a+)+ style patterns end', () => {
    // A backtracking RegExp takes exponential time to reject "aaa…ab" here; no sample exists.
    expect(sample('^(a+)+$b', { minLength: 40 })).toEqual([]);
    // The first branch makes a backtracking engine explode on every string of the second.
    const samples = sample('^(a*)*b|^a*c', { minLength: 3000, maxLength: 3000 });
    expect(samples.length).toBeGreaterThan(0);
    for (const text of samples) expect(text).toMatch(/^a{2999}[bc]$/);
  });

  it('checks assertions where they stand: \\b, \\B, ^ and $ with and without the m flag', () => {
    expect(sample('^\\bfoo\\b$')).toEqual(['foo']);
    expect(sample('^a\\bb$')).toEqual([]);
    expect(sample('^a\\Bb$')).toEqual(['ab']);
    expect(sample('^a$\\n^b$')).toEqual([]);
    expect(sample('^a$\\n^b$', { flags: 'm' })).toEqual(['a\nb']);
  });

  it('draws negated classes under the i flag only from characters that match them', () => {
    const samples = sample('^[^a-z]{500}$', { flags: 'i' });
    expect(samples).toHaveLength(16);
    for (const text of samples) expect(text).toMatch(/^[^a-z]{500}$/i);
    for (const text of sample('^[^k]{5}$', { flags: 'iu' })) expect(text).toMatch(/^[^k]{5}$/iu);
  });

  it('reads \\u{…} as a code point with or without a written u flag: every pattern is read in Unicode mode', () => {
    expect(sample('^\\u{3}$')).toEqual(['\u0003']);
    expect(sample('^\\u{1F600}$')).toEqual(['\u{1F600}']);
    expect(sample('^\\u{1F600}$', { flags: 'u' })).toEqual(['\u{1F600}']);
  });

  it('stops at the step budget and says so when no sample was found before it', () => {
    const options = Array.from({ length: 2000 }, (_, i) => `w${i}`).join('|');
    expect(SAMPLE_STEP_BUDGET).toBe(2_000_000);
    expect(() => sample(`^(?:${options}){1000}$`)).toThrow('sampling it takes more than 2,000,000 steps');
  });

  it('refuses groups nested deeper than the parser allows instead of exhausting the stack', () => {
    expect(() => sample(`${'('.repeat(5000)}a${')'.repeat(5000)}`)).toThrow('Groups nest more than 200 deep');
  });
});
