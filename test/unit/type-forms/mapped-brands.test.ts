/**
 * Tester8 F11 (a LIE, and a CRASH): `DeepPartial<T>` (both documented spellings) and
 * `DeepReadonly<T>` over a model with branded properties (`type Email = Brand<string, 'Email'>`,
 * `string & { readonly __brand: 'Email' }`). TypeScript takes the `extends object` branch for a
 * brand and maps the intersection member by member, yet still takes every `Email` (and, where the
 * members become optional, any string) for it; codegen read the mapping as an object of String's
 * 50 methods, so no string passed `isDeepPartial_Account`, mocks built `{ length: 456, __brand:
 * 'Email' }`, and a tag on a branded property (`/** @format uuid *\/ id: UserId`) was error
 * CG2006. A homomorphic mapped type whose template passes each value on is now read, over a
 * brand, as the brand itself: its own validator and tags, and the property's tags beside them
 * (analyzer/types/mapped-brand.ts). tsc judges the values marked so; mocks pass the validators and
 * the schema.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, freshLiteralVerdicts, judgedAlike, type BuiltCase, type JudgedCase } from './helpers.js';

const ACCOUNT = { email: 'a@b.io', id: '0b6c3f47-9a3e-4c55-8f3e-2a7d1f0c9b11', nick: 'ann', tag: 'short', balance: 5, inner: { backup: 'c@d.io' } };

/** `ACCOUNT` with one property replaced. */
const with_ = (key: string, value: unknown) => ({ ...ACCOUNT, [key]: value });

const CASES: JudgedCase[] = [
  // tsc takes plain strings and numbers for the optional mappings of a brand.
  ['DeepPartial<Account>', ACCOUNT, true, true],
  ['DeepPartial<Account>', { email: 'a@b.io' }, true, true],
  ['DeepPartial<Account>', { inner: {} }, true, true],
  ['DeepPartialB<Account>', ACCOUNT, true, true],
  ['DeepPartialB<Account>', { id: '0b6c3f47-9a3e-4c55-8f3e-2a7d1f0c9b11', balance: 0 }, true, true],
  ['DeepPartial<Account>', with_('email', 5), false, true],
  // tsc takes this one (all of `DeepPartial<Cents>`'s members are optional, and a string has `toString`): read as
  // the brand `Cents`, the validator asks for a number, as docs/annotations.md says.
  ['DeepPartial<Account>', with_('balance', 'five'), false],
  // The brand's own tags (Email's `@format email`) and the property's (`@format uuid`, `@maxLength 8`, `@minimum 0`).
  ['DeepPartial<Account>', with_('email', 'nope'), false],
  ['DeepPartial<Account>', with_('inner', { backup: 'nope' }), false],
  ['DeepPartial<Account>', with_('id', 'not-a-uuid'), false],
  ['DeepPartial<Account>', with_('tag', 'longer than eight'), false],
  ['DeepPartial<Account>', with_('balance', -1), false],
  ['DeepPartialB<Account>', with_('id', 'not-a-uuid'), false],
  ['DeepPartialB<Account>', with_('email', 'nope'), false],
];

/** Cases on the exported declarations, by the names codegen gives the instantiations. */
const NAMES: Record<string, string> = { 'DeepPartial<Account>': 'DeepPartial_Account', 'DeepPartialB<Account>': 'DeepPartialB_Account' };
const NAMED: JudgedCase[] = CASES.map(([type, ...rest]) => [NAMES[type] ?? type, ...rest]);

/** `DeepReadonly<Email>` needs an `Email` (tsc rejects a plain string, as for `Email`): a validator checks it as one. */
const FROZEN: JudgedCase[] = [
  ['DeepReadonly_Account', ACCOUNT, true],
  ['DeepReadonly_Account', with_('email', 'nope'), false],
  ['DeepReadonly_Account', with_('id', 'not-a-uuid'), false],
  ['DeepReadonly_Account', with_('balance', -1), false],
  ['DeepReadonly_Account', with_('inner', { backup: 'nope' }), false],
];

let built: BuiltCase;
beforeAll(async () => {
  const verdicts = freshLiteralVerdicts(CASES, './input/brands.js').replace(/: T\.(\w+)<(\w+)>/g, ': T.$1<T.$2>');
  built = await buildCase('mapped-brands', { 'verdicts.ts': verdicts });
}, 180_000);

describe('a homomorphic mapped type over a brand is the brand', () => {
  it('is no diagnostic, and compiles under tsc --strict with the verdicts', () => {
    expect(built.diagnostics).toEqual([]);
    expect(built.compileErrors).toBe('');
  });

  judgedAlike(NAMED, () => built);
  judgedAlike(FROZEN, () => built);

  it('reads Partial<Email> and Readonly<UserId> as the brands', () => {
    const properties = (built.document.components!.schemas!.Uses as { properties: Record<string, unknown> }).properties;
    expect(properties.partialEmail).toEqual({ $ref: '#/components/schemas/Email' });
    expect(properties.readonlyId).toEqual({ $ref: '#/components/schemas/UserId' });
    expect(built.validators('Uses').issues({ patch: {}, patchB: {}, frozen: ACCOUNT, partialEmail: 'nope', readonlyId: 'x' })).toEqual(['/partialEmail format']);
  });

  it('writes the brand and the property\'s tags into the schema', () => {
    const properties = (built.document.components!.schemas!.DeepPartial_Account as { properties: Record<string, unknown> }).properties;
    expect(properties.email).toEqual({ $ref: '#/components/schemas/Email' });
    expect(properties.balance).toEqual({ allOf: [{ $ref: '#/components/schemas/Cents' }, { type: 'number', minimum: 0 }] });
  });

  it.each(['DeepPartial_Account', 'DeepPartialB_Account', 'DeepReadonly_Account', 'Uses'])('%s: mocks of 100 seeds pass isT and the schema, and build strings', (type) => {
    expect(failingMocks(built, type)).toEqual([]);
    expect(typeof (built.mock('DeepReadonly_Account', 1) as { email: unknown }).email).toBe('string');
  });
});
