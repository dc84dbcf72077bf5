/**
 * Tester8 F10 (a LIE, and a CRASH): a source property's own tags and decorators were copied onto
 * every property a user mapped type made of it, whatever the template: `FormErrors<Src>` (`{ [K in
 * keyof T]?: string }`) required each error message to be at most 2 characters (`country`'s
 * `@maxLength 2`), and `Touched<CreateUserDto>` (`?: boolean`), `T[K] | string` and `T[K][]` were
 * error CG2006 blaming the DTO. A homomorphic mapped type copies the source property's modifiers;
 * its constraints belong to the value `T[K]` stands for, so they now hold exactly where the
 * template writes `T[K]` (the whole type, a union member, array items, a tuple element, the branch
 * that is `T[K]`, `{ value: T[K] }`'s `value`), in the validators, the OpenAPI schema (ajv) and the
 * mocks; tsc gives its verdict on each value (analyzer fixture mapped-template-tags).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, freshLiteralVerdicts, judgedAlike, type BuiltCase, type JudgedCase } from './helpers.js';

const GOOD = {
  errors: { country: 'Please choose a country', age: 'You must be an adult' },
  touched: { name: true, age: false, email: true },
  loose: { country: 'France', age: 'eighteen' },
  listed: { country: ['FR'], age: [18] },
  plain: { country: 'France', age: 18 },
  boxed: { country: { value: 'FR' }, age: { value: 30 } },
  paired: { country: ['FR', 'a note longer than two'], age: [18, 'adult'] },
  nullable: { country: null, age: 18 },
  partial: { country: 'FR' },
  partialErrors: { country: 'Required' },
  nullableErrors: { country: 'Required', age: null },
  nullableDto: { name: 'Ann', age: null, email: 'a@b.io' },
};

/** `GOOD` with one property replaced. */
const with_ = (key: keyof typeof GOOD, value: unknown) => ({ ...GOOD, [key]: value });

const CASES: JudgedCase[] = [
  ['Forms', GOOD, true, true],
  // The tags held where the template writes no `T[K]`: these were rejected.
  ['Forms', with_('loose', { country: 'France', age: 18 }), true, true],
  ['Forms', with_('plain', { country: 'Germany', age: 30 }), true, true],
  // ... and they still hold where it does.
  ['Forms', with_('loose', { country: 'France', age: 17 }), false],
  ['Forms', with_('listed', { country: ['FRA'], age: [18] }), false],
  ['Forms', with_('listed', { country: ['FR'], age: [18, 17] }), false],
  ['Forms', with_('plain', { country: 'France', age: 17 }), false],
  ['Forms', with_('boxed', { country: { value: 'FRA' }, age: { value: 30 } }), false],
  ['Forms', with_('paired', { country: ['FRA', 'x'], age: [18, 'adult'] }), false],
  ['Forms', with_('paired', { country: ['FR', 'x'], age: [17, 'adult'] }), false],
  ['Forms', with_('nullable', { country: 'FRA', age: 18 }), false],
  ['Forms', with_('partial', { country: 'FRA' }), false],
  ['Forms', with_('nullableDto', { name: 'Anna', age: null, email: 'a@b.io' }), false],
  ['Forms', with_('nullableDto', { name: 'Ann', age: null, email: 'nope' }), false],
];

let built: BuiltCase;
beforeAll(async () => {
  built = await buildCase('mapped-template-tags', { 'verdicts.ts': freshLiteralVerdicts(CASES, './input/forms.js') }, { compilerOptions: { experimentalDecorators: true } });
}, 180_000);

describe('a source property\'s tags through a mapped type hold where the template writes T[K]', () => {
  it('is no error (the functions of Lazy<Src> are CG2004 as any function, the values through an infer CG2021), and compiles under tsc --strict with the verdicts', () => {
    expect(built.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.message.split(':')[0]}`)).toEqual([
      "CG2004 Unsupported type '() => T[K]' (Lazy_Src.country)",
      "CG2004 Unsupported type '() => T[K]' (Lazy_Src.age)",
      'CG2021 The constraints written on Src.country do not reach Inferred_Src.country',
      'CG2021 The constraints written on Src.age do not reach Inferred_Src.age',
    ]);
    expect(built.compileErrors).toBe('');
  });

  judgedAlike(CASES, () => built);

  it('writes the tags only at T[K] in the OpenAPI schemas, with the description but not the example', () => {
    const schemas = built.document.components!.schemas as Record<string, { properties: Record<string, unknown> }>;
    expect(schemas.FormErrors_Src!.properties).toEqual({ country: { description: 'The country, as its ISO code.', type: 'string' }, age: { type: 'string' } });
    expect(schemas.Touched_CreateUserDto!.properties).toEqual({ name: { type: 'boolean' }, age: { type: 'boolean' }, email: { type: 'boolean' } });
    expect(schemas.Loose_Src!.properties.age).toEqual({ anyOf: [{ type: 'number', minimum: 18 }, { type: 'string' }] });
    expect(schemas.Listed_Src!.properties.country).toEqual({ description: 'The country, as its ISO code.', type: 'array', items: { type: 'string', maxLength: 2 } });
    expect(schemas.Plain_Src!.properties).toEqual({ country: { description: 'The country, as its ISO code.', type: 'string' }, age: { type: 'number', minimum: 18 } });
    expect(schemas.Nullable_Src!.properties.country).toEqual({ description: 'The country, as its ISO code.', type: ['string', 'null'], maxLength: 2, examples: ['FR'] });
  });

  it('mocks of 100 seeds pass isForms and the schema', () => {
    expect(failingMocks(built, 'Forms')).toEqual([]);
  });
});
