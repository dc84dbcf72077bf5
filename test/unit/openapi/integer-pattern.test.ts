/**
 * The bigint wire pattern accepts exactly the canonical decimal texts of the integers in range,
 * checked against BigInt comparison on values around every bound, powers of ten and random
 * values, for bounds of every sign and size (beyond 2^64 included).
 */
import { describe, expect, it } from 'vitest';
import { integerTextPattern } from '../../../src/generators/openapi/schemas/integer-pattern.js';

const BOUNDS: Array<[bigint | undefined, bigint | undefined]> = [
  [undefined, undefined],
  [0n, undefined],
  [undefined, 0n],
  [-100n, 9007199254740993n],
  [1n, 9n],
  [5n, 5n],
  [-5n, -5n],
  [10n, 99n],
  [17n, 1234n],
  [-1234n, -17n],
  [-9223372036854775808n, 9223372036854775807n],
  [0n, 18446744073709551615n],
  [123456789012345678901234567890n, undefined],
  [undefined, -98765432109876543210n],
  [-7n, 300n],
  [199n, 200n],
  [1000n, 1999n],
  [990n, 1010n],
];

/** Values around every interesting point, and a few texts that are never canonical integers. */
function candidates(bounds: Array<bigint | undefined>): string[] {
  const points = new Set<bigint>([0n, 1n, -1n]);
  for (const bound of bounds) if (bound !== undefined) points.add(bound);
  for (let power = 0n; power < 22n; power += 1n) points.add(10n ** power).add(-(10n ** power));
  let seed = 12345n;
  for (let i = 0; i < 200; i += 1) {
    seed = (seed * 6364136223846793005n + 1442695040888963407n) % 2n ** 64n;
    points.add((seed % 10n ** BigInt(1 + (i % 30))) * (i % 2 === 0 ? 1n : -1n));
  }
  const texts = [...points].flatMap((point) => [-2n, -1n, 0n, 1n, 2n].map((step) => String(point + step)));
  return [...texts, '-0', '01', '+1', '1.0', '', '-', '1e3', ' 1', '٣'];
}

describe('integerTextPattern', () => {
  for (const [minimum, maximum] of BOUNDS) {
    it(`[${minimum ?? '-∞'}, ${maximum ?? '∞'}]: matches exactly the canonical texts in range`, () => {
      const pattern = new RegExp(integerTextPattern(minimum, maximum), 'u');
      const wrong = candidates([minimum, maximum]).filter((text) => {
        const canonical = /^(?:0|-?[1-9][0-9]*)$/.test(text);
        const value = canonical ? BigInt(text) : undefined;
        const inRange = value !== undefined && (minimum === undefined || value >= minimum) && (maximum === undefined || value <= maximum);
        return pattern.test(text) !== inRange;
      });
      expect(wrong).toEqual([]);
    });
  }

  it('reads well for common bounds', () => {
    expect(integerTextPattern()).toBe('^(?:0|-?[1-9][0-9]*)$');
    expect(integerTextPattern(0n)).toBe('^(?:[0-9]|[1-9][0-9]{1,})$');
    expect(integerTextPattern(1n, 9n)).toBe('^[1-9]$');
    expect(integerTextPattern(10n, 99n)).toBe('^[1-9][0-9]$');
  });
});
