/**
 * Issue 9 S15: recursive conditional utility types (`DeepPartial<T> = T extends object ? { [K in
 * keyof T]?: DeepPartial<T[K]> } : T`, `DeepReadonly`, `DeepRequired`) over recursive types (a
 * linked list, a tree, a recursive union, `Json`, two interfaces that hold each other) crashed
 * generation with a stack overflow. Each instantiation is now one declaration that refers to
 * itself (`DeepPartial_T3 = { name?: string; next?: DeepPartial_T3 }`), as `Chain<Slug>` is.
 * The validators, the OpenAPI schema and the mocks are checked on values whose verdicts tsc gives.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

const VERDICTS: Verdict[] = [
  { property: 'dp', value: {}, valid: true },
  { property: 'dp', value: { name: 'a', next: { next: { name: 'b', next: {} } } }, valid: true },
  { property: 'dp', value: { next: { next: { name: 1 } } }, valid: false },
  { property: 'dp', value: { next: null }, valid: false },
  { property: 'dt', value: { children: [{ label: 'x' }, {}], parent: null }, valid: true },
  { property: 'dt', value: { parent: { parent: { children: [] } } }, valid: true },
  { property: 'dt', value: { children: [{ children: [{ label: 1 }] }] }, valid: false },
  { property: 'de', value: { op: '+', args: [{ lit: 1 }, { op: '*', args: [] }] }, valid: true },
  { property: 'de', value: { args: [{ op: '-' }] }, valid: false },
  { property: 'dr', value: { label: 'a', children: [{ label: 'b', children: [] }], parent: null }, valid: true },
  { property: 'dr', value: { label: 'a', children: [{ label: 'b' }] }, valid: false },
  { property: 'pp', value: { pong: { ping: { pong: { s: 'x' } } }, n: 1 }, valid: true },
  { property: 'pp', value: { pong: { ping: { n: '1' } } }, valid: false },
  { property: 'dj', value: [1, { a: [null, 'x', { b: true }] }], valid: true },
  { property: 'dj', value: 'x', valid: true },
  { property: 'dj', value: { a: [1, undefined] }, text: '{ a: [1, undefined] }', valid: false },
  { property: 'df', value: { planted: '', children: [{ meta: { x: { label: 'y' } } }] }, text: "{ planted: new Date(), children: [{ meta: { x: { label: 'y' } } }] }", valid: true },
  { property: 'df', value: { planted: '2020-01-01' }, valid: false },
  { property: 'df', value: { meta: { x: { children: [{ label: 2 }] } } }, valid: false },
  { property: 'dh', value: { json: { a: [1] }, tree: { label: 'a', children: [] } }, valid: true },
  { property: 'dh', value: { json: { a: [1] }, tree: { label: 'a' } }, valid: false },
];

/** Generic aliases whose bodies hold literals that use `T`: read inline, not as the alias (GenericParts). */
const PARTS_VALID = {
  result: { data: { items: ['a'] }, meta: { total: 1 } },
  both: { a: 1, b: [2] },
  envelope: { payload: { value: true } },
  boxed: { tup: { v: 'a' }, n: { v: 1 } },
  boxedTuple: [{ v: 'a' }, { v: 1 }],
  optionals: { a: 'x' },
};
const PARTS_VERDICTS: Verdict[] = [
  { property: 'result', value: PARTS_VALID.result, valid: true },
  { property: 'result', value: { data: { items: [1] }, meta: { total: 1 } }, valid: false },
  { property: 'result', value: { data: { data: { items: [] }, meta: { total: 0 } }, meta: { total: 1 } }, valid: false },
  { property: 'both', value: { a: 1, b: ['x'] }, valid: false },
  { property: 'envelope', value: { payload: null }, valid: true },
  { property: 'envelope', value: { payload: { value: 1 } }, valid: false },
  { property: 'boxed', value: { tup: { v: 1 }, n: { v: 1 } }, valid: false },
  { property: 'boxedTuple', value: [{ v: 'a' }, { v: 'b' }], valid: false },
  { property: 'optionals', value: { a: null }, valid: false },
];

/** The value as the validators see it: `new Date()` where the verdict wrote one. */
function runtimeValue({ value, text }: Verdict): unknown {
  return text?.includes('new Date()') ? { ...(value as object), planted: new Date() } : value;
}

/** Whether an array somewhere in `value` holds undefined (JSON cannot). */
function hasUndefinedItem(value: unknown): boolean {
  if (Array.isArray(value)) return value.some((item) => item === undefined || hasUndefinedItem(item));
  return typeof value === 'object' && value !== null && Object.values(value).some(hasUndefinedItem);
}

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('recursive-mapped', {
    'verdicts.ts': verdictFile('RecursiveMapped', './input/recursive-mapped.js', VERDICTS),
    'parts.ts': verdictFile('GenericParts', './input/recursive-mapped.js', PARTS_VERDICTS),
  });
}, 120_000);

