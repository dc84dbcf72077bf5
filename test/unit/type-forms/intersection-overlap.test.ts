/**
 * Intersections whose members declare one property: the property's type is the intersection of
 * the members' types, as TypeScript reads it (`{ b: string } & { b: 'x' | 'y' }` has
 * `b: 'x' | 'y'`). Where those types share no value the property is `never` (and literal tags
 * that differ make the whole type `never`): a CG2018 warning at the use, validators and schemas
 * that reject every value, and a mock that throws instead of building a value of no type.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

const VALID_OVERLAPS = {
  narrowed: { b: 'x' },
  reversed: { b: 'y' },
  mixed: { b: 2, c: 'c' },
  named: { x: 1 },
  nested: { a: { x: 's', y: 1 } },
  optional: {},
};

const OVERLAPS: Verdict[] = [
  { value: VALID_OVERLAPS, valid: true },
  { value: { ...VALID_OVERLAPS, optional: { o: 'q' } }, valid: true },
  { value: { ...VALID_OVERLAPS, narrowed: { b: 'z' } }, valid: false },
  { value: { ...VALID_OVERLAPS, reversed: { b: 'z' } }, valid: false },
  { value: { ...VALID_OVERLAPS, mixed: { b: 3, c: 'c' } }, valid: false },
  { value: { ...VALID_OVERLAPS, mixed: { b: 1 } }, valid: false },
  { value: { ...VALID_OVERLAPS, named: { x: 3 } }, valid: false },
  { value: { ...VALID_OVERLAPS, nested: { a: { x: 's' } } }, valid: false },
  { value: { ...VALID_OVERLAPS, optional: { o: 'r' } }, valid: false },
];

const CONFLICTS: Verdict[] = [
  { value: { id: 'i' }, valid: true },
  { value: { id: 'i', pair: { b: 's' } }, valid: false },
  { value: { id: 'i', tag: { k: 'a' } }, valid: false },
  { value: { id: 'i', tag: { k: 'b' } }, valid: false },
];

const PRIMITIVE_AND_OBJECT: Verdict[] = [
  { value: { id: 'a', n: 1 }, valid: false },
  { value: { id: { x: 1, y: 2 }, n: 1 }, valid: false },
];

const IMPOSSIBLE: Verdict[] = [
  { value: { b: 1 }, valid: false },
  { value: { b: 's' }, valid: false },
  { value: {}, valid: false },
];

const VALID_NARROWED = { tag: { kind: 'a', x: 1 }, circle: { kind: 'circle', radius: 1 }, square: { kind: 'square', side: 2 }, nested: { kind: 'a', inner: { t: 'y' } } };

const NARROWED: Verdict[] = [
  { value: VALID_NARROWED, valid: true },
  { value: { ...VALID_NARROWED, circle: { kind: 'circle', diameter: 'd' }, nested: { kind: 'a', inner: { t: 'x' } } }, valid: true },
  { value: { ...VALID_NARROWED, tag: { kind: 'b', y: 's' } }, valid: false },
  { value: { ...VALID_NARROWED, tag: { kind: 'a', y: 's' } }, valid: false },
  { value: { ...VALID_NARROWED, circle: { kind: 'square', side: 2 } }, valid: false },
  { value: { ...VALID_NARROWED, square: { kind: 'circle', radius: 1 } }, valid: false },
  { value: { ...VALID_NARROWED, nested: { kind: 'b' } }, valid: false },
  { value: { ...VALID_NARROWED, nested: { kind: 'a', inner: { t: 'z' } } }, valid: false },
];

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('intersection-overlap', {
    'overlap-verdicts.ts': verdictFile('Overlaps', './input/overlap.js', OVERLAPS),
    'conflict-verdicts.ts': verdictFile('Conflicts', './input/overlap.js', CONFLICTS),
    'impossible-verdicts.ts': verdictFile('Impossible', './input/overlap.js', IMPOSSIBLE),
    'primitive-verdicts.ts': verdictFile('PrimitiveAndObject', './input/overlap.js', PRIMITIVE_AND_OBJECT),
    'narrowed-verdicts.ts': verdictFile('Narrowed', './input/overlap.js', NARROWED),
  });
}, 120_000);

describe('intersections whose members share a property', () => {
  it('compile under tsc --strict, and TypeScript agrees with every verdict below', () => {
    expect(built.compileErrors).toBe('');
  });

  for (const [type, verdicts] of [['Overlaps', OVERLAPS], ['Conflicts', CONFLICTS], ['Impossible', IMPOSSIBLE], ['PrimitiveAndObject', PRIMITIVE_AND_OBJECT], ['Narrowed', NARROWED]] as const) {
    for (const { value, valid } of verdicts) {
      it(`${type}: ${JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'}, for isT, validateT and the OpenAPI schema`, () => {
        expect(built.validators(type).accepts(value)).toBe(valid);
        expect(built.validators(type).issues(value).length === 0).toBe(valid);
        expect(built.schemaAccepts(type, value)).toBe(valid);
      });
    }
  }

  it('rejects every value of a type reduced to never, with an issue at its path', () => {
    for (const value of [{ kind: 'a', note: 'n' }, { kind: 'b', note: 'n' }, {}, null]) {
      expect(built.validators('ImpossibleTag').accepts(value)).toBe(false);
      expect(built.schemaAccepts('ImpossibleTag', value)).toBe(false);
    }
    expect(built.validators('ImpossibleTag').issues({ kind: 'a', note: 'n' })).toEqual([' type']);
    expect(built.validators('Conflicts').issues({ id: 'i', tag: { k: 'a' } })).toEqual(['/tag type']);
  });

  it('warns at each use that no value has the type, naming the conflicting types', () => {
    const warnings = built.diagnostics.filter((diagnostic) => diagnostic.code === 'CG2018').map((diagnostic) => [diagnostic.severity, diagnostic.line, diagnostic.message]);
    expect(warnings).toEqual([
      ['warning', 28, "The members of the intersection at Conflicts.pair give 'b' the types 'bigint' and 'string', which share no value: 'b' is never, and no value has this type."],
      ['warning', 29, "The intersection at Conflicts.tag ({ k: 'a' } & { k: 'b' }) is never: its members give a property literal types that differ, and no value has this type."],
      ['warning', 33, "The members of the intersection at Impossible give 'b' the types 'number' and 'string', which share no value: 'b' is never, and no value has this type."],
      ['warning', 36, "The members of the intersection at PrimitiveAndObject give 'id' the types 'string' and 'Point | undefined', which share no value: 'id' is never, and no value has this type."],
      ['warning', 37, "The intersection at ImpossibleTag (Tagged & { kind: 'b' }) is never: its members give a property literal types that differ, and no value has this type."],
      // A narrowed union has values (Narrowed, NarrowedTag, ShapeOf<…>): only NarrowedToNothing, once.
      ['warning', 53, 'The intersection at NarrowedToNothing (never) is never: its members give a property literal types that differ, and no value has this type.'],
    ]);
  });

  it('mocks each shared property as the intersection of its types, and the mocks pass the validators and the schema', () => {
    expect(failingMocks(built, 'Overlaps')).toEqual([]);
    expect(failingMocks(built, 'Conflicts')).toEqual([]);
    expect(failingMocks(built, 'Narrowed')).toEqual([]);
    const mocks = Array.from({ length: 40 }, (_, seed) => built.mock('Overlaps', seed) as typeof VALID_OVERLAPS & { optional: { o?: string } });
    expect(new Set(mocks.map((mock) => mock.reversed.b))).toEqual(new Set(['x', 'y']));
    expect(mocks.some((mock) => mock.optional.o !== undefined)).toBe(true);
  });

  it('gives no value for a type no value has: its mock throws', () => {
    expect(() => built.mock('Impossible', 0)).toThrow(/Impossible\.b/);
    expect(() => built.mock('ImpossibleTag', 0)).toThrow(/ImpossibleTag/);
    expect(() => built.mock('PrimitiveAndObject', 0)).toThrow(/PrimitiveAndObject\.id/);
  });
});
