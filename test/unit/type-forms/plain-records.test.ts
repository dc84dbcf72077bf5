/**
 * Issue 9 (left item 8b): a type of index signatures only (`Record<string, V>`, `{ [k: string]: V }`,
 * an interface of one) accepts plain objects only (made by `{}`, JSON.parse or
 * `Object.create(null)`), as TypeScript does: an interface or a class has no implicit index
 * signature, so a `Date`, a `Map` or a class instance is no `Record<string, unknown>` (TS2322),
 * though each is an object whose own keys would all pass. The verdicts are tsc's own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

class Counter {
  count = 1;
}

const instances = (type: string): Verdict[] => [
  { value: new Date(0), text: 'new Date(0)', valid: false },
  { value: new Map(), text: 'new Map<string, never>()', valid: false },
  { value: new Counter(), text: 'new (class Counter { count = 1; })()', valid: false },
  // `Object.create` returns `any`: tsc has no verdict of its own here; a dictionary without a prototype is a plain object.
  { value: Object.create(null), text: `Object.create(null) as ${type}`, valid: true },
];

const SCORES: Verdict[] = [{ value: { a: 1 }, valid: true }, { value: {}, valid: true }, { value: { a: 'x' }, valid: false }, ...instances('Scores')];
const LOOSE: Verdict[] = [{ value: { a: 'x', b: [1] }, valid: true }, ...instances('Loose')];
const DICTIONARY: Verdict[] = [{ value: { hello: 'hallo' }, valid: true }, { value: { hello: 1 }, valid: false }, ...instances('Dictionary').filter(({ valid }) => !valid)];

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('plain-records', {
    'scores-verdicts.ts': verdictFile('Scores', './input/records.js', SCORES),
    'loose-verdicts.ts': verdictFile('Loose', './input/records.js', LOOSE),
    'dictionary-verdicts.ts': verdictFile('Dictionary', './input/records.js', DICTIONARY),
  });
}, 120_000);

describe('types of index signatures only accept plain objects', () => {
  it('compile under tsc --strict, and TypeScript agrees with every verdict below', () => {
    expect(built.compileErrors).toBe('');
    expect(built.diagnostics).toEqual([]);
  });

  for (const [type, verdicts] of [['Scores', SCORES], ['Loose', LOOSE], ['Dictionary', DICTIONARY]] as const) {
    for (const { value, text, valid } of verdicts) {
      it(`${type}: ${text ?? JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'} for isT, validateT and assertT`, () => {
        expect(built.validators(type).accepts(value)).toBe(valid);
      });
    }
  }

  it('say where: a Date in a property is an object issue at its path', () => {
    const holder = { scores: { a: 1 }, words: null, nested: [{ ok: true }] };
    expect(built.validators('Holder').accepts(holder)).toBe(true);
    expect(built.validators('Holder').issues({ ...holder, scores: new Date(0) })).toEqual(['/scores type']);
    expect(built.validators('Holder').issues({ ...holder, words: new Map(), nested: [new Counter()] })).toEqual(['/words type', '/nested/0 type']);
    // A Record<number, V> takes an array, as TypeScript does not: objects and arrays stay apart, by design (docs/validate.md).
    expect(built.validators('ByIndex').accepts(['a'])).toBe(false);
  });

  it('mocks pass the validators and the schema', () => {
    for (const type of ['Scores', 'Dictionary', 'Loose', 'ByIndex', 'Holder']) expect(failingMocks(built, type, 20)).toEqual([]);
  });
});
