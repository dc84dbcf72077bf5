/**
 * One suffix rule for readable instantiation names (recheck s8 R13): an instantiation yields its
 * name, ignoring case, to a user declaration and to an instantiation named before it.
 * `Box<string | number>` (`Box_stringOrNumber`) beside `Box<StringOrNumber>` was CG4011 under
 * `split: type` (both `box-string-or-number.validate.ts`), and `interface Box_string` beside
 * `Box<Box<string>>` was CG2007; the exact clash of `Box<[string, number]>` and
 * `Box<TupleOfStringAndNumber>` already took `_2`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import type { Model } from '../../../src/model/index.js';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import { validateGenerator } from '../../../src/generators/validate/index.js';
import { buildCase, failingMocks, type BuiltCase } from '../type-forms/helpers.js';
import { CONTEXT } from '../validate/helpers.js';
import { fixtureInput } from './run-fixture.js';

let model: Model;
let diagnostics: Array<{ code: string }>;
let built: BuiltCase;

beforeAll(async () => {
  ({ model, diagnostics } = analyze({ ...fixtureInput('instantiation-clashes'), defaultGenerators: ['validate', 'mock'] }));
  built = await buildCase('instantiation-clashes');
}, 120_000);

/** The ids `Uses`' properties refer to, by property. */
function refsOfUses(): Record<string, string> {
  const uses = model.declarations.find((declaration) => declaration.id === 'Uses')!;
  if (uses.type.kind !== 'object') throw new Error('Uses is an object');
  return Object.fromEntries(uses.type.properties.map((property) => [property.name, (property.type as { id: string }).id]));
}

describe('instantiation names that clash', () => {
  it('suffix the later one, ignoring case, and leave user declarations their names (no CG2007)', () => {
    expect(diagnostics).toEqual([]);
    expect(refsOfUses()).toEqual({
      c: 'Box_stringOrNumber',
      d: 'Box_StringOrNumber_2',
      e: 'Box_Box_string_2',
      f: 'Box_string',
      g: 'Box_TupleOfStringAndNumber',
      h: 'Box_TupleOfStringAndNumber_2',
    });
    // The user's interface keeps its name; Box<string> takes the suffix.
    expect(model.declarations.find((declaration) => declaration.id === 'Box_string')!.instantiation).toBeUndefined();
    expect(model.declarations.find((declaration) => declaration.id === 'Box_string_2')!.instantiation).toBeDefined();
    const ids = model.declarations.map((declaration) => declaration.id.toLowerCase());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every type its own file under split: type, also where file names ignore case (no CG4011)', () => {
    for (const generator of [validateGenerator, mockGenerator] as const) {
      const paths = generator.plan(model, { split: 'type' } as never, CONTEXT).map((planned) => planned.path.toLowerCase());
      expect(new Set(paths).size, generator.name).toBe(paths.length);
      expect(paths).toContain(`box_string-or-number_2.${generator.name}.ts`);
    }
  });

  it('compiles, and checks each instantiation by its own argument', () => {
    expect(built.compileErrors).toBe('');
    const valid = { c: { v: 1 }, d: { v: { s: 'x' } }, e: { v: { v: 'y' } }, f: { own: true }, g: { v: ['a', 1] }, h: { v: { first: 'a', second: 2 } } };
    const uses = built.validators('Uses');
    expect(uses.accepts(valid)).toBe(true);
    expect(uses.issues({ ...valid, c: { v: true } })).toEqual(['/c/v union']);
    expect(uses.issues({ ...valid, d: { v: 1 } })).toEqual(['/d/v type']);
    expect(uses.issues({ ...valid, e: { v: { v: 1 } } })).toEqual(['/e/v/v type']);
    expect(uses.issues({ ...valid, f: { v: 'y' } })).toEqual(['/f/own required']);
    expect(built.validators('Box_string').accepts({ own: true })).toBe(true);
    expect(built.validators('Box_string_2').accepts({ v: 'x' })).toBe(true);
    expect(built.validators('Box_string_2').accepts({ own: true })).toBe(false);
    expect(failingMocks(built, 'Uses')).toEqual([]);
  });
});
