/**
 * A required member whose values no runtime test can tell (`b: Promise<string>`, CG2004) makes its
 * type reject every value. The generated `isT` must still compile under tsc --strict and the strict
 * extras: a `false` in the middle of the members' checks left the code after it unreachable, where
 * TypeScript no longer narrows `value` (TS18046 on `value.c`, TS2407 on the `@strict` key loop).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, type BuiltCase } from './helpers.js';

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('rejects-every-value');
}, 120_000);

describe('a type with a required member no value can have', () => {
  it('compiles under tsc --strict with the strict extras', () => {
    expect(built.compileErrors).toBe('');
    expect(built.diagnostics.map((d) => d.code)).toEqual(['CG2004', 'CG2004', 'CG2004']);
  });

  it('rejects every value, with or without @strict', () => {
    for (const type of ['Holder', 'StrictHolder']) {
      expect(built.validators(type).accepts({ g: 'x', b: Promise.resolve('y'), c: 1 })).toBe(false);
      expect(built.validators(type).accepts({ g: 'x', c: 1 })).toBe(false);
      expect(built.validators(type).accepts('x')).toBe(false);
    }
  });

  it('says where: the member that no value passes, beside the others', () => {
    expect(built.validators('Holder').issues({ g: 1, b: 2, c: 3 })).toEqual(['/g type', '/b type']);
  });

  it('accepts the value without the member when it is optional', () => {
    expect(built.validators('OptionalHolder').accepts({ g: 'x' })).toBe(true);
    expect(built.validators('OptionalHolder').accepts({ g: 'x', b: Promise.resolve('y') })).toBe(false);
  });
});
