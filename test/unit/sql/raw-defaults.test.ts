/**
 * Raw SQL defaults (TypeORM's `default: () => '…'`) are judged per dialect, and the judgement is
 * the engines' own: an expression said to run on SQLite runs in better-sqlite3 (a table made and
 * a row inserted), one said not to fails there, and one said not to run on PostgreSQL fails on
 * PGlite. The raw-defaults fixture's schemas (translated forms, defaults left out) are applied on
 * both engines and give the values meant.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portableDefault, rawDefaultProblem } from '../../../src/generators/sql/schema/raw-defaults.js';
import { checkSql, defaultSql } from '../../../src/generators/sql/schema/sql-text.js';
import { openPglite, openSqlite, type Engine } from './engines.js';
import { fixtureModel, fixtureSchema, generate } from './helpers.js';

const EXPRESSIONS = [
  // PostgreSQL's own
  "'{}'::jsonb",
  "now() + interval '1 day'",
  'uuid_generate_v4()',
  'gen_random_uuid()',
  "nextval('some_seq')",
  "E'a\\tb'",
  'LOCALTIMESTAMP',
  "to_char(now(), 'YYYY')",
  'ARRAY[1, 2]',
  'floor(random() * 10)::int',
  // SQLite's own
  "datetime('now')",
  "date('2024-01-01')",
  "julianday('now')",
  'lower(hex(randomblob(16)))',
  "strftime('%s', 'now')",
  "iif(1, 'a', 'b')",
  'ifnull(NULL, 1)',
  "printf('%d', 5)",
  // both
  "'x' || 'y'",
  "upper('x')",
  'CURRENT_TIMESTAMP',
  'CAST(1.5 AS INTEGER)',
  'CASE WHEN random() > 0 THEN 1 ELSE 0 END',
  'abs(-3) + round(2.5)',
  "coalesce(NULL, 'a')",
  "replace(lower('AB'), 'a', 'c')",
  'floor(2.5) + sqrt(4)',
  '1 + 2',
  'TRUE',
  '"other"',
];

/** Whether better-sqlite3 makes a table with this default and inserts a row taking it. */
function runsOnSqlite(db: Database.Database, expression: string, position: number): boolean {
  try {
    db.exec(`CREATE TABLE t${position} (x ANY DEFAULT (${expression})) STRICT; INSERT INTO t${position} DEFAULT VALUES;`);
    return true;
  } catch {
    return false;
  }
}

/** Whether PostgreSQL (PGlite) makes a table with this default and inserts a row taking it. */
async function runsOnPostgres(engine: Engine, expression: string, position: number): Promise<boolean> {
  try {
    await engine.exec(`CREATE TABLE t${position} (x text DEFAULT ((${expression})::text)); INSERT INTO t${position} DEFAULT VALUES;`);
    return true;
  } catch {
    return false;
  }
}

let pglite: Awaited<ReturnType<typeof openPglite>>;
beforeAll(async () => {
  pglite = await openPglite();
});
afterAll(async () => pglite.close());

