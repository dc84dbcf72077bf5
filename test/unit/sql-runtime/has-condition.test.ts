/**
 * `hasCondition` tells whether a filter gives any SQL condition, so that a caller can refuse
 * filters whose conditions are all `undefined` (`{ email: undefined }`) before reading every row.
 * It must agree with what the builders write: each filter below is also built, and its count
 * statement has a WHERE exactly when `hasCondition` says so.
 */
import { describe, expect, test } from 'vitest';
import { createTableSql, hasCondition, type Where } from '../../../templates/sql/sql-runtime.js';
import { books, type BookRow } from './tables.js';

const NONE: [string, Where<BookRow> | undefined][] = [
  ['no filter', undefined],
  ['{}', {}],
  ['a field set to undefined', { title: undefined }],
  ['every field undefined', { title: undefined, authorId: undefined, and: undefined, or: undefined, not: undefined }],
  ['operators all undefined', { pages: { gt: undefined, lt: undefined } }],
  ['an empty operator object', { pages: {} }],
  ['notIn []', { pages: { notIn: [] } }],
  ['and []', { and: [] }],
  ['and of empty filters', { and: [{}, { title: undefined }] }],
  ['or with an empty member', { or: [{}] }],
  ['or with one empty member among others', { or: [{ title: 'Dune' }, { title: undefined }] }],
  ['or with a member whose operators are undefined', { or: [{ pages: { gt: undefined } }, { title: 'Dune' }] }],
  ['nested', { and: [{ or: [{ and: [] }, { title: 'x' }] }], pages: { notIn: [], eq: undefined } }],
  // A not of what matches no row is every row, as notIn [] is (tester9 F6).
  ['not of in []', { not: { id: { in: [] } } }],
  ['not of or []', { not: { or: [] } }],
  ['not of an or whose members all match no row', { not: { or: [{ pages: { in: [] } }, { or: [] }] } }],
  ['not of in [] beside a value', { not: { id: { in: [] }, title: 'x' } }],
  ['not of in [] nested in and', { and: [{ not: { id: { in: [] } } }] }],
  ['not of in [] as an or member', { or: [{ not: { id: { in: [] } } }, { title: 'x' }] }],
];

const SOME: [string, Where<BookRow>][] = [
  ['a value', { title: 'Dune' }],
  ['null', { authorId: null }],
  ['a Date', { publishedAt: new Date(0) }],
  ['one defined operator', { pages: { gt: undefined, lt: 5 } }],
  ['eq null', { pages: { eq: null } }],
  ['isNull false', { pages: { isNull: false } }],
  ['in []', { pages: { in: [] } }],
  ['notIn with items', { pages: { notIn: [1] } }],
  ['or []', { or: [] }],
  ['not of a condition', { not: { title: 'x' } }],
  ['and with one condition', { and: [{}, { title: 'x' }] }],
  ['or whose members all have conditions', { or: [{ title: 'x' }, { pages: { in: [] } }] }],
  ['an undefined key beside a defined one', { title: undefined, pages: 3 }],
];

describe('hasCondition', () => {
  const sql = createTableSql(books, 'postgres');

  test.each(NONE)('%s: no condition', (_name, where) => {
    expect(hasCondition(where)).toBe(false);
    expect(sql.count(where)).toEqual({ text: 'SELECT count(*)::float8 AS "count" FROM "books"', values: [] });
  });

  test.each(SOME)('%s: a condition', (_name, where) => {
    expect(hasCondition(where)).toBe(true);
    expect(sql.count(where).text).toMatch(/^SELECT count\(\*\)::float8 AS "count" FROM "books" WHERE ./);
  });

  test('a not of a filter without condition counts as a condition, and the builders refuse it at any depth', () => {
    for (const [where, path] of [
      [{ not: {} }, 'where.not'],
      [{ not: { title: undefined } }, 'where.not'],
      [{ not: { pages: { notIn: [] } } }, 'where.not'],
      [{ title: 'x', not: { or: [{}, { title: 'y' }] } }, 'where.not'],
      [{ or: [{ title: 'x' }, { not: { title: undefined } }] }, 'where.or.not'],
      [{ not: { not: { id: { in: [] } } } }, 'where.not'],
    ] as const) {
      expect(hasCondition(where as Where<BookRow>)).toBe(true);
      expect(() => sql.count(where as Where<BookRow>)).toThrow(`table "books": ${path} sets no condition`);
      expect(() => sql.delete({ where: where as Where<BookRow> })).toThrow(`table "books": ${path} sets no condition`);
    }
  });

  test('what is not a filter counts as a condition, and the builders refuse it', () => {
    for (const where of ['title = 1', null, [], { or: [undefined] }, { and: 'x' }, { title: [1] }]) {
      expect(hasCondition(where)).toBe(true);
      expect(() => sql.count(where as never)).toThrow(/^table "books": /);
    }
  });

  test('an or dropped for an empty member binds none of its values, and its other members are still checked', () => {
    expect(sql.select({ columns: ['id'], where: { or: [{ title: 'a', pages: { in: [1, 2] } }, {}], rating: 1 } })).toEqual({
      text: 'SELECT "id" AS "id" FROM "books" WHERE "rating" = $1',
      values: [1],
    });
    expect(() => sql.select({ where: { or: [{}, { nope: 1 } as never] } })).toThrow('table "books": unknown field "nope" in where.or');
  });

  test('update and delete name the reason they refuse a filter without condition', () => {
    expect(() => sql.delete({ where: { title: undefined } })).toThrow('table "books": delete where has no condition: pass { all: true } to delete every row');
    expect(() => sql.update({ set: { title: 'x' }, where: { or: [{ pages: { gt: undefined } }, { title: 'y' }] } })).toThrow(
      'table "books": update where matches every row: pass { all: true } to update every row',
    );
  });
});
