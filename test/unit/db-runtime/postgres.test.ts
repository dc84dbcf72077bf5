/**
 * What only the PostgreSQL adapters do: the value types each driver hands over, values bound as
 * the SQL runtime encodes them, named prepared statements, and pool clients returned after
 * transactions.
 */
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresDb, type PgClient } from '../../../templates/crud/db.js';
import { parseTimestamp } from '../../../templates/sql/sql-codecs.js';
import { openPglite, openPostgres, type TestDatabase } from '../../helpers/databases.js';
import { postgresSkip } from './engines.js';

const skipNote = postgresSkip === undefined ? '' : ` (skipped: ${postgresSkip})`;

const SELECT_TYPES = `SELECT 9007199254740993::int8 AS big, 5::int8 AS small_big, 12.50::numeric(10, 2) AS price,
  '2024-02-29'::date AS day, '2024-02-29 10:00:00'::timestamp AS local, '2024-02-29T23:30:00+02:00'::timestamptz AS instant,
  '{"a": [1, "x"]}'::jsonb AS doc, true AS flag, 7::int4 AS n, 1.5::float8 AS ratio, NULL::text AS nothing`;

/** The instant of SELECT_TYPES' timestamptz. */
const INSTANT = new Date('2024-02-29T21:30:00Z');

/**
 * A row with its timestamptz `field` read as the SQL runtime reads it: node-postgres hands it over
 * as text in the session's time zone (`2024-02-29 21:30:00+00`), which only the instant it names
 * makes comparable.
 */
function withInstant<Row extends Record<string, unknown>>(row: Row, field: string): Row {
  expect(typeof row[field]).toBe('string');
  return { ...row, [field]: parseTimestamp(row[field] as string) };
}

/** What both drivers agree on. */
const COMMON = {
  price: '12.50',
  doc: { a: [1, 'x'] },
  flag: true,
  n: 7,
  ratio: 1.5,
  nothing: null,
};

describe.skipIf(postgresSkip !== undefined)(`values from node-postgres${skipNote}`, () => {
  let opened: TestDatabase<pg.Pool>;
  beforeAll(async () => (opened = await openPostgres('pool')));
  afterAll(() => opened?.close());

  it('arrive as text for int8, numeric, date, timestamp and timestamptz, whatever global parsers pg has', async () => {
    const expected = { ...COMMON, big: '9007199254740993', small_big: '5', day: '2024-02-29', local: '2024-02-29 10:00:00', instant: INSTANT };
    const read = async () => (await opened.db.query<Record<string, unknown>>(SELECT_TYPES)).map((row) => withInstant(row, 'instant'));
    expect(await read()).toEqual([expected]);
    // A user's lossy global parser does not reach the Db's results.
    pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));
    try {
      expect(await read()).toEqual([expected]);
      expect((await opened.driver.query('SELECT 5::int8 AS n')).rows).toEqual([{ n: 5 }]);
    } finally {
      pg.types.setTypeParser(20, (value) => value);
    }
  });

  it('arrive as text for every type the runtime has no codec for (interval, point, circle, inet…), as on PGlite (tester s12 T5)', async () => {
    // pg parses interval and the geometric types into objects, which a text column cannot decode.
    const sql = `SELECT '1 day 2 hours'::interval AS every, '(1,2)'::point AS p, '<(0,0),1>'::circle AS c, '10.0.0.1'::inet AS ip,
      '[1,5)'::int4range AS r, 'a fat cat'::tsvector AS search, B'101'::bit(3) AS bits`;
    const expected = { every: '1 day 02:00:00', p: '(1,2)', c: '<(0,0),1>', ip: '10.0.0.1', r: '[1,5)', search: "'a' 'cat' 'fat'", bits: '101' };
    expect(await opened.db.query(sql)).toEqual([expected]);
    expect((await opened.driver.query(sql)).rows[0].every).not.toBe('1 day 02:00:00');
  });
});

describe('values from PGlite', () => {
  let opened: TestDatabase<PGlite>;
  beforeAll(async () => (opened = await openPglite()));
  afterAll(() => opened?.close());

  it('arrive as text for the types the runtime has no codec for, as on node-postgres (tester s12 T5)', async () => {
    const sql = `SELECT '1 day 2 hours'::interval AS every, '(1,2)'::point AS p, '<(0,0),1>'::circle AS c, '10.0.0.1'::inet AS ip,
      '[1,5)'::int4range AS r, 'a fat cat'::tsvector AS search, B'101'::bit(3) AS bits`;
    expect(await opened.db.query(sql)).toEqual([{ every: '1 day 02:00:00', p: '(1,2)', c: '<(0,0),1>', ip: '10.0.0.1', r: '[1,5)', search: "'a' 'cat' 'fat'", bits: '101' }]);
  });

  it("arrive as PGlite's parsers give them: int8 as number or bigint, date as a Date at UTC midnight", async () => {
    expect(await opened.db.query(SELECT_TYPES)).toEqual([
      {
        ...COMMON,
        instant: INSTANT,
        big: 9007199254740993n,
        small_big: 5,
        day: new Date('2024-02-29T00:00:00Z'),
        local: new Date('2024-02-29 10:00:00'),
      },
    ]);
  });
});

