/**
 * `isMultipleOf` decides most values by arithmetic and the rest on the digits of `String(value)`.
 * The arithmetic must answer exactly as the digits do: both are compared here on values written
 * with few and many decimals, sums that miss their decimal (0.1 * 3), the neighbours of each
 * (one unit in the last place either way) and values around where the arithmetic hands over.
 * The runtime template's copy (templates/validate/runtime.hbs) is the same code.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isMultipleOf, isMultipleOfByDigits } from '../../../src/model/multiple-of.js';

// Steps as the generator writes them (model/decimal-fraction.ts): an integer numerator over a power of ten.
const STEPS: Array<[number, number]> = [[1, 100], [1, 10], [5, 1], [3, 1], [25, 10], [7, 1000], [1, 1e22], [9007199254740991, 1], [1, 1]];

/** The double next to `value`, one unit in the last place up (`+1`) or down (`-1`). */
function neighbour(value: number, direction: 1 | -1): number {
  if (value === 0) return direction * Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, (value > 0) === (direction > 0) ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

/** A deterministic generator (mulberry32), so a failure names a value that fails again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function values(): number[] {
  const next = random(12);
  const out = [0, -0, 0.3, 0.1 * 3, 19.99, 9.999, 1e15, 1e13, 1e21, 1.5e-7, 5e-324, Number.MAX_VALUE, Number.MAX_SAFE_INTEGER];
  for (let i = 0; i < 4000; i++) {
    const places = Math.floor(next() * 8);
    const magnitude = 10 ** Math.floor(next() * 18);
    const written = Math.round(next() * magnitude) / 10 ** places;
    out.push(written, -written, written * 3, written + 0.1, written / 7);
  }
  // Around 10^15 / denominator, where the arithmetic hands over to the digits.
  for (const [, denominator] of STEPS) for (let k = -3; k <= 3; k++) out.push((1e15 + k) / denominator, (1e15 + k * 0.25) / denominator);
  return out.flatMap((value) => [value, neighbour(value, 1), neighbour(value, -1)]);
}

describe('isMultipleOf', () => {
  it('answers as the digits of String(value) do, for every step', () => {
    const disagreements: string[] = [];
    for (const value of values())
      for (const [numerator, denominator] of STEPS)
        if (isMultipleOf(value, numerator, denominator) !== isMultipleOfByDigits(value, numerator, denominator))
          disagreements.push(`${String(value)} of ${numerator}/${denominator}`);
    expect(disagreements).toEqual([]);
  });

  it('accepts decimals that binary floating point cannot hold, and rejects sums that miss them', () => {
    expect(isMultipleOf(19.99, 1, 100)).toBe(true);
    expect(isMultipleOf(0.3, 1, 10)).toBe(true);
    expect(isMultipleOf(0.1 * 3, 1, 10)).toBe(false);
    expect(isMultipleOf(3.0000000000000004, 3, 1)).toBe(false);
    expect(isMultipleOf(2.5, 25, 10)).toBe(true);
    expect(isMultipleOf(5, 25, 10)).toBe(true);
    expect(isMultipleOf(3.75, 25, 10)).toBe(false);
  });

  it('counts the zeros of a step written with an exponent (1e-22 is 1 / 1e+22)', () => {
    expect(isMultipleOfByDigits(1.5e-7, 1, 1e22)).toBe(true);
    expect(isMultipleOfByDigits(1.5e-7, 7, 1e22)).toBe(false);
    expect(isMultipleOf(1.5e-7, 1, 1e22)).toBe(true);
  });

  it('is the code of the runtime template', () => {
    const body = (text: string): string => {
      const start = text.indexOf('export function isMultipleOf(');
      return text.slice(start, text.indexOf('\n}\n', text.indexOf('function isMultipleOfByDigits(', start)) + 2).replaceAll('"', "'").replace('export function isMultipleOfByDigits', 'function isMultipleOfByDigits');
    };
    const source = readFileSync(new URL('../../../src/model/multiple-of.ts', import.meta.url), 'utf8');
    const template = readFileSync(new URL('../../../templates/validate/runtime.hbs', import.meta.url), 'utf8');
    expect(body(template)).toBe(body(source));
  });
});
