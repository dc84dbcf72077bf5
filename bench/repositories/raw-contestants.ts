/**
 * The baseline: the statements codegen's repositories send, written by hand and run through the
 * raw drivers, with the row mapping a user of the raw driver writes (JSON parsed, timestamps as
 * `Date`s, PostgreSQL's `numeric` as a number). better-sqlite3's statements are prepared once
 * and reused; PGlite has no prepared-statement handle, so its `query` is called as is.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { PGlite } from '@electric-sql/pglite';
import type { AuthorRow, BookCreate, BookRow, BookWithAuthor } from './fixture.js';
import { INCLUDE_QUERY, PAGE_QUERY } from './fixture.js';
import type { RepositoryContestant } from './contestant.js';

type Raw = Record<string, unknown>;

const BOOK_ITEMS =
  '"id" AS "id", "title" AS "title", "isbn" AS "isbn", "author_id" AS "authorId", "genre" AS "genre", "price" AS "price", "tags" AS "tags", ' +
  '"format" AS "format", "pages" AS "pages", "dimensions" AS "dimensions", "published_at" AS "publishedAt"';
const AUTHOR_ITEMS = '"id" AS "id", "name" AS "name", "email" AS "email", "bio" AS "bio", "website" AS "website", "created_at" AS "createdAt"';
const BOOK_COLUMNS = '"title", "isbn", "author_id", "genre", "price", "tags", "format", "pages", "dimensions", "published_at"';
const COLUMN_COUNT = 10;

/** SQLite's texts (`?` placeholders). */
const SQLITE = {
  byId: `SELECT ${BOOK_ITEMS} FROM "books" WHERE "id" = ?`,
  page: `SELECT ${BOOK_ITEMS} FROM "books" WHERE "genre" = ? AND "price" >= ? ORDER BY "published_at" DESC, "id" ASC LIMIT ?`,
  includePage: `SELECT ${BOOK_ITEMS} FROM "books" WHERE "genre" = ? ORDER BY "title" ASC, "id" ASC LIMIT ?`,
  authorsIn: (count: number) => `SELECT ${AUTHOR_ITEMS} FROM "authors" WHERE "id" IN (${Array.from({ length: count }, () => '?').join(', ')})`,
  insert: (rows: number) => {
    const tuple = `(${Array.from({ length: COLUMN_COUNT }, () => '?').join(', ')})`;
    return `INSERT INTO "books" (${BOOK_COLUMNS}) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')} RETURNING ${BOOK_ITEMS}`;
  },
};

/** PostgreSQL's texts (`$n` placeholders, `::jsonb` on JSON values as the repositories write them). */
const POSTGRES = {
  byId: `SELECT ${BOOK_ITEMS} FROM "books" WHERE "id" = $1`,
  page: `SELECT ${BOOK_ITEMS} FROM "books" WHERE "genre" = $1 AND "price" >= $2 ORDER BY "published_at" DESC, "id" ASC LIMIT $3`,
  includePage: `SELECT ${BOOK_ITEMS} FROM "books" WHERE "genre" = $1 ORDER BY "title" ASC, "id" ASC LIMIT $2`,
  authorsIn: (count: number) => `SELECT ${AUTHOR_ITEMS} FROM "authors" WHERE "id" IN (${Array.from({ length: count }, (_, i) => `$${i + 1}`).join(', ')})`,
  insert: (rows: number) => {
    const tuples = Array.from({ length: rows }, (_, row) => {
      const n = row * COLUMN_COUNT;
      return `($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6}::jsonb, $${n + 7}, $${n + 8}, $${n + 9}::jsonb, $${n + 10})`;
    });
    return `INSERT INTO "books" (${BOOK_COLUMNS}) VALUES ${tuples.join(', ')} RETURNING ${BOOK_ITEMS}`;
  },
};

/** A book's values in column order, bound as the engines store them. */
function pushValues(values: unknown[], book: BookCreate, price: (value: number) => unknown): void {
  values.push(
    book.title,
    book.isbn,
    book.authorId,
    book.genre,
    price(book.price),
    JSON.stringify(book.tags),
    book.format,
    book.pages ?? null,
    book.dimensions === null ? null : JSON.stringify(book.dimensions),
    book.publishedAt.toISOString(),
  );
}

function sqliteBook(row: Raw): BookRow {
  row.tags = JSON.parse(row.tags as string);
  if (row.dimensions !== null) row.dimensions = JSON.parse(row.dimensions as string);
  row.publishedAt = new Date(row.publishedAt as string);
  return row as unknown as BookRow;
}

