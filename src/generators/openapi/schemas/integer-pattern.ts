/**
 * The pattern of a 64-bit integer's wire form, a JSON string of decimal digits: canonical
 * decimal text (an optional `-`, no leading zeros, no `-0`), limited to a range. JSON Schema
 * compares only numbers with `minimum`/`maximum`, so a bigint's bounds are written into the
 * pattern itself: `-100 ≤ n ≤ 9007199254740993` is an alternation over digit counts, exact for
 * any size of bound. Digits are `[0-9]` (a `\d` may match other digits in some dialects).
 */

/** Any integer's canonical decimal text. */
export const INTEGER_TEXT = '^(?:0|-?[1-9][0-9]*)$';

/** `^…$` accepting the decimal texts of the integers from `minimum` to `maximum` (each optional). */
export function integerTextPattern(minimum?: bigint, maximum?: bigint): string {
  if (minimum === undefined && maximum === undefined) return INTEGER_TEXT;
  const branches: string[] = [];
  // Negative values by their magnitude: from -maximum (or 1) up to -minimum (or unbounded).
  if (minimum === undefined || minimum < 0n) {
    const low = maximum !== undefined && maximum < 0n ? -maximum : 1n;
    const high = minimum === undefined ? undefined : -minimum;
    if (high === undefined || low <= high) branches.push(`-${group(magnitudes(low, high))}`);
  }
  if (maximum === undefined || maximum >= 0n) {
    const low = minimum !== undefined && minimum > 0n ? minimum : 0n;
    if (maximum === undefined || low <= maximum) branches.push(group(magnitudes(low, maximum)));
  }
  return branches.length === 0 ? '^(?!)$' : `^${branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`}$`;
}

/** Alternatives matching the canonical texts of `low`..`high` (`high` undefined: unbounded), `low ≥ 0`. */
function magnitudes(low: bigint, high: bigint | undefined): string[] {
  const lowDigits = String(low).length;
  const highDigits = high === undefined ? lowDigits : String(high).length;
  const alternatives: string[] = [];
  for (let digits = lowDigits; digits <= highDigits; digits += 1) {
    const first = digits === 1 ? 0n : 10n ** BigInt(digits - 1);
    const last = 10n ** BigInt(digits) - 1n;
    const from = low > first ? low : first;
    const to = high !== undefined && high < last ? high : last;
    if (from <= to) alternatives.push(sameLength(String(from), String(to)));
  }
  // Every longer text: more digits than the lower bound's, none of them leading zeros.
  if (high === undefined) alternatives.push(`[1-9][0-9]{${lowDigits},}`);
  return alternatives;
}

/** The texts from `a` to `b`, two decimal texts of one length with `a ≤ b`. */
function sameLength(a: string, b: string): string {
  if (a === b) return a;
  if (/^0*$/.test(a) && /^9*$/.test(b)) return a.length === 1 ? '[0-9]' : `[0-9]{${a.length}}`;
  if (a.length === 1) return `[${a}-${b}]`;
  if (a[0] === b[0]) return `${a[0]}${sameLength(a.slice(1), b.slice(1))}`;
  const rest = a.length - 1;
  const [aHead, bHead] = [Number(a[0]), Number(b[0])];
  // The first digits whose every continuation is in range go into one digit class.
  const lowFull = /^0*$/.test(a.slice(1));
  const highFull = /^9*$/.test(b.slice(1));
  const middleFrom = lowFull ? aHead : aHead + 1;
  const middleTo = highFull ? bHead : bHead - 1;
  const parts: string[] = [];
  if (!lowFull) parts.push(`${a[0]}${sameLength(a.slice(1), '9'.repeat(rest))}`);
  if (middleFrom <= middleTo) parts.push(`${digitClass(middleFrom, middleTo)}${rest === 1 ? '[0-9]' : `[0-9]{${rest}}`}`);
  if (!highFull) parts.push(`${b[0]}${sameLength('0'.repeat(rest), b.slice(1))}`);
  return parts.length === 1 ? parts[0]! : `(?:${parts.join('|')})`;
}

function digitClass(from: number, to: number): string {
  return from === to ? String(from) : `[${from}-${to}]`;
}

function group(alternatives: string[]): string {
  return alternatives.length === 1 ? alternatives[0]! : `(?:${alternatives.join('|')})`;
}
