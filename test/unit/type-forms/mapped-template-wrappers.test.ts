/**
 * Issue 9 (a LIE): a source property's tags reached a user mapped type's value only where the
 * template wrote `T[K]` bare or in a form the reader followed in place (`T[K] | null`, `T[K][]`,
 * `{ value: T[K] }`). Elsewhere they were dropped in silence, and the validators accepted what
 * the tags forbid: a generic around `T[K]` (`Field<T[K]>`, `Items<T[K]>`, `Boxed<T[K]>` holding
 * `Field<V>`, `Holder<T[K][]>`, `Wrap<T[K]> = Field<V> | null`, `NonNullable<Field<T[K]>> & {…}`),
 * keys renamed by `as` (`` `${K & string}Input` ``), key sets other than `keyof T`
 * (`Exclude<keyof T, 'id'>`, `'name' | 'email'`), and `U[K]` of another object. Each now holds the
 * source's tags exactly where its value is (an instantiation carrying them is one apart:
 * `Field_UserName`), `U`'s and not `T`'s where the value is `U[K]`; none where the value is no
 * `T[K]` (`Record<keyof T, boolean>`, `Field<string>`, `Field<K>`); and a form codegen does not
 * follow (`ReturnType<() => T[K]>`, a generic losing its argument so) is CG2021 (analyzer fixture
 * mapped-template-wrappers). tsc gives its verdict on each valid value.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, freshLiteralVerdicts, judgedAlike, type BuiltCase, type JudgedCase } from './helpers.js';

const field = <V>(value: V) => ({ value, touched: false });

const GOOD = {
  form: { name: field('Ann'), email: field('a@b.io'), age: field(-1), id: field(''), nick: field('ab') },
  lists: { name: ['Ann'], email: ['a@b.io'], age: [1], id: [''], nick: ['abcde'] },
  deep: { name: { inner: field('Ann') }, email: { inner: field('a@b.io') }, age: { inner: field(1) }, id: { inner: field('') }, nick: { inner: field('ab') } },
  maybe: { name: null, email: field('a@b.io'), age: null, id: field(''), nick: null },
  held: { name: { held: ['Ann'] }, email: { held: [] }, age: { held: [1] }, id: { held: [''] }, nick: { held: ['ab'] } },
  flagged: {
    name: { ...field('Ann'), flag: true },
    email: { ...field('a@b.io'), flag: false },
    age: { ...field(1), flag: true },
    id: { ...field(''), flag: true },
    nick: { ...field('ab'), flag: true },
  },
  inputs: { nameInput: 'Ann', emailInput: 'a@b.io', ageInput: 1, idInput: '', nickInput: 'ab' },
  nullInputs: { nameOr: null, emailOr: 'a@b.io', ageOr: null, idOr: '', nickOr: null },
  noId: { name: field('Ann'), email: field('a@b.io'), age: field(1), nick: field('ab') },
  nullExceptId: { name: 'Ann', email: null, age: null, nick: 'ab' },
  picked: { name: 'Ann', email: 'a@b.io' },
  overridden: { name: 'Anna', email: 'a@b.io', age: 1, id: '', nick: 'ab' },
  dto: { name: field('abc'), age: field(18) },
  touched: { name: true, email: false, age: true, id: true, nick: false },
  labels: { name: field('x'), email: field('x'), age: field('x'), id: field(''), nick: field('x') },
  keys: { name: field('name'), email: field('email'), age: field('age'), id: field('id'), nick: field('nick') },
};

type Forms = typeof GOOD;

/** `GOOD` with one property of one of its values replaced. */
function with_<K extends keyof Forms>(key: K, property: string, value: unknown): Forms {
  return { ...GOOD, [key]: { ...GOOD[key], [property]: value } };
}

