/**
 * The validator runtime's `isMultipleOf` (templates/validate/runtime.hbs), for codegen's own use:
 * the analyzer leaves out the literals of a type a `@multipleOf` rejects, and the mock picks
 * literals the validator accepts. Keep the two in step (test/unit/validate/multiple-of.test.ts).
 */

/**
 * Whether `value` is a multiple of the decimal step `numerator / denominator` (0.01 is 1/100),
 * decided exactly on the decimal number `value` is written as (its shortest round-trip form,
 * `String(value)`): that decimal times `denominator` must be an integer divisible by `numerator`.
 * So 19.99 is a multiple of 0.01 and 0.3 of 0.1, though neither is in binary floating point,
 * while 0.30000000000000004 is not a multiple of 0.1 nor 3.0000000000000004 of 3.
 *
 * Most values are decided by arithmetic alone: when `value * denominator` rounds to an integer
 * `n` below 10^15 with `n / denominator === value`, `n / denominator` is a decimal of at most 15
 * significant digits that reads back as `value`, and no other such decimal does, so it is the
 * shortest form and the answer is `n % numerator === 0`; when it does not read back, no decimal
 * of `value`'s shortest form times `denominator` is an integer (if one were, `n` would be it), so
 * the answer is no. Larger products and steps finer than 10^-22 are decided on the digits.
 */
export function isMultipleOf(value: number, numerator: number, denominator: number): boolean {
  const scaled = value * denominator;
  if (scaled < 1e15 && scaled > -1e15 && denominator <= 1e22) {
    const n = Math.round(scaled);
    return n / denominator === value && n % numerator === 0;
  }
  return isMultipleOfByDigits(value, numerator, denominator);
}

/** `isMultipleOf` on the digits of `String(value)`, for any value and step. */
export function isMultipleOfByDigits(value: number, numerator: number, denominator: number): boolean {
  const match = /^-?(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (match === null) return false;
  const fraction = match[2] ?? '';
  let digits = match[1]! + fraction;
  // value * denominator is the integer `digits` followed by `shift` zeros (or cut by -shift).
  let shift = Number(match[3] ?? 0) + Math.round(Math.log10(denominator)) - fraction.length;
  if (shift < 0) {
    const cut = Math.max(0, digits.length + shift);
    if (/[^0]/.test(digits.slice(cut))) return false;
    digits = digits.slice(0, cut);
    shift = 0;
  }
  // Long division by `numerator`, each step below it, so no step loses precision.
  const add = (a: number, b: number): number => (a >= numerator - b ? a - (numerator - b) : a + b);
  const next = (rest: number, digit: number): number => {
    let times10 = 0;
    for (let i = 0; i < 10; i++) times10 = add(times10, rest);
    return add(times10, digit % numerator);
  };
  let rest = 0;
  for (let i = 0; i < digits.length; i++) rest = next(rest, digits.charCodeAt(i) - 48);
  for (let i = 0; i < shift && rest !== 0; i++) rest = next(rest, 0);
  return rest === 0;
}
