/**
 * Forms the mock generator used to refuse (CG5001 "mock cannot build …") although values exist:
 * intrinsic string mappings with constraints (`mapped-strings`), template literal types beside
 * constrained strings or other templates (`template-intersections`), and intersections of arrays,
 * tuples, unions and objects that TypeScript reduces (`reduced-intersections`). Each fixture: `check` reports
 * nothing, validators and mocks compile under `tsc --strict` (with the fixtures' stricter
 * options), 100 seeded mocks pass `isT`, and the validator still rejects what the constraints
 * forbid, so passing is not the validator's leniency. The JSON Schemas judge the same mocks in
 * property-schema.test.ts (every mock fixture).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import type { Model } from '../../../src/model/types.js';
import { typecheck } from '../../helpers/typecheck.js';
import { CONTEXT, FIXTURES_DIR, loadExports, materialize, mocksFailingIsT, readJson, type GeneratedFunction } from './helpers.js';

const ROOT = join(process.cwd(), 'test/.tmp/mock-built-forms');
const STRICTER = { noPropertyAccessFromIndexSignature: true, noUnusedParameters: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true };

/** Materializes a fixture's validators and mocks; returns its loaded exports after the common checks pass. */
function builtFixture(name: string, type: string): () => Record<string, GeneratedFunction> {
  const model = readJson<Model>(join(FIXTURES_DIR, name, 'model.json'), undefined as never);
  let folder = '';
  let exports: Record<string, GeneratedFunction> = {};
  beforeAll(async () => {
    folder = await materialize({ name, model, copy: ['input'], root: join(FIXTURES_DIR, name), context: CONTEXT }, ROOT, undefined, false);
    exports = await loadExports(folder, 1);
  }, 120_000);

  it('reports no diagnostic', () => {
    expect(mockGenerator.check!(model, { split: 'file', seed: 42, maxDepth: 3 }, CONTEXT)).toEqual([]);
  });

  it('compiles under tsc --strict', async () => {
    expect(await typecheck(folder, ['**/*.ts'], STRICTER)).toBe('');
  }, 120_000);

  it(`100 seeded mocks pass is${type}`, () => {
    expect(mocksFailingIsT(exports, type, 100)).toBe('');
  });

  return () => exports;
}

/** `mock<type>` for `seeds` seeds. */
function mocks(exports: Record<string, GeneratedFunction>, type: string, seeds = 40): Array<Record<string, unknown>> {
  return Array.from({ length: seeds }, (_, seed) => exports[`mock${type}`]!({}, { seed }) as Record<string, unknown>);
}

describe('intrinsic string mappings with constraints (mapped-strings)', () => {
  const exports = builtFixture('mapped-strings', 'MappedStrings');

  it('mocks strings the mapping leaves unchanged, within the constraints', () => {
    for (const value of mocks(exports(), 'MappedStrings')) {
      expect(value['envKey']).toMatch(/^[A-Z_]{3,}$/);
      expect((value['cap8'] as string).length).toBeLessThanOrEqual(8);
      expect(value['cap8']).toMatch(/^[A-Z]/);
      expect((value['low12'] as string).length).toBeGreaterThanOrEqual(12);
      expect(value['low12']).toBe((value['low12'] as string).toLowerCase());
      expect(value['capDigits']).toMatch(/\d{3}/);
    }
  });

  it('the validator rejects a value the mapping changes, and one breaking a constraint', () => {
    const { isMappedStrings } = exports();
    const valid = exports()['mockMappedStrings']!({}, { seed: 5 }) as Record<string, unknown>;
    expect(isMappedStrings!(valid)).toBe(true);
    expect(isMappedStrings!({ ...valid, envKey: 'ABc' })).toBe(false);
    expect(isMappedStrings!({ ...valid, envKey: 'AB' })).toBe(false);
    expect(isMappedStrings!({ ...valid, cap8: 'lower' })).toBe(false);
    expect(isMappedStrings!({ ...valid, cap8: 'Longerthan8' })).toBe(false);
    expect(isMappedStrings!({ ...valid, own: 'ABCDE' })).toBe(false);
  });

  it('differs across seeds', () => {
    const values = mocks(exports(), 'MappedStrings');
    for (const key of ['envKey', 'cap8', 'low12', 'lowSlug', 'lowEmail', 'capDigits', 'own']) expect(new Set(values.map((value) => value[key])).size, key).toBeGreaterThan(1);
  });
});

