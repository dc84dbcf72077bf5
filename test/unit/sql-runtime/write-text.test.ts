/** The exact SQL text and bound values of insert, insertChunks, update, delete and upsert, per dialect. */
import { describe, expect, test } from 'vitest';
import { createTableSql, MAX_BOUND_VALUES, SqlBuilderError, type Dialect, type Query, type TableMeta } from '../../../templates/sql/sql-runtime.js';
import { authors, books, tags } from './tables.js';

function both(build: (dialect: Dialect) => Query): Record<Dialect, { text: string; values: unknown[] }> {
  const plain = (query: Query) => ({ text: query.text, values: [...query.values] });
  return { postgres: plain(build('postgres')), sqlite: plain(build('sqlite')) };
}

const authorSql = { postgres: createTableSql(authors, 'postgres'), sqlite: createTableSql(authors, 'sqlite') };
const bookSql = { postgres: createTableSql(books, 'postgres'), sqlite: createTableSql(books, 'sqlite') };
const tagSql = { postgres: createTableSql(tags, 'postgres'), sqlite: createTableSql(tags, 'sqlite') };

describe('insert', () => {
  test('one row: undefined fields left out, null bound, values encoded per codec and dialect', () => {
    const row = {
      id: 'b1',
      title: 'Dune',
      authorId: null,
      inPrint: true,
      publishedAt: new Date('2024-01-02T03:04:05.678Z'),
      price: 12.5,
      copies: 2n ** 63n - 1n,
      releaseDate: '2024-01-02',
      meta: [1, 'two'],
      rating: undefined,
    };
    expect(both((d) => bookSql[d].insert(row))).toEqual({
      postgres: {
        text:
          'INSERT INTO "books" ("id", "title", "author_id", "in_print", "published_at", "price", "copies", "release_date", "meta")' +
          ' VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)',
        values: ['b1', 'Dune', null, true, '2024-01-02T03:04:05.678Z', '12.5', '9223372036854775807', '2024-01-02', '[1,"two"]'],
      },
      sqlite: {
        text:
          'INSERT INTO "books" ("id", "title", "author_id", "in_print", "published_at", "price", "copies", "release_date", "meta")' +
          ' VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        values: ['b1', 'Dune', null, 1, '2024-01-02T03:04:05.678Z', 12.5, 2n ** 63n - 1n, '2024-01-02', '[1,"two"]'],
      },
    });
  });

  test('returning: every column aliased to its field; the text of a row shape is built once', () => {
    const first = authorSql.postgres.insert({ name: 'a' }, { returning: true });
    expect(first).toEqual({ text: 'INSERT INTO "authors" ("name") VALUES ($1) RETURNING "id" AS "id", "name" AS "name", "email" AS "email"', values: ['a'] });
    expect(authorSql.postgres.insert({ name: 'b' }, { returning: true }).text).toBe(first.text);
  });

  test('a row without fields inserts defaults', () => {
    expect(both((d) => tagSql[d].insert({})).sqlite).toEqual({ text: 'INSERT INTO "tags" DEFAULT VALUES', values: [] });
  });

  test('several rows: the union of their fields, DEFAULT for a missing one on PostgreSQL', () => {
    expect(authorSql.postgres.insert([{ name: 'a', email: 'e' }, { id: 7, name: 'b' }])).toEqual({
      text: 'INSERT INTO "authors" ("id", "name", "email") VALUES (DEFAULT, $1, $2), ($3, $4, DEFAULT)',
      values: ['a', 'e', 7, 'b'],
    });
    expect(authorSql.sqlite.insert([{ name: 'a' }, { name: 'b' }])).toEqual({ text: 'INSERT INTO "authors" ("name") VALUES (?), (?)', values: ['a', 'b'] });
  });

  test('SQLite has no DEFAULT in VALUES: several rows with different fields are refused (insertChunks splits them)', () => {
    expect(() => authorSql.sqlite.insert([{ name: 'a', email: 'e' }, { name: 'b' }])).toThrow(/insertChunks/);
  });

  test('a field named like an Object.prototype property is read as an own property only', () => {
    const odd: TableMeta<{ id: number; constructor: string }> = {
      table: 'odd',
      columns: { id: { name: 'id', codec: 'integer', nullable: false }, constructor: { name: 'ctor', codec: 'text', nullable: true } },
      primaryKey: ['id'],
      uniques: {},
      relations: {},
    };
    const rows = [{ id: 1 }, { id: 2, constructor: 'x' }] as { id: number; constructor: string }[];
    expect(createTableSql(odd, 'postgres').insert(rows)).toEqual({ text: 'INSERT INTO "odd" ("id", "ctor") VALUES ($1, DEFAULT), ($2, $3)', values: [1, 2, 'x'] });
  });

  test('no rows is an error', () => {
    expect(() => authorSql.postgres.insert([])).toThrow(SqlBuilderError);
  });
});

