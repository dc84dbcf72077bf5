/**
 * Issue 9: `@strict` through heritage clauses. `interface P extends Partial<S> {}` is
 * `type P = Partial<S>` written as an interface, so it is closed as the alias is; an interface
 * or class whose `extends`/`implements` names a `@strict` type (or a copy of one) is closed over
 * all its keys, as `S & { d?: string }` is; a `@strict` interface extending a utility type of an
 * open type is closed over the keys it inherits. Heritage of open types stays open. TypeScript
 * accepts extra keys on data (no excess-property check at run time): the closed verdicts are
 * `@strict`'s documented rule; every value called valid is checked by tsc.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, judgedAlike, type BuiltCase, type JudgedCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

/** TypeScript's verdicts, structurally (as a validator sees parsed JSON). */
const TYPED: Verdict[] = [
  { property: 'fromPartial', value: {}, valid: true },
  { property: 'fromPartial', value: { a: 'x', inner: { c: 'y' } }, valid: true },
  { property: 'fromPartial', value: { a: 1 }, valid: false },
  { property: 'fromPick', value: { a: 'x' }, valid: true },
  { property: 'fromPick', value: {}, valid: false },
  { property: 'fromStrict', value: { a: 'x', d: 'y' }, valid: true },
  { property: 'grandchild', value: { b: 1 }, valid: true },
  { property: 'ownPartial', value: { a: 'x' }, valid: true },
  { property: 'ownPick', value: { a: 'x' }, valid: true },
  { property: 'ownOmit', value: { a: 'x', c: true }, valid: true },
  { property: 'ownReadonly', value: { a: 'x', b: 2 }, valid: true },
  { property: 'two', value: { b: 1, inner: { c: 'y' } }, valid: true },
  { property: 'implementsOpen', value: {}, valid: true },
  { property: 'implementsCopy', value: { a: 'x' }, valid: true },
  { property: 'partialOfChild', value: { d: 'y' }, valid: true },
  { property: 'openFromOpen', value: { a: 'x' }, valid: true },
  { property: 'openChild', value: { a: 'x' }, valid: true },
];

/** Values TypeScript accepts structurally, each with a key the type does not declare: `@strict`'s verdict. */
const EXTRA_KEYS: JudgedCase[] = [
  ['Uses', { fromPartial: { z: 1 } }, false],
  // S's nested inline object is closed in the copy too.
  ['Uses', { fromPartial: { inner: { c: 'y', z: 1 } } }, false],
  ['Uses', { fromPick: { a: 'x', b: 1 } }, false],
  ['Uses', { fromStrict: { a: 'x', z: 1 } }, false],
  ['Uses', { grandchild: { z: 1 } }, false],
  ['Uses', { ownPartial: { a: 'x', z: 1 } }, false],
  ['Uses', { ownPick: { a: 'x', b: 1 } }, false],
  ['Uses', { ownOmit: { a: 'x', b: 1 } }, false],
  ['Uses', { ownReadonly: { a: 'x', z: 1 } }, false],
  ['Uses', { two: { inner: { c: 'y' }, z: 1 } }, false],
  ['Uses', { implementsOpen: { z: 1 } }, false],
  ['Uses', { implementsCopy: { a: 'x', b: 1 } }, false],
  ['Uses', { partialOfChild: { z: 1 } }, false],
  // Heritage of open types: open, as before.
  ['Uses', { openFromOpen: { a: 'x', z: 1 } }, true],
  ['Uses', { openChild: { a: 'x', z: 1 } }, true],
  ['OpenChild', { a: 'x', z: 1 }, true],
];

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('strict-heritage', { 'verdicts.ts': verdictFile('Uses', './input/strict-heritage.js', TYPED, { structural: true }) });
}, 120_000);

describe('@strict through extends and implements', () => {
  it('compiles under tsc --strict, and TypeScript agrees with every typed verdict', () => {
    expect(built.compileErrors).toBe('');
  });

  judgedAlike(
    TYPED.map(({ property, value, valid }) => ['Uses', { [property!]: value }, valid] as const),
    () => built,
  );

  judgedAlike(EXTRA_KEYS, () => built);

  it('names the undeclared key', () => {
    expect(built.validators('FromPartial').issues({ inner: { c: 'y', z: 1 } })).toEqual(['/inner/z additionalProperties']);
    expect(built.validators('FromStrict').issues({ a: 'x', z: 1 })).toEqual(['/z additionalProperties']);
  });

  it('mocks pass the validators and the schema', () => {
    expect(failingMocks(built, 'Uses', 60)).toEqual([]);
  });
});
