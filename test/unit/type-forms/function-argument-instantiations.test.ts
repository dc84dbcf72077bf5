/**
 * Issue 9, tester s7 R8: a generic alias instantiated with inline function or constructor types
 * (`Fn<((a: string) => number) | ((b: boolean) => string)>`). The model reads those arguments as
 * unsupported, so the instantiation was printed `Fn<unknown | unknown>`, which TypeScript reads as
 * `never`: the mock failed `tsc --strict` (TS2322). Such an instantiation is now printed as what
 * it resolves to, and its arguments, which the value does not hold, raise no CG2004.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

/** A valid `Row`, every property at its simplest. */
const ROW = {
  fn: [['a'], 1],
  made: { args: ['s'], made: { s: 'x' } },
  payload: { event: { id: 'i' } },
  typed: { event: { code: 1 } },
  boxed: { value: 'x' },
  other: [[], true],
  returns: { a: 's', b: 1 },
  tupleReturns: ['s', 1],
  list: [],
  byName: {},
  pair: [[[true], 's'], 1],
};

/** `ROW` with `property` replaced, and TypeScript's verdict on it. */
const row = (property: keyof typeof ROW | 'maybe', value: unknown, valid: boolean): Verdict => ({ value: { ...ROW, [property]: value }, valid });

const VERDICTS: Verdict[] = [
  { value: ROW, valid: true },
  row('fn', [[true], 's'], true),
  row('fn', [[true], 1], false),
  row('fn', [['a'], 's'], false),
  row('fn', [[], 1], false),
  row('made', { args: [], made: { n: 1 } }, true),
  row('made', { args: ['s'], made: { n: 1 } }, false),
  row('made', { args: [1], made: { s: 'x' } }, false),
  row('made', { args: [], made: {} }, false),
  row('payload', { event: { code: 1 } }, true),
  row('payload', { event: { code: '1' } }, false),
  row('payload', {}, false),
  row('typed', { event: { id: 'i' } }, true),
  row('typed', { event: { id: 1 } }, false),
  row('boxed', { value: 1 }, false),
  row('other', [[1], null], true),
  row('other', [[], null], false),
  row('other', [[1], true], false),
  row('returns', { a: 1, b: 1 }, false),
  row('tupleReturns', ['s', 's'], false),
  row('list', [[['a'], 1], [[false], 'x']], true),
  row('list', [[['a'], 'x']], false),
  row('byName', { k: { event: { id: 'i' } }, l: { event: { code: 2 } } }, true),
  row('byName', { k: { event: { id: 2 } } }, false),
  row('pair', [[['a'], 2], 3], true),
  row('pair', [[['a'], 2], 's'], false),
  row('maybe', { args: [], made: { n: 1 } }, true),
  row('maybe', { args: [], made: { s: 'x' } }, false),
];

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('function-argument-instantiations', { 'row-verdicts.ts': verdictFile('Row', './input/handlers.js', VERDICTS) });
}, 240_000);

describe('instantiations with inline function and constructor type arguments', () => {
  it('compile under tsc --strict, TypeScript judging every verdict below as written', () => {
    expect(built.compileErrors).toBe('');
  });

  it('are printed as what they resolve to, never with unknown for an argument', () => {
    const folder = resolve('test/.tmp/type-forms/function-argument-instantiations/generated');
    const code = ['handlers.mock.ts', 'handlers.validate.ts'].map((file) => readFileSync(join(folder, file), 'utf8')).join('\n');
    expect(code).not.toMatch(/(Fn|Ctor|Payload|Boxed|Returns)<[^>]*unknown/);
    expect(code).toContain('[[string], number] | [[boolean], string]');
  });

  it('report CG2004 only for the function the value holds (Hold<() => void>), not for arguments it does not', () => {
    expect(built.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`)).toEqual([
      "CG2004 Unsupported type '() => void' (Hold_Function.held): validators check that it is a function, not its parameters or result; JSON cannot carry it.",
    ]);
  });

  for (const { value, valid } of VERDICTS) {
    it(`Row: ${JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'} for isT, validateT and the schema`, () => {
      expect(built.validators('Row').accepts(value)).toBe(valid);
      expect(built.schemaAccepts('Row', value)).toBe(valid);
    });
  }

  it('mocks pass the validators', () => {
    // Not the schema: JSON drops the stub function `hold.held` holds.
    for (let seed = 0; seed < 60; seed += 1) expect(built.validators('Row').issues(built.mock('Row', seed)), `seed ${seed}`).toEqual([]);
    for (const type of ['Fn_FunctionOrFunction', 'Ctor_ConstructorOrConstructor', 'Payload_FunctionOrFunction', 'Fn_FunctionOrFunction_2', 'Returns_ObjectWithAAndB']) {
      expect(failingMocks(built, type, 40), type).toEqual([]);
    }
  });
});
