/**
 * Literals as Prettier prints them: strings in the quote that needs fewer escapes (double on a
 * tie), with Prettier's escape clean-up; numbers and regular expressions only in the forms that
 * Prettier prints unchanged (anything else is Unsupported).
 */
import { Unsupported } from './unsupported.js';

/** Prettier's `makeString` after its choice of quote, for the raw text of a string literal (quotes included). */
export function printString(raw: string): string {
  const content = raw.slice(1, -1);
  let doubles = 0;
  let singles = 0;
  for (const char of content) {
    if (char === '"') doubles += 1;
    else if (char === "'") singles += 1;
  }
  const quote = doubles > singles ? "'" : '"';
  const other = quote === '"' ? "'" : '"';
  const body = content.replace(/\\(.)|(["'])/gsu, (match, escaped: string | undefined, bare: string | undefined) => {
    if (escaped === other) return escaped;
    if (bare === quote) return `\\${bare}`;
    if (bare) return bare;
    return /^[^\n\r"'0-7\\bfnrt-vx\u2028\u2029]$/u.test(escaped!) ? escaped! : `\\${escaped}`;
  });
  return `${quote}${body}${quote}`;
}

/** A number literal Prettier prints as written: plain decimal integers and fractions without a trailing zero. */
export function printNumber(raw: string): string {
  if (!/^(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/.test(raw)) throw new Unsupported(`number ${raw}`);
  return raw;
}

/** A regular expression literal, when its flags are already in the order Prettier sorts them into. */
export function printRegex(raw: string): string {
  const slash = raw.lastIndexOf('/');
  const flags = raw.slice(slash + 1);
  if ([...flags].sort().join('') !== flags) throw new Unsupported('regex flags');
  return raw;
}
