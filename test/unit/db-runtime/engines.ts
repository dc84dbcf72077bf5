/** The engines the db-runtime tests run on, with the schema and the behaviour that differs. */
import type pg from 'pg';
import type { Db } from '../../../templates/crud/db.js';
import { findPostgres, openPglite, openPostgres, openSqlite, type TestDatabase } from '../../helpers/databases.js';

export interface Engine {
  name: string;
  /** Why the engine's tests are skipped, or undefined when they run. */
  skip: string | undefined;
  open(): Promise<TestDatabase<unknown>>;
  /** Whether queries from outside a transaction wait for it (one connection) or run beside it (a pool). */
  outsideWaits: boolean;
}

const postgres = await findPostgres();

export const ENGINES: Engine[] = [
  { name: 'better-sqlite3', skip: undefined, open: async () => openSqlite(), outsideWaits: true },
  { name: 'PGlite', skip: undefined, open: openPglite, outsideWaits: true },
  { name: 'PostgreSQL through a pg.Pool', skip: postgres.reason, open: () => openPostgres('pool'), outsideWaits: false },
  { name: 'PostgreSQL through a pg.Client', skip: postgres.reason, open: () => openPostgres('client'), outsideWaits: true },
];

/** Opens a PostgreSQL pool database (for the pg-only tests), typed. */
export const openPostgresPool = (): Promise<TestDatabase<pg.Pool>> => openPostgres('pool');
export const postgresSkip = postgres.reason;

/** Authors and their books, with a unique column, a composite unique, a foreign key, a NOT NULL and a named CHECK. */
export const SCHEMA = {
  postgres: `
    CREATE TABLE authors (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      name text NOT NULL,
      email text UNIQUE
    );
    CREATE TABLE books (
      id integer PRIMARY KEY,
      author_id integer REFERENCES authors (id),
      title text NOT NULL,
      isbn text,
      edition integer NOT NULL DEFAULT 1,
      price numeric(10, 2) CONSTRAINT books_price_check CHECK (price >= 0),
      CONSTRAINT books_isbn_edition_key UNIQUE (isbn, edition)
    );`,
  sqlite: `
    CREATE TABLE authors (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL,
      email TEXT UNIQUE
    ) STRICT;
    CREATE TABLE books (
      id INTEGER PRIMARY KEY,
      author_id INTEGER REFERENCES authors (id),
      title TEXT NOT NULL,
      isbn TEXT,
      edition INTEGER NOT NULL DEFAULT 1,
      price REAL CONSTRAINT books_price_check CHECK (price >= 0),
      CONSTRAINT books_isbn_edition_key UNIQUE (isbn, edition)
    ) STRICT;`,
};

/** `text` in `db`'s placeholder style: the tests write `$1, $2…` in order, SQLite takes `?`. */
export function sql(db: Db, text: string): string {
  return db.dialect === 'sqlite' ? text.replace(/\$\d+/g, '?') : text;
}

/** The number of rows of `table`, whatever type the engine counts in. */
export async function countRows(db: Db, table: string): Promise<number> {
  const [row] = await db.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${table}`);
  return Number(row?.n);
}

/** A promise to hold a transaction open, and its release. */
export function latch(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}
