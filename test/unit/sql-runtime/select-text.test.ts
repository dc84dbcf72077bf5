/**
 * The exact SQL text and bound values of each select construct, per dialect (the way Kysely
 * tests its compiler). What these statements do on the engines is in `engine-suite.ts`.
 */
import { describe, expect, test } from 'vitest';
import { timestampOrderSql } from '../../../templates/sql/sql-context.js';
import { createTableSql, type Dialect, type Query, type TableMeta } from '../../../templates/sql/sql-runtime.js';
import { authors, books, bookTags } from './tables.js';

/** The same builder call in both dialects, as plain `{ text, values }`. */
function both(build: (dialect: Dialect) => Query): Record<Dialect, { text: string; values: unknown[] }> {
  const plain = (query: Query) => ({ text: query.text, values: [...query.values] });
  return { postgres: plain(build('postgres')), sqlite: plain(build('sqlite')) };
}

const authorSql = { postgres: createTableSql(authors, 'postgres'), sqlite: createTableSql(authors, 'sqlite') };
const bookSql = { postgres: createTableSql(books, 'postgres'), sqlite: createTableSql(books, 'sqlite') };

describe('select', () => {
  test('every column, each aliased to its field name', () => {
    expect(both((d) => authorSql[d].select())).toEqual({
      postgres: { text: 'SELECT "id" AS "id", "name" AS "name", "email" AS "email" FROM "authors"', values: [] },
      sqlite: { text: 'SELECT "id" AS "id", "name" AS "name", "email" AS "email" FROM "authors"', values: [] },
    });
  });

  test('a column subset, with columns whose SQL name differs from the field', () => {
    expect(both((d) => bookSql[d].select({ columns: ['authorId', 'inPrint'] })).sqlite.text).toBe(
      'SELECT "author_id" AS "authorId", "in_print" AS "inPrint" FROM "books"',
    );
  });

  test('equality, IS NULL and comparisons: $n on PostgreSQL, ? on SQLite', () => {
    expect(both((d) => authorSql[d].select({ columns: ['id'], where: { name: 'Ursula', email: null, id: { gte: 2, lt: 10 } } }))).toEqual({
      postgres: { text: 'SELECT "id" AS "id" FROM "authors" WHERE "name" = $1 AND "email" IS NULL AND "id" >= $2 AND "id" < $3', values: ['Ursula', 2, 10] },
      sqlite: { text: 'SELECT "id" AS "id" FROM "authors" WHERE "name" = ? AND "email" IS NULL AND "id" >= ? AND "id" < ?', values: ['Ursula', 2, 10] },
    });
  });

  test('eq and ne with null, isNull', () => {
    const query = authorSql.postgres.select({ columns: ['id'], where: { email: { ne: null }, name: { eq: null, isNull: false } } });
    expect(query.text).toBe('SELECT "id" AS "id" FROM "authors" WHERE "email" IS NOT NULL AND "name" IS NULL AND "name" IS NOT NULL');
  });

  test('in and notIn; an empty in is FALSE and an empty notIn no condition', () => {
    expect(both((d) => authorSql[d].select({ columns: ['id'], where: { id: { in: [1, 2], notIn: [3] }, name: { notIn: [] } } }))).toEqual({
      postgres: { text: 'SELECT "id" AS "id" FROM "authors" WHERE "id" IN ($1, $2) AND "id" NOT IN ($3)', values: [1, 2, 3] },
      sqlite: { text: 'SELECT "id" AS "id" FROM "authors" WHERE "id" IN (?, ?) AND "id" NOT IN (?)', values: [1, 2, 3] },
    });
    expect(authorSql.sqlite.select({ columns: ['id'], where: { id: { in: [] } } }).text).toBe('SELECT "id" AS "id" FROM "authors" WHERE FALSE');
  });

  test('like is LIKE on PostgreSQL and a translated GLOB on SQLite; ilike is ILIKE and LIKE', () => {
    expect(both((d) => authorSql[d].select({ columns: ['id'], where: { name: { like: 'U_s%\\%*' }, email: { ilike: '%@EXAMPLE.com' } } }))).toEqual({
      postgres: { text: 'SELECT "id" AS "id" FROM "authors" WHERE "name" LIKE $1 AND "email" ILIKE $2', values: ['U_s%\\%*', '%@EXAMPLE.com'] },
      sqlite: { text: `SELECT "id" AS "id" FROM "authors" WHERE "name" GLOB ? AND "email" LIKE ? ESCAPE '\\'`, values: ['U?s*%[*]', '%@EXAMPLE.com'] },
    });
  });

  test('like on a uuid or date column casts it to text on PostgreSQL', () => {
    expect(bookSql.postgres.select({ columns: ['id'], where: { id: { like: '0000%' }, releaseDate: { like: '2020-%' } } }).text).toBe(
      'SELECT "id" AS "id" FROM "books" WHERE "id"::text LIKE $1 AND "release_date"::text LIKE $2',
    );
  });

  test('and, or and not nest with parentheses where precedence needs them', () => {
    const where = { or: [{ name: 'a', email: 'b' }, { id: 1 }], not: { or: [{ id: 2 }, { id: 3 }] }, and: [{ id: { gt: 0 } }] };
    expect(both((d) => authorSql[d].select({ columns: ['id'], where }))).toEqual({
      postgres: {
        text: 'SELECT "id" AS "id" FROM "authors" WHERE (("name" = $1 AND "email" = $2) OR "id" = $3) AND NOT ("id" = $4 OR "id" = $5) AND "id" > $6',
        values: ['a', 'b', 1, 2, 3, 0],
      },
      sqlite: {
        text: 'SELECT "id" AS "id" FROM "authors" WHERE (("name" = ? AND "email" = ?) OR "id" = ?) AND NOT ("id" = ? OR "id" = ?) AND "id" > ?',
        values: ['a', 'b', 1, 2, 3, 0],
      },
    });
  });

  test('edge cases of nesting: or [] is FALSE, not {} is refused, a not of FALSE adds nothing, an empty or-member drops the or', () => {
    const text = (where: Parameters<typeof authorSql.postgres.count>[0]) => authorSql.postgres.count(where);
    expect(text({ or: [] }).text).toBe('SELECT count(*)::float8 AS "count" FROM "authors" WHERE FALSE');
    expect(() => text({ not: {} })).toThrow('table "authors": where.not sets no condition');
    expect(() => text({ id: 1, and: [{ not: { name: undefined } }] })).toThrow('table "authors": where.and.not sets no condition');
    // NOT FALSE is TRUE: no term, and the values bound inside it are dropped.
    expect(text({ not: { id: { in: [] }, name: 'x' }, email: 'e' })).toEqual({ text: 'SELECT count(*)::float8 AS "count" FROM "authors" WHERE "email" = $1', values: ['e'] });
    expect(text({ not: { or: [{ id: { in: [] } }, { or: [] }] } })).toEqual({ text: 'SELECT count(*)::float8 AS "count" FROM "authors"', values: [] });
    expect(text({ or: [{ id: 1 }, { name: undefined }] })).toEqual({ text: 'SELECT count(*)::float8 AS "count" FROM "authors"', values: [] });
    expect(text({ and: [] }).text).toBe('SELECT count(*)::float8 AS "count" FROM "authors"');
  });

  test('orderBy in priority order, completed by the primary key; limit and offset bound', () => {
    expect(both((d) => bookSql[d].select({ columns: ['id'], orderBy: [{ rating: 'desc' }, { title: 'asc' }], limit: 10, offset: 20 }))).toEqual({
      postgres: { text: 'SELECT "id" AS "id" FROM "books" ORDER BY "rating" DESC, "title" ASC, "id" ASC LIMIT $1 OFFSET $2', values: [10, 20] },
      sqlite: { text: 'SELECT "id" AS "id" FROM "books" ORDER BY "rating" DESC, "title" ASC, "id" ASC LIMIT ? OFFSET ?', values: [10, 20] },
    });
  });

  test('a limit alone sorts by the primary key (composite keys in key order); SQLite needs LIMIT -1 before a lone OFFSET', () => {
    const links = { postgres: createTableSql(bookTags, 'postgres'), sqlite: createTableSql(bookTags, 'sqlite') };
    expect(links.postgres.select({ columns: ['tagId'], limit: 1 }).text).toBe('SELECT "tag_id" AS "tagId" FROM "book_tags" ORDER BY "book_id" ASC, "tag_id" ASC LIMIT $1');
    expect(both((d) => links[d].select({ columns: ['tagId'], offset: 5 }))).toEqual({
      postgres: { text: 'SELECT "tag_id" AS "tagId" FROM "book_tags" ORDER BY "book_id" ASC, "tag_id" ASC OFFSET $1', values: [5] },
      sqlite: { text: 'SELECT "tag_id" AS "tagId" FROM "book_tags" ORDER BY "book_id" ASC, "tag_id" ASC LIMIT -1 OFFSET ?', values: [5] },
    });
  });

  test('a keyset cursor expands over the sort keys, honouring each direction, led by a bound on the first key an index can seek to', () => {
    const after = { rating: 2, title: 'Dune', id: 'b1' };
    expect(both((d) => bookSql[d].select({ columns: ['id'], where: { inPrint: true }, orderBy: { rating: 'desc', title: 'asc' }, after, limit: 2 }))).toEqual({
      postgres: {
        text:
          'SELECT "id" AS "id" FROM "books" WHERE "in_print" = $1 AND "rating" <= $2 AND ("rating" < $2 OR ("rating" = $2 AND "title" > $3) OR ("rating" = $2 AND "title" = $3 AND "id" > $4))' +
          ' ORDER BY "rating" DESC, "title" ASC, "id" ASC LIMIT $5',
        values: [true, 2, 'Dune', 'b1', 2],
      },
      sqlite: {
        text:
          'SELECT "id" AS "id" FROM "books" WHERE "in_print" = ? AND "rating" <= ? AND ("rating" < ? OR ("rating" = ? AND "title" > ?) OR ("rating" = ? AND "title" = ? AND "id" > ?))' +
          ' ORDER BY "rating" DESC, "title" ASC, "id" ASC LIMIT ?',
        values: [1, 2, 2, 2, 'Dune', 2, 'Dune', 'b1', 2],
      },
    });
  });

  test('a nullable sort key places NULLs as PostgreSQL does by default (last ascending, first descending), spelled out for both engines', () => {
    const text = 'SELECT "id" AS "id" FROM "books" ORDER BY "pages" ASC NULLS LAST, "price" DESC NULLS FIRST, "title" ASC, "id" ASC';
    expect(both((d) => bookSql[d].select({ columns: ['id'], orderBy: [{ pages: 'asc' }, { price: 'desc' }, { title: 'asc' }] }))).toEqual({
      postgres: { text, values: [] },
      sqlite: { text, values: [] },
    });
  });

  test('a cursor on nullable keys: NULL is after every value ascending and before every value descending', () => {
    const orderBy = [{ pages: 'asc' }, { price: 'desc' }] as const;
    expect(both((d) => bookSql[d].select({ columns: ['id'], orderBy, after: { pages: 100, price: 2.5, id: 'b1' } }))).toEqual({
      postgres: {
        text:
          'SELECT "id" AS "id" FROM "books" WHERE (("pages" > $1 OR "pages" IS NULL) OR ("pages" = $1 AND "price" < $2) OR ("pages" = $1 AND "price" = $2 AND "id" > $3))' +
          ' ORDER BY "pages" ASC NULLS LAST, "price" DESC NULLS FIRST, "id" ASC',
        values: [100, '2.5', 'b1'],
      },
      sqlite: {
        text:
          'SELECT "id" AS "id" FROM "books" WHERE (("pages" > ? OR "pages" IS NULL) OR ("pages" = ? AND "price" < ?) OR ("pages" = ? AND "price" = ? AND "id" > ?))' +
          ' ORDER BY "pages" ASC NULLS LAST, "price" DESC NULLS FIRST, "id" ASC',
        values: [100, 100, 2.5, 100, 2.5, 'b1'],
      },
    });
    // After NULL ascending nothing follows on that key; after NULL descending every value does.
    expect(both((d) => bookSql[d].select({ columns: ['id'], orderBy, after: { pages: null, price: null, id: 'b1' } }))).toEqual({
      postgres: {
        text:
          'SELECT "id" AS "id" FROM "books" WHERE (("pages" IS NULL AND "price" IS NOT NULL) OR ("pages" IS NULL AND "price" IS NULL AND "id" > $1))' +
          ' ORDER BY "pages" ASC NULLS LAST, "price" DESC NULLS FIRST, "id" ASC',
        values: ['b1'],
      },
      sqlite: {
        text:
          'SELECT "id" AS "id" FROM "books" WHERE (("pages" IS NULL AND "price" IS NOT NULL) OR ("pages" IS NULL AND "price" IS NULL AND "id" > ?))' +
          ' ORDER BY "pages" ASC NULLS LAST, "price" DESC NULLS FIRST, "id" ASC',
        values: ['b1'],
      },
    });
  });

  test('a cursor at NULL on the last ascending key of a table without a key: no row follows', () => {
    const meta: TableMeta<{ n: number | null }> = { table: 'n', columns: { n: { name: 'n', codec: 'integer', nullable: true } }, primaryKey: [], uniques: {}, relations: {} };
    expect(createTableSql(meta, 'sqlite').select({ orderBy: { n: 'asc' }, after: { n: null } })).toEqual({
      text: 'SELECT "n" AS "n" FROM "n" WHERE FALSE ORDER BY "n" ASC NULLS LAST',
      values: [],
    });
  });

  test('a cursor on the primary key alone is one comparison', () => {
    expect(authorSql.postgres.select({ columns: ['id'], after: { id: 7 } })).toEqual({
      text: 'SELECT "id" AS "id" FROM "authors" WHERE "id" > $1 ORDER BY "id" ASC',
      values: [7],
    });
  });

  test('a to-one join: LEFT JOIN under the relation name, its fields aliased "relation.field", the join key always read', () => {
    expect(both((d) => bookSql[d].select({ columns: ['title'], join: { author: ['name'] }, where: { title: 'Dune' }, orderBy: { title: 'asc' } })).postgres).toEqual({
      text:
        'SELECT "books"."title" AS "title", "author"."name" AS "author.name", "author"."id" AS "author.id" FROM "books"' +
        ' LEFT JOIN "authors" AS "author" ON "author"."id" = "books"."author_id"' +
        ' WHERE "books"."title" = $1 ORDER BY "books"."title" ASC, "books"."id" ASC',
      values: ['Dune'],
    });
  });

  test('count, with the int8 count cast to float8 on PostgreSQL', () => {
    expect(both((d) => authorSql[d].count({ name: 'Ted' }))).toEqual({
      postgres: { text: 'SELECT count(*)::float8 AS "count" FROM "authors" WHERE "name" = $1', values: ['Ted'] },
      sqlite: { text: 'SELECT count(*) AS "count" FROM "authors" WHERE "name" = ?', values: ['Ted'] },
    });
  });

  test('selectByKey builds its text once: the same string on every call', () => {
    const first = bookSql.postgres.selectByKey({ id: 'a' });
    const second = bookSql.postgres.selectByKey({ id: 'b' });
    expect(second.text).toBe(first.text);
    expect(first.text).toMatch(/^SELECT "id" AS "id", .* FROM "books" WHERE "id" = \$1$/);
    expect(second.values).toEqual(['b']);
    expect(createTableSql(bookTags, 'sqlite').selectByKey({ bookId: 'b', tagId: 2 })).toEqual({
      text: 'SELECT "book_id" AS "bookId", "tag_id" AS "tagId" FROM "book_tags" WHERE "book_id" = ? AND "tag_id" = ?',
      values: ['b', 2],
    });
  });

  test('where values are encoded per codec and dialect', () => {
    const when = new Date('2024-01-02T03:04:05.678Z');
    const where = { inPrint: false, publishedAt: { lt: when }, copies: { gt: 2n ** 63n - 1n }, price: 1.5, releaseDate: '2024-01-02' };
    expect(both((d) => bookSql[d].count(where))).toEqual({
      postgres: {
        text: 'SELECT count(*)::float8 AS "count" FROM "books" WHERE "in_print" = $1 AND "published_at" < $2 AND "copies" > $3 AND "price" = $4 AND "release_date" = $5',
        values: [false, '2024-01-02T03:04:05.678Z', '9223372036854775807', '1.5', '2024-01-02'],
      },
      sqlite: {
        // A timestamp compares by the instant its TEXT reads as (tester4 F4: other programs write other forms).
        text: `SELECT count(*) AS "count" FROM "books" WHERE "in_print" = ? AND ${timestampOrderSql('"published_at"')} < ? AND "copies" > ? AND "price" = ? AND "release_date" = ?`,
        values: [0, '2024-01-02T03:04:05.678Z', 2n ** 63n - 1n, 1.5, '2024-01-02'],
      },
    });
  });
});
