import { describe, expect, it } from 'vitest';
import { perFrozenPart } from '../../../src/generators/kit/frozen-memo.js';

describe('perFrozenPart', () => {
  const counting = () => {
    const calls: object[] = [];
    const keys = perFrozenPart((part: { keys: string[] }) => {
      calls.push(part);
      return [...part.keys];
    });
    return { calls, keys };
  };

  it('computes once per frozen part and hands out a frozen answer', () => {
    const { calls, keys } = counting();
    const part = Object.freeze({ keys: Object.freeze(['a']) as string[] });
    const first = keys(part);
    expect(keys(part)).toBe(first);
    expect(calls).toHaveLength(1);
    expect(Object.isFrozen(first)).toBe(true);
    // An equal but distinct part is another key.
    expect(keys(Object.freeze({ keys: ['a'] }))).toEqual(['a']);
    expect(calls).toHaveLength(2);
  });

  it('computes every time for a part that may still change', () => {
    const { calls, keys } = counting();
    const part = { keys: ['a'] };
    expect(keys(part)).toEqual(['a']);
    part.keys.push('b');
    expect(keys(part)).toEqual(['a', 'b']);
    expect(calls).toHaveLength(2);
  });
});