describe('insertChunks', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, at) => ({ id: at + 1, label: `t${at + 1}` }));

  test('splits so that no statement binds more than maxValues values', () => {
    const queries = tagSql.postgres.insertChunks(rows(5), { maxValues: 4 });
    expect(queries.map((query) => query.values)).toEqual([[1, 't1', 2, 't2'], [3, 't3', 4, 't4'], [5, 't5']]);
    expect(queries[0]?.text).toBe('INSERT INTO "tags" ("id", "label") VALUES ($1, $2), ($3, $4)');
    expect(queries[2]?.text).toBe('INSERT INTO "tags" ("id", "label") VALUES ($1, $2)');
    expect(queries.every((query) => query.values.length <= 4)).toBe(true);
  });

  test('exactly at the limit is one statement; the default limit is the dialect limit', () => {
    expect(tagSql.sqlite.insertChunks(rows(3), { maxValues: 6 })).toHaveLength(1);
    expect(tagSql.sqlite.insertChunks(rows(16383))).toHaveLength(1);
    expect(tagSql.sqlite.insertChunks(rows(16384))).toHaveLength(2);
    expect(tagSql.postgres.insertChunks(rows(32767))).toHaveLength(1);
    expect(tagSql.postgres.insertChunks(rows(32768))).toHaveLength(2);
  });

  test('SQLite: each run of rows with the same fields is chunked on its own, in input order', () => {
    const mixed = [{ name: 'a' }, { name: 'b' }, { name: 'c', email: 'e' }, { name: 'd' }];
    expect(authorSql.sqlite.insertChunks(mixed, { maxValues: 10 })).toEqual([
      { text: 'INSERT INTO "authors" ("name") VALUES (?), (?)', values: ['a', 'b'] },
      { text: 'INSERT INTO "authors" ("name", "email") VALUES (?, ?)', values: ['c', 'e'] },
      { text: 'INSERT INTO "authors" ("name") VALUES (?)', values: ['d'] },
    ]);
  });

  test('PostgreSQL: every chunk has the union of all fields', () => {
    const mixed = [{ name: 'a' }, { name: 'b' }, { name: 'c', email: 'e' }];
    expect(authorSql.postgres.insertChunks(mixed, { maxValues: 4, returning: true }).map((query) => query.text)).toEqual([
      'INSERT INTO "authors" ("name", "email") VALUES ($1, DEFAULT), ($2, DEFAULT) RETURNING "id" AS "id", "name" AS "name", "email" AS "email"',
      'INSERT INTO "authors" ("name", "email") VALUES ($1, $2) RETURNING "id" AS "id", "name" AS "name", "email" AS "email"',
    ]);
  });

  test('rows without fields get one DEFAULT VALUES each; no rows, no statements', () => {
    expect(tagSql.sqlite.insertChunks([{}, {}])).toEqual([
      { text: 'INSERT INTO "tags" DEFAULT VALUES', values: [] },
      { text: 'INSERT INTO "tags" DEFAULT VALUES', values: [] },
    ]);
    expect(tagSql.postgres.insertChunks([])).toEqual([]);
  });

  test('a limit below one row, or not a positive integer, is an error', () => {
    expect(() => tagSql.postgres.insertChunks(rows(1), { maxValues: 1 })).toThrow(/more than maxValues 1/);
    for (const maxValues of [0, -1, 1.5, Number.NaN]) expect(() => tagSql.postgres.insertChunks(rows(1), { maxValues })).toThrow(SqlBuilderError);
  });
});

