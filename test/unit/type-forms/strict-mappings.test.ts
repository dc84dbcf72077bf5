/**
 * Issue 9 G1: `@strict` travels through the homomorphic utility types. `Partial<S>`,
 * `Required<S>`, `Readonly<S>`, `Pick<S, K>`, `Omit<S, K>` of a `@strict` S (an interface, an
 * alias, a class, a generic; chained; named) reject a key S does not declare, as S does, and so
 * do their nested inline objects; a key-remapped type and the utilities of an open type accept
 * it, as before. `isT`, `validateT` and the OpenAPI schema agree; TypeScript itself accepts the
 * extra keys (no excess-property check on data): the closed verdicts are `@strict`'s, and every
 * value the tests call valid is checked by tsc.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

/** TypeScript's verdicts (tsc checks them, structurally: as a validator sees parsed JSON). */
const TYPED: Verdict[] = [
  { property: 'partial', value: {}, valid: true },
  { property: 'partial', value: { a: 'x', inner: { c: 'y' } }, valid: true },
  { property: 'partial', value: { a: 1 }, valid: false },
  { property: 'required', value: { a: 'x', b: 1, inner: { c: 'y' } }, valid: true },
  { property: 'required', value: { a: 'x', b: 1 }, valid: false },
  { property: 'readonly', value: { a: 'x' }, valid: true },
  { property: 'picked', value: { a: 'x' }, valid: true },
  { property: 'picked', value: {}, valid: false },
  { property: 'omitted', value: { a: 'x', inner: { c: 'y' } }, valid: true },
  { property: 'chain', value: { b: 1 }, valid: true },
  { property: 'ofAlias', value: { b: 1 }, valid: true },
  { property: 'ofClass', value: {}, valid: true },
  { property: 'ofGeneric', value: { v: 'x' }, valid: true },
  { property: 'ofGeneric', value: { v: 1 }, valid: false },
  { property: 'named', value: { a: 'x' }, valid: true },
  { property: 'withExtra', value: { a: 'x', x: 1 }, valid: true },
  { property: 'partialOfIntersection', value: { x: 1 }, valid: true },
  { property: 'remapped', value: { getA: 'x' }, valid: true },
  { property: 'ofOpen', value: { a: 'x' }, valid: true },
];

/** Values TypeScript accepts structurally, each with an undeclared key: `@strict`'s verdict. */
const EXTRA_KEYS: Array<[property: string, value: object, valid: boolean]> = [
  ['partial', { z: 1 }, false],
  ['partial', { inner: { c: 'y', z: 1 } }, false],
  ['required', { a: 'x', b: 1, inner: { c: 'y' }, z: 1 }, false],
  ['readonly', { a: 'x', z: 1 }, false],
  ['picked', { a: 'x', z: 1 }, false],
  // Omit leaves `b` out: it is no key of the copy any more.
  ['omitted', { a: 'x', b: 1 }, false],
  ['chain', { a: 'x', inner: { c: 'y' } }, false],
  ['ofAlias', { z: 1 }, false],
  ['ofClass', { a: 'x', z: 1 }, false],
  ['ofGeneric', { v: 'x', z: 1 }, false],
  ['named', { z: 1 }, false],
  // An intersection with a @strict member is closed over all its members' keys (as before).
  ['withExtra', { a: 'x', x: 1, z: 1 }, false],
  ['partialOfIntersection', { x: 1, z: 1 }, false],
  // New keys (`as`): open unless tagged; an open type's utilities stay open.
  ['remapped', { getA: 'x', z: 1 }, true],
  ['ofOpen', { a: 'x', z: 1 }, true],
];

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('strict-mappings', { 'verdicts.ts': verdictFile('Uses', './input/strict-mappings.js', TYPED, { structural: true }) });
}, 120_000);

describe('@strict through Partial, Required, Readonly, Pick and Omit', () => {
  it('compiles under tsc --strict, and TypeScript agrees with every typed verdict', () => {
    expect(built.compileErrors).toBe('');
  });

  for (const { property, value, valid } of TYPED) {
    it(`${property}: ${JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'}`, () => {
      expect(built.validators('Uses').accepts({ [property!]: value })).toBe(valid);
      expect(built.schemaAccepts('Uses', { [property!]: value })).toBe(valid);
    });
  }

  for (const [property, value, valid] of EXTRA_KEYS) {
    it(`${property}: ${JSON.stringify(value)} is ${valid ? 'accepted' : 'rejected'} (isT, validateT, the schema)`, () => {
      expect(built.validators('Uses').accepts({ [property]: value })).toBe(valid);
      expect(built.validators('Uses').issues({ [property]: value }).length === 0).toBe(valid);
      expect(built.schemaAccepts('Uses', { [property]: value })).toBe(valid);
    });
  }

  it('names the undeclared key', () => {
    expect(built.validators('Uses').issues({ partial: { inner: { c: 'y', z: 1 } } })).toEqual(['/partial/inner/z additionalProperties']);
    expect(built.validators('PatchS').issues({ a: 'x', z: 1 })).toEqual(['/z additionalProperties']);
  });

  it('mocks pass the validators and the schema', () => {
    expect(failingMocks(built, 'Uses', 60)).toEqual([]);
  });
});
