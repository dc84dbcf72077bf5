/**
 * Issue 9: a function type among a union's members, an array's items or a tuple's optional
 * element. The mock typed its stub `() => never` unparenthesized, so `oneOf<Options | () => never>`
 * was no TypeScript: Prettier refused the generated file (CG3004) and generation failed. Functions
 * are not data (CG2004): validators check that a function is one, and mocks stub them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, type BuiltCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

const noop = (): void => undefined;
const HOOKS = { handler: {}, either: 'x', list: [], pair: ['a'], maybe: null };

/** Values with functions: JSON cannot write them, so each has its TypeScript text. */
const VERDICTS: Array<Verdict & { text: string }> = [
  { value: HOOKS, valid: true, text: "{ handler: {}, either: 'x', list: [], pair: ['a'] as [string], maybe: null }" },
  { value: { ...HOOKS, handler: noop }, valid: true, text: "{ handler: () => undefined, either: 'x', list: [], pair: ['a'] as [string] }" },
  { value: { ...HOOKS, either: (value: string) => value === 'x' }, valid: true, text: "{ handler: {}, either: (value: string) => value === 'x', list: [], pair: ['a'] as [string] }" },
  { value: { ...HOOKS, list: [1, noop] }, valid: true, text: "{ handler: {}, either: 'x', list: [1, () => undefined], pair: ['a'] as [string] }" },
  { value: { ...HOOKS, pair: ['a', noop] }, valid: true, text: "{ handler: {}, either: 'x', list: [], pair: ['a', () => undefined] as [string, () => void] }" },
  { value: { ...HOOKS, maybe: noop }, valid: true, text: "{ handler: {}, either: 'x', list: [], pair: ['a'] as [string], maybe: () => undefined }" },
  { value: { ...HOOKS, handler: { size: 'big' } }, valid: false, text: "{ handler: { size: 'big' }, either: 'x', list: [], pair: ['a'] as [string] }" },
  { value: { ...HOOKS, either: 1 }, valid: false, text: "{ handler: {}, either: 1, list: [], pair: ['a'] as [string] }" },
  { value: { ...HOOKS, list: ['x'] }, valid: false, text: "{ handler: {}, either: 'x', list: ['x'], pair: ['a'] as [string] }" },
  { value: { ...HOOKS, pair: ['a', 1] }, valid: false, text: "{ handler: {}, either: 'x', list: [], pair: ['a', 1] as [string, number] }" },
  { value: { ...HOOKS, maybe: 'x' }, valid: false, text: "{ handler: {}, either: 'x', list: [], pair: ['a'] as [string], maybe: 'x' }" },
];

let built: BuiltCase;

beforeAll(async () => {
  // Formatted as `codegen generate` formats: Prettier is what refused the file.
  built = await buildCase('function-union-mocks', { 'hooks-verdicts.ts': verdictFile('Hooks', './input/callbacks.js', VERDICTS, { structural: true }) }, { formatted: true });
}, 120_000);

describe('functions in unions, arrays and optional tuple elements', () => {
  it('generate, format and compile under tsc --strict; the only diagnostics are the functions themselves (CG2004)', () => {
    expect(built.compileErrors).toBe('');
    expect(built.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.severity}`)).toEqual(Array(5).fill('CG2004 warning'));
  });

  for (const { value, valid } of VERDICTS) {
    it(`Hooks: ${JSON.stringify(value)} (functions left out of the title) is ${valid ? 'valid' : 'invalid'} for isT and validateT`, () => {
      expect(built.validators('Hooks').accepts(value)).toBe(valid);
    });
  }

  it('mocks pass the validators, with a stub where a function stands', () => {
    for (const type of ['Hooks', 'Handler']) {
      for (let seed = 0; seed < 40; seed += 1) {
        const mock = built.mock(type, seed);
        expect(built.validators(type).issues(mock)).toEqual([]);
      }
    }
    const stubs = Array.from({ length: 40 }, (_, seed) => built.mock('Handler', seed)).filter((mock) => typeof mock === 'function');
    expect(stubs.length).toBeGreaterThan(0);
  });
});
