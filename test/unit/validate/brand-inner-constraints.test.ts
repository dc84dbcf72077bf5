/**
 * Tester8 F4 (a LIE): a brand over a constrained alias or over a constrained brand dropped the
 * inner constraints in silence: `d: Brand<Code, 'Inline'>` (with `/** @minLength 2 *\/ type Code =
 * string`) was `typeof value === "string"`, and a brand over a tagged brand lost the inner brand's
 * `@format email`. The members of the brand are now read as written, through the generic alias's
 * body (`T & { readonly __brand: B }`, `T` bound to `Code`): the inner alias keeps its tags, and an
 * inner named brand is a reference beside the branded primitive, in the validators, the OpenAPI
 * schema and the mocks (analyzer/types/inner-brands.ts). A brand over a brand of the same key
 * (`Brand<Email2, 'Mail3'>`) is `never` to tsc (`__brand` is `'Email2' & 'Mail3'`): CG2018, as for
 * any intersection no value has, where it was a plain string. tsc confirms each `never` here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, judgedAlike, type BuiltCase, type JudgedCase } from '../type-forms/helpers.js';

const GOOD = { inline: 'ab', named: 'ab', direct: 'ab', count: 0, admin: 'a@b.io', inlineAdmin: 'a@b.io', short: 'a@b.io', twice: 'ab' };

const CASES: JudgedCase[] = [
  ['W', GOOD, true],
  ['W', { ...GOOD, inline: 'a' }, false],
  ['W', { ...GOOD, named: 'a' }, false],
  ['W', { ...GOOD, direct: 'a' }, false],
  ['W', { ...GOOD, count: -1 }, false],
  ['W', { ...GOOD, admin: 'nope' }, false],
  ['W', { ...GOOD, inlineAdmin: 'nope' }, false],
  // ContactEmail's `@maxLength 10` and Email2's `@format email`.
  ['W', { ...GOOD, short: 'nope' }, false],
  ['W', { ...GOOD, short: 'abcdefgh@b.io' }, false],
  ['W', { ...GOOD, twice: 'a' }, false],
  ['CodeId', 'ab', true],
  ['CodeId', 'a', false],
  ['Admin', 'a@b.io', true],
  ['Admin', 'nope', false],
  ['Short', 'abcdefgh@b.io', false],
];

/** tsc's own verdict: which brands are `never`. */
const NEVER = `import type * as T from './input/brands.js';
type IsNever<X> = [X] extends [never] ? true : false;
export const mail3: IsNever<T.Mail3> = true;
export const deeper: IsNever<T.Deeper['y']> = true;
export const admin: IsNever<T.Admin> = false;
export const twice: IsNever<T.Twice> = false;
`;

let built: BuiltCase;
beforeAll(async () => {
  built = await buildCase('brand-inner-constraints', { 'never.ts': NEVER });
}, 120_000);

describe('a brand keeps the constraints of what it brands', () => {
  it('is CG2018 for the brands tsc reduces to never, nothing else, and compiles under tsc --strict', () => {
    expect(built.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.message.split(':')[0]}`)).toEqual([
      'CG2018 The brand Mail3 is never',
      'CG2018 The brand Brand_ContactEmail_Deeper is never',
    ]);
    expect(built.compileErrors).toBe('');
  });

  judgedAlike(CASES, () => built);

  it('rejects every value of the never brands', () => {
    expect(built.validators('Mail3').accepts('a@b.io')).toBe(false);
    expect(built.validators('Deeper').accepts({ y: 'a@b.io' })).toBe(false);
  });

  it('writes the inner constraints into the schema', () => {
    const schemas = built.document.components!.schemas as Record<string, unknown>;
    expect(schemas.CodeId).toEqual({ type: 'string', minLength: 2 });
    expect(schemas.Admin).toEqual({ allOf: [{ $ref: '#/components/schemas/Email2' }, { type: 'string' }] });
  });

  it('mocks of 100 seeds pass isW and the schema', () => {
    expect(failingMocks(built, 'W')).toEqual([]);
  });
});