const ENGINES = [
  { name: 'PGlite', skip: undefined, open: openPglite },
  { name: `PostgreSQL${skipNote}`, skip: postgresSkip, open: () => openPostgres('pool') },
];

for (const engine of ENGINES) {
  describe.skipIf(engine.skip !== undefined)(`values to ${engine.name}`, () => {
    let opened: TestDatabase<unknown>;
    beforeAll(async () => (opened = await engine.open()));
    afterAll(() => opened?.close());

    it('are bound as the SQL runtime encodes them: int8 as text, JSON as text, timestamps as ISO text', async () => {
      const [row] = await opened.db.query('SELECT ($1::int8 + 1)::text AS next, ($2::jsonb) -> $3 AS picked, $4::timestamptz AS at', [
        '9007199254740993',
        JSON.stringify({ key: 'value' }),
        'key',
        '2024-02-29T21:30:00.000Z',
      ]);
      // PGlite gives a timestamptz as a Date, node-postgres as text (withInstant): the same instant.
      const read = row!.at instanceof Date ? row! : withInstant(row!, 'at');
      expect(read).toEqual({ next: '9007199254740994', picked: 'value', at: new Date('2024-02-29T21:30:00Z') });
    });
  });
}

describe.skipIf(postgresSkip !== undefined)(`node-postgres${skipNote}`, () => {
  let opened: TestDatabase<pg.Pool>;
  beforeAll(async () => (opened = await openPostgres('pool')));
  afterAll(() => opened?.close());

  /** The prepared statements of one connection, by the texts they were prepared from. */
  async function preparedTexts(client: pg.PoolClient): Promise<string[]> {
    const { rows } = await client.query<{ statement: string }>("SELECT statement FROM pg_prepared_statements WHERE name LIKE 'codegen\\_%'");
    return rows.map((row) => row.statement);
  }

  it('runs statements as named prepared statements, once per text and connection', async () => {
    const client = await opened.driver.connect();
    try {
      const db = postgresDb(client);
      for (let n = 0; n < 3; n++) expect(await db.query('SELECT $1::int AS n', [n])).toEqual([{ n }]);
      await db.query('SELECT $1::text AS s', ['x']);
      expect((await preparedTexts(client)).sort()).toEqual(['SELECT $1::int AS n', 'SELECT $1::text AS s']);
      // Another Db over the same connection gives a text the same name: no clash in node-postgres.
      expect(await postgresDb(client).query('SELECT $1::int AS n', [9])).toEqual([{ n: 9 }]);
    } finally {
      client.release(true);
    }
  });

  it('prepares nothing with { prepare: false }, and only the first texts with maxPreparedStatements', async () => {
    const client = await opened.driver.connect();
    try {
      await postgresDb(client, { prepare: false }).query('SELECT $1::int AS unnamed', [1]);
      expect(await preparedTexts(client)).toEqual([]);
      const db = postgresDb(client, { maxPreparedStatements: 1 });
      await db.query('SELECT $1::int AS first', [1]);
      await db.query('SELECT $1::int AS second', [1]);
      expect(await preparedTexts(client)).toEqual(['SELECT $1::int AS first']);
    } finally {
      client.release(true);
    }
  });

  // tester11 F7: pg 8 queues a query sent while another runs but deprecates it; pg 9 refuses it.
  it("sends one statement at a time on a connection, though a transaction's work sends several together", async () => {
    const client = await opened.driver.connect();
    let running = 0;
    let most = 0;
    const counting: PgClient = {
      async query(config) {
        most = Math.max(most, (running += 1));
        try {
          return await client.query(config);
        } finally {
          running -= 1;
        }
      },
      getTypeParser: client.getTypeParser.bind(client),
    };
    try {
      const db = postgresDb(counting);
      const rows = await db.transaction((tx) => Promise.all([1, 2, 3].map((n) => tx.query<{ n: number }>('SELECT $1::int AS n', [n]))));
      expect(rows.flat()).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
      await Promise.all([db.query('SELECT 1 AS a'), db.exec('SELECT 2'), db.query('SELEC').catch(() => undefined), db.query('SELECT 3 AS c')]);
      expect(most).toBe(1);
    } finally {
      client.release(true);
    }
  });

  it('returns pool clients after committed, rolled back and failed transactions and queries', async () => {
    const pool = new pg.Pool({ ...opened.driver.options, max: 1 });
    try {
      const db = postgresDb(pool);
      await db.exec('CREATE TABLE IF NOT EXISTS pool_check (n int UNIQUE)');
      await db.transaction((tx) => tx.query('INSERT INTO pool_check (n) VALUES ($1)', [1]));
      await expect(db.transaction(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
      await expect(db.transaction((tx) => tx.query('INSERT INTO pool_check (n) VALUES ($1)', [1]))).rejects.toThrow(/Unique/);
      await expect(db.query('INSERT INTO pool_check (n) VALUES ($1)', [1])).rejects.toThrow(/Unique/);
      await expect(db.query('SELEC')).rejects.toThrow(/syntax/);
      // With one client in the pool, a leaked client would make this wait forever.
      expect(await db.query('SELECT count(*) AS n FROM pool_check')).toEqual([{ n: '1' }]);
      expect(pool.idleCount).toBe(pool.totalCount);
    } finally {
      await pool.end();
    }
  });
});
