/**
 * `keyof (A & B)` where the intersection is never (conflicting discriminants) is, as tsc says,
 * `string | number | symbol`. Validators check each member: a string, a finite-or-not number, or
 * a symbol (`typeof`), and nothing else: `undefined`, `null`, objects and booleans fail. The
 * symbol member is still CG2004 (JSON cannot carry it).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, type BuiltCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

const KEYED: Verdict[] = [
  { value: { key: 'x' }, valid: true },
  { value: { key: 3 }, valid: true },
  { value: { key: 'x', maybe: 0 }, valid: true },
  { value: { key: 'x' }, text: "{ key: Symbol('k') }", valid: true },
  { value: {}, valid: false },
  { value: { key: null }, valid: false },
  { value: { key: true }, valid: false },
  { value: { key: {} }, valid: false },
  { value: { key: [] }, valid: false },
  { value: { key: 'x', maybe: false }, valid: false },
];

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('keyof-never', {
    'keyed-verdicts.ts': verdictFile('Keyed', './input/keys.js', KEYED),
    'any-key-verdicts.ts': verdictFile('AnyKey', './input/keys.js', KEYED.filter(({ value }) => !('maybe' in (value as object)))),
  });
}, 120_000);

describe('keyof of an intersection that is never', () => {
  it('is read as string | number | symbol, with CG2004 for the symbol only, and compiles under tsc --strict', () => {
    expect(built.compileErrors).toBe('');
    expect(built.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`)).toEqual([
      "CG2004 Unsupported type 'symbol' (Keyed.key).",
      "CG2004 Unsupported type 'symbol' (Keyed.maybe).",
      "CG2004 Unsupported type 'symbol' (AnyKey.key).",
    ]);
  });

  for (const type of ['Keyed', 'AnyKey']) {
    for (const { value, valid, text } of KEYED) {
      if (type === 'AnyKey' && 'maybe' in (value as object)) continue;
      const shown = text ?? JSON.stringify(value);
      it(`${type}: ${shown} is ${valid ? 'valid' : 'invalid'}, as tsc says`, () => {
        const actual = text ? { key: Symbol('k') } : value;
        expect(built.validators(type).accepts(actual)).toBe(valid);
        expect(built.validators(type).issues(actual).length === 0).toBe(valid);
      });
    }
  }

  it('rejects undefined and a missing key', () => {
    expect(built.validators('Keyed').accepts(undefined)).toBe(false);
    expect(built.validators('Keyed').accepts({ key: undefined })).toBe(false);
  });

  // Not through the OpenAPI schema: JSON drops a symbol-valued key (what CG2004 warns of).
  it.each(['Keyed', 'AnyKey'])('%s: mocks of 100 seeds pass isT, strings, numbers and symbols among them', (type) => {
    const mocks = Array.from({ length: 100 }, (_, seed) => built.mock(type, seed) as { key: unknown });
    expect(mocks.filter((mock) => !built.validators(type).accepts(mock))).toEqual([]);
    expect(new Set(mocks.map((mock) => typeof mock.key))).toEqual(new Set(['string', 'number', 'symbol']));
  });
});