describe('recursive conditional utility types over recursive types', () => {
  it('generate with no diagnostic, compile under tsc --strict, and TypeScript agrees with every verdict', () => {
    expect(built.diagnostics).toEqual([]);
    expect(built.compileErrors).toBe('');
  });

  it('make each instantiation one declaration that refers to itself', () => {
    const declaration = built.model.declarations.find((candidate) => candidate.id === 'DeepPartial_T3');
    expect(declaration?.instantiation?.generic).toBe('DeepPartial');
    expect(JSON.stringify(declaration?.type)).toContain('"kind":"ref","id":"DeepPartial_T3"');
    const pong = built.model.declarations.find((candidate) => candidate.id === 'DeepPartial_Pong');
    expect(JSON.stringify(pong?.type)).toContain('"id":"DeepPartial_Ping"');
  });

  for (const verdict of VERDICTS) {
    const { property, valid } = verdict;
    it(`${property}: ${verdict.text ?? JSON.stringify(verdict.value)} is ${valid ? 'valid' : 'invalid'}`, () => {
      const value = { dp: {}, [property!]: runtimeValue(verdict) };
      expect(built.validators('RecursiveMapped').accepts(value)).toBe(valid);
      expect(built.validators('RecursiveMapped').issues(value).length === 0).toBe(valid);
      // JSON has no Date and no undefined: the schema is asked about the values JSON can carry.
      if (!verdict.text) expect(built.schemaAccepts('RecursiveMapped', value)).toBe(valid);
    });
  }

  it('checks a chain 500 levels deep, down to its last link', () => {
    let chain: Record<string, unknown> = { name: 'end' };
    for (let i = 0; i < 500; i += 1) chain = { next: chain };
    expect(built.validators('RecursiveMapped').accepts({ dp: chain })).toBe(true);
    let bad: Record<string, unknown> = { name: 0 };
    for (let i = 0; i < 500; i += 1) bad = { next: bad };
    expect(built.validators('RecursiveMapped').accepts({ dp: bad })).toBe(false);
    expect(built.validators('RecursiveMapped').issues({ dp: bad })[0]).toMatch(/^\/dp(\/next){500}\/name /);
  });

  it('checks DeepRequired<T3> at every level (only a cyclic object is one: no mock, CG5001 from the mock generator)', () => {
    const endless = built.validators('Endless');
    expect(endless.accepts({ rq: { name: 'a', next: { name: 'b' } } })).toBe(false);
    expect(endless.issues({ rq: { name: 'a', next: { name: 'b' } } })).toEqual(['/rq/next/next required']);
  });

  it('mocks pass the validators and, where JSON can write them, the schema', () => {
    const failures: string[] = [];
    for (let seed = 0; seed < 60; seed += 1) {
      const value = built.mock('RecursiveMapped', seed);
      if (!built.validators('RecursiveMapped').accepts(value)) failures.push(`seed ${seed}: ${built.validators('RecursiveMapped').issues(value).join(', ')}`);
      // `DeepPartial<Tree>['children']` holds `(DeepPartial<Tree> | undefined)[]`: an undefined item is a value, which JSON writes as null.
      else if (!hasUndefinedItem(value)) {
        if (!built.schemaAccepts('RecursiveMapped', value)) failures.push(`seed ${seed}: the schema rejects ${JSON.stringify(value)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(failingMocks(built, 'Holder', 20)).toEqual([]);
  });

  it('names a generic alias by what it resolves to, never by a literal inside its body', () => {
    // `ApiResult<string>` is the declaration ApiResult_string; its `data` is read inline, not as a ref to itself.
    const parts = built.model.declarations.filter((declaration) => /^(ApiResult|Both|Envelope|Boxed|Optionals)_/.test(declaration.id));
    expect(parts.length).toBeGreaterThan(0);
    for (const declaration of parts) expect(JSON.stringify(declaration.type), declaration.id).not.toContain(`"id":"${declaration.id}"`);
    for (const verdict of PARTS_VERDICTS) {
      const value = { ...PARTS_VALID, [verdict.property!]: verdict.value };
      expect(built.validators('GenericParts').accepts(value), JSON.stringify(verdict)).toBe(verdict.valid);
      expect(built.schemaAccepts('GenericParts', value), JSON.stringify(verdict)).toBe(verdict.valid);
    }
    expect(failingMocks(built, 'GenericParts', 40)).toEqual([]);
  });
});

