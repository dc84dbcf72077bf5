/**
 * The three engines for tests, each a fresh isolated database behind the generated `db.ts`
 * adapters:
 *
 * ```ts
 * const postgres = await findPostgres();                  // at the top of the test file
 * describe.skipIf(postgres.url === undefined)(`on PostgreSQL${postgres.skipNote}`, () => {
 *   let engine: TestDatabase<pg.Pool>;
 *   beforeAll(async () => (engine = await openPostgres()));
 *   afterAll(() => engine.close());
 * });
 * ```
 *
 * PostgreSQL: `CODEGEN_TEST_POSTGRES_URL` names the server (`.ci/run` sets it); without it the
 * helper runs `scripts/postgres.sh --no-install`, which starts the throwaway server (or finds it
 * running) when the package is installed. `CODEGEN_TEST_POSTGRES=off` skips the PostgreSQL tests.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import Database from 'better-sqlite3';
import pg from 'pg';
import { type Db, pgliteDb, postgresDb, sqliteDb } from '../../templates/crud/db.js';
import { REPO_ROOT, TMP_ROOT } from './paths.js';

/** A fresh database: the `Db` over it, the driver object beneath, and how to dispose of both. */
export interface TestDatabase<Driver> {
  db: Db;
  driver: Driver;
  /** Closes the driver (and drops the PostgreSQL schema). */
  close(): Promise<void>;
}

/** An in-memory better-sqlite3 database. */
export function openSqlite(): TestDatabase<Database.Database> {
  const driver = new Database(':memory:');
  return { db: sqliteDb(driver), driver, close: async () => void driver.close() };
}

let initialised: Promise<Blob | File> | undefined;

/**
 * A new, empty in-memory PGlite, as `PGlite.create()` makes one, at a fraction of its cost: most
 * of `create()` is initdb (about 5 s of CPU), so one database is initialised and its data folder
 * kept as a tarball, and every instance starts from a copy of it (as PostgreSQL's `CREATE
 * DATABASE` copies a template). Each instance is a database of its own: nothing written to one is
 * seen by another. The tarball is shared by the test processes through test/.tmp (see
 * templateDataDir), so a run pays for initdb once, not once per worker.
 *
 * Starting from the tarball still costs ~0.6 s of CPU (the WebAssembly instance, the data folder's
 * copy, PostgreSQL's start), and the suite opens a PGlite in some twenty files. So `close()` does
 * not end an instance that is as new again once emptied: it is emptied (`DISCARD ALL`, every
 * schema dropped, `public` made as initdb makes it: owner, privileges, comment, pg_init_privs row) and kept for the next `freshPglite()` of this
 * process, but only if its catalogue then reads exactly as a just-started instance's does
 * (pristineState: schemas with owners and privileges, object counts of every catalogue, settings
 * not at their defaults). Anything else (a role, an extension, a database setting, a
 * transaction left open, a failed reset) ends it for real, as before.
 */
export async function freshPglite(): Promise<PGlite> {
  const reused = idle.pop();
  if (reused) {
    lent.add(reused);
    return reused;
  }
  initialised ??= templateDataDir();
  const instance = await PGlite.create({ loadDataDir: await initialised });
  pristine ??= catalogueState(instance);
  await pristine;
  const end = instance.close.bind(instance);
  instance.close = async () => {
    if (!lent.delete(instance)) return end();
    if (await emptied(instance)) idle.push(instance);
    else await end();
  };
  lent.add(instance);
  return instance;
}

/** Emptied instances ready for reuse, and those given out and not yet closed. */
const idle: PGlite[] = [];
const lent = new WeakSet<PGlite>();
/** catalogueState of a just-started instance (the first of this process). */
let pristine: Promise<string> | undefined;

/**
 * What of a database a test could have changed, as one text: schemas (owner, privileges,
 * comment), how many rows every catalogue table holds, and the settings not at their default.
 */
async function catalogueState(pglite: PGlite): Promise<string> {
  const catalogues = await pglite.query<{ name: string }>(
    "SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'pg_catalog' AND c.relkind = 'r' ORDER BY 1",
  );
  const counts = catalogues.rows.map(({ name }) => `SELECT '${name}' AS name, count(*)::text AS n FROM ${name}`).join(' UNION ALL ');
  const state = await pglite.query<{ part: string }>(`
    SELECT string_agg(concat_ws(' ', nspname, nspowner::regrole, nspacl::text, obj_description(oid, 'pg_namespace')), ', ' ORDER BY nspname) AS part FROM pg_namespace
    UNION ALL SELECT string_agg(name || '=' || n, ', ' ORDER BY name) FROM (${counts}) AS c
    UNION ALL SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) FROM pg_settings WHERE source NOT IN ('default', 'override')`);
  return state.rows.map((row) => row.part).join('\n');
}

/**
 * Empties an instance given back by close(): whether it now reads as a just-started one, which is
 * what decides its reuse (exported for test/unit/suite/fresh-pglite.test.ts).
 */
