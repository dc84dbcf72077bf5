/**
 * Drizzle ORM (0.45) as its users write it: the query builder for single-table work, the
 * relational API (`db.query.books.findMany({ with: { author: true } })`) for the include, over
 * its better-sqlite3 and PGlite drivers. Twice per engine: plain (the query is built on every
 * call) and with `.prepare()` and placeholders (built once), which Drizzle offers for selects
 * and for `insert … values` of one row; its `createMany` is the plain one's.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { PGlite } from '@electric-sql/pglite';
import { and, asc, desc, eq, gte, sql } from 'drizzle-orm';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { BookCreate, BookRow, BookWithAuthor } from './fixture.js';
import { INCLUDE_QUERY, PAGE_QUERY } from './fixture.js';
import type { RepositoryContestant } from './contestant.js';
import { pgBooks, pgSchema, sqliteBooks, sqliteSchema } from './drizzle-tables.js';

type Insert = typeof sqliteBooks.$inferInsert;

function toInsert(book: BookCreate): Insert {
  return { ...book, pages: book.pages ?? null };
}

/** A placeholder per inserted column, filled from `toInsert`'s record. */
const INSERT_PLACEHOLDERS = {
  title: sql.placeholder('title'),
  isbn: sql.placeholder('isbn'),
  authorId: sql.placeholder('authorId'),
  genre: sql.placeholder('genre'),
  price: sql.placeholder('price'),
  tags: sql.placeholder('tags'),
  format: sql.placeholder('format'),
  pages: sql.placeholder('pages'),
  dimensions: sql.placeholder('dimensions'),
  publishedAt: sql.placeholder('publishedAt'),
};

/** Drizzle over better-sqlite3: plain and prepared. */
export function drizzleSqliteContestants(database: BetterSqlite3.Database): RepositoryContestant[] {
  const db = drizzleSqlite({ client: database, schema: sqliteSchema });
  const books = sqliteBooks;
  const pageWhere = () => and(eq(books.genre, PAGE_QUERY.genre), gte(books.price, PAGE_QUERY.minPrice));
  const plain: RepositoryContestant = {
    library: 'Drizzle',
    findById: async (id) => (await db.select().from(books).where(eq(books.id, id)))[0],
    findPage: async () => db.select().from(books).where(pageWhere()).orderBy(desc(books.publishedAt), asc(books.id)).limit(PAGE_QUERY.limit),
    create: async (input) => (await db.insert(books).values(toInsert(input)).returning())[0] as BookRow,
    createMany: async (inputs) => db.insert(books).values(inputs.map(toInsert)).returning(),
    findPageWithAuthor: async () =>
      db.query.books.findMany({
        where: eq(books.genre, INCLUDE_QUERY.genre),
        orderBy: [asc(books.title), asc(books.id)],
        limit: INCLUDE_QUERY.limit,
        with: { author: true },
      }) as Promise<BookWithAuthor[]>,
  };
  const byId = db
    .select()
    .from(books)
    .where(eq(books.id, sql.placeholder('id')))
    .prepare();
  const page = db
    .select()
    .from(books)
    .where(and(eq(books.genre, sql.placeholder('genre')), gte(books.price, sql.placeholder('minPrice'))))
    .orderBy(desc(books.publishedAt), asc(books.id))
    .limit(sql.placeholder('limit'))
    .prepare();
  const insertOne = db.insert(books).values(INSERT_PLACEHOLDERS).returning().prepare();
  const includePage = db.query.books
    .findMany({
      where: eq(books.genre, sql.placeholder('genre')),
      orderBy: [asc(books.title), asc(books.id)],
      limit: sql.placeholder('limit'),
      with: { author: true },
    })
    .prepare();
  const prepared: RepositoryContestant = {
    library: 'Drizzle .prepare()',
    findById: async (id) => byId.get({ id }),
    findPage: async () => page.all(PAGE_QUERY),
    create: async (input) => insertOne.get(toInsert(input)) as BookRow,
    createMany: undefined,
    findPageWithAuthor: async () => includePage.all(INCLUDE_QUERY) as BookWithAuthor[],
  };
  return [plain, prepared];
}

/** Drizzle over PGlite: plain and prepared (named statements). */
export function drizzlePgliteContestants(pglite: PGlite): RepositoryContestant[] {
  const db = drizzlePglite({ client: pglite, schema: pgSchema });
  const books = pgBooks;
  const pageWhere = () => and(eq(books.genre, PAGE_QUERY.genre), gte(books.price, PAGE_QUERY.minPrice));
  const plain: RepositoryContestant = {
    library: 'Drizzle',
    findById: async (id) => (await db.select().from(books).where(eq(books.id, id)))[0],
    findPage: async () => db.select().from(books).where(pageWhere()).orderBy(desc(books.publishedAt), asc(books.id)).limit(PAGE_QUERY.limit),
    create: async (input) => (await db.insert(books).values(toInsert(input)).returning())[0] as BookRow,
    createMany: async (inputs) => db.insert(books).values(inputs.map(toInsert)).returning(),
    findPageWithAuthor: async () =>
      db.query.books.findMany({
        where: eq(books.genre, INCLUDE_QUERY.genre),
        orderBy: [asc(books.title), asc(books.id)],
        limit: INCLUDE_QUERY.limit,
        with: { author: true },
      }) as Promise<BookWithAuthor[]>,
  };
  const byId = db
    .select()
    .from(books)
    .where(eq(books.id, sql.placeholder('id')))
    .prepare('bench_book_by_id');
  const page = db
    .select()
    .from(books)
    .where(and(eq(books.genre, sql.placeholder('genre')), gte(books.price, sql.placeholder('minPrice'))))
    .orderBy(desc(books.publishedAt), asc(books.id))
    .limit(sql.placeholder('limit'))
    .prepare('bench_book_page');
  const insertOne = db.insert(books).values(INSERT_PLACEHOLDERS).returning().prepare('bench_book_insert');
  const includePage = db.query.books
    .findMany({
      where: eq(books.genre, sql.placeholder('genre')),
      orderBy: [asc(books.title), asc(books.id)],
      limit: sql.placeholder('limit'),
      with: { author: true },
    })
    .prepare('bench_book_include');
  const prepared: RepositoryContestant = {
    library: 'Drizzle .prepare()',
    findById: async (id) => (await byId.execute({ id }))[0],
    findPage: async () => page.execute(PAGE_QUERY),
    create: async (input) => (await insertOne.execute(toInsert(input)))[0] as BookRow,
    createMany: undefined,
    findPageWithAuthor: async () => (await includePage.execute(INCLUDE_QUERY)) as BookWithAuthor[],
  };
  return [plain, prepared];
}
