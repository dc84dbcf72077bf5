import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from '../../../src/config/suggest.js';

describe('suggest', () => {
  const keys = ['input', 'output', 'tsconfig', 'generators', 'templates', 'plugins', 'format'];

  it('finds the key a typo meant', () => {
    expect(suggest('ouptut', keys)).toBe('output');
    expect(suggest('inptu', keys)).toBe('input');
    expect(suggest('generator', keys)).toBe('generators');
    expect(suggest('validat', ['crud', 'validate', 'sql'])).toBe('validate');
  });

  it('matches a different case first', () => {
    expect(suggest('OUTPUT', keys)).toBe('output');
  });

  it('says nothing when no candidate is close', () => {
    expect(suggest('banana', keys)).toBeUndefined();
    expect(suggest('x', keys)).toBeUndefined();
    expect(suggest('output', [])).toBeUndefined();
  });

  it('counts a swap of adjacent letters as one edit', () => {
    expect(editDistance('ouptut', 'output')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
