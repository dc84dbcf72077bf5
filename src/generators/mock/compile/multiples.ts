/**
 * Which multiples of a decimal step lie within a number's bounds: the integers `k` for which
 * `k × numerator / denominator` (the runtime's arithmetic, mockNumber) is within them. Decided on
 * that very arithmetic, so a bound that is itself a multiple is one (`@minimum 0.7` with
 * `@multipleOf 0.1`, where 0.7 × 10 is 7.000000000000001), and with no cap on the step's size
 * (`@multipleOf 10000 @minimum 1`: 10000 is one).
 */
import type { Fraction } from './decimal-step.js';

export interface Bound {
  value: number;
  exclusive: boolean;
}

/** The first and last `k` (`-Infinity` where there is no lower bound, and so on), or undefined when there is none. */
export function multiplesWithin(low: Bound | undefined, high: Bound | undefined, step: Fraction): { first: number; last: number } | undefined {
  const valueAt = (k: number): number => (k * step.numerator) / step.denominator;
  const within = (value: number): boolean => (!low || (low.exclusive ? value > low.value : value >= low.value)) && (!high || (high.exclusive ? value < high.value : value <= high.value));
  // Past 2^53 a k times the step is no exact double, and k + 1 may be k: the multiples stop at
  // the last exact one (a bound beyond it, int64's 2^63, holds them all below).
  const safe = Math.floor(Number.MAX_SAFE_INTEGER / step.numerator);
  const lowK = low ? Math.ceil((low.value * step.denominator) / step.numerator) : -Infinity;
  const highK = high ? Math.floor((high.value * step.denominator) / step.numerator) : Infinity;
  // The quotient of a bound by the step is off by binary rounding at most a little: start one
  // step outside and walk in (a bound's own multiple is reached; an exclusive one is passed).
  let first = lowK < -safe ? -safe : lowK > safe ? lowK : lowK - 1;
  let last = highK > safe ? safe : highK < -safe ? highK : highK + 1;
  if (Math.abs(first) <= safe) for (let i = 0; i < 4 && first <= last && !within(valueAt(first)); i++) first++;
  if (Math.abs(last) <= safe) for (let i = 0; i < 4 && first <= last && !within(valueAt(last)); i++) last--;
  if (first > last) return undefined;
  // A bound past 2^53 on its own side (`@minimum 1e17`) is taken as the checker's quotient says, unchecked.
  if ((Math.abs(first) <= safe && !within(valueAt(first))) || (Math.abs(last) <= safe && !within(valueAt(last)))) return undefined;
  return { first, last };
}
