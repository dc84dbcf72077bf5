/**
 * tester8 F9, F12, F8 (LIEs): a constrained alias written as the type argument of an `extends`
 * clause lost its constraints, with no diagnostic. `interface CodeBox extends Box<Code> {}` was
 * checked as a `Box<string>` (`isCodeBox({ value: 'a', list: [''] })` was true), while the
 * property type `Box<Code>` kept `@minLength`; so did `class CodePage extends Page<Code>`, a
 * default type argument (`interface FromDefault extends Defaulted {}` with `Defaulted<T = Code>`),
 * an interface extending a user mapped type (`extends Nullable<Item>`, `extends DeepPartial<Item>`),
 * and a generic base holding `Nullable<T>`, whose weakened `Nullable_Item` then served every
 * other use of it. The analyzer now binds each base's type parameters to the arguments its
 * `extends` clauses write, at every depth (analyzer/types/heritage-bindings.ts). Fixture
 * analyzer/heritage-alias-arguments: validators, the OpenAPI schema (ajv) and the mocks agree,
 * and tsc checks that the valid sample is a `Uses`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';
import { verdictFile } from './verdicts.js';

const ITEM = { code: 'abc', score: 5, inner: { code: 'abc' } };

const VALID = {
  codeBox: { value: 'abc', list: ['abc'] },
  both: { first: 'abc', second: 10, label: 'abc' },
  deep: { own: 'abc', value: ['abc'], list: [['abc']] },
  fromDefault: { v: 'abc' },
  fromAlias: { value: 'abc', list: [] },
  fromJoined: { label: 'abc', first: 0, second: 'abc' },
  holder: { box: { value: 'abc', list: ['abc'] } },
  codeGetter: { value: 'abc' },
  directGetter: { code: 'abc' },
  codePage: { items: ['abc'], total: 1 },
  codeKeyed: { value: 'abc', keys: ['abc'] },
  nullableItem: { code: 'abc', score: null, inner: { code: 'abc' } },
  deepPartialItem: { code: 'abc', inner: { code: 'abc' } },
  deepPartialBItem: { inner: { code: 'abc' } },
  partialItem: { code: 'abc' },
  pickedItem: { code: 'abc' },
  itemPatch: { patch: ITEM },
  itemPatchClass: { patch: { ...ITEM, code: null } },
  directPatch: { patch: ITEM },
  madeFromCall: { patch: { code: 'abc' } },
  returned: { made: { patch: { code: null } } },
  directOther: { patch: { code: 'abc' } },
  heldFromCall: { held: { code: 'abc' } },
  directPicks: { held: { code: 'abc' } },
};

/** `value` with the property at `path` (`a.b.0`) set to `to`. */
function changed(value: object, path: string, to: unknown): object {
  const copy = structuredClone(value) as Record<string, unknown>;
  const keys = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[keys.at(-1)!] = to;
  return copy;
}