describe('update and delete', () => {
  test('update: SET then WHERE, numbered in text order; undefined fields left out', () => {
    expect(both((d) => bookSql[d].update({ set: { title: 'New', inPrint: false, meta: { a: 1 }, rating: undefined }, where: { id: 'b1' }, returning: true }))).toEqual({
      postgres: {
        text: `UPDATE "books" SET "title" = $1, "in_print" = $2, "meta" = $3::jsonb WHERE "id" = $4 RETURNING ${pgReturning}`,
        values: ['New', false, '{"a":1}', 'b1'],
      },
      sqlite: { text: `UPDATE "books" SET "title" = ?, "in_print" = ?, "meta" = ? WHERE "id" = ? RETURNING ${returning}`, values: ['New', 0, '{"a":1}', 'b1'] },
    });
  });

  test('update and delete of every row need all: true', () => {
    expect(authorSql.postgres.update({ set: { name: 'x' }, all: true })).toEqual({ text: 'UPDATE "authors" SET "name" = $1', values: ['x'] });
    expect(authorSql.sqlite.delete({ all: true })).toEqual({ text: 'DELETE FROM "authors"', values: [] });
    expect(() => authorSql.sqlite.delete({ where: {} })).toThrow('table "authors": delete where has no condition: pass { all: true } to delete every row');
    expect(() => authorSql.sqlite.update({ set: { name: 'x' }, where: { id: undefined } })).toThrow(/update where has no condition/);
    expect(() => authorSql.sqlite.delete({ where: { or: [{}, { id: 1 }] } })).toThrow(/delete where matches every row/);
    // @ts-expect-error: a filter is required
    expect(() => authorSql.sqlite.delete({})).toThrow(SqlBuilderError);
  });

  test('an update without any field to set is an error', () => {
    expect(() => authorSql.postgres.update({ set: { name: undefined }, where: { id: 1 } })).toThrow(/at least one defined field in set/);
  });

  test('delete with returning', () => {
    expect(both((d) => authorSql[d].delete({ where: { id: { in: [1, 2] } }, returning: true })).sqlite).toEqual({
      text: 'DELETE FROM "authors" WHERE "id" IN (?, ?) RETURNING "id" AS "id", "name" AS "name", "email" AS "email"',
      values: [1, 2],
    });
  });
});

const returning = '"id" AS "id", "title" AS "title", "author_id" AS "authorId", "in_print" AS "inPrint", "published_at" AS "publishedAt", "price" AS "price", "copies" AS "copies", "release_date" AS "releaseDate", "meta" AS "meta", "rating" AS "rating", "pages" AS "pages"';
/**
 * PostgreSQL reads a timestamp or date through to_json: ISO 8601 whatever the session's DateStyle and TimeZone (tester4 F0a, F0b);
 * JSON as its text, so the JSON null is no SQL NULL (tester5 V1).
 */
const pgReturning = returning
  .replace('"published_at" AS', 'to_json("published_at") AS')
  .replace('"release_date" AS', 'to_json("release_date") AS')
  .replace('"meta" AS', '("meta")::text AS');

