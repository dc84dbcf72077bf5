/** Decimal steps as exact fractions, for `multipleOf` checks free of binary rounding errors. */

export interface DecimalFraction {
  /** Integer numerator, as code. */
  numerator: string;
  /** A power of ten, as code. */
  denominator: string;
}

/** `"0.01"` → 1/100, `"2.5"` → 25/10, `"1e-3"` → 1/1000, `"5"` → 5/1. */
export function decimalFraction(text: string): DecimalFraction {
  const match = /^\+?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.trim());
  if (!match || (match[1] === '' && !match[2])) throw new Error(`multipleOf must be a positive decimal, got "${text}".`);
  const digits = `${match[1]}${match[2] ?? ''}`.replace(/^0+(?=\d)/, '');
  let scale = (match[2] ?? '').length - Number(match[3] ?? 0);
  let numerator = BigInt(digits);
  if (numerator === 0n) throw new Error(`multipleOf must be greater than 0, got "${text}".`);
  if (scale < 0) {
    numerator *= 10n ** BigInt(-scale);
    scale = 0;
  }
  while (scale > 0 && numerator % 10n === 0n) {
    numerator /= 10n;
    scale -= 1;
  }
  if (scale > 22 || numerator > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Error(`multipleOf "${text}" has more digits than a double can check exactly.`);
  }
  return { numerator: numerator.toString(), denominator: `1${'0'.repeat(scale)}` };
}