const CASES: JudgedCase[] = [
  ['Forms', GOOD, true, true],
  // Were accepted: the tags hold in the generic's instantiation, at any depth.
  ['Forms', with_('form', 'name', field('An')), false],
  ['Forms', with_('form', 'email', field('nope')), false],
  ['Forms', with_('form', 'nick', field('a')), false],
  ['Forms', with_('form', 'nick', field('abcdef')), false],
  ['Forms', with_('lists', 'name', ['Ann', 'An']), false],
  ['Forms', with_('lists', 'email', ['x']), false],
  ['Forms', with_('deep', 'name', { inner: field('An') }), false],
  ['Forms', with_('maybe', 'name', field('An')), false],
  ['Forms', with_('held', 'name', { held: ['An'] }), false],
  ['Forms', with_('held', 'nick', { held: ['abcdef'] }), false],
  ['Forms', with_('flagged', 'name', { ...field('An'), flag: true }), false],
  ['Forms', with_('dto', 'name', field('abcd')), false],
  ['Forms', with_('dto', 'age', field(17)), false],
  // ... through keys renamed, filtered or listed.
  ['Forms', with_('inputs', 'nameInput', 'An'), false],
  ['Forms', with_('inputs', 'emailInput', 'x'), false],
  ['Forms', with_('nullInputs', 'nameOr', 'An'), false],
  ['Forms', with_('noId', 'name', field('An')), false],
  ['Forms', with_('nullExceptId', 'name', 'An'), false],
  ['Forms', with_('nullExceptId', 'email', 'x'), false],
  ['Forms', with_('picked', 'name', 'An'), false],
  // `Renamed`'s `name` is the value: its `@maxLength 4` holds, `User`'s `@minLength 3` does not.
  ['Forms', with_('overridden', 'name', 'An'), true, true],
  ['Forms', with_('overridden', 'name', 'Annie'), false],
  // Where the template writes no `T[K]`, no tag holds.
  ['Forms', with_('form', 'age', field(-5)), true, true],
  ['Forms', with_('form', 'id', field('')), true, true],
  ['Forms', with_('labels', 'name', field('')), true, true],
  ['Forms', with_('labels', 'email', field('not an email')), true, true],
  ['Forms', with_('touched', 'email', true), true, true],
];

let built: BuiltCase;
beforeAll(async () => {
  built = await buildCase('mapped-template-wrappers', { 'verdicts.ts': freshLiteralVerdicts(CASES, './input/forms.js') }, { compilerOptions: { experimentalDecorators: true } });
}, 180_000);

describe("a source property's tags through generics, renamed keys and other key sets of a mapped type", () => {
  it('is CG2021 where codegen cannot follow T[K] (a function type and a generic losing it), CG2004 for the getters, and compiles under tsc --strict with the verdicts', () => {
    expect(built.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.message.split(':')[0]}`)).toEqual([
      ...['Name', 'Email', 'Age', 'Id', 'Nick'].map((key) => `CG2004 Unsupported type '() => T[K]' (Getters_User.get${key})`),
      'CG2021 The constraints written on User.name do not reach Returned_User.name',
      'CG2021 The constraints written on User.email do not reach Returned_User.email',
      'CG2021 The constraints written on User.nick do not reach Returned_User.nick',
      'CG2021 The constraints of Nick do not reach Returned_User.nick',
      'CG2021 The constraints written on User.name do not reach Lost_UserName.lost',
      'CG2021 The constraints written on User.email do not reach Lost_UserEmail.lost',
      'CG2021 The constraints written on User.nick do not reach Lost_UserNick.lost',
      'CG2021 The constraints of Nick do not reach Lost_UserNick.lost',
    ]);
    expect(built.compileErrors).toBe('');
  });

  it('names an instantiation carrying a source property after it, apart from the one of its plain type', () => {
    const form = built.model.declarations.find((declaration) => declaration.id === 'Form_User')!;
    expect(form.type.kind === 'object' && form.type.properties.map((property) => property.type)).toEqual(
      ['Field_UserName', 'Field_UserEmail', 'Field_number', 'Field_string', 'Field_UserNick'].map((id) => ({ kind: 'ref', id })),
    );
    const labels = built.model.declarations.find((declaration) => declaration.id === 'Labels_User')!;
    expect(labels.type.kind === 'object' && new Set(labels.type.properties.map((property) => JSON.stringify(property.type)))).toEqual(new Set([JSON.stringify({ kind: 'ref', id: 'Field_string' })]));
  });

  judgedAlike(CASES, () => built);

  it('writes the tags in the OpenAPI schemas of the instantiations and of renamed keys', () => {
    const schemas = built.document.components!.schemas as Record<string, { properties: Record<string, unknown> }>;
    expect(schemas.Field_UserName!.properties.value).toEqual({ type: 'string', minLength: 3 });
    expect(schemas.Field_string!.properties.value).toEqual({ type: 'string' });
    expect(schemas.Items_UserEmail).toEqual({ type: 'array', items: { type: 'string', format: 'email' } });
    expect(schemas.Inputs_User!.properties.nickInput).toEqual({ type: 'string', minLength: 2, maxLength: 5 });
    expect(schemas.Overridden_User_Renamed!.properties.name).toEqual({ type: 'string', maxLength: 4 });
  });

  it('mocks of 100 seeds pass isForms and the schema', () => {
    expect(failingMocks(built, 'Forms')).toEqual([]);
  });
});
