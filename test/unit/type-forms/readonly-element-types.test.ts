/**
 * Issue 9 (type-form property, seed 31, form F16 of 80): a readonly array or tuple where a
 * postfix follows in a printed type. The mock printed `[readonly [string, boolean]?]`, which is
 * no TypeScript (TS1354, TS17019), so the mock file failed tsc --strict; `readonly string[][]`
 * would have been a readonly array of arrays. The verdicts are tsc's own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

const BASE = { a: [], b: [], c: [], d: [], e: ['s'], f: [] };
/** The valid value above as TypeScript source, property by property. */
const SOURCE: Record<string, string> = { a: '[] as []', b: '[] as []', c: '[]', d: '[]', e: "['s'] as [string]", f: '[]' };
/** `BASE` with one property replaced, and its source. */
function readonlies(patch: Record<string, unknown>, valid: boolean, text?: string): Verdict {
  const [key] = Object.keys(patch);
  const source = { ...SOURCE, ...(key ? { [key]: text! } : {}) };
  return { value: { ...BASE, ...patch }, valid, text: `{ ${Object.entries(source).map(([name, written]) => `${name}: ${written}`).join(', ')} }` };
}

const VERDICTS: Verdict[] = [
  readonlies({}, true),
  readonlies({ a: [['x', true]] }, true, "[['x', true]] as [[string, boolean]]"),
  readonlies({ a: [['x', 1]] }, false, "[['x', 1]] as [[string, number]]"),
  readonlies({ b: [['x']] }, true, "[['x']] as [string[]]"),
  readonlies({ b: [[1]] }, false, '[[1]] as [number[]]'),
  readonlies({ c: [['x'], []] }, true, "[['x'], []]"),
  readonlies({ c: ['x'] }, false, "['x']"),
  readonlies({ d: [[1, 2]] }, true, '[[1, 2]] as [number, number][]'),
  readonlies({ d: [[1]] }, false, '[[1]] as [number][]'),
  readonlies({ e: ['s', [1], []] }, true, "['s', [1], []] as [string, number[], number[]]"),
  readonlies({ e: ['s', 1] }, false, "['s', 1] as [string, number]"),
  readonlies({ f: [['x']] }, true, "[['x']]"),
  readonlies({ f: [[1]] }, false, '[[1]]'),
];

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('readonly-element-types', { 'readonlies-verdicts.ts': verdictFile('Readonlies', './input/readonly.js', VERDICTS, { structural: true }) });
}, 120_000);

describe('readonly arrays and tuples as optional elements, items and rests', () => {
  it('compile under tsc --strict, and TypeScript agrees with every verdict below', () => {
    expect(built.compileErrors).toBe('');
    expect(built.diagnostics).toEqual([]);
  });

  for (const { value, valid } of VERDICTS) {
    it(`Readonlies: ${JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'} for isT, validateT and the schema`, () => {
      expect(built.validators('Readonlies').accepts(value)).toBe(valid);
      expect(built.schemaAccepts('Readonlies', value)).toBe(valid);
    });
  }

  it('mocks pass the validators and the schema', () => {
    expect(failingMocks(built, 'Readonlies', 40)).toEqual([]);
  });
});
