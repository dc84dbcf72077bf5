/**
 * The checks a drawn sample still needs, each local and O(1): zero-width assertions at the
 * position where they were drawn, and characters of negated classes under the `i` flag (a
 * character outside `[a-z]` may still match it ignoring case). Everything else a draw emits
 * matches by construction, so a sample is confirmed in time linear in its length, without the
 * backtracking engine that `(a+)+$`-style patterns can send into exponential time.
 */
import type { Assertion, CodePointRange } from './regex-parse.js';

/** The flags that change what a drawn sample must satisfy. */
export interface FlagSemantics {
  ignoreCase: boolean;
  multiline: boolean;
  unicode: boolean;
}

/** The semantics of a flags string such as `"iu"`. */
export function flagSemantics(flags: string): FlagSemantics {
  return { ignoreCase: flags.includes('i'), multiline: flags.includes('m'), unicode: /[uv]/.test(flags) };
}

/** Whether `assert` holds between `text[at - 1]` and `text[at]` (code unit offsets). */
export function assertionHolds(assert: Assertion, text: string, at: number, flags: FlagSemantics): boolean {
  switch (assert) {
    case '^':
      return at === 0 || (flags.multiline && isLineTerminator(text.charCodeAt(at - 1)));
    case '$':
      return at === text.length || (flags.multiline && isLineTerminator(text.charCodeAt(at)));
    case '\\b':
      return isWord(text.charCodeAt(at - 1), flags) !== isWord(text.charCodeAt(at), flags);
    case '\\B':
      return isWord(text.charCodeAt(at - 1), flags) === isWord(text.charCodeAt(at), flags);
  }
}

/**
 * Whether `code`, drawn from outside a negated class's `ranges`, really matches the negated
 * class: under `i` none of its case variants may be a member either.
 */
export function matchesNegated(code: number, ranges: readonly CodePointRange[], flags: FlagSemantics): boolean {
  if (!flags.ignoreCase) return true;
  return !caseVariants(code, flags.unicode).some((variant) => ranges.some(([low, high]) => variant >= low && variant <= high));
}

/** The code points equal to `code` ignoring case (exact for ASCII, which is all a negated class draws). */
function caseVariants(code: number, unicode: boolean): number[] {
  const char = String.fromCodePoint(code);
  const variants = [code, char.toLowerCase().codePointAt(0)!, char.toUpperCase().codePointAt(0)!];
  // Unicode case folding adds two non-ASCII partners of ASCII letters.
  if (unicode && /[kK]/.test(char)) variants.push(0x212a);
  if (unicode && /[sS]/.test(char)) variants.push(0x17f);
  return variants;
}

function isLineTerminator(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

/** `\w` membership; NaN (outside the text) is not a word character. */
function isWord(code: number, flags: FlagSemantics): boolean {
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95) return true;
  return flags.unicode && flags.ignoreCase && (code === 0x17f || code === 0x212a);
}
