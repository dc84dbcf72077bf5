/**
 * Column types written for MySQL or SQL Server, and TypeORM arrays (fixture `db-types`): the
 * PostgreSQL schema applies (apply.test.ts), and a row written through the generated module
 * reads back equal on SQLite, PGlite and the PostgreSQL server, arrays included (stored as JSON).
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { findPostgres, freshPglite } from '../../helpers/databases.js';
import { fixtureSchema, materializeFixture } from './helpers.js';

interface Query {
  text: string;
  values: readonly unknown[];
}
interface RowSql {
  insert(row: Record<string, unknown>, options: { returning: boolean }): Query;
  decode(row: Record<string, unknown>): Record<string, unknown>;
}

const server = await findPostgres();
let legacyRowSql: (dialect: 'postgres' | 'sqlite') => RowSql;

beforeAll(async () => {
  const folder = await materializeFixture('db-types', join(process.cwd(), 'test/.tmp/sql-db-types'));
  legacyRowSql = ((await import(join(folder, 'generated', 'legacy.sql.ts'))) as { legacyRowSql: typeof legacyRowSql }).legacyRowSql;
}, 60_000);

const row = {
  small: -32768, flag: true, medium: 8388607, wide: 7, displayWidth: 11, ratio: 0.5, body: 'ü'.repeat(3), title: 'Title', nums: [1, -2, 3], tags: ['a', 'b'],
  codes: ['GB', 'DE'], height: 1.25, seen: new Date('2024-02-29T12:00:00.123Z'),
};
const UUID = 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11';

async function roundTrip(sql: RowSql, run: (query: Query) => Promise<Record<string, unknown>[]>): Promise<void> {
  const [inserted] = await run(sql.insert({ ...row, external: UUID }, { returning: true }));
  // A `type: 'uuid'` column reads back in lower case on every engine (tester s10 T9: SQLite kept it as written).
  expect(sql.decode(inserted!)).toMatchObject({ ...row, external: UUID.toLowerCase() });
  const [empty] = await run(sql.insert({ ...row, tags: null }, { returning: true }));
  expect(sql.decode(empty!)['tags']).toBeNull();
  // `default: '{}'` on a TypeORM array: the empty array, on every engine.
  expect(sql.decode(empty!)['labels']).toEqual([]);
}

describe('legacy column types', () => {
  it('round-trip on SQLite', async () => {
    const db = new Database(':memory:');
    db.exec(await fixtureSchema('db-types', 'sqlite'));
    await roundTrip(legacyRowSql('sqlite'), async (query) => db.prepare(query.text).all(...(query.values as unknown[])) as Record<string, unknown>[]);
    db.close();
  });

  it('round-trip on PGlite', async () => {
    const pglite = await freshPglite();
    await pglite.exec(await fixtureSchema('db-types', 'postgres'));
    await roundTrip(legacyRowSql('postgres'), async (query) => (await pglite.query<Record<string, unknown>>(query.text, query.values as unknown[])).rows);
    await pglite.close();
  });

  it.skipIf(server.url === undefined)(`round-trip on PostgreSQL${server.skipNote}`, async () => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const schema = `db_types_${process.pid}`;
    try {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}; SET search_path TO ${schema};`);
      await client.query(await fixtureSchema('db-types', 'postgres'));
      await roundTrip(legacyRowSql('postgres'), async (query) => (await client.query(query.text, query.values as unknown[])).rows as Record<string, unknown>[]);
    } finally {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  });
});
