/**
 * The repository's checks of filter and key values (templates/crud/repository-values.ts), on
 * their own: which operands are checked how, and the paths of the issues. The engines' side of
 * the same values is test/unit/crud/engine-filters.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { afterIssues, filterIssues, keyIssues, listIssues, storageIssues } from '../../../templates/crud/repository-values.js';

const columns = {
  id: { codec: 'uuid' },
  n: { codec: 'integer' },
  big: { codec: 'bigint' },
  price: { codec: 'decimal' },
  at: { codec: 'timestamp' },
  code: { codec: 'text' },
  flag: { codec: 'boolean' },
  data: { codec: 'json' },
};
const rules = { n: { range: [-32768, 32767] as const }, price: { numeric: [5, 2] as const }, at: { fraction: 0 }, code: { chars: 2 } };
const paths = (issues: readonly { path: string; code: string }[]) => issues.map((issue) => `${issue.path} ${issue.code}`);

describe('filterIssues', () => {
  it('checks every operand of every field, with its path in the filter, through and/or/not', () => {
    const where = { and: [{ n: { in: [1, 1.5, 40000] } }], or: [{ id: 'x' }, { not: { code: { ne: 'abc' } } }], big: { gte: 2n ** 63n }, flag: 1 };
    expect(paths(filterIssues(where, columns, rules))).toEqual(['/and/0/n/in/1 type', '/and/0/n/in/2 maximum', '/or/0/id format', '/or/1/not/code/ne maxLength', '/big/gte maximum', '/flag type']);
  });

  it('checks the digits of numeric(p, s) and the precision of a timestamp on compared values only, never on bounds', () => {
    const fine = new Date('2024-01-01T00:00:00.000Z');
    const fine2 = new Date('2024-01-01T00:00:00.500Z');
    expect(paths(filterIssues({ price: { gt: 1.005, lt: 1e9 }, at: { lt: fine2 } }, columns, rules))).toEqual([]);
    expect(paths(filterIssues({ price: { in: [1.005, 1000] }, at: { eq: fine2, ne: fine } }, columns, rules))).toEqual(['/price/in/0 multipleOf', '/price/in/1 exclusiveMaximum', '/at/eq multipleOf']);
  });

  it('leaves null, undefined, JSON fields, unknown fields and operators, and pattern text to the builders', () => {
    const where = { n: null, id: undefined, data: { isNull: true }, nope: 'x', code: { like: '%x%', ilike: 'a\u0000', eq: null, in: [null, 'ab'] }, at: { weird: 5 } };
    expect(paths(filterIssues(where, columns, rules))).toEqual(['/code/ilike pattern']);
  });

  it('escapes field names in paths as JSON Pointer tokens', () => {
    expect(paths(filterIssues({ 'a/b~c': 'x\u0000' }, { 'a/b~c': { codec: 'text' } }, {}))).toEqual(['/a~1b~0c pattern']);
  });
});

describe('keyIssues, listIssues, afterIssues and storageIssues', () => {
  it("checks a key's values at their fields as compared values, and refuses an object where a value belongs", () => {
    expect(paths(keyIssues({ id: 'NOPE' }, columns, rules))).toEqual(['/id format']);
    expect(paths(keyIssues({ n: { n: 1 } }, columns, rules))).toEqual(['/n type']);
    expect(paths(keyIssues({ at: new Date('2024-01-01T00:00:00.001Z') }, columns, rules))).toEqual(['/at multipleOf']);
    expect(paths(keyIssues({ id: 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', n: -32768 }, columns, rules))).toEqual([]);
  });

  it("checks link/unlink's target keys by the target key's codec, each at its index", () => {
    expect(paths(listIssues(['a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', null, 'x', 5], { codec: 'uuid' }, '/targetKeys'))).toEqual(['/targetKeys/2 format', '/targetKeys/3 type']);
  });

  it("checks `after`'s values as bounds, under its path", () => {
    expect(paths(afterIssues({ at: new Date('2024-01-01T00:00:00.001Z'), n: 1.5, data: 'x', code: null }, columns, rules, '/after'))).toEqual(['/after/n type']);
  });

  it('refuses in inputs what the validators do not check: the precision, year 0000 days, NUL, Dates past 9999', () => {
    const values = { at: new Date('2024-01-01T00:00:00.250Z'), code: 'a\u0000', data: { k: ['\u0000'] }, day: '0000-01-01' };
    expect(paths(storageIssues(values, { ...columns, day: { codec: 'date' } }, rules))).toEqual(['/at multipleOf', '/code pattern', '/data/k/0 pattern', '/day minimum']);
    expect(paths(storageIssues({ at: new Date('+010000-01-01T00:00:00Z') }, columns))).toEqual(['/at maximum']);
  });

  it('refuses in a JSON value what JSON cannot hold as given, each at its JSON Pointer (tester s12 T6)', () => {
    class Point {
      x = 1;
    }
    const cyclic: Record<string, unknown> = { name: 'c' };
    cyclic.self = cyclic;
    const shared = { s: 1 };
    const data = {
      at: new Date(0),
      big: 1n,
      nan: NaN,
      inf: -Infinity,
      map: new Map([[1, 2]]),
      set: new Set([1]),
      fn: () => 1,
      sym: Symbol('s'),
      list: [1, undefined, 'x'],
      // eslint-disable-next-line no-sparse-arrays
      holes: [1, , 3],
      point: new Point(),
      boxed: new String('s'),
      deep: { a: [{ b: new Date(0) }] },
      cyclic,
      'a/b~c': 1n,
      // Fine: JSON gives these back as given (an undefined field reads back as the absent field).
      ok: { n: 1.5, s: 'x', t: true, z: null, gone: undefined, bare: Object.create(null) as object, twice: [shared, shared] },
    };
    expect(paths(storageIssues({ data }, columns))).toEqual([
      '/data/at type',
      '/data/big type',
      '/data/nan type',
      '/data/inf type',
      '/data/map type',
      '/data/set type',
      '/data/fn type',
      '/data/sym type',
      '/data/list/1 type',
      '/data/holes/1 type',
      '/data/point type',
      '/data/boxed type',
      '/data/deep/a/0/b type',
      '/data/cyclic/self type',
      '/data/a~1b~0c type',
    ]);
    // The column's value itself.
    expect(paths(storageIssues({ data: new Date(0) }, columns))).toEqual(['/data type']);
    expect(paths(storageIssues({ data: NaN }, columns))).toEqual(['/data type']);
    expect(storageIssues({ data: [1, 'x', null, { a: [] }] }, columns)).toEqual([]);
    expect(storageIssues({ data: new Date(0) }, columns)[0]!.expected).toMatch(/Date .* string/);
  });
});
