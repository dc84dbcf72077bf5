/**
 * The engines the runtime's statements run on in these tests, behind one small interface, each
 * driver used raw (with its default value parsing) so that `decode` meets what drivers return:
 * better-sqlite3 in memory (optionally with safe integers, where every INTEGER comes back as a
 * bigint, as the crud adapter asks for tables with bigint columns), PGlite, and node-postgres
 * on a real server (int8 and numeric as strings, DATE as a local-midnight Date).
 */
import { randomBytes } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Dialect, Query } from '../../../templates/sql/sql-runtime.js';
import { freshPglite } from '../../helpers/databases.js';
import { schema as ddl } from './tables.js';

export type RawRow = Record<string, unknown>;

export interface Engine {
  readonly name: string;
  readonly dialect: Dialect;
  /** Whether bigints beyond 2^53 survive the driver (SQLite without safe integers: no). */
  readonly exactBigints: boolean;
  /** Runs one statement; its rows (none for a statement that returns none). */
  run(query: Pick<Query, 'text' | 'values'>): Promise<RawRow[]>;
  /** Drops everything and applies the test schema. */
  reset(): Promise<void>;
  /** The user tables, sorted. */
  tables(): Promise<string[]>;
  close(): Promise<void>;
}

/** better-sqlite3 in memory; `safeIntegers` returns every integer as a bigint. */
export function sqliteEngine(safeIntegers: boolean): Engine {
  let db = new Database(':memory:');
  return {
    name: safeIntegers ? 'SQLite (safe integers)' : 'SQLite',
    dialect: 'sqlite',
    exactBigints: safeIntegers,
    async run({ text, values }) {
      const statement = db.prepare(text).safeIntegers(safeIntegers);
      if (statement.reader) return statement.all(...values) as RawRow[];
      statement.run(...values);
      return [];
    },
    async reset() {
      db.close();
      db = new Database(':memory:');
      db.pragma('foreign_keys = ON');
      db.exec(ddl('sqlite'));
    },
    async tables() {
      const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
      return rows.map((row) => row.name).sort();
    },
    async close() {
      db.close();
    },
  };
}

/** PGlite (PostgreSQL in WebAssembly): one instance per test file, it takes about a second to start. */
export function pgliteEngine(): Engine {
  let started: Promise<PGlite> | undefined;
  const db = (): Promise<PGlite> => (started ??= freshPglite());
  return {
    name: 'PGlite',
    dialect: 'postgres',
    exactBigints: true,
    async run({ text, values }) {
      return (await (await db()).query<RawRow>(text, values as unknown[])).rows;
    },
    async reset() {
      await (await db()).exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public; SET TIME ZONE 'UTC'; ${ddl('postgres')}`);
    },
    async tables() {
      const result = await (await db()).query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
      return result.rows.map((row) => row.tablename).sort();
    },
    async close() {
      if (started) await (await started).close();
    },
  };
}

/** node-postgres on a real server, in a schema of its own that `close` drops. */
export function postgresEngine(url: string): Engine {
  const schema = `sql_runtime_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  // Connected on first use: a skipped suite still builds its engine while vitest collects it.
  let connecting: Promise<unknown> | undefined;
  const connected = (): Promise<unknown> => (connecting ??= client.connect());
  return {
    name: 'PostgreSQL',
    dialect: 'postgres',
    exactBigints: true,
    async run({ text, values }) {
      await connected();
      return (await client.query<RawRow>(text, values as unknown[])).rows;
    },
    async reset() {
      await connected();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}; SET TIME ZONE 'UTC'; ${ddl('postgres')}`);
    },
    async tables() {
      const result = await client.query<{ tablename: string }>('SELECT tablename FROM pg_tables WHERE schemaname = $1', [schema]);
      return result.rows.map((row) => row.tablename).sort();
    },
    async close() {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}
