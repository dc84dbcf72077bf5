/**
 * The three engines every generated repository runs on, as `describe.each` rows: better-sqlite3
 * in memory, PGlite (PostgreSQL compiled to WebAssembly) and a real PostgreSQL server (skipped,
 * with the reason printed, only where none can be started). Each database is wrapped by the
 * adapters of the project's own generated `db.ts`, so errors are the generated classes.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Db } from '../../../templates/crud/db.js';
import { findPostgres, openPglite, openPostgres, openSqlite } from '../../helpers/databases.js';

/** The adapter factories of a generated `db.ts`. */
export interface GeneratedAdapters {
  sqliteDb(driver: never): Db;
  pgliteDb(driver: never): Db;
  postgresDb(driver: never): Db;
}

export interface Engine {
  name: string;
  dialect: 'sqlite' | 'postgres';
  /** Why the engine is skipped, or undefined. */
  skip?: string;
  open(adapters: GeneratedAdapters): Promise<{ db: Db; close(): Promise<void> }>;
}

let pglite: ReturnType<typeof openPglite> | undefined;
let schemas = 0;

/** SQLite, PGlite and PostgreSQL. */
export async function engines(): Promise<Engine[]> {
  const postgres = await findPostgres();
  return [
    {
      name: 'SQLite (better-sqlite3)',
      dialect: 'sqlite',
      open: async (adapters) => {
        const { driver, close } = openSqlite();
        return { db: adapters.sqliteDb(driver as never), close };
      },
    },
    {
      name: 'PGlite',
      dialect: 'postgres',
      open: async (adapters) => {
        // One PGlite per test file (it takes seconds to start); each database is a fresh schema in it.
        const { driver } = await (pglite ??= openPglite());
        const schema = `test_${(schemas += 1)}`;
        await driver.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
        return { db: adapters.pgliteDb(driver as never), close: () => driver.exec(`DROP SCHEMA ${schema} CASCADE; SET search_path TO public`).then(() => undefined) };
      },
    },
    {
      name: `PostgreSQL server${postgres.skipNote}`,
      dialect: 'postgres',
      skip: postgres.reason,
      open: async (adapters) => {
        const { driver, close } = await openPostgres();
        return { db: adapters.postgresDb(driver as never), close };
      },
    },
  ];
}

/**
 * The database of one engine for the `describe` block that calls this: opened with the project's
 * `adapters()` and given `schema()` before the block's tests (both read then: a project loaded in
 * a `beforeAll` is there by that time), closed after them. Before each test
 * the `emptied` tables are emptied in that order (children first), and where the engine is
 * missing (`engine.skip`, a PostgreSQL server that cannot be started) every test is skipped.
 * Read `db` in a test or a later `beforeEach`.
 */
export function suiteDatabase(engine: Engine, adapters: () => GeneratedAdapters, schema: () => string, emptied: readonly string[] = []): { readonly db: Db } {
  let db: Db | undefined;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (engine.skip) return;
    ({ db, close } = await engine.open(adapters()));
    await db.exec(schema());
  });
  afterAll(async () => close?.());
  beforeEach(async (context) => {
    if (engine.skip) return context.skip();
    for (const table of emptied) await db!.query(`DELETE FROM "${table}"`);
  });
  return {
    get db() {
      return db!;
    },
  };
}
