/**
 * Mock numbers and bigints that satisfy every bound, `multipleOf` and `@type`. A number is
 * `k × step` for a random integer `k` in a range computed here, where the step is the
 * `multipleOf` (as an exact fraction), 1 for integers, or a decimal small enough for the range;
 * the range's ends are checked here with the very arithmetic the runtime uses.
 */
import type { BigIntType, NumberConstraints, NumberType, NumericType } from '../../../model/types.js';
import { decimalStep, type Fraction } from './decimal-step.js';
import { decimalFraction } from '../../../model/decimal-fraction.js';
import { isMultipleOf } from '../../../model/multiple-of.js';
import { multiplesWithin, type Bound } from './multiples.js';
import type { MockContext } from './mock-context.js';
import { unbuildable } from './unsupported-values.js';

export const TYPE_RANGES: Record<NumericType, { integer: boolean; low?: Bound; high?: Bound }> = {
  integer: { integer: true },
  int32: { integer: true, low: { value: -2147483648, exclusive: false }, high: { value: 2147483647, exclusive: false } },
  uint32: { integer: true, low: { value: 0, exclusive: false }, high: { value: 4294967295, exclusive: false } },
  int64: { integer: true, low: { value: -9223372036854775808, exclusive: false }, high: { value: 9223372036854775808, exclusive: true } },
  uint64: { integer: true, low: { value: 0, exclusive: false }, high: { value: 18446744073709551616, exclusive: true } },
  float: { integer: false, low: { value: -3.4028234663852886e38, exclusive: false }, high: { value: 3.4028234663852886e38, exclusive: false } },
  double: { integer: false },
};

/** Ranges that property names suggest, used where the constraints allow them. */
const NAME_RANGES: Array<[RegExp, [number, number], Fraction?]> = [
  [/price|amount|cost|fee|balance|salary/, [1, 500], { numerator: 1, denominator: 100 }],
  [/^age$/, [18, 90]],
  [/quantity|qty|count$/, [1, 20]],
  [/rating|stars/, [1, 5]],
  [/year/, [1990, 2030]],
  [/percent/, [0, 100]],
  [/^lat(itude)?$/, [-90, 90], { numerator: 1, denominator: 10000 }],
  [/^(lng|lon|long|longitude)$/, [-180, 180], { numerator: 1, denominator: 10000 }],
];

const DEFAULT_RANGE: [number, number] = [0, 1000];

/** The window of a unique column's wide draw (see `MockContext.wide`): within a 32-bit SQL integer. */
const WIDE_RANGE: [number, number] = [0, 1_000_000_000];

