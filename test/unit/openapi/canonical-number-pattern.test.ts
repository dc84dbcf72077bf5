/**
 * The numeric-key pattern of a number index signature admits every text `String(x)` prints, for
 * doubles of every exponent, and rejects the non-canonical texts a looser pattern let through. The
 * one residue no pattern can express (digits beyond round-trip precision) is asserted to remain,
 * as docs/openapi.md says.
 */
import { describe, expect, it } from 'vitest';
import { CANONICAL_NUMBER_PATTERN } from '../../../src/generators/openapi/schemas/objects.js';

// ajv compiles patterns with the `u` flag.
const pattern = new RegExp(CANONICAL_NUMBER_PATTERN, 'u');

/** Doubles from every corner: bounds, the ends of the written-out ranges, and random bit patterns (seeded, so a failure repeats). */
function doubles(): number[] {
  const values = [0, -0, 1, -1, NaN, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE, -Number.MIN_VALUE, 1e21, 1e20, 999999999999999900000, 0.000001, 1e-7, 0.0000015, 0.1 + 0.2, 2 ** 53, -(2 ** 53) - 2];
  const view = new DataView(new ArrayBuffer(8));
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  for (let i = 0; i < 20_000; i++) {
    view.setUint32(0, next());
    view.setUint32(4, next());
    values.push(view.getFloat64(0));
    values.push((next() / 2 ** 32) * 10 ** ((next() % 50) - 25));
    values.push(Math.floor((next() / 2 ** 32) * 10 ** (next() % 24)));
  }
  return values;
}

describe('the canonical number pattern', () => {
  it('admits String(x) for every double', () => {
    const missed = doubles().map(String).filter((text) => !pattern.test(text));
    expect(missed).toEqual([]);
  });

  it.each(['1e+5', '1e+20', '0.0000001', '0.00000010', '123456789012345678901', '1234567890123456789', '1.23456789012345678', '1e+400', '1e-325', '1e-5', '-0', '01', '+1', '1.0', '.5', '1E+21', '1e3', '-NaN', ' 1'])(
    'rejects %s, which String would write otherwise',
    (text) => {
      expect(String(Number(text)) === text).toBe(false);
      expect(pattern.test(text)).toBe(false);
    },
  );

  it.each(['9007199254740993', '1.0000000000000001', '2e+308', '1e-324'])('admits %s, digits of the right form that no double prints (the known residue)', (text) => {
    expect(String(Number(text)) === text).toBe(false);
    expect(pattern.test(text)).toBe(true);
  });
});
