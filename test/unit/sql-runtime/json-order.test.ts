/**
 * A JSON column is no sort key (tester s9 T12): PostgreSQL orders jsonb by its own rules (fewer
 * keys first, then key by key), SQLite the JSON text as written, so the same rows came back in two
 * orders. `orderBy` refuses it in the types (each `@ts-expect-error` fails the type-check if the
 * types let it through) and at run time, on both dialects, as filters refuse anything but isNull.
 */
import { describe, expect, test } from 'vitest';
import { createTableSql, SqlBuilderError, type OrderBy } from '../../../templates/sql/sql-runtime.js';
import { books, type BookRow } from './tables.js';

describe.each(['postgres', 'sqlite'] as const)('orderBy on %s', (dialect) => {
  const sql = createTableSql(books, dialect);

  test('refuses a JSON field, alone, in a list, or beside other keys', () => {
    // @ts-expect-error: a JSON field is no sort key
    expect(() => sql.select({ orderBy: { meta: 'asc' } })).toThrow(new SqlBuilderError('table "books": json field "meta" cannot be an orderBy key: the engines order JSON differently'));
    // @ts-expect-error: not in a list either
    expect(() => sql.select({ orderBy: [{ title: 'asc' }, { meta: 'desc' }] })).toThrow(/json field "meta" cannot be an orderBy key/);
    // Keyset pages sort by orderBy: a cursor over a JSON key is refused with it.
    // @ts-expect-error: a JSON field is no sort key
    expect(() => sql.select({ orderBy: { meta: 'asc' }, after: { meta: null, id: 'a' }, limit: 2 })).toThrow(SqlBuilderError);
  });

  test('still sorts by the other fields, and skips a JSON key left undefined', () => {
    expect(sql.select({ orderBy: { title: 'asc' } }).text).toContain('ORDER BY');
    const keys: OrderBy<BookRow> = { meta: undefined, title: 'desc' };
    expect(sql.select({ orderBy: keys }).text).toMatch(/ORDER BY .*"title" DESC/);
  });
});
