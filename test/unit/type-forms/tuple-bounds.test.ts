/**
 * Issue 9 G4: `@minItems` / `@maxItems` on a tuple whose length varies (optional elements, a
 * rest, fixed elements after a rest; through an alias, readonly, optional, nullable) bound its
 * length, in the validators, the OpenAPI schema (`minItems` / `maxItems` beside `prefixItems`)
 * and the mocks. Every value below is of the tuple type (tsc checks them); the bounds reject
 * some. On a fixed-length tuple the tags are CG2006; bounds leaving no length are CG2011.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeFixture } from '../analyzer/run-fixture.js';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

/** Values of the property's tuple type, and whether the bounds keep them. */
const CASES: Array<[property: string, value: unknown, withinBounds: boolean]> = [
  ['tu', [], false],
  ['tu', ['a'], true],
  ['tu', ['a', 'b'], true],
  ['tu', ['a', 'b', 'c'], false],
  ['opt', ['a'], false],
  ['opt', ['a', 1], true],
  ['opt', ['a', 1, true], true],
  ['rest', ['a'], true],
  ['rest', ['a', 1, 2], true],
  ['rest', ['a', 1, 2, 3], false],
  ['restMin', ['a', 1], false],
  ['restMin', ['a', 1, 2], true],
  ['restMin', ['a', 1, 2, 3, 4], true],
  ['leading', [1], false],
  ['leading', ['a', 1], true],
  ['leading', ['a', 'b', 1], true],
  ['leading', ['a', 'b', 'c', 1], false],
  ['pair', ['a'], false],
  ['pair', ['a', 'b', 'c'], true],
  ['labelled', ['a'], true],
  ['labelled', ['a', 1], false],
  ['maybe', ['a'], false],
  ['maybe', ['a', 'b'], true],
  ['nullable', null, true],
  ['nullable', ['a'], false],
  ['nullable', ['a', 'b'], true],
  ['compact', [], false],
  ['compact', [1, 2], true],
  ['compact', [1, 2, 3], false],
];

/** Not of the type at all: the shape still decides first. */
const WRONG_SHAPE: Verdict[] = [
  { property: 'tu', value: [1], valid: false },
  { property: 'rest', value: ['a', 'b'], valid: false },
  { property: 'leading', value: ['a', 'b'], valid: false },
];

/** A valid value the cases replace one property of. */
const BASE = { tu: ['a'], opt: ['a', 1], rest: ['a'], restMin: ['a', 1, 2], leading: ['a', 1], pair: ['a', 'b'], labelled: ['a'], nullable: null };

const typed: Verdict[] = [...CASES.map(([property, value]) => ({ property, value, valid: true })), ...WRONG_SHAPE];

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('tuple-bounds', { 'verdicts.ts': verdictFile('TupleBounds', './input/tuple-bounds.js', typed) });
}, 120_000);

describe('@minItems and @maxItems on tuples', () => {
  it('compile under tsc --strict (every case value is of its tuple type), without diagnostics', () => {
    expect(built.compileErrors).toBe('');
    expect(built.diagnostics).toEqual([]);
  });

  for (const [property, value, valid] of [...CASES, ...WRONG_SHAPE.map(({ property, value, valid }) => [property!, value, valid] as const)]) {
    it(`${property}: ${JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'} for isT, validateT and the schema`, () => {
      const whole = { ...BASE, [property]: value };
      expect(built.validators('TupleBounds').accepts(whole)).toBe(valid);
      expect(built.validators('TupleBounds').issues(whole).length === 0).toBe(valid);
      // JSON Schema cannot place an element after a rest (`[...string[], number]`): the schema's
      // documented approximation (a union of the two as `items`) takes ['a', 'b'].
      if (!(property === 'leading' && JSON.stringify(value) === '["a","b"]')) expect(built.schemaAccepts('TupleBounds', whole)).toBe(valid);
    });
  }

  it('validateT reports the bound, at the tuple', () => {
    expect(built.validators('TupleBounds').issues({ ...BASE, tu: ['a', 'b', 'c'] })).toEqual(['/tu maxItems']);
    expect(built.validators('TupleBounds').issues({ ...BASE, restMin: ['a', 1] })).toEqual(['/restMin minItems']);
  });

  it('the schema says the bounds beside prefixItems', () => {
    const schema = built.document.components?.schemas?.['TupleBounds'] as { properties: Record<string, { minItems?: number; maxItems?: number }> };
    expect([schema.properties['tu']?.minItems, schema.properties['tu']?.maxItems]).toEqual([1, 2]);
    expect([schema.properties['restMin']?.minItems, schema.properties['restMin']?.maxItems]).toEqual([3, undefined]);
  });

  it('mocks pass the validators and the schema, and take every length the bounds allow', () => {
    expect(failingMocks(built, 'TupleBounds', 80)).toEqual([]);
    const lengths = (property: string): number[] =>
      [...new Set(Array.from({ length: 80 }, (_, seed) => ((built.mock('TupleBounds', seed) as Record<string, unknown[]>)[property] ?? []).length))].sort();
    expect(lengths('tu')).toEqual([1, 2]);
    expect(lengths('opt')).toEqual([2, 3]);
    expect(lengths('restMin')[0]).toBe(3);
  });
});

describe('@minItems and @maxItems where a tuple cannot take them', () => {
  const { diagnostics } = analyzeFixture('tuple-bounds-diagnostics');
  const at = (property: string) => diagnostics.filter((diagnostic) => diagnostic.message.includes(`.${property}`)).map((diagnostic) => diagnostic.code);

  it('CG2011 when the bounds leave no length the tuple can have', () => {
    expect([at('tooLong'), at('tooShort'), at('crossed')]).toEqual([['CG2011'], ['CG2011'], ['CG2011']]);
  });

  it('CG2006 on a fixed-length tuple, and for @uniqueItems (arrays only)', () => {
    expect([at('fixed'), at('unique')]).toEqual([['CG2006'], ['CG2006']]);
  });

  it('nothing where the bounds fit', () => {
    expect(at('fits')).toEqual([]);
  });
});