describe('raw SQL defaults judged per dialect', () => {
  it('runs on SQLite exactly when judged to', () => {
    const db = new Database(':memory:');
    const verdicts = EXPRESSIONS.map((expression, position) => ({ expression, judged: rawDefaultProblem(expression, 'sqlite') === undefined, runs: runsOnSqlite(db, expression, position) }));
    db.close();
    expect(verdicts.filter((verdict) => verdict.judged !== verdict.runs)).toEqual([]);
    // Both kinds are in the list.
    expect(verdicts.filter((verdict) => verdict.runs).length).toBeGreaterThan(5);
    expect(verdicts.filter((verdict) => !verdict.runs).length).toBeGreaterThan(5);
  });

  it('fails on PostgreSQL when judged to, and runs there when judged to run on both', async () => {
    const engine = await pglite.schema('raw_default_verdicts');
    const wrong: string[] = [];
    for (const [position, expression] of EXPRESSIONS.entries()) {
      const onPostgres = rawDefaultProblem(expression, 'postgres') === undefined;
      const onBoth = onPostgres && rawDefaultProblem(expression, 'sqlite') === undefined;
      // Judged to run on PostgreSQL alone, it may need an extension or a sequence (uuid_generate_v4, nextval): not asserted.
      if (onPostgres && !onBoth) continue;
      if ((await runsOnPostgres(engine, expression, position)) !== onBoth) wrong.push(expression);
    }
    expect(wrong).toEqual([]);
    expect(EXPRESSIONS.filter((expression) => rawDefaultProblem(expression, 'postgres') !== undefined).length).toBeGreaterThan(5);
  });

  it("says that PostgreSQL freezes SQLite's date('now') at CREATE TABLE", async () => {
    const engine = await pglite.schema('raw_default_frozen');
    await engine.exec("CREATE TABLE t (s text DEFAULT (date('now')))");
    const [stored] = await engine.rows("SELECT pg_get_expr(adbin, adrelid) AS e FROM pg_attrdef WHERE adrelid = 't'::regclass");
    // A constant, not a call: the judgement is PostgreSQL's own reading.
    expect(stored!['e']).toMatch(/^'\d{4}-\d\d-\d\d'::date$/);
    expect(rawDefaultProblem("date('now')", 'postgres')).toContain('constant');
    expect(rawDefaultProblem("date('now', '+1 day')", 'postgres')).toContain('constant');
    expect(rawDefaultProblem('date(CURRENT_TIMESTAMP)', 'postgres')).toBeUndefined();
  });

  it('warns for the dialects written only', async () => {
    const both = await generate(fixtureModel('raw-defaults'), { split: 'file' });
    const postgres = await generate(fixtureModel('raw-defaults'), { split: 'file', dialects: ['postgres'] });
    const located = (diagnostics: typeof both.diagnostics) => diagnostics.filter((entry) => entry.code === 'CG2313').map((entry) => `${entry.file}:${entry.line} ${entry.message.split(':')[1]!.trim()}`);
    expect(located(both.diagnostics)).toEqual(['input/entries.ts:24 entries.code', 'input/sessions.ts:24 sessions.renewal', 'input/sessions.ts:36 sessions.lucky']);
    expect(located(postgres.diagnostics)).toEqual(['input/entries.ts:24 entries.code']);
    expect(both.diagnostics.every((entry) => entry.code !== 'CG2313' || entry.severity === 'warning')).toBe(true);
  });
});

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const HOUR = 3_600_000;

/** A time read back (an ISO string on SQLite, a Date on PostgreSQL) in milliseconds from now. */
function fromNow(value: unknown): number {
  const time = value instanceof Date ? value.getTime() : Date.parse(String(value));
  expect(Number.isNaN(time), String(value)).toBe(false);
  return time - Date.now();
}