describe('upsert', () => {
  test('on the primary key: every inserted field outside the key is overwritten from excluded', () => {
    expect(both((d) => authorSql[d].upsert({ values: { id: 1, name: 'a', email: null }, conflict: 'primaryKey' }))).toEqual({
      postgres: { text: 'INSERT INTO "authors" ("id", "name", "email") VALUES ($1, $2, $3) ON CONFLICT ("id") DO UPDATE SET "name" = excluded."name", "email" = excluded."email"', values: [1, 'a', null] },
      sqlite: { text: 'INSERT INTO "authors" ("id", "name", "email") VALUES (?, ?, ?) ON CONFLICT ("id") DO UPDATE SET "name" = excluded."name", "email" = excluded."email"', values: [1, 'a', null] },
    });
  });

  test('on a named unique constraint, leaving the primary key alone by default', () => {
    expect(bookSql.postgres.upsert({ values: [{ id: 'x', title: 't', authorId: 1, copies: 3n }], conflict: 'books_title_author_key' }).text).toBe(
      'INSERT INTO "books" ("id", "title", "author_id", "copies") VALUES ($1, $2, $3, $4) ON CONFLICT ("title", "author_id") DO UPDATE SET "copies" = excluded."copies"',
    );
  });

  test('on a field list, with the fields to update named, several rows, returning', () => {
    const query = authorSql.sqlite.upsert({ values: [{ name: 'a', email: 'e' }, { name: 'b', email: 'f' }], conflict: ['email'], update: ['name'], returning: true });
    expect(query).toEqual({
      text: 'INSERT INTO "authors" ("name", "email") VALUES (?, ?), (?, ?) ON CONFLICT ("email") DO UPDATE SET "name" = excluded."name" RETURNING "id" AS "id", "name" AS "name", "email" AS "email"',
      values: ['a', 'e', 'b', 'f'],
    });
  });

  test('DO NOTHING when there is nothing to update', () => {
    expect(authorSql.postgres.upsert({ values: { id: 1 }, conflict: 'primaryKey' }).text).toBe('INSERT INTO "authors" ("id") VALUES ($1) ON CONFLICT ("id") DO NOTHING');
    expect(authorSql.postgres.upsert({ values: { id: 1, name: 'a' }, conflict: 'primaryKey', update: [] }).text).toBe(
      'INSERT INTO "authors" ("id", "name") VALUES ($1, $2) ON CONFLICT ("id") DO NOTHING',
    );
  });

  test('refused: rows with different fields, an unknown constraint, an update field no row gives', () => {
    expect(() => authorSql.postgres.upsert({ values: [{ id: 1, name: 'a' }, { id: 2 }], conflict: 'primaryKey' })).toThrow(/same fields/);
    expect(() => authorSql.postgres.upsert({ values: { id: 1 }, conflict: 'no_such_key' })).toThrow('table "authors": unknown unique constraint "no_such_key" in upsert conflict');
    expect(() => authorSql.postgres.upsert({ values: { id: 1 }, conflict: 'toString' })).toThrow(/unknown unique constraint "toString"/);
    expect(() => authorSql.postgres.upsert({ values: { id: 1 }, conflict: 'primaryKey', update: ['name'] })).toThrow(/"name", which no row gives/);
    // A list of fields is a target only when it is the primary key's or a unique constraint's, in any order (tester s16 T-9).
    expect(() => authorSql.postgres.upsert({ values: { id: 1, name: 'a' }, conflict: ['name'] })).toThrow(
      new SqlBuilderError('table "authors": upsert conflict (name) is neither the primary key nor a unique constraint\'s fields: ON CONFLICT needs one (primary key (id); authors_email_key (email))'),
    );
    expect(() => bookSql.sqlite.upsert({ values: { id: 'x', title: 't' }, conflict: ['title'] })).toThrow(/upsert conflict \(title\) is neither/);
    expect(bookSql.sqlite.upsert({ values: { id: 'x', title: 't', authorId: 1 }, conflict: ['authorId', 'title'] }).text).toContain('ON CONFLICT ("author_id", "title")');
    expect(authorSql.sqlite.upsert({ values: { id: 1, name: 'a' }, conflict: ['id'] }).text).toContain('ON CONFLICT ("id")');
  });

  test.each(['postgres', 'sqlite'] as const)('%s refuses what PostgreSQL would: an update field named twice, two DO UPDATE rows with one target value (tester F4)', (dialect) => {
    const sql = authorSql[dialect];
    const listed: readonly ('name' | 'email')[] = ['name', 'email', 'name'];
    // PostgreSQL: `multiple assignments to same column "name"`.
    expect(() => sql.upsert({ values: { id: 1, name: 'a', email: 'e' }, conflict: 'primaryKey', update: listed })).toThrow(new SqlBuilderError('table "authors": upsert update names "name" twice'));
    // @ts-expect-error a list written out that names a field twice does not compile
    expect(() => sql.upsert({ values: { id: 1, name: 'a' }, conflict: 'primaryKey', update: ['name', 'name'] })).toThrow(/names "name" twice/);
    // PostgreSQL: `ON CONFLICT DO UPDATE command cannot affect row a second time`; SQLite updated the first row with the second.
    expect(() => sql.upsert({ values: [{ name: 'a', email: 'e' }, { name: 'b', email: 'f' }, { name: 'c', email: 'e' }], conflict: ['email'], update: ['name'] })).toThrow(
      new SqlBuilderError('table "authors": upsert rows 0 and 2 have the same conflict target (email) value: one statement cannot update a row twice'),
    );
    // DO NOTHING takes repeats (both engines keep the first), and rows without a target value conflict with none.
    expect(sql.upsert({ values: [{ id: 1, name: 'a' }, { id: 1, name: 'b' }], conflict: 'primaryKey', update: [] }).text).toContain('DO NOTHING');
    expect(sql.upsert({ values: [{ name: 'a', email: null }, { name: 'b', email: null }], conflict: ['email'], update: ['name'] }).text).toContain('DO UPDATE');
  });
});

