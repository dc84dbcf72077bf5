/**
 * Enum members whose values JSON cannot carry, and a member its own enum object cannot hold
 * (issue 9 S7, S8). `A = NaN` compiled to `value === NaN` (TS2845 under `--strict`, never true) and
 * `Inf = 1e400` was `null` in the OpenAPI `enum` while `isT(Infinity)` was true: such a member is
 * now CG2022 at the member and left out of every output (decided: JSON has no NaN or Infinity, so
 * no schema can list it). `enum Odd { __proto__ = 'proto' }` runs `Odd["__proto__"] = "proto"`,
 * which sets no property: the mock writes the value, not `Odd.__proto__` (`Object.prototype`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';

let built: BuiltCase;
let enums: { Odd: Record<string, unknown>; NumProto: Record<string, unknown>; NumOdd: Record<string, number>; WithNaN: Record<string, number> };

beforeAll(async () => {
  built = await buildCase('enum-odd-values');
  enums = (await import('../../.tmp/type-forms/enum-odd-values/input/odd.js' as string)) as typeof enums;
}, 120_000);

const ENUMS = { o: 'a', proto: 'proto', np: 2, n: 16, keys: '__proto__' };

describe('enum values JSON cannot carry, and a member named __proto__', () => {
  it('compiles under tsc --strict (no `value === NaN`)', () => {
    expect(built.compileErrors).toBe('');
  });

  it('reports each non-finite member at the member (CG2022), Number.NaN included', () => {
    expect(built.diagnostics.map((d) => `${d.code} ${d.line}`)).toEqual(['CG2022 21', 'CG2022 22', 'CG2022 27', 'CG2022 29']);
  });

  it('leaves them out of the validators, which reject them and accept the finite members', () => {
    const withNaN = built.validators('WithNaN');
    expect(withNaN.accepts(enums.WithNaN['B'])).toBe(true);
    expect(withNaN.accepts(Number.NaN)).toBe(false);
    const numOdd = built.validators('NumOdd');
    expect(numOdd.accepts(Number.POSITIVE_INFINITY)).toBe(false);
    expect(numOdd.accepts(Number.NEGATIVE_INFINITY)).toBe(false);
    for (const value of [0, -0, 2 ** 53, 0.5, 16]) expect(numOdd.accepts(value), String(value)).toBe(true);
  });

  it('lists no null in the OpenAPI enums', () => {
    const schemas = built.document.components!.schemas! as Record<string, { enum?: unknown[] }>;
    expect(schemas['NumOdd']!.enum).toEqual([0, 2 ** 53, 0.5, 16]);
    expect(schemas['WithNaN']!.enum).toEqual([1]);
  });

  it('checks a member named __proto__ by its declared value, which its enum object does not hold', () => {
    expect(enums.Odd['__proto__']).toBe(Object.prototype);
    const odd = built.validators('Odd');
    expect(odd.accepts('proto')).toBe(true);
    expect(odd.accepts(Object.prototype)).toBe(false);
    expect(built.validators('Enums').accepts(ENUMS)).toBe(true);
    expect(built.schemaAccepts('Enums', ENUMS)).toBe(true);
    expect(built.validators('NumProto').accepts(1)).toBe(true);
  });

  it('mocks pass the validators and the schema, the __proto__ members included', () => {
    for (const type of ['Odd', 'NumProto', 'NumOdd', 'WithNaN', 'Enums']) expect(failingMocks(built, type), type).toEqual([]);
    const odds = new Set(Array.from({ length: 40 }, (_, seed) => built.mock('Odd', seed)));
    expect(odds).toContain('proto');
    expect(new Set(Array.from({ length: 40 }, (_, seed) => built.mock('NumProto', seed)))).toContain(1);
  });
});