describe("PostgreSQL's casts of quoted literals (pg_dump's and TypeORM migrations' forms)", () => {
  // [default, codec, PostgreSQL type, SQLite type, value on PostgreSQL, value on SQLite]
  const CASTS: Array<[string, 'integer' | 'decimal' | 'boolean', string, string, unknown, unknown]> = [
    ["'0'::integer", 'integer', 'integer', 'INTEGER', 0, 0],
    ["'-12'::bigint", 'integer', 'integer', 'INTEGER', -12, -12],
    ["('1.50'::numeric)", 'decimal', 'numeric(6,2)', 'REAL', '1.50', 1.5],
    ["'false'::boolean", 'boolean', 'boolean', 'INTEGER', false, 0],
    ["'t'::bool", 'boolean', 'boolean', 'INTEGER', true, 1],
    ["'on'::boolean", 'boolean', 'boolean', 'INTEGER', true, 1],
  ];
  it.each(CASTS)('%s is the same value on both engines', async (sql, codec, postgresType, sqliteType, onPostgres, onSqlite) => {
    const spec = portableDefault(sql, codec);
    expect(spec, 'translated').toBeDefined();
    const type = { codec, postgres: postgresType, checks: [] };
    const sqlite = new Database(':memory:');
    sqlite.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, x ${sqliteType} NOT NULL DEFAULT ${defaultSql(spec!, type, 'sqlite')}) STRICT; INSERT INTO t (id) VALUES (1)`);
    expect((sqlite.prepare('SELECT x FROM t').get() as { x: unknown }).x).toBe(onSqlite);
    sqlite.close();
    const engine = await pglite.schema(`casts_${CASTS.findIndex((entry) => entry[0] === sql)}`);
    await engine.exec(`CREATE TABLE t (id integer, x ${postgresType} NOT NULL DEFAULT ${defaultSql(spec!, type, 'postgres')}); INSERT INTO t (id) VALUES (1)`);
    expect((await engine.rows('SELECT x FROM t'))[0]!['x']).toBe(onPostgres);
  });

  it('leaves a quoted number cast on a text column, and a word PostgreSQL does not read as a boolean, to CG2313', () => {
    expect(portableDefault("'0'::integer", 'text')).toBeUndefined();
    expect(portableDefault("'maybe'::boolean", 'boolean')).toBeUndefined();
    expect(rawDefaultProblem("'0'::integer", 'sqlite')).toBeDefined();
  });
});

describe("an SQL default on a SQLite timestamp or date column held to the runtime's text", () => {
  // codegen's own tables (no TypeORM @Entity) hold SQLite timestamps in one text, by a CHECK
  // (schema/canonical-text.ts); a default copied as written would fail it on every insert.
  const CASES: Array<[string, 'timestamp' | 'date', string]> = [
    ["'2024-01-01 08:00:00'", 'timestamp', '2024-01-01T08:00:00.000Z'],
    ["'2024-01-01T10:00:00.5+02:00'", 'timestamp', '2024-01-01T08:00:00.500Z'],
    ["datetime('2024-01-01', '+1 day')", 'timestamp', '2024-01-02T00:00:00.000Z'],
    ["'2024-02-29T12:00:00Z'", 'date', '2024-02-29'],
    ["date('2024-01-31', '+1 month')", 'date', '2024-03-02'],
  ];
  it.each(CASES)('%s on a %s column is stored as %s and passes the CHECK', (sql, codec, stored) => {
    const spec = { kind: 'sql' as const, sql };
    const checks = [{ kind: 'canonical-text' as const, codec, dialect: 'sqlite' as const }];
    const type = { codec, postgres: codec === 'date' ? 'date' : 'timestamptz', checks };
    const sqlite = new Database(':memory:');
    sqlite.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT NOT NULL DEFAULT ${defaultSql(spec, type, 'sqlite')} CHECK (${checkSql('x', checks, 'sqlite')})) STRICT; INSERT INTO t (id) VALUES (1)`);
    expect(sqlite.prepare('SELECT x FROM t').pluck().get()).toBe(stored);
    sqlite.close();
    // Without the CHECK (a TypeORM table) the default stays as written.
    expect(defaultSql(spec, { ...type, checks: [] }, 'sqlite')).toBe(`(${sql})`);
  });
});

describe('the raw-defaults fixture on both engines', () => {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    it(`fills in the translated defaults on ${dialect}`, async () => {
      const engine = dialect === 'sqlite' ? openSqlite() : await pglite.schema('raw_defaults_fixture');
      try {
        await engine.exec(await fixtureSchema('raw-defaults', dialect));
        await engine.exec('INSERT INTO "sessions" DEFAULT VALUES; INSERT INTO "entries" DEFAULT VALUES;');
        const [session] = await engine.rows('SELECT * FROM "sessions"');
        const [entry] = await engine.rows('SELECT * FROM "entries"');
        expect(session!['id']).toMatch(UUID_V4);
        expect(session!['token']).toMatch(UUID_V4);
        expect(session!['id']).not.toBe(session!['token']);
        expect(dialect === 'sqlite' ? JSON.parse(String(session!['data'])) : session!['data']).toEqual({});
        expect(Math.abs(fromNow(session!['expires']) - 24 * HOUR)).toBeLessThan(HOUR);
        expect(Math.abs(fromNow(session!['issued']) + 1.5 * HOUR)).toBeLessThan(HOUR / 4);
        expect(session!['status']).toBe('active');
        expect(session!['attempts']).toBe(0);
        if (dialect === 'sqlite') {
          // Left out of the SQLite schema (CG2313): the nullable columns are NULL.
          expect(session!['renewal']).toBeNull();
          expect(session!['lucky']).toBeNull();
          expect(entry!['code']).toMatch(/^[0-9a-f]{16}$/);
          expect(JSON.parse(String(entry!['tags']))).toEqual([]);
        } else {
          expect(fromNow(session!['renewal'])).toBeGreaterThan(27 * 24 * HOUR);
          expect(session!['lucky']).toEqual(expect.any(Number));
          expect(entry!['code']).toBeNull();
          expect(entry!['tags']).toEqual([]);
        }
        expect(Math.abs(fromNow(entry!['at']))).toBeLessThan(HOUR);
        // The runtime's ISO form on both, not SQLite's 'YYYY-MM-DD HH:MM:SS'.
        expect(entry!['stamp']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        expect(entry!['label']).toBe('Xy');
      } finally {
        await engine.close();
      }
    });
  }
});
