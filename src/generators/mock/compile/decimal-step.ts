/** `multipleOf` steps as exact fractions, so that mocks stay on decimal steps (19.99 for 0.01). */

export interface Fraction {
  numerator: number;
  denominator: number;
}

/** `"0.01"` → 1/100, `"2.5"` → 5/2, `"1e-3"` → 1/1000; undefined for anything but a positive decimal. */
export function decimalStep(text: string): Fraction | undefined {
  const match = /^\+?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.trim());
  if (!match || (match[1] === '' && !match[2])) return undefined;
  let numerator = BigInt(`${match[1]}${match[2] ?? ''}` || '0');
  const exponent = (match[2] ?? '').length - Number(match[3] ?? 0);
  if (numerator === 0n) return undefined;
  let denominator = 1n;
  if (exponent < 0) numerator *= 10n ** BigInt(-exponent);
  else denominator = 10n ** BigInt(exponent);
  const divisor = gcd(numerator, denominator);
  numerator /= divisor;
  denominator /= divisor;
  if (numerator > BigInt(Number.MAX_SAFE_INTEGER) || denominator > 10n ** 22n) return undefined;
  return { numerator: Number(numerator), denominator: Number(denominator) };
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}
