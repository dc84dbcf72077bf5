/**
 * Data members keyed by a well-known symbol (issue 9, left after s7: symbol-keyed properties were
 * CG2004 and unchecked). `[Symbol.toStringTag]: string` is read by its symbol, which every value's
 * global `Symbol` names: validators check `Reflect.get(value, Symbol.toStringTag)` against its
 * type (a primitive, a literal or a union of them), through the prototype as TypeScript reads it
 * (a class's getter), mocks set it, schemas leave it out (JSON has no symbol keys). A `unique
 * symbol` key whose const has no value at run time (`declare const tag`), or a well-known symbol
 * holding an object, stays CG2004 at the member, unchecked. Verdicts are tsc's own where marked.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';

const tagged = (id: string, tag: unknown): object => ({ id, [Symbol.toStringTag]: tag });
const money = (tag: unknown): object => ({ amount: 1, [Symbol.toStringTag]: tag });

// The same values, typed by tsc: each must compile where valid and fail where not.
const VERDICTS = `import type { Flags, Money, Tagged } from './input/tags.js';
export const a: Tagged = { id: 'x', [Symbol.toStringTag]: 'T' };
// @ts-expect-error
export const b: Tagged = { id: 'x' };
// @ts-expect-error
export const c: Tagged = { id: 'x', [Symbol.toStringTag]: 1 };
export const d: Money = { amount: 1, [Symbol.toStringTag]: 'Money' };
// @ts-expect-error
export const e: Money = { amount: 1, [Symbol.toStringTag]: 'Cash' };
export const f: Flags = {};
export const g: Flags = { [Symbol.toStringTag]: null, [Symbol.isConcatSpreadable]: true };
// @ts-expect-error
export const h: Flags = { [Symbol.toStringTag]: 'C' };
// @ts-expect-error
export const i: Flags = { [Symbol.isConcatSpreadable]: 'yes' };
`;

let built: BuiltCase;
let Labelled: new () => object;
beforeAll(async () => {
  built = await buildCase('symbol-data', { 'verdicts.ts': VERDICTS });
  ({ Labelled } = (await import('../../.tmp/type-forms/symbol-data/input/tags.js' as string)) as { Labelled: new () => object });
}, 120_000);

describe('data members keyed by a well-known symbol', () => {
  it('compiles under tsc --strict, with tsc agreeing with the verdicts', () => {
    expect(built.compileErrors).toBe('');
  });

  it('reports only what stays unchecked, at the member (CG2004)', () => {
    expect(built.diagnostics.map((d) => `${d.code} ${d.line}`)).toEqual(['CG2004 30', 'CG2004 35']);
  });

  it('checks the member by its type, as tsc does (isT and validateT)', () => {
    const cases: Array<[string, object, boolean]> = [
      ['Tagged', tagged('x', 'T'), true],
      ['Tagged', { id: 'x' }, false],
      ['Tagged', tagged('x', 1), false],
      ['Money', money('Money'), true],
      ['Money', money('Cash'), false],
      ['Flags', {}, true],
      ['Flags', { [Symbol.toStringTag]: null, [Symbol.isConcatSpreadable]: true }, true],
      ['Flags', { [Symbol.toStringTag]: 'C' }, false],
      ['Flags', { [Symbol.isConcatSpreadable]: 'yes' }, false],
    ];
    for (const [type, value, valid] of cases) {
      expect(built.validators(type).accepts(value), `${type} ${String(valid)}`).toBe(valid);
      expect(built.validators(type).issues(value).length === 0).toBe(valid);
    }
    expect(JSON.stringify(built.validators('Tagged').fullIssues(tagged('x', 1)))).toContain('[Symbol.toStringTag]');
  });

  it('reads a class\'s getter through the prototype: an instance passes, a plain object without it does not', () => {
    expect(built.validators('Labelled').accepts(new Labelled())).toBe(true);
    expect(built.validators('Labelled').accepts({ label: 'x' })).toBe(false);
  });

  it('leaves the member out of the schema, where JSON has no symbol keys', () => {
    const schemas = built.document.components!.schemas! as Record<string, { properties?: Record<string, unknown> }>;
    expect(Object.keys(schemas['Tagged']!.properties!)).toEqual(['id']);
    expect(built.schemaAccepts('Tagged', { id: 'x' })).toBe(true);
  });

  it('mocks set the member, and pass the validators and the schema', () => {
    for (const type of ['Tagged', 'Money', 'Flags', 'Holder']) expect(failingMocks(built, type), type).toEqual([]);
    expect(typeof Reflect.get(built.mock('Tagged', 1) as object, Symbol.toStringTag)).toBe('string');
    expect(Reflect.get(built.mock('Money', 1) as object, Symbol.toStringTag)).toBe('Money');
  });
});
