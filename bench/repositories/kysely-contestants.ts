/**
 * Kysely (0.28) as its users write it: a `DB` interface of the tables as they are in SQL
 * (snake_case, as `kysely-codegen` would emit), queries through the builder, rows mapped to
 * the bench's `BookRow` by hand, and the author loaded with Kysely's `jsonObjectFrom` helper
 * (its documented way to nest a relation). SQLite through Kysely's own `SqliteDialect` over
 * better-sqlite3, PGlite through the bench's `PgliteDialect`.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, SqliteDialect, type ColumnType, type Generated, type Insertable, type Selectable } from 'kysely';
import { jsonObjectFrom as pgJsonObjectFrom } from 'kysely/helpers/postgres';
import { jsonObjectFrom as sqliteJsonObjectFrom } from 'kysely/helpers/sqlite';
import type { AuthorRow, BookCreate, BookRow, BookWithAuthor } from './fixture.js';
import { INCLUDE_QUERY, PAGE_QUERY } from './fixture.js';
import type { RepositoryContestant } from './contestant.js';
import { PgliteDialect } from './kysely-pglite.js';

/**
 * The tables as each engine returns them: JSON and timestamps are text on SQLite and parsed on
 * PGlite, `numeric` is text on PGlite (the driver's own conversions; the mapping evens them out).
 */
interface BooksTable {
  id: Generated<string>;
  title: string;
  isbn: string;
  author_id: string;
  genre: BookRow['genre'];
  price: ColumnType<number | string, number | string>;
  tags: ColumnType<string | string[], string>;
  format: BookRow['format'];
  pages: number | null;
  dimensions: ColumnType<string | BookRow['dimensions'], string | null>;
  published_at: ColumnType<string | Date, string>;
}

interface AuthorsTable {
  id: Generated<string>;
  name: string;
  email: string;
  bio: string | null;
  website: string | null;
  created_at: Generated<string | Date>;
}

interface DB {
  books: BooksTable;
  authors: AuthorsTable;
}

type BookRecord = Selectable<BooksTable>;

/** SQLite's `jsonObjectFrom` needs explicit columns (no `selectAll`). */
const AUTHOR_COLUMNS = ['authors.id', 'authors.name', 'authors.email', 'authors.bio', 'authors.website', 'authors.created_at'] as const;
type AuthorRecord = Selectable<AuthorsTable>;

const asDate = (value: string | Date): Date => (typeof value === 'string' ? new Date(value) : value);
const asJson = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

function toBook(row: BookRecord): BookRow {
  return {
    id: row.id,
    title: row.title,
    isbn: row.isbn,
    authorId: row.author_id,
    genre: row.genre,
    price: Number(row.price),
    tags: asJson<string[]>(row.tags),
    format: row.format,
    pages: row.pages,
    dimensions: row.dimensions === null ? null : asJson<BookRow['dimensions']>(row.dimensions),
    publishedAt: asDate(row.published_at),
  };
}

function toAuthor(row: AuthorRecord): AuthorRow {
  return { id: row.id, name: row.name, email: row.email, bio: row.bio, website: row.website, createdAt: asDate(row.created_at) };
}

function toRecord(book: BookCreate, price: (value: number) => number | string): Insertable<BooksTable> {
  return {
    title: book.title,
    isbn: book.isbn,
    author_id: book.authorId,
    genre: book.genre,
    price: price(book.price),
    tags: JSON.stringify(book.tags),
    format: book.format,
    pages: book.pages ?? null,
    dimensions: book.dimensions === null ? null : JSON.stringify(book.dimensions),
    published_at: book.publishedAt.toISOString(),
  };
}

/** The five operations through one Kysely instance; `jsonObjectFrom` is the dialect's helper. */
function kyselyContestant(
  db: Kysely<DB>,
  jsonObjectFrom: typeof sqliteJsonObjectFrom,
  price: (value: number) => number | string,
): RepositoryContestant {
  return {
    library: 'Kysely',
    findById: async (id) => {
      const row = await db.selectFrom('books').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toBook(row);
    },
    findPage: async () =>
      (
        await db
          .selectFrom('books')
          .selectAll()
          .where('genre', '=', PAGE_QUERY.genre)
          .where('price', '>=', price(PAGE_QUERY.minPrice))
          .orderBy('published_at', 'desc')
          .orderBy('id', 'asc')
          .limit(PAGE_QUERY.limit)
          .execute()
      ).map(toBook),
    create: async (input) => toBook(await db.insertInto('books').values(toRecord(input, price)).returningAll().executeTakeFirstOrThrow()),
    createMany: async (inputs) =>
      (
        await db
          .insertInto('books')
          .values(inputs.map((input) => toRecord(input, price)))
          .returningAll()
          .execute()
      ).map(toBook),
    findPageWithAuthor: async () => {
      const rows = await db
        .selectFrom('books')
        .selectAll('books')
        .select((eb) => [
          jsonObjectFrom(eb.selectFrom('authors').select(AUTHOR_COLUMNS).whereRef('authors.id', '=', 'books.author_id')).as('author'),
        ])
        .where('genre', '=', INCLUDE_QUERY.genre)
        .orderBy('title', 'asc')
        .orderBy('id', 'asc')
        .limit(INCLUDE_QUERY.limit)
        .execute();
      return rows.map(({ author, ...book }) => {
        const record = author === null ? null : asJson<AuthorRecord>(author);
        return { ...toBook(book), author: record === null ? null : toAuthor(record) } satisfies BookWithAuthor;
      });
    },
  };
}

/** Kysely's `SqliteDialect` over the bench's better-sqlite3 database. */
export function kyselySqlite(database: BetterSqlite3.Database): RepositoryContestant {
  return kyselyContestant(new Kysely<DB>({ dialect: new SqliteDialect({ database }) }), sqliteJsonObjectFrom, (price) => price);
}

/** Kysely over PGlite (the bench's dialect); `numeric` bound as text, as the repositories do. */
export function kyselyPglite(pglite: PGlite): RepositoryContestant {
  return kyselyContestant(new Kysely<DB>({ dialect: new PgliteDialect(pglite) }), pgJsonObjectFrom as typeof sqliteJsonObjectFrom, String);
}
