/**
 * validator.js's `isLength` count, which class-validator's `@MinLength`, `@MaxLength` and
 * `@Length` use (`StringConstraints.isLength`), and what it means for the other counts.
 *
 * `isLength` takes the UTF-16 length, less one per surrogate pair and one per match of
 * `/[^\uFE0F\uFE0E][\uFE0F\uFE0E]/g` (a variation selector after another unit). Read over code
 * points, that is the number of tokens of a left-to-right split where a character that is no
 * variation selector takes the one selector following it, and any other selector stands alone:
 * `"❤️"` (U+2764 U+FE0F) is 1, `"😀️"` (a pair and U+FE0F) is 1, `"\uFE0F\uFE0F"` is 2.
 *
 * So the count is never more than the code points (JSON Schema's count), equal to it on a text
 * without U+FE0E/U+FE0F, and at least half of it: `@MinLength(n)` implies `minLength n`, and
 * `@MaxLength(n)` implies `maxLength 2n`. Those are the sound bounds a JSON Schema `minLength`
 * / `maxLength` or a `varchar` size can carry; the exact count is a pattern (`isLengthPattern`).
 */
import type { IsLengthBounds, StringConstraints } from './types.js';

const SELECTOR_SEQUENCES = /[^\uFE0F\uFE0E][\uFE0F\uFE0E]/g;
const SURROGATE_PAIRS = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** The length of `text` as validator.js's `isLength` counts it (13.15; the same expressions). */
export function isLengthCount(text: string): number {
  return text.length - (text.match(SELECTOR_SEQUENCES)?.length ?? 0) - (text.match(SURROGATE_PAIRS)?.length ?? 0);
}

/** Whether `text` meets `bounds`, as class-validator's length decorators decide. */
export function meetsIsLength(text: string, bounds: IsLengthBounds): boolean {
  const length = isLengthCount(text);
  return length >= (bounds.min ?? 0) && (bounds.max === undefined || length <= bounds.max);
}

/** One token of the count, for a Unicode-mode pattern: a character with the selector it takes, or a lone selector. */
const TOKEN = '(?:[^\\uFE0E\\uFE0F](?:[\\uFE0E\\uFE0F]|(?![\\uFE0E\\uFE0F]))|[\\uFE0E\\uFE0F])';

/**
 * A JSON Schema (Unicode-mode) pattern holding exactly the texts `bounds` accepts, or undefined
 * when the code-point bounds of `codePointBounds` already say it (no maximum above 0, a minimum
 * of at most 1: a text counts at least 1 exactly when it is not empty).
 */
export function isLengthPattern(bounds: IsLengthBounds): string | undefined {
  const min = bounds.min ?? 0;
  if ((bounds.max === undefined || bounds.max === 0) && min <= 1) return undefined;
  return `^${TOKEN}{${min},${bounds.max ?? ''}}$`;
}

/**
 * The code-point bounds `c` implies (its own `minLength`/`maxLength` met with those `isLength`
 * implies): every text `c` accepts is within them, so a JSON Schema keyword or a column size made
 * from them never refuses one; they are exact when `c` has no `isLength`.
 */
export function codePointBounds(c: StringConstraints): { minLength?: number; maxLength?: number } {
  const min = Math.max(c.minLength ?? 0, c.isLength?.min ?? 0);
  const max = Math.min(c.maxLength ?? Infinity, c.isLength?.max === undefined ? Infinity : 2 * c.isLength.max);
  return { ...(min > 0 || c.minLength !== undefined ? { minLength: min } : {}), ...(Number.isFinite(max) ? { maxLength: max } : {}) };
}

/**
 * `c` with its `isLength` bounds read as code points, for generators that build texts: on a
 * text without U+FE0E/U+FE0F both counts agree, so a text of that many code points with no
 * selector meets `c` (the mock's texts have none unless a pattern asks for one).
 */
export function isLengthAsCodePoints(c: StringConstraints): StringConstraints {
  if (!c.isLength) return c;
  const { isLength, ...rest } = c;
  const min = Math.max(rest.minLength ?? 0, isLength.min ?? 0);
  const max = Math.min(rest.maxLength ?? Infinity, isLength.max ?? Infinity);
  return { ...rest, ...(min > 0 || rest.minLength !== undefined ? { minLength: min } : {}), ...(Number.isFinite(max) ? { maxLength: max } : {}) };
}