describe('template literal types with an intrinsic mapping as a hole (mapped-strings)', () => {
  it('mocks strings of the template, each mapped hole left unchanged by its mapping', async () => {
    const model = readJson<Model>(join(FIXTURES_DIR, 'mapped-strings', 'model.json'), undefined as never);
    const folder = await materialize({ name: 'mapped-strings', model, copy: ['input'], root: join(FIXTURES_DIR, 'mapped-strings'), context: CONTEXT }, ROOT, undefined, false);
    const values = mocks(await loadExports(folder, 1), 'MappedTemplates');
    for (const value of values) {
      expect(value['xLower']).toMatch(/^x-/);
      expect(value['xLower']).toBe((value['xLower'] as string).toLowerCase());
      expect(value['upperA']).toMatch(/^A/);
      expect(value['upperA']).toBe((value['upperA'] as string).toUpperCase());
      // TypeScript ends the first hole at the first `-`, and reads the rest as a number.
      const [capitalized, number, ...rest] = (value['capitalizedNumber'] as string).split('-');
      expect(rest).toEqual([]);
      expect(capitalized!.charAt(0)).toBe(capitalized!.charAt(0).toUpperCase());
      expect(Number.isFinite(+number!) && number !== '').toBe(true);
      // One code unit, then the rest: the first uppercase, the rest lowercase.
      const both = value['upperThenLower'] as string;
      expect(both.charAt(0)).toBe(both.charAt(0).toUpperCase());
      expect(both.slice(1)).toBe(both.slice(1).toLowerCase());
      for (const id of value['ids'] as string[]) expect(id).toMatch(/^id-[^a-z]*$/);
      if (typeof value['maybe'] === 'string') expect(value['maybe']).toMatch(/^[^A-Z][^.]*\.[ab]$|^\.[ab]$/);
      expect(value['aliased']).toMatch(/^x-[^A-Z]*$|^y-\d+$/);
    }
    expect(new Set(values.map((value) => value['xLower'])).size).toBeGreaterThan(1);
  }, 120_000);
});

describe('keys of a mapping with constraints', () => {
  // The analyzer gives `Record<EnvKey, V>` the mapping alone today; a model whose key keeps the
  // alias's constraints (as `Record<Slug, V>`'s does) gets keys meeting both, which the validator checks.
  it('mocks keys the mapping leaves unchanged that meet the key constraints', async () => {
    const base = readJson<Model>(join(FIXTURES_DIR, 'mapped-strings', 'model.json'), undefined as never);
    const mapped = base.declarations.find((declaration) => declaration.name === 'MappedStrings')!;
    const key = { kind: 'string' as const, constraints: { minLength: 3, maxLength: 5, pattern: { source: '^[A-Z_]+$', flags: '' } } };
    const model: Model = {
      ...base,
      declarations: [{ ...mapped, type: { kind: 'object', properties: [], strict: true, patternIndexes: [{ key, mapping: 'Uppercase', value: { kind: 'number' } }] } }],
    };
    const folder = await materialize({ name: 'mapped-keys', model, copy: ['input'], root: join(FIXTURES_DIR, 'mapped-strings'), context: CONTEXT }, ROOT, undefined, false);
    const exports = await loadExports(folder, 1);
    expect(mocksFailingIsT(exports, 'MappedStrings', 50)).toBe('');
    const keys = mocks(exports, 'MappedStrings').flatMap((value) => Object.keys(value));
    expect(keys.length).toBeGreaterThan(0);
    for (const name of keys) expect(name).toMatch(/^[A-Z_]{3,5}$/);
    expect(exports['isMappedStrings']!({ ABCDEF: 1 })).toBe(false);
  }, 120_000);
});

