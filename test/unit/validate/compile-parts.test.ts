/** Small pieces of the validator compiler: decimal steps and the statement printer. */
import { describe, expect, it } from 'vitest';
import { decimalFraction } from '../../../src/model/decimal-fraction.js';
import { code, negate, printStatements, when } from '../../../src/generators/validate/compile/statements.js';

describe('decimalFraction', () => {
  it('turns decimal steps into exact fractions', () => {
    expect(decimalFraction('0.01')).toEqual({ numerator: '1', denominator: '100' });
    expect(decimalFraction('2.50')).toEqual({ numerator: '25', denominator: '10' });
    expect(decimalFraction('5')).toEqual({ numerator: '5', denominator: '1' });
    expect(decimalFraction('1e-3')).toEqual({ numerator: '1', denominator: '1000' });
    expect(decimalFraction('1.5e2')).toEqual({ numerator: '150', denominator: '1' });
  });

  it('refuses steps that are not positive decimals or too fine for a double', () => {
    expect(() => decimalFraction('-1')).toThrow();
    expect(() => decimalFraction('0')).toThrow(/greater than 0/);
    expect(() => decimalFraction('abc')).toThrow();
    expect(() => decimalFraction('1e-30')).toThrow(/more digits/);
  });
});

describe('statements', () => {
  it('negates simple tests the way a reader would', () => {
    expect(negate('typeof x === "string"')).toBe('typeof x !== "string"');
    expect(negate('x !== null')).toBe('x === null');
    expect(negate('isUser(value.owner)')).toBe('!isUser(value.owner)');
    expect(negate('!isUser(value)')).toBe('isUser(value)');
    expect(negate('a && b')).toBe('!(a && b)');
  });

  it('merges nested conditions and prints else-if chains', () => {
    expect(printStatements(when('a', when('b || c', [code('x();')])))).toBe('if (a && (b || c)) x();');
    expect(printStatements(when('a', [code('x();')], when('b', [code('y();')], [code('z();')])))).toBe('if (a) x();\nelse if (b) y();\nelse z();');
    expect(when('a', [])).toEqual([]);
  });

  it('braces a lone if in a then-branch so it cannot take the else', () => {
    const nested = [{ kind: 'if' as const, test: 'b', then: [code('x();')], otherwise: [code('w();')] }];
    expect(printStatements(when('a', nested, [code('y();')]))).toBe('if (a) {\nif (b) x();\nelse w();\n}\nelse y();');
  });
});
