/**
 * The column-type map and the codecs agree: a row of every column type, written through the
 * generated table module and the runtime (`sampleSql(dialect).insert`) into the generated schema
 * on real SQLite and PGlite, reads back (`select` + `decode`) equal to what was written, at the
 * edges (empty and unicode strings, the largest bigint, decimals, dates, JSON, nulls).
 */
import type { PGlite } from '@electric-sql/pglite';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSchema, materializeFixture } from './helpers.js';
import { freshPglite } from '../../helpers/databases.js';

interface Query {
  text: string;
  values: readonly unknown[];
}

interface SampleSql {
  insert(row: Record<string, unknown>, options: { returning: boolean }): Query;
  select(options: { where: Record<string, unknown> }): Query;
  decode(row: Record<string, unknown>): Record<string, unknown>;
}

let sampleSql: (dialect: 'postgres' | 'sqlite') => SampleSql;

beforeAll(async () => {
  const folder = await materializeFixture('column-types', join(process.cwd(), 'test/.tmp/sql-round-trip'));
  const module = (await import(join(folder, 'generated', 'types.sql.ts'))) as { sampleSql: typeof sampleSql };
  sampleSql = module.sampleSql;
}, 60_000);

const row = {
  plain: '',
  short: 'ünïcödé ✓ 𝄞',
  code: 'ab',
  stampText: new Date('2024-02-29T23:59:59.999Z'),
  day: '2024-02-29',
  when: new Date('1999-12-31T23:00:00.000Z'),
  age: 120,
  count: -2147483648,
  unsigned: 4294967295,
  big: Number.MAX_SAFE_INTEGER,
  price: 12345.67,
  ratio: 0.1,
  huge: 9223372036854775807n,
  active: false,
  kind: "it's",
  level: 2,
  mood: 'happy',
  stars: 5,
  tags: ['a', '', 'ü'],
  dimensions: { width: 1.5, height: 0 },
  extra: { 'key with space': 1 },
  pair: ['x', 2],
  either: 3,
  anything: null,
  note: null,
  nickname: 'nick',
  enabled: true,
  labels: [],
  email: 'a@b.c',
};

async function roundTrip(sql: SampleSql, run: (query: Query) => Promise<Record<string, unknown>[]>): Promise<void> {
  const [inserted] = await run(sql.insert(row, { returning: true }));
  const decoded = sql.decode(inserted!);
  expect(decoded).toMatchObject(row);
  expect(decoded['id']).toMatch(/^[0-9a-f-]{36}$/);
  expect(decoded['createdAt']).toBeInstanceOf(Date);
  const [selected] = await run(sql.select({ where: { id: decoded['id'] } }));
  expect(sql.decode(selected!)).toEqual(decoded);
}

describe('every column type round-trips through the generated module', () => {
  let pglite: PGlite;
  beforeAll(async () => {
    pglite = await freshPglite();
  });
  afterAll(() => pglite.close());

  it('on SQLite', async () => {
    const db = new Database(':memory:');
    db.exec(await fixtureSchema('column-types', 'sqlite'));
    await roundTrip(sampleSql('sqlite'), async (query) => db.prepare(query.text).safeIntegers(true).all(...(query.values as unknown[])) as Record<string, unknown>[]);
    db.close();
  });

  it('on PostgreSQL (PGlite)', async () => {
    await pglite.exec(await fixtureSchema('column-types', 'postgres'));
    await roundTrip(sampleSql('postgres'), async (query) => (await pglite.query<Record<string, unknown>>(query.text, query.values as unknown[])).rows);
  });
});
