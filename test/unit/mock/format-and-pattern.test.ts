/**
 * A `@format` with a `@pattern`: the mock's samples satisfy both, and a pattern a backtracking
 * engine would take exponential time on is never run against the format's samples.
 */
import { describe, expect, it } from 'vitest';
import { mayBacktrackExponentially, sampleStrings } from '../../../src/generators/mock/compile/strings.js';

describe('format and pattern together', () => {
  it('samples base64 strings for a pattern shaped like a ReDoS, without running it on non-matching text', () => {
    const pattern = { source: '^([A-Za-z0-9+/]+)+$', flags: '' };
    const samples = sampleStrings({ format: 'byte', pattern }, 0, 40);
    expect(samples.length).toBeGreaterThan(0);
    for (const sample of samples) {
      expect(sample).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
      expect(sample).toMatch(new RegExp(pattern.source));
    }
  });

  it('samples what both accept for a pattern without nested repeats', () => {
    const samples = sampleStrings({ format: 'email', pattern: { source: '^[a-z]{2,8}@[a-z]{2,8}\\.org$', flags: '' } }, 0, 60);
    expect(samples.length).toBeGreaterThan(0);
    for (const sample of samples) expect(sample).toMatch(/^[a-z]{2,8}@[a-z]{2,8}\.org$/);
  });

  it.each([
    ['^([a-z]+)+$', true],
    ['^(a|ab)*c$', true],
    ['^(\\d{2}-)*\\d$', true],
    ['(?:(?:x{1000}){1000})', true],
    ['^97[89][0-9]{10}$', false],
    ['^[A-Z]{3}-\\d{4}$', false],
    ['^(com|org)\\.[a-z]+$', false],
    ['^(?:ab)?c+$', false],
  ])('%s may backtrack exponentially: %s', (source, expected) => {
    expect(mayBacktrackExponentially(source)).toBe(expected);
  });
});