function sqliteAuthor(row: Raw): AuthorRow {
  row.createdAt = new Date(row.createdAt as string);
  return row as unknown as AuthorRow;
}

/** PGlite parses `jsonb` and `timestamptz` itself; `numeric` arrives as text. */
function pgBook(row: Raw): BookRow {
  row.price = Number(row.price);
  return row as unknown as BookRow;
}

/** Attaches each book's author, found by id. */
function attachAuthors(books: BookRow[], authors: readonly AuthorRow[]): BookWithAuthor[] {
  const byId = new Map<string, AuthorRow>();
  for (const author of authors) byId.set(author.id, author);
  for (const book of books as BookWithAuthor[]) book.author = byId.get(book.authorId) ?? null;
  return books as BookWithAuthor[];
}

function distinctAuthorIds(books: readonly BookRow[]): string[] {
  return [...new Set(books.map((book) => book.authorId))];
}

/** better-sqlite3 with every statement prepared once (per IN-list length and per batch size). */
export function rawSqlite(database: BetterSqlite3.Database): RepositoryContestant {
  const byId = database.prepare(SQLITE.byId);
  const page = database.prepare(SQLITE.page);
  const includePage = database.prepare(SQLITE.includePage);
  const prepared = new Map<string, BetterSqlite3.Statement>();
  const statement = (key: string, text: () => string): BetterSqlite3.Statement => {
    let found = prepared.get(key);
    if (found === undefined) prepared.set(key, (found = database.prepare(text())));
    return found;
  };
  const insertOne = database.prepare(SQLITE.insert(1));
  const same = (price: number): number => price;
  return {
    library: 'raw driver',
    findById: async (id) => {
      const row = byId.get(id) as Raw | undefined;
      return row === undefined ? undefined : sqliteBook(row);
    },
    findPage: async () => (page.all(PAGE_QUERY.genre, PAGE_QUERY.minPrice, PAGE_QUERY.limit) as Raw[]).map(sqliteBook),
    create: async (input) => {
      const values: unknown[] = [];
      pushValues(values, input, same);
      return sqliteBook(insertOne.get(values) as Raw);
    },
    createMany: async (inputs) => {
      const values: unknown[] = [];
      for (const input of inputs) pushValues(values, input, same);
      return (statement(`insert ${inputs.length}`, () => SQLITE.insert(inputs.length)).all(values) as Raw[]).map(sqliteBook);
    },
    findPageWithAuthor: async () => {
      const books = (includePage.all(INCLUDE_QUERY.genre, INCLUDE_QUERY.limit) as Raw[]).map(sqliteBook);
      const ids = distinctAuthorIds(books);
      const authors = (statement(`authors ${ids.length}`, () => SQLITE.authorsIn(ids.length)).all(ids) as Raw[]).map(sqliteAuthor);
      return attachAuthors(books, authors);
    },
  };
}

/** PGlite's `query`, texts built once (per IN-list length and per batch size). */
export function rawPglite(pglite: PGlite): RepositoryContestant {
  const texts = new Map<string, string>();
  const text = (key: string, build: () => string): string => {
    let found = texts.get(key);
    if (found === undefined) texts.set(key, (found = build()));
    return found;
  };
  const insertOne = POSTGRES.insert(1);
  const decimal = (price: number): string => String(price);
  return {
    library: 'raw driver',
    findById: async (id) => {
      const [row] = (await pglite.query<Raw>(POSTGRES.byId, [id])).rows;
      return row === undefined ? undefined : pgBook(row);
    },
    findPage: async () =>
      (await pglite.query<Raw>(POSTGRES.page, [PAGE_QUERY.genre, String(PAGE_QUERY.minPrice), PAGE_QUERY.limit])).rows.map(pgBook),
    create: async (input) => {
      const values: unknown[] = [];
      pushValues(values, input, decimal);
      return pgBook((await pglite.query<Raw>(insertOne, values)).rows[0] as Raw);
    },
    createMany: async (inputs) => {
      const values: unknown[] = [];
      for (const input of inputs) pushValues(values, input, decimal);
      return (await pglite.query<Raw>(text(`insert ${inputs.length}`, () => POSTGRES.insert(inputs.length)), values)).rows.map(pgBook);
    },
    findPageWithAuthor: async () => {
      const books = (await pglite.query<Raw>(POSTGRES.includePage, [INCLUDE_QUERY.genre, INCLUDE_QUERY.limit])).rows.map(pgBook);
      const ids = distinctAuthorIds(books);
      const authors = (await pglite.query<AuthorRow>(text(`authors ${ids.length}`, () => POSTGRES.authorsIn(ids.length)), ids)).rows;
      return attachAuthors(books, authors);
    },
  };
}
