/**
 * The text a `string` property in an integer or `numeric` column holds. TypeORM types such
 * columns `string` (`@Column('bigint') id: string`, `@Column('decimal', { precision: 10, scale: 2 })
 * price: string`): its PostgreSQL drivers return their digits as text, to keep what a JavaScript
 * number cannot. codegen stores that text exactly on every engine, so it accepts only the form
 * PostgreSQL gives back, which is then the form written:
 *
 * - an integer column: the decimal integer without a sign `+`, leading zeros or `-0`, within the
 *   column type's range (`smallint` 16 bits, `integer` 32, `bigint` 64): `'9223372036854775807'`;
 * - `numeric(p, s)` / `decimal(p, s)`: exactly `s` decimals (PostgreSQL pads `'1.5'` to `'1.50'`),
 *   at most `p − s` integer digits, no leading zeros, no negative zero (`'-0.00'` reads back `'0.00'`);
 * - `numeric` without digits: no trailing zero after the point (`'1.50'` and `'1.5'` are one
 *   number, which SQLite would keep apart) and no `.` without decimals.
 *
 * No exponent (`1e3`) in any. The patterns are plain ECMAScript (no lookaround), so the validators,
 * the mocks' sampler and the OpenAPI document read them alike.
 */

/** The bits of each integer type a column may name (PostgreSQL's and MySQL's names). */
export const INTEGER_BITS: Readonly<Record<string, 16 | 32 | 64>> = {
  smallint: 16, int2: 16, tinyint: 16, year: 16, smallserial: 16,
  int: 32, integer: 32, int4: 32, mediumint: 32, serial: 32,
  bigint: 64, int8: 64, bigserial: 64,
};

/** The exact range of an integer type `name`, as decimal text; undefined for a type that is no integer. */
export function integerTextRange(name: string): readonly [minimum: string, maximum: string] | undefined {
  const bits = INTEGER_BITS[name];
  if (bits === undefined) return undefined;
  const half = 2n ** BigInt(bits - 1);
  return [(-half).toString(), (half - 1n).toString()];
}

/** `numeric(p, s)`'s digits, or undefined for `numeric` of any digits. */
export interface NumericDigits {
  precision: number;
  scale: number;
}

/** The pattern (anchored source) of the integers from `minimum` to `maximum` (a negative and a positive bound), in their canonical text. */
export function integerTextPattern(minimum: string, maximum: string): string {
  const negative = minimum.replace(/^-/, '');
  return `^(?:0|${upTo(maximum)}|-${upTo(negative)})$`;
}

/** The pattern (anchored source) of the canonical text of a `numeric(p, s)` value, or of any `numeric` when `digits` is undefined. */
export function decimalTextPattern(digits: NumericDigits | undefined): string {
  if (digits === undefined) return '^(?:0|-?[1-9][0-9]*(?:\\.[0-9]*[1-9])?|-?0\\.[0-9]*[1-9])$';
  const { precision, scale } = digits;
  const whole = precision - scale;
  if (scale <= 0) return whole <= 0 ? '^0$' : `^(?:0|-?[1-9]${repeat(0, whole - 1)})$`;
  const fraction = `\\.[0-9]{${scale}}`;
  // A negative value has a digit that is not 0: in its integer part, or in its decimals.
  const negativeFraction = Array.from({ length: scale }, (_, zeros) => `${'0'.repeat(zeros)}[1-9]${repeat(0, scale - zeros - 1, 'exact')}`).join('|');
  const negativeZero = `-0\\.(?:${negativeFraction})`;
  if (whole <= 0) return `^(?:0${fraction}|${negativeZero})$`;
  return `^(?:-?[1-9]${repeat(0, whole - 1)}${fraction}|0${fraction}|${negativeZero})$`;
}

/** `[0-9]{0,n}` (`exact`: `[0-9]{n}`), or nothing for n = 0. */
function repeat(from: number, to: number, exact?: 'exact'): string {
  if (to <= 0) return '';
  if (exact) return to === 1 ? '[0-9]' : `[0-9]{${to}}`;
  return `[0-9]{${from},${to}}`;
}

/** The canonical text of the integers from 1 to `limit` (decimal digits, no sign). */
function upTo(limit: string): string {
  const shorter = limit.length > 1 ? [`[1-9]${repeat(0, limit.length - 2)}`] : [];
  return `(?:${[...shorter, ...sameLength(limit, 1)].join('|')})`;
}

/**
 * The numbers of `limit.length` digits, the first at least `lowest`, up to `limit`, as flat
 * alternatives (a prefix of `limit`, one smaller digit, any digits): a nested form is shorter,
 * but the mock's pattern program of it nests as deep, which TypeScript refuses to compare (TS2321).
 */
function sameLength(limit: string, lowest: number): string[] {
  const alternatives: string[] = [];
  for (let at = 0; at < limit.length; at++) {
    const digit = Number(limit[at]);
    const low = at === 0 ? lowest : 0;
    const last = at === limit.length - 1;
    if (last) alternatives.push(`${limit.slice(0, at)}${range(low, digit)}`);
    else if (digit > low) alternatives.push(`${limit.slice(0, at)}${range(low, digit - 1)}${repeat(0, limit.length - at - 1, 'exact')}`);
  }
  return alternatives;
}

function range(from: number, to: number): string {
  return from === to ? String(from) : `[${from}-${to}]`;
}
