/**
 * Timestamps declared without a time zone (`@Column({ type: 'timestamp' })`, `datetime`) are
 * `timestamptz` on PostgreSQL, so a Date written through the generated module is the Date read
 * back, and a `now()` default is the current instant, under a session time zone far from UTC
 * (PGlite, and the PostgreSQL server through node-postgres with its default type parsers).
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPostgres, freshPglite } from '../../helpers/databases.js';
import { fixtureSchema, materializeFixture } from './helpers.js';

interface Query {
  text: string;
  values: readonly unknown[];
}
interface EventSql {
  insert(row: Record<string, unknown>, options: { returning: boolean }): Query;
  selectByKey(key: Record<string, unknown>): Query;
  decode(row: Record<string, unknown>): Record<string, unknown>;
}

const server = await findPostgres();
let eventSql: (dialect: 'postgres' | 'sqlite') => EventSql;

beforeAll(async () => {
  const folder = await materializeFixture('timestamps', join(process.cwd(), 'test/.tmp/sql-timestamps'));
  eventSql = ((await import(join(folder, 'generated', 'events.sql.ts'))) as { eventSql: typeof eventSql }).eventSql;
}, 60_000);

const written = {
  at: new Date('2024-03-31T01:30:00.000Z'),
  precise: new Date('1999-12-31T23:59:59.123Z'),
  mysqlStyle: new Date('2024-10-27T00:59:59.999Z'),
  asText: new Date('2000-01-01T00:00:00.000Z'),
  zoned: new Date('2024-06-01T12:00:00.000Z'),
};

async function roundTrip(sql: EventSql, run: (query: Query) => Promise<Record<string, unknown>[]>): Promise<void> {
  const before = Date.now();
  const [inserted] = await run(sql.insert(written, { returning: true }));
  const row = sql.decode(inserted!);
  expect(row).toMatchObject(written);
  // now() is the current instant, not the local wall-clock time read as UTC.
  expect(Math.abs((row['createdAt'] as Date).getTime() - before)).toBeLessThan(60_000);
  const [selected] = await run(sql.selectByKey({ id: row['id'] }));
  expect(sql.decode(selected!)).toEqual(row);
}

describe('timestamps declared without a time zone round-trip', () => {
  it('on SQLite', async () => {
    const db = new Database(':memory:');
    db.exec(await fixtureSchema('timestamps', 'sqlite'));
    await roundTrip(eventSql('sqlite'), async (query) => db.prepare(query.text).all(...(query.values as unknown[])) as Record<string, unknown>[]);
    db.close();
  });

  it('on PGlite under a session time zone of UTC+14', async () => {
    const pglite = await freshPglite();
    try {
      await pglite.exec(`SET TimeZone = 'Pacific/Kiritimati'; ${await fixtureSchema('timestamps', 'postgres')}`);
      await roundTrip(eventSql('postgres'), async (query) => (await pglite.query<Record<string, unknown>>(query.text, query.values as unknown[])).rows);
    } finally {
      await pglite.close();
    }
  });

  it.skipIf(server.url === undefined)(`on PostgreSQL through node-postgres under UTC-10${server.skipNote}`, async () => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const schema = `timestamps_${process.pid}`;
    try {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}; SET search_path TO ${schema}; SET TimeZone = 'Pacific/Honolulu';`);
      await client.query(await fixtureSchema('timestamps', 'postgres'));
      await roundTrip(eventSql('postgres'), async (query) => (await client.query(query.text, query.values as unknown[])).rows as Record<string, unknown>[]);
    } finally {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  });
});