/** [path in Uses, value, the validator's issue]: each a value TypeScript takes that the alias's tags reject. */
const BROKEN: Array<[string, unknown, string]> = [
  ['codeBox.value', 'a', '/codeBox/value minLength'],
  ['codeBox.list', [''], '/codeBox/list/0 minLength'],
  ['both.first', 'a', '/both/first minLength'],
  ['both.second', 11, '/both/second maximum'],
  ['both.label', 'a', '/both/label minLength'],
  // `Outer<T> extends Box<T[]>`: Box's `value: T` is a `Code[]` two levels down.
  ['deep.own', 'a', '/deep/own minLength'],
  ['deep.value', ['abc', 'a'], '/deep/value/1 minLength'],
  ['deep.list', [['a']], '/deep/list/0/0 minLength'],
  ['fromDefault.v', 'a', '/fromDefault/v minLength'],
  ['fromAlias.value', 'a', '/fromAlias/value minLength'],
  ['fromJoined.label', 'a', '/fromJoined/label minLength'],
  ['fromJoined.first', -1, '/fromJoined/first minimum'],
  ['fromJoined.second', 'a', '/fromJoined/second minLength'],
  ['holder.box.value', 'a', '/holder/box/value minLength'],
  // `get value(): T` in an interface is a property whose written type is read too.
  ['codeGetter.value', 'a', '/codeGetter/value minLength'],
  ['directGetter.code', 'a', '/directGetter/code minLength'],
  ['codePage.items', ['a'], '/codePage/items/0 minLength'],
  ['codeKeyed.value', 'a', '/codeKeyed/value minLength'],
  ['codeKeyed.keys', ['a'], '/codeKeyed/keys/0 minLength'],
  ['nullableItem.code', 'a', '/nullableItem/code minLength'],
  ['nullableItem.score', 11, '/nullableItem/score maximum'],
  ['nullableItem.inner', { code: 'a' }, '/nullableItem/inner/code minLength'],
  ['deepPartialItem.code', 'a', '/deepPartialItem/code minLength'],
  ['deepPartialItem.inner', { code: 'a' }, '/deepPartialItem/inner/code minLength'],
  ['deepPartialBItem.inner', { code: 'a' }, '/deepPartialBItem/inner/code minLength'],
  ['partialItem.code', 'a', '/partialItem/code minLength'],
  ['pickedItem.code', 'a', '/pickedItem/code minLength'],
  ['itemPatch.patch.code', 'a', '/itemPatch/patch/code minLength'],
  ['itemPatchClass.patch.score', -1, '/itemPatchClass/patch/score minimum'],
  // The instantiation the heritage clauses reached is the one a direct `Nullable<Item>` uses.
  ['directPatch.patch.code', 'a', '/directPatch/patch/code minLength'],
  // No clause writes `Other` (a class extending a call, a ReturnType): Nullable's `T[K]` is
  // still `Other`'s `code: Code`, in the one `Nullable_Other` the direct use shares.
  ['madeFromCall.patch.code', 'a', '/madeFromCall/patch/code minLength'],
  ['returned.made.patch.code', 'a', '/returned/made/patch/code minLength'],
  ['directOther.patch.code', 'a', '/directOther/patch/code minLength'],
  // `Picks<T>`'s `T['code']`, met first where no clause writes `T`: read as the direct use writes it.
  ['heldFromCall.held.code', 'a', '/heldFromCall/held/code minLength'],
  ['directPicks.held.code', 'a', '/directPicks/held/code minLength'],
];

let built: BuiltCase;

beforeAll(async () => {
  const valid = verdictFile('Uses', './input/uses.js', [{ value: VALID, valid: true }], { structural: true });
  built = await buildCase('heritage-alias-arguments', { 'verdicts.ts': valid });
}, 180_000);

describe('a constrained alias as the type argument of an extends clause', () => {
  it('generates code that compiles under tsc --strict, and the valid sample is a Uses', () => {
    expect(built.compileErrors).toBe('');
  });

  it('reports nothing: every alias is followed', () => {
    expect(built.diagnostics).toEqual([]);
  });

  it('the valid sample passes isUses, validateUses and the schema', () => {
    expect(built.validators('Uses').issues(VALID)).toEqual([]);
    expect(built.schemaAccepts('Uses', VALID)).toBe(true);
  });

  for (const [path, value, issue] of BROKEN) {
    it(`Uses.${path} = ${JSON.stringify(value)} is rejected by isUses, validateUses and the schema`, () => {
      const broken = changed(VALID, path, value);
      expect(built.validators('Uses').accepts(broken)).toBe(false);
      expect(built.validators('Uses').issues(broken)).toContain(issue);
      expect(built.schemaAccepts('Uses', broken)).toBe(false);
    });
  }

  it("keeps the tester's examples out: isCodeBox({ value: 'a', list: [''] }), isNullableItem({ code: 'a', … })", () => {
    expect(built.validators('CodeBox').issues({ value: 'a', list: [''] })).toEqual(['/value minLength', '/list/0 minLength']);
    expect(built.validators('NullableItem').issues({ ...ITEM, code: 'a' })).toEqual(['/code minLength']);
    expect(built.validators('CodePage').issues({ items: ['a'], total: 1 })).toEqual(['/items/0 minLength']);
  });

  it('writes the constraints into the OpenAPI schemas of the declarations themselves', () => {
    const schemas = built.document.components!.schemas as Record<string, { properties: Record<string, unknown> }>;
    expect(schemas.CodeBox!.properties.value).toEqual({ type: 'string', minLength: 3 });
    expect(schemas.FromDefault!.properties.v).toEqual({ type: 'string', minLength: 3 });
    expect(schemas.NullableItem!.properties.code).toEqual({ type: ['string', 'null'], minLength: 3 });
    expect(schemas.Nullable_Item!.properties.code).toEqual({ type: ['string', 'null'], minLength: 3 });
  });

  it('mocks of 100 seeds pass isUses and the schema', () => {
    expect(failingMocks(built, 'Uses')).toEqual([]);
  });
});
