/**
 * freshPglite (test/helpers/databases.ts) reuses an instance a test closed, emptied: the next one
 * must read exactly as a just-started database, and an instance it cannot make so is ended.
 */
import type { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { emptied, freshPglite } from '../../helpers/databases.js';

/** What a test can see of a database: its schemas, relations, types, functions and session settings. */
async function visible(pglite: PGlite): Promise<unknown> {
  const rows = async (sql: string) => (await pglite.query(sql)).rows;
  return {
    schemas: await rows("SELECT nspname, nspowner::regrole::text AS owner, nspacl::text AS acl, obj_description(oid, 'pg_namespace') AS comment FROM pg_namespace ORDER BY 1"),
    relations: await rows("SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') ORDER BY 1"),
    types: await rows("SELECT typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') ORDER BY 1"),
    functions: await rows("SELECT proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1"),
    settings: await rows("SELECT name, setting FROM pg_settings WHERE source NOT IN ('default', 'override') ORDER BY 1"),
    searchPath: await rows('SHOW search_path'),
    timeZone: await rows('SHOW TimeZone'),
    prepared: await rows('SELECT name FROM pg_prepared_statements'),
  };
}

describe('freshPglite', () => {
  it('gives back a closed instance emptied, as a just-started one reads', async () => {
    const first = await freshPglite();
    const pristine = await visible(first);
    await first.exec(`
      CREATE SCHEMA other; CREATE TABLE other.t (id int); CREATE TYPE mood AS ENUM ('ok');
      CREATE TABLE items (id serial PRIMARY KEY, mood mood, name text UNIQUE);
      CREATE VIEW names AS SELECT name FROM items; CREATE FUNCTION one() RETURNS int LANGUAGE sql AS 'SELECT 1';
      COMMENT ON SCHEMA public IS 'changed'; REVOKE USAGE ON SCHEMA public FROM PUBLIC;
      INSERT INTO items (mood, name) VALUES ('ok', 'a'); PREPARE p AS SELECT 1;
      SET TIME ZONE 'Pacific/Kiritimati'; SET search_path TO other, public;`);
    await first.close();
    const second = await freshPglite();
    // Booleans: a failed comparison of two PGlite objects would print their WebAssembly memory.
    expect(second === first).toBe(true);
    expect(await visible(second)).toEqual(pristine);
    await second.exec('CREATE TABLE items (id int)');
    await second.close();
  });

  // One instance for the spoilings that can be undone: each is refused, then accepted once undone,
  // so the check can fail and can pass (a new start per case cost ~1 s of CPU apiece).
  it.each([
    ['left inside a transaction', 'BEGIN; CREATE TABLE t (id int)', 'ROLLBACK'],
    ['with a role', 'CREATE ROLE someone', 'DROP ROLE someone'],
    ['with a database setting', "ALTER DATABASE template1 SET work_mem = '8MB'", 'ALTER DATABASE template1 RESET work_mem'],
  ])('refuses an instance %s, which emptying would not make new, and takes it once undone', async (_name, spoil, undo) => {
    const changed = await freshPglite();
    await changed.exec(spoil);
    expect(await emptied(changed)).toBe(false);
    await changed.exec(undo);
    expect(await emptied(changed)).toBe(true);
    await changed.close();
    expect(changed.closed).toBe(false);
  });

  it('gives two instances open at once their own databases', async () => {
    const [a, b] = await Promise.all([freshPglite(), freshPglite()]);
    expect(a === b).toBe(false);
    await a.exec('CREATE TABLE only_a (id int)');
    expect((await b.query("SELECT to_regclass('only_a') AS found")).rows).toEqual([{ found: null }]);
    await Promise.all([a.close(), b.close()]);
  });

  // A temporary schema stays once made (pg_temp_N), so it cannot be undone: the real close kept.
  it('ends an instance with a temporary schema, and never gives it again', async () => {
    const changed = await freshPglite();
    await changed.exec('CREATE TEMP TABLE scratch (x int)');
    await changed.close();
    expect(changed.closed).toBe(true);
    const next = await freshPglite();
    expect(next === changed).toBe(false);
    await next.close();
  });
});