describe('the bound-value limit of each dialect', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, at) => at + 1);

  test.each(['postgres', 'sqlite'] as const)('%s: every statement up to MAX_BOUND_VALUES is built; one value more is a SqlBuilderError naming the table and the count', (dialect) => {
    const max = MAX_BOUND_VALUES[dialect];
    const sql = tagSql[dialect];
    const tagRows = (n: number) => ids(n).map((id) => ({ id, label: `t${id}` }));
    const cases: [string, (n: number) => Query, number][] = [
      // name, the statement for n values, the values it binds besides n
      ['select', (n) => sql.select({ where: { id: { in: ids(n - 1) } }, limit: 10 }), 0],
      ['count', (n) => sql.count({ id: { notIn: ids(n) } }), 0],
      ['update', (n) => sql.update({ set: { label: 'x' }, where: { id: { in: ids(n - 1) } } }), 0],
      ['delete', (n) => sql.delete({ where: { or: [{ id: { in: ids(n - 1) } }, { label: 'x' }] } }), 0],
    ];
    for (const [what, build] of cases) {
      expect(build(max).values, what).toHaveLength(max);
      expect(() => build(max + 1), what).toThrow(new SqlBuilderError(
        `table "tags": ${what} would bind ${max + 1} values, more than ${dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'} allows in one statement (${max}): split it (a shorter in list, fewer rows)`,
      ));
    }
    const rows = Math.floor(max / 2);
    expect(sql.upsert({ values: tagRows(rows), conflict: 'primaryKey' }).values).toHaveLength(rows * 2);
    expect(() => sql.upsert({ values: tagRows(rows + 1), conflict: 'primaryKey' })).toThrow(`table "tags": upsert would bind ${rows * 2 + 2} values`);
    expect(sql.insert(tagRows(rows)).values).toHaveLength(rows * 2);
    expect(() => sql.insert(tagRows(rows + 1))).toThrow(`table "tags": insert (insertChunks splits rows under the limit) would bind ${rows * 2 + 2} values`);
  });
});
