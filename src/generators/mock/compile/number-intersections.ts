/**
 * Mock numbers for an intersection of constrained numbers (`/** @multipleOf 0.5 *\/ type Half`
 * and `/** @multipleOf 0.333 *\/ type Third` as `Half & Third`), which the validator checks member
 * by member. The members meet in one number type: the tightest bounds of all, the least common
 * multiple of their steps (a multiple of both is a multiple of it: 166.5 for 0.5 and 0.333),
 * and the narrowest `@type`, so that the one number strategy (numbers.ts) builds values of all,
 * or reports the contradiction (CG2011) when there are none.
 */
import type { BigIntConstraints, BigIntType, NumberConstraints, NumberType, NumericType, TypeNode } from '../../../model/types.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import { decimalStep } from './decimal-step.js';
import { TYPE_RANGES } from './numbers.js';

/** The members' number types when every member is a number (directly or through a reference), else undefined. */
export function numberMembers(members: readonly TypeNode[], index: DeclarationIndex): NumberType[] | undefined {
  const numbers: NumberType[] = [];
  for (const member of members) {
    const target = member.kind === 'ref' ? index.get(member.id).type : member;
    if (target.kind !== 'number') return undefined;
    numbers.push(target);
  }
  return numbers.length > 0 ? numbers : undefined;
}

/**
 * One number type whose values are every member's, or a reason when the members' steps have no
 * common multiple the model can write (a step that is no exact decimal).
 */
export function meetNumbers(members: readonly NumberType[]): NumberType | { unmet: string } {
  const constraints: NumberConstraints = {};
  const lowest = (key: 'maximum' | 'exclusiveMaximum', value: number | undefined): void => {
    if (value !== undefined) constraints[key] = Math.min(constraints[key] ?? Infinity, value);
  };
  const highest = (key: 'minimum' | 'exclusiveMinimum', value: number | undefined): void => {
    if (value !== undefined) constraints[key] = Math.max(constraints[key] ?? -Infinity, value);
  };
  const types = [...new Set(members.map((member) => member.constraints?.numericType).filter((type) => type !== undefined))];
  for (const member of members) {
    const c = member.constraints ?? {};
    highest('minimum', c.minimum);
    highest('exclusiveMinimum', c.exclusiveMinimum);
    lowest('maximum', c.maximum);
    lowest('exclusiveMaximum', c.exclusiveMaximum);
  }
  if (types.length === 1) constraints.numericType = types[0]!;
  else if (types.length > 1) {
    // `Int32 & UInt32`: each type's range as bounds, and an integer when any is one.
    for (const type of types) {
      const range = TYPE_RANGES[type];
      if (range.low) highest(range.low.exclusive ? 'exclusiveMinimum' : 'minimum', range.low.value);
      if (range.high) lowest(range.high.exclusive ? 'exclusiveMaximum' : 'maximum', range.high.value);
    }
    constraints.numericType = types.some((type) => TYPE_RANGES[type].integer) ? 'integer' : narrowestFloat(types);
  }
  const steps = members.map((member) => member.constraints?.multipleOf).filter((step) => step !== undefined);
  if (steps.length > 0) {
    const step = commonMultiple(steps);
    if (step === undefined) return { unmet: `its members' steps (${steps.map((text) => `@multipleOf ${text}`).join(', ')}) have no common multiple it can write` };
    constraints.multipleOf = step;
  }
  const met: NumberType = { kind: 'number', constraints };
  if (members.some((member) => member.brand)) met.brand = true;
  return met;
}

function narrowestFloat(types: readonly NumericType[]): NumericType {
  return types.includes('float') ? 'float' : 'double';
}

/**
 * The least common multiple of decimal steps, as a decimal string (`"166.5"` for `"0.5"` and
 * `"0.333"`): of fractions p/q in lowest terms it is lcm(p…) / gcd(q…), and the q are divisors
 * of powers of ten, so the result is an exact decimal. Undefined when a step is no exact
 * decimal, or the multiple is beyond what a double holds exactly.
 */
export function commonMultiple(steps: readonly string[]): string | undefined {
  if (steps.length === 1) return steps[0];
  let numerator = 0n;
  let denominator = 0n;
  for (const text of steps) {
    const step = decimalStep(text);
    if (!step) return undefined;
    const p = BigInt(step.numerator);
    const q = BigInt(step.denominator);
    numerator = numerator === 0n ? p : (numerator / gcd(numerator, p)) * p;
    denominator = denominator === 0n ? q : gcd(denominator, q);
  }
  if (numerator > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return decimalText(numerator, denominator);
}

/** `p / q` written as a decimal, q dividing a power of ten. */
function decimalText(numerator: bigint, denominator: bigint): string {
  let digits = 0;
  let scale = 1n;
  while (scale % denominator !== 0n && digits < 400) {
    scale *= 10n;
    digits += 1;
  }
  const scaled = (numerator * (scale / denominator)).toString().padStart(digits + 1, '0');
  if (digits === 0) return scaled;
  return `${scaled.slice(0, -digits)}.${scaled.slice(-digits)}`.replace(/\.?0+$/, '');
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

/** The members' bigint types when every member is a bigint that is no literal (directly or through a reference), else undefined. */
export function bigintMembers(members: readonly TypeNode[], index: DeclarationIndex): BigIntType[] | undefined {
  const bigints: BigIntType[] = [];
  for (const member of members) {
    const target = member.kind === 'ref' ? index.get(member.id).type : member;
    if (target.kind !== 'bigint' || target.literal !== undefined) return undefined;
    bigints.push(target);
  }
  return bigints.length > 0 ? bigints : undefined;
}

/**
 * One bigint type whose values are every member's: the highest minimum and the lowest maximum
 * (`Big & bigint` of a named brand with `@minimum 1` and a property's `@maximum 9`: 1n to 9n). The
 * one bigint strategy then builds its values, or reports the contradiction.
 */
export function meetBigints(members: readonly BigIntType[]): BigIntType {
  const constraints: BigIntConstraints = {};
  for (const member of members) {
    const { minimum, maximum } = member.constraints ?? {};
    if (minimum !== undefined && (constraints.minimum === undefined || BigInt(minimum) > BigInt(constraints.minimum))) constraints.minimum = minimum;
    if (maximum !== undefined && (constraints.maximum === undefined || BigInt(maximum) < BigInt(constraints.maximum))) constraints.maximum = maximum;
  }
  const met: BigIntType = { kind: 'bigint', constraints };
  if (members.some((member) => member.brand)) met.brand = true;
  return met;
}
