/**
 * CG2021 is said for each type whose property loses an alias's constraints, not once per source
 * property: two mapped types over one `Src` that both drop `Code`'s `@minLength` are two warnings
 * (tester8 F1: the second, CondN_Src.code, was checked without the bound and said nothing, since
 * both warnings sat at `Src.code` and only the first was kept).
 */
import { describe, expect, it } from 'vitest';
import { analyzeSources } from '../openapi/helpers.js';

const SOURCE = `/** @minLength 2 */
export type Code = string;
export interface Src { code: Code }
export type DeepRO<T> = T extends (infer U)[] ? ReadonlyArray<DeepRO<U>> : T extends object ? { readonly [K in keyof T]: DeepRO<T[K]> } : T;
export type CondN<T> = { [K in keyof T]: T[K] extends string ? T[K] | null : T[K] };
export interface Uses { dr: DeepRO<Src>; n: CondN<Src> }
`;

describe('CG2021 for a constrained alias a mapped type cannot carry', () => {
  it('names every type that loses it, each at the source property', () => {
    const { diagnostics } = analyzeSources({ 'm.ts': SOURCE });
    const dropped = diagnostics.filter((d) => d.code === 'CG2021').map((d) => `${d.line}:${d.column} ${d.message.slice(0, d.message.indexOf(':'))}`);
    expect(dropped.sort()).toEqual(['3:24 The constraints of Code do not reach CondN_Src.code', '3:24 The constraints of Code do not reach DeepRO_Src.code']);
  });
});
