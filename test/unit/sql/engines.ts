/**
 * The real engines the generated schemas are applied to: SQLite (better-sqlite3, foreign keys
 * on), PostgreSQL compiled to WebAssembly (PGlite), each fixture in a PostgreSQL schema of its
 * own so one PGlite serves a whole test file, and a real PostgreSQL server when one can be found
 * or started (test/helpers/databases.ts; the suites skip it with the reason otherwise). Statements here are written by the tests;
 * `literal` spells values the way each dialect stores them (booleans as 0/1 on SQLite, JSON as text).
 */
import Database from 'better-sqlite3';
import { quoteIdentifier } from '../../../src/generators/sql/identifiers.js';
import { freshPglite, openPostgres } from '../../helpers/databases.js';

export type Dialect = 'postgres' | 'sqlite';

export interface Engine {
  dialect: Dialect;
  /** Runs a script (several statements). */
  exec(sql: string): Promise<void>;
  /** The rows of one query. */
  rows(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** A fresh in-memory SQLite database with foreign keys enforced. */
export function openSqlite(): Engine {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  return {
    dialect: 'sqlite',
    exec: async (sql) => void db.exec(sql),
    rows: async (sql) => db.prepare(sql).all() as Record<string, unknown>[],
    close: async () => void db.close(),
  };
}

/** One PGlite instance; `schema(name)` gives an engine working in a fresh schema of it. */
export async function openPglite(): Promise<{ schema(name: string): Promise<Engine>; close(): Promise<void> }> {
  const pg = await freshPglite();
  return {
    async schema(name) {
      await pg.exec(`DROP SCHEMA IF EXISTS ${quoteIdentifier(name)} CASCADE; CREATE SCHEMA ${quoteIdentifier(name)};`);
      const within = (sql: string) => `SET search_path TO ${quoteIdentifier(name)}; ${sql}`;
      return {
        dialect: 'postgres',
        exec: async (sql) => void (await pg.exec(within(sql))),
        rows: async (sql) => {
          await pg.exec(`SET search_path TO ${quoteIdentifier(name)}`);
          return (await pg.query<Record<string, unknown>>(sql)).rows;
        },
        close: async () => undefined,
      };
    },
    close: () => pg.close(),
  };
}

/**
 * A fresh schema on the real PostgreSQL server (`findPostgres` must have found one), dropped on
 * close. One client: `SET`-free, since its connection's search path is that schema.
 */
export async function openServer(): Promise<Engine> {
  const database = await openPostgres('client');
  return {
    dialect: 'postgres',
    exec: async (sql) => void (await database.driver.query(sql)),
    rows: async (sql) => (await database.driver.query(sql)).rows as Record<string, unknown>[],
    close: () => database.close(),
  };
}

/** A value as an SQL literal of `dialect`. */
export function literal(value: unknown, dialect: Dialect): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return dialect === 'sqlite' ? (value ? '1' : '0') : value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  return literal(JSON.stringify(value), dialect);
}

/** `INSERT INTO "table" ("a", "b") VALUES (…)` for one row given by column name. */
export function insertSql(table: string, row: Record<string, unknown>, dialect: Dialect): string {
  const columns = Object.keys(row);
  return `INSERT INTO ${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')}) VALUES (${columns.map((column) => literal(row[column], dialect)).join(', ')})`;
}

/** The names of the tables the engine holds (in the current schema), sorted. */
export async function tableNames(engine: Engine): Promise<string[]> {
  const sql =
    engine.dialect === 'sqlite'
      ? "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
      : 'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()';
  return (await engine.rows(sql)).map((row) => String(row['name'])).sort();
}

/** The message the engine rejects `sql` with; throws when it accepts it. */
export async function rejection(engine: Engine, sql: string): Promise<string> {
  try {
    await engine.exec(sql);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${engine.dialect} accepted: ${sql}`);
}