/** The expression of a mock number for `node`. */
export function numberExpression(node: NumberType, context: MockContext): string {
  const constraints: NumberConstraints = node.constraints ?? {};
  const typeRange = TYPE_RANGES[constraints.numericType ?? 'double'];
  const { low, high } = numberBounds(constraints);
  const satisfies = (value: number): boolean =>
    (!low || (low.exclusive ? value > low.value : value >= low.value)) && (!high || (high.exclusive ? value < high.value : value <= high.value));

  let step = numberStep(constraints);
  if (step === null) return unbuildable(context, `@multipleOf ${constraints.multipleOf} is not an exact decimal step it can write`, 'Write the step as a decimal of at most 22 places (`@multipleOf 0.01`), pass the value in tests (`mockT({ … })`), or leave the type out of `mock` with `@codegen`.');
  const key = (context.name ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  // A unique column's wide draw: no hint from the name, and a window as wide as an SQL integer column holds.
  const hinted = context.wide ? undefined : NAME_RANGES.find(([pattern]) => pattern.test(key));
  const [from, to] = windowWithin(hinted?.[1] ?? (context.wide ? WIDE_RANGE : DEFAULT_RANGE), low, high, step ?? hinted?.[2]);
  step ??= hinted?.[2] ?? decimalStepFor(to - from);

  // The multiples in the preferred window, else (`@multipleOf 10000 @minimum 1`, none from 1 to
  // 1000) those within the bounds nearest to it: no multiple at all is the only contradiction.
  const range = multiplesWithin(low, high, step);
  const chosen = range && (windowed(range, from, to, step) ?? nearest(range, from, to, step));
  if (chosen) {
    const [kMin, kMax] = chosen;
    if (step.numerator === 1 && step.denominator === 1) return `r.int(${kMin}, ${kMax})`;
    return `${context.compiler.runtime('mockNumber')}(r, ${kMin}, ${kMax}, ${step.numerator}, ${step.denominator})`;
  }
  const middle = low && high ? (low.value + high.value) / 2 : undefined;
  if (constraints.multipleOf === undefined && !typeRange.integer && middle !== undefined && satisfies(middle)) return String(middle);
  const far = farValues(low, high, (value) => satisfies(value) && (!typeRange.integer || Number.isInteger(value)) && isStepMultiple(value, constraints.multipleOf));
  if (far.length > 0) return far.length === 1 ? numberLiteral(far[0]!) : `r.pick([${far.map(numberLiteral).join(', ')}])`;
  const what = [constraints.multipleOf !== undefined ? `no multiple of ${constraints.multipleOf}` : typeRange.integer ? 'no integer' : 'no number']
    .concat(describeBounds(low, high))
    .join(' ');
  return context.compiler.contradiction(context, what, '0');
}

/**
 * Values next to bounds past 2^53 (`@minimum 9007199254740993`, `@minimum 1e300`,
 * `@maximum -1e300`), where `k × step` is no exact double and `multiplesWithin` finds no `k`
 * (s10 hE2: the mock wrote 0 there, which failed its own validator, and reported a false CG2011):
 * the bounds themselves, the doubles next to them, and a few farther inside, each kept only if
 * `passes` (the bounds, integrality and the step, as the validator checks them).
 */
export function farValues(low: Bound | undefined, high: Bound | undefined, passes: (value: number) => boolean): number[] {
  const candidates: number[] = [];
  const walk = (from: number, direction: 1 | -1): void => {
    let value = from;
    for (let i = 0; i < 3 && Number.isFinite(value); i++, value = nextDouble(value, direction)) candidates.push(value);
    for (const factor of [2, 10, 1000]) candidates.push(from + direction * Math.abs(from) * (factor - 1));
  };
  if (low) walk(low.value, 1);
  if (high) walk(high.value, -1);
  if (low && high) candidates.push(low.value / 2 + high.value / 2);
  const kept = [...new Set(candidates)].filter((value) => Number.isFinite(value) && !Object.is(value, -0) && passes(value));
  return kept.sort((a, b) => a - b).slice(0, 8);
}

/** The double next to `value` upwards (`direction` 1) or downwards (-1). */
function nextDouble(value: number, direction: 1 | -1): number {
  if (value === 0) return direction * Number.MIN_VALUE;
  const bits = new BigInt64Array(new Float64Array([value]).buffer);
  // Away from zero when the direction and the sign agree: one more unit in the last place.
  bits[0] = bits[0]! + ((value > 0) === (direction > 0) ? 1n : -1n);
  return new Float64Array(bits.buffer)[0]!;
}

/** Whether `value` is a multiple of the `@multipleOf` as the validator decides it (model/multiple-of.ts). */
function isStepMultiple(value: number, multipleOf: string | undefined): boolean {
  if (multipleOf === undefined) return true;
  const { numerator, denominator } = decimalFraction(multipleOf);
  return isMultipleOf(value, Number(numerator), Number(denominator));
}

/** A number as TypeScript source: `1e+300` and `9007199254740992` as JavaScript prints them, a negative one in parentheses. */
function numberLiteral(value: number): string {
  return value < 0 ? `(${String(value)})` : String(value);
}

/** The tightest bounds of a number: its own, and its `@type`'s range (`int32`). */
export function numberBounds(constraints: NumberConstraints): { low?: Bound; high?: Bound } {
  const typeRange = TYPE_RANGES[constraints.numericType ?? 'double'];
  const low = tightest([bound(constraints.minimum, false), bound(constraints.exclusiveMinimum, true), typeRange.low], 1);
  const high = tightest([bound(constraints.maximum, false), bound(constraints.exclusiveMaximum, true), typeRange.high], -1);
  return { ...(low ? { low } : {}), ...(high ? { high } : {}) };
}

/**
 * The step every value is a multiple of: the `@multipleOf` (an integer type's integer multiples of
 * 2.5 are those of 5), 1 for an integer type, undefined for other numbers; null for a `@multipleOf`
 * that is no exact decimal.
 */
export function numberStep(constraints: NumberConstraints): Fraction | undefined | null {
  const integer = TYPE_RANGES[constraints.numericType ?? 'double'].integer;
  if (constraints.multipleOf === undefined) return integer ? { numerator: 1, denominator: 1 } : undefined;
  const step = decimalStep(constraints.multipleOf);
  if (!step) return null;
  return integer ? { numerator: step.numerator, denominator: 1 } : step;
}

/** How many multiples the mock draws from when the preferred window holds none. */
const NEAREST = 100;

/** The multiples of `range` from `from` to `to`, or undefined when the window holds none. */
function windowed(range: { first: number; last: number }, from: number, to: number, step: Fraction): [number, number] | undefined {
  const first = Math.max(range.first, Math.ceil((from * step.denominator) / step.numerator));
  const last = Math.min(range.last, Math.floor((to * step.denominator) / step.numerator));
  return first <= last ? [first, last] : undefined;
}

/** `NEAREST` multiples of `range` next to the window: from the first above it, else up to the last below it. */
function nearest(range: { first: number; last: number }, from: number, to: number, step: Fraction): [number, number] {
  const above = Math.max(range.first, Math.ceil((from * step.denominator) / step.numerator));
  if (above <= range.last) return [above, Math.min(range.last, above + NEAREST - 1)];
  const below = Math.min(range.last, Math.floor((to * step.denominator) / step.numerator));
  return [Math.max(range.first, below - NEAREST + 1), below];
}

function bound(value: number | undefined, exclusive: boolean): Bound | undefined {
  return value === undefined ? undefined : { value, exclusive };
}

/** The tightest of some bounds: the largest lower bound (`direction` 1) or smallest upper bound (-1). */
function tightest(bounds: Array<Bound | undefined>, direction: 1 | -1): Bound | undefined {
  let best: Bound | undefined;
  for (const candidate of bounds) {
    if (!candidate) continue;
    const better = !best || (candidate.value - best.value) * direction > 0 || (candidate.value === best.value && candidate.exclusive);
    if (better) best = candidate;
  }
  return best;
}

/** The preferred window moved inside the bounds: kept where they overlap, else next to the nearest bound. */
function windowWithin(preferred: [number, number], low: Bound | undefined, high: Bound | undefined, step: Fraction | undefined): [number, number] {
  const lowValue = low?.value ?? -Infinity;
  const highValue = high?.value ?? Infinity;
  const from = Math.max(preferred[0], lowValue);
  const to = Math.min(preferred[1], highValue);
  if (from < to) return [from, to];
  const width = Math.max(preferred[1] - preferred[0], step ? (100 * step.numerator) / step.denominator : 0);
  if (Number.isFinite(lowValue) && lowValue >= preferred[1]) return [lowValue, Math.min(highValue, lowValue + width)];
  if (Number.isFinite(highValue) && highValue <= preferred[0]) return [Math.max(lowValue, highValue - width), highValue];
  return [lowValue, highValue];
}

/** 1 for wide ranges, else the largest decimal step giving a hundred values in `width`. */
function decimalStepFor(width: number): Fraction {
  let denominator = 1;
  while (width * denominator < 100 && denominator < 1e12) denominator *= 10;
  return { numerator: 1, denominator };
}

function describeBounds(low: Bound | undefined, high: Bound | undefined): string[] {
  const parts: string[] = [];
  if (low) parts.push(`${low.exclusive ? 'above' : 'from'} ${low.value}`);
  if (high) parts.push(`${high.exclusive ? 'below' : 'to'} ${high.value}`);
  return parts;
}

/** The expression of a mock bigint within its bounds (a window of at most a million values). */
export function bigintExpression(node: BigIntType, context: MockContext): string {
  // `10n`: the one value of its type.
  if (node.literal !== undefined) return `${node.literal}n`;
  const { minimum, maximum } = node.constraints ?? {};
  const min = minimum !== undefined ? BigInt(minimum) : undefined;
  const max = maximum !== undefined ? BigInt(maximum) : undefined;
  if (min !== undefined && max !== undefined && min > max) {
    return context.compiler.contradiction(context, `@minimum ${minimum} is greater than @maximum ${maximum}`, '0n');
  }
  const from = min ?? (max !== undefined && max < 0n ? max - 1000n : 0n);
  // A unique column's wide draw spans a billion values.
  const cap = context.wide ? 1_000_000_000n : 1000000n;
  const to = max ?? from + (context.wide ? cap : 1000n);
  const span = to - from > cap ? cap : to - from;
  return `${context.compiler.runtime('mockBigInt')}(r, ${from}n, ${span})`;
}
