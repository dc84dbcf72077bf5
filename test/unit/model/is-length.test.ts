/**
 * validator.js's `isLength` count (class-validator's `@MinLength`/`@MaxLength`/`@Length`) as the
 * model says it: the count itself, and the Unicode-mode pattern the OpenAPI schema carries for it,
 * held to validator.js on every string of up to five pieces from an alphabet of the edge pieces
 * (variation selectors, surrogates alone and in pairs, a line break).
 */
import validator from 'validator';
import { describe, expect, it } from 'vitest';
import { codePointBounds, isLengthCount, isLengthPattern } from '../../../src/model/is-length.js';

const PIECES = ['a', '\uFE0F', '\uFE0E', '\uD83D', '\uDE00', '\n', '😀', '❤'];

function* texts(depth: number, prefix = ''): Generator<string> {
  yield prefix;
  if (depth === 0) return;
  for (const piece of PIECES) yield* texts(depth - 1, prefix + piece);
}

describe("validator.js's isLength count", () => {
  it('is counted as validator.js counts, on every text of up to five pieces', () => {
    const wrong = [...texts(5)].filter((text) => !validator.isLength(text, { min: isLengthCount(text), max: isLengthCount(text) }));
    expect(wrong).toEqual([]);
  });

  it('is said exactly by the JSON Schema pattern, for each bound pair up to 4', () => {
    const bounds = [{ min: 2 }, { max: 1 }, { min: 1, max: 3 }, { min: 2, max: 2 }, { min: 0, max: 4 }];
    const all = [...texts(4)];
    for (const bound of bounds) {
      const pattern = new RegExp(isLengthPattern(bound)!, 'u');
      const wrong = all.filter((text) => pattern.test(text) !== validator.isLength(text, bound));
      expect(wrong, JSON.stringify(bound)).toEqual([]);
    }
  });

  it('is left to minLength where code points say it (a minimum of 1 is "not empty" in both counts)', () => {
    expect(isLengthPattern({ min: 1 })).toBeUndefined();
    expect(isLengthPattern({ max: 0 })).toBeUndefined();
    expect(codePointBounds({ isLength: { min: 1 } })).toEqual({ minLength: 1 });
  });

  it('bounds the code points soundly: at least the minimum, at most twice the maximum ("❤️❤️❤️" is 3 and 6 code points)', () => {
    expect(codePointBounds({ isLength: { min: 2, max: 3 } })).toEqual({ minLength: 2, maxLength: 6 });
    expect(codePointBounds({ maxLength: 4, isLength: { max: 3 } })).toEqual({ maxLength: 4 });
    expect(isLengthCount('❤️❤️❤️')).toBe(3);
    expect([...'❤️❤️❤️'].length).toBe(6);
  });
});
