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
import { schema as ddl, TABLE_NAMES } from './tables.js';

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

/**
 * The relations of the public schema with their columns and constraints, as one text: what a
 * statement could change about the schema other than its rows.
 */
const SCHEMA_SHAPE = `
SELECT string_agg(concat_ws(' ', c.relname, c.relkind,
  (SELECT string_agg(concat_ws(' ', a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid)), ', ' ORDER BY a.attnum)
     FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
  (SELECT string_agg(concat_ws(' ', k.conname, pg_get_constraintdef(k.oid)), ', ' ORDER BY k.conname) FROM pg_constraint k WHERE k.conrelid = c.oid)), E'\\n' ORDER BY c.relname) AS "shape"
FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace`;

/** Empties every test table and restarts its identity sequence, as the DDL leaves them. */
const TRUNCATE = `TRUNCATE ${TABLE_NAMES.map((name) => `"${name.replaceAll('"', '""')}"`).join(', ')} RESTART IDENTITY CASCADE`;

/** PGlite (PostgreSQL in WebAssembly): one instance per test file, it takes about a second to start. */
export function pgliteEngine(): Engine {
  let started: Promise<PGlite> | undefined;
  const db = (): Promise<PGlite> => (started ??= freshPglite());
  /** The schema's shape right after the DDL ran; undefined before the first reset. */
  let created: string | undefined;
  const shape = async (pglite: PGlite): Promise<string | undefined> => (await pglite.query<{ shape: string }>(SCHEMA_SHAPE)).rows[0]?.shape;
  return {
    name: 'PGlite',
    dialect: 'postgres',
    exactBigints: true,
    async run({ text, values }) {
      return (await (await db()).query<RawRow>(text, values as unknown[])).rows;
    },
    async reset() {
      const pglite = await db();
      // Dropping and re-creating the tables costs about three times as much CPU as emptying them
      // in PGlite's WebAssembly file system, before every test. TRUNCATE gives each table new,
      // empty files and restarts its sequences, so a test starts from the state the DDL leaves,
      // as long as no statement changed the schema itself: then it is dropped and made again.
      if (created !== undefined && (await shape(pglite)) === created) {
        await pglite.exec(`${TRUNCATE}; SET TIME ZONE 'UTC'`);
        return;
      }
      await pglite.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public; SET TIME ZONE 'UTC'; ${ddl('postgres')}`);
      created = await shape(pglite);
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
