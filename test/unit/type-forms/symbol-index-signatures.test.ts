/**
 * A symbol index signature (`[k: symbol]: number`, `Record<symbol, V>`, the symbol part of
 * `Record<PropertyKey, V>`) constrains values validators never read: they walk string keys only,
 * so `{ [s]: 'str' }` passed `isSymIdx` without a word, where TypeScript rejects it (tester7 F8).
 * It is a located CG2004 warning now; a signature of `unknown` or `any` values constrains nothing
 * and stays silent.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSources } from '../openapi/helpers.js';

const SOURCE = `export interface SymIdx {
  [k: symbol]: number;
  a: string;
}
export interface SymRec {
  r: Record<symbol, number>;
  p: Record<PropertyKey, number>;
  free: Record<symbol, unknown>;
}
`;

describe('symbol index signatures', () => {
  it('are CG2004 at the type or property that has one, naming the values left unchecked', () => {
    const { diagnostics } = analyzeSources({ 'sym.ts': SOURCE });
    expect(diagnostics.map((d) => `${d.code} ${d.severity} ${d.line} ${d.message}`)).toEqual([
      "CG2004 warning 1 Symbol index signature (SymIdx) is not checked: validators read string keys only, so a value of another type than number under a symbol key passes where TypeScript rejects it; the schema and mocks leave symbol keys out (JSON holds none).",
      "CG2004 warning 6 Symbol index signature (SymRec.r) is not checked: validators read string keys only, so a value of another type than number under a symbol key passes where TypeScript rejects it; the schema and mocks leave symbol keys out (JSON holds none).",
      "CG2004 warning 7 Symbol index signature (SymRec.p) is not checked: validators read string keys only, so a value of another type than number under a symbol key passes where TypeScript rejects it; the schema and mocks leave symbol keys out (JSON holds none).",
    ]);
  });
});