describe('template literal types beside constrained strings (template-intersections)', () => {
  const exports = builtFixture('template-intersections', 'TemplateIntersections');

  it('mocks strings of the template that meet every member', () => {
    for (const value of mocks(exports(), 'TemplateIntersections')) {
      expect(value['startsAEndsZ']).toMatch(/^a.*z$/s);
      expect(value['shortNumber']).toMatch(/^v.{1,5}$/s);
      expect(Number.isFinite(+(value['alnumNumber'] as string).slice(1))).toBe(true);
      expect(value['alnumNumber']).toMatch(/^v[a-z0-9]{1,5}$/);
      expect(value['shortEndsZ']).toMatch(/^a.{0,4}z$/s);
      expect(value['aliasShortEndsZ']).toMatch(/^x.{2,4}z$/s);
      expect(value['twoTemplates']).toMatch(/^a.*z$/s);
      expect(value['upperTemplate']).toBe((value['upperTemplate'] as string).toUpperCase());
    }
  });

  it('the validator rejects a string that misses one member', () => {
    const { isTemplateIntersections } = exports();
    const valid = exports()['mockTemplateIntersections']!({}, { seed: 2 }) as Record<string, unknown>;
    expect(isTemplateIntersections!(valid)).toBe(true);
    expect(isTemplateIntersections!({ ...valid, startsAEndsZ: 'abc' })).toBe(false);
    expect(isTemplateIntersections!({ ...valid, twoTemplates: 'bz' })).toBe(false);
    expect(isTemplateIntersections!({ ...valid, alnumNumber: 'v1.5' })).toBe(false);
    expect(isTemplateIntersections!({ ...valid, upperTemplate: 'Abc' })).toBe(false);
  });

  it('differs across seeds', () => {
    const values = mocks(exports(), 'TemplateIntersections');
    for (const key of ['startsAEndsZ', 'shortNumber', 'emailA', 'twoTemplates', 'upperTemplate']) expect(new Set(values.map((value) => value[key])).size, key).toBeGreaterThan(1);
  });
});

describe('intersections of arrays, tuples and objects, as TypeScript reduces them (reduced-intersections)', () => {
  const exports = builtFixture('reduced-intersections', 'ReducedIntersections');

  it('mocks values of every member', () => {
    for (const value of mocks(exports(), 'ReducedIntersections')) {
      expect((value['unionItems'] as unknown[]).every((item) => typeof item === 'string')).toBe(true);
      expect(value['literalItems']).toEqual((value['literalItems'] as unknown[]).map(() => 'b'));
      expect(value['namedLiteralItems']).toEqual((value['namedLiteralItems'] as unknown[]).map(() => 'b'));
      expect((value['countedItems'] as number[]).every((item) => item === 1 || item === 2)).toBe(true);
      expect(value['tupleAndArray']).toHaveLength(2);
      expect(value['tupleAndArray']).toEqual([expect.objectContaining({ a: expect.any(String) }), expect.objectContaining({ a: expect.any(String), b: expect.any(Number) })]);
      expect(value['twoTuples']).toEqual([expect.any(String), 1]);
      expect(value['restAndFixed']).toEqual([expect.any(String), expect.any(Number)]);
      expect([1, 2]).toContain((value['restAndFixed'] as unknown[])[1]);
      expect(value['objectOrNull']).toEqual({ a: expect.any(String), b: expect.any(Number) });
      expect(value['trueOnly']).toBe(true);
      expect([1, 2, 3]).toContain(value['literalCounts']);
      expect(value['primitiveOrObject']).not.toBeNull();
      expect((value['arraysOrArrays'] as Array<Record<string, unknown>>).every((item) => typeof item['a'] === 'string')).toBe(true);
      expect((value['booleanItems'] as unknown[]).every((item) => item === true)).toBe(true);
      expect(typeof value['notNullish']).toBe('string');
      if ('optionalNumber' in value) expect(typeof value['optionalNumber']).toBe('number');
    }
  });

  it('the validator rejects an item or element that misses one member', () => {
    const { isReducedIntersections } = exports();
    const valid = exports()['mockReducedIntersections']!({}, { seed: 4 }) as Record<string, unknown>;
    expect(isReducedIntersections!(valid)).toBe(true);
    expect(isReducedIntersections!({ ...valid, unionItems: [1] })).toBe(false);
    expect(isReducedIntersections!({ ...valid, literalItems: ['a'] })).toBe(false);
    expect(isReducedIntersections!({ ...valid, tupleAndArray: [{ a: 'x' }, { b: 1 }] })).toBe(false);
    expect(isReducedIntersections!({ ...valid, twoTuples: ['x', 2] })).toBe(false);
    expect(isReducedIntersections!({ ...valid, restAndFixed: ['x', 1, 2] })).toBe(false);
    expect(isReducedIntersections!({ ...valid, itemsIntersected: [{ a: 'x', b: 1 }] })).toBe(false);
  });

  it('differs across seeds', () => {
    const values = mocks(exports(), 'ReducedIntersections');
    for (const key of ['unionItems', 'tupleAndArray', 'twoTuples', 'objectKeyword', 'unionOfObjects', 'discriminated']) expect(new Set(values.map((value) => JSON.stringify(value[key]))).size, key).toBeGreaterThan(1);
  });
});