export async function emptied(pglite: PGlite): Promise<boolean> {
  try {
    // DISCARD ALL refuses to run inside a transaction block: one left open ends the instance.
    await pglite.exec('DISCARD ALL');
    const schemas = await pglite.query<{ name: string }>("SELECT quote_ident(nspname) AS name FROM pg_namespace WHERE nspname <> 'information_schema' AND nspname !~ '^pg_'");
    await pglite.exec(
      `${schemas.rows.map(({ name }) => `DROP SCHEMA ${name} CASCADE;`).join(' ')}
       CREATE SCHEMA public AUTHORIZATION pg_database_owner; GRANT USAGE ON SCHEMA public TO PUBLIC; COMMENT ON SCHEMA public IS 'standard public schema';
       INSERT INTO pg_init_privs (objoid, classoid, objsubid, privtype, initprivs) SELECT oid, 'pg_namespace'::regclass, 0, 'i', nspacl FROM pg_namespace WHERE nspname = 'public';`,
    );
    return (await catalogueState(pglite)) === (await pristine);
  } catch {
    return false;
  }
}

const PGLITE_VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')) as { version: string }).version;

/**
 * The initialised data folder, from test/.tmp when another process (or an earlier run) made it
 * for this PGlite version, else made here with initdb and written there (to a temp name, then
 * renamed, so a reader never sees half a file). A lock file says initdb is under way: the other
 * worker waits for the tarball rather than run initdb too, and does it itself if none comes.
 */
async function templateDataDir(): Promise<Blob> {
  const file = join(TMP_ROOT, `pglite-${PGLITE_VERSION}-template.tar`);
  const lock = `${file}.lock`;
  mkdirSync(TMP_ROOT, { recursive: true });
  if (!existsSync(file)) {
    let owner = false;
    try {
      closeSync(openSync(lock, 'wx'));
      owner = true;
    } catch {
      // Another process is at initdb (or one was killed at it: a lock older than a minute is ignored).
      for (let waited = 0; waited < 60_000 && !existsSync(file) && Date.now() - statMtime(lock) < 60_000; waited += 100) await delay(100);
    }
    if (!existsSync(file)) {
      const template = await PGlite.create();
      try {
        const dump = await template.dumpDataDir('none');
        const temp = `${file}.${process.pid}.tmp`;
        writeFileSync(temp, new Uint8Array(await dump.arrayBuffer()));
        renameSync(temp, file);
      } finally {
        await template.close();
        if (owner) rmSync(lock, { force: true });
      }
    }
  }
  return new Blob([readFileSync(file)]);
}

/** A file's modification time in ms, or 0 when it is gone. */
function statMtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** An in-memory PGlite database. */
export async function openPglite(): Promise<TestDatabase<PGlite>> {
  const driver = await freshPglite();
  return { db: pgliteDb(driver), driver, close: () => driver.close() };
}

/** Where the PostgreSQL server is, or why there is none (`skipNote` is `''` or `' (skipped: …)'`). */
export type PostgresServer = { url: string; reason?: undefined; skipNote: '' } | { url?: undefined; reason: string; skipNote: string };

let server: Promise<PostgresServer> | undefined;

/** Finds (or starts) the test server once per process; warns once with the reason when there is none. */
export function findPostgres(): Promise<PostgresServer> {
  server ??= locatePostgres().then((found) => {
    if (found.url === undefined) console.warn(`PostgreSQL tests skipped: ${found.reason}`);
    return found;
  });
  return server;
}

async function locatePostgres(): Promise<PostgresServer> {
  if (process.env.CODEGEN_TEST_POSTGRES === 'off') return unavailable('CODEGEN_TEST_POSTGRES=off');
  const configured = process.env.CODEGEN_TEST_POSTGRES_URL;
  // A configured server that does not answer is a broken setup, not a reason to skip.
  if (configured) return { url: await reachable(configured), skipNote: '' };
  try {
    const { stdout } = await promisify(execFile)('bash', [join(REPO_ROOT, 'scripts', 'postgres.sh'), '--no-install'], {
      timeout: 120_000,
    });
    const url = stdout.trim().split('\n').pop() ?? '';
    return { url: await reachable(url), skipNote: '' };
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    return unavailable(`no CODEGEN_TEST_POSTGRES_URL, and scripts/postgres.sh could not start a server (${stderr || String(error)})`);
  }
}

function unavailable(reason: string): PostgresServer {
  return { reason, skipNote: ` (skipped: ${reason})` };
}

async function reachable(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.end();
  return url;
}

/**
 * A fresh schema on the test server, dropped by `close()`. `driver` is a `pg.Pool` whose
 * connections all use that schema (or, with `'client'`, one connected `pg.Client`); the `Db` is
 * `postgresDb` over it. Call it only where {@link findPostgres} found a server.
 */
export async function openPostgres(kind: 'pool'): Promise<TestDatabase<pg.Pool>>;
export async function openPostgres(kind: 'client'): Promise<TestDatabase<pg.Client>>;
export async function openPostgres(): Promise<TestDatabase<pg.Pool>>;
export async function openPostgres(kind: 'pool' | 'client' = 'pool'): Promise<TestDatabase<pg.Pool | pg.Client>> {
  const { url } = await findPostgres();
  if (url === undefined) throw new Error('openPostgres: no PostgreSQL server (guard the suite with findPostgres)');
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const config = { connectionString: url, options: `-c search_path=${schema}` };
  const driver = kind === 'pool' ? new pg.Pool(config) : new pg.Client(config);
  if (driver instanceof pg.Client) await driver.connect();
  const close = async (): Promise<void> => {
    await driver.end();
    const dropper = new pg.Client({ connectionString: url });
    await dropper.connect();
    await dropper.query(`DROP SCHEMA ${schema} CASCADE`);
    await dropper.end();
  };
  return { db: postgresDb(driver), driver, close };
}
