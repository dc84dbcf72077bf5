/**
 * The engine-values fixture's repositories on SQLite, PGlite and a PostgreSQL server: what a
 * repository is given reads back equal on every engine, and what an engine cannot store is a
 * ValidationError naming the field on every engine (docs/crud.md), never the engine's own error.
 * One test per kind the s8 tester found (T1, T2, T4, T5, T8–T11), each with its variants; then
 * the filter and key tests of engine-filters.ts on the same generated project (one generation for
 * both: it is most of their time).
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { generate } from '../../../src/index.js';
import type { Db } from '../../../templates/crud/db.js';
import { TMP_ROOT } from '../../helpers/paths.js';
import { typecheck } from '../../helpers/typecheck.js';
import { engines, suiteDatabase, type GeneratedAdapters } from './engines.js';
import { describeFilters } from './engine-filters.js';
import { CRUD_FIXTURES, generateProject, PROJECT_COMPILE_TIMEOUT } from './generated-project.js';

type Row = Record<string, unknown>;
interface Repo {
  create(input: Row): Promise<Row>;
  update(key: unknown, patch: Row): Promise<Row | undefined>;
  findById(key: unknown): Promise<Row | undefined>;
  findMany(options?: { where?: Row; orderBy?: Row }): Promise<Row[]>;
  createMany(inputs: Row[]): Promise<Row[]>;
  count(where?: Row): Promise<number>;
}
interface Modules extends GeneratedAdapters {
  createRepositories(db: Db): { accounts: Repo; transfers: Repo; auditEvents: Repo; settings: Repo };
  ValidationError: new (...args: never[]) => Error & { issues: Array<{ path: string; code: string }> };
}

const project = await generateProject('engine-values');
const lib = await project.load<Modules>('index.ts');

it('compiles under tsc --strict, with branded keys, columns and foreign keys in filters (T4) and Dates for date-time strings (T5)', async () => {
  expect(await typecheck(project.root, ['models/**/*.ts', 'generated/**/*.ts', 'usage.ts'])).toBe('');
}, PROJECT_COMPILE_TIMEOUT);

const ENGINES = await engines();

describe.each(ENGINES)('values on $name', (engine) => {
  const database = suiteDatabase(engine, () => lib, () => project.schema(engine.dialect), ['entries', 'transfers', 'settings', 'accounts', 'audit_events', 'tickets']);
  let db: Db;
  let repos: ReturnType<Modules['createRepositories']>;
  beforeEach(() => {
    db = database.db;
    repos = lib.createRepositories(db);
  });

  let counter = 0;
  const account = (extra: Row = {}): Row => ({
    id: `acc-${(counter += 1)}`,
    email: 'a@example.com',
    balance: 100,
    stamp: new Date('2024-02-29T12:00:00.000Z'),
    externalId: '00000000-0000-4000-8000-000000000000',
    openedAt: new Date('2024-01-01T00:00:00.000Z'),
    day: '2024-02-29',
    note: null,
    labels: [],
    ...extra,
  });
  /** The ValidationError's issues of a rejected call, or the value it resolved to. */
  const issues = (promise: Promise<unknown>) =>
    promise.then(
      (value) => ({ resolved: value }),
      (error: unknown) => {
        expect(error).toBeInstanceOf(lib.ValidationError);
        return (error as InstanceType<Modules['ValidationError']>).issues.map((issue: { path: string; code: string }) => [issue.path, issue.code]);
      },
    );

  it('reads and filters by branded keys, columns and foreign keys (T4)', async () => {
    const written = account();
    const created = await repos.accounts.create(written);
    expect(created).toEqual(written);
    expect(await repos.accounts.findById(written.id)).toEqual(written);
    expect(await repos.accounts.findMany({ where: { id: written.id, balance: { gte: 100 } } })).toEqual([written]);
    const transfer = await repos.transfers.create({ accountId: written.id, amount: 5 });
    expect(await repos.transfers.findMany({ where: { accountId: written.id } })).toEqual([transfer]);
  });

  it('takes and gives a Date for a @format date-time string, as the row type says (T5)', async () => {
    const written = account();
    expect((await repos.accounts.create(written)).stamp).toEqual(written.stamp);
    const stamp = new Date('2030-05-06T07:08:09.010Z');
    expect((await repos.accounts.update(written.id, { stamp }))?.stamp).toEqual(stamp);
    expect(await issues(repos.accounts.create(account({ stamp: '2024-02-29T12:00:00Z' })))).toEqual([['/stamp', 'type']]);
  });

  it('gives a string in a TypeORM date column back as the day written, whatever the driver makes of it, and a Date as the instant (T1)', async () => {
    for (const day of ['2024-02-29', '0001-01-01', '9999-12-31', '1970-01-01']) {
      const created = await repos.auditEvents.create({ day, age: null, amount: 0 });
      expect(created.day).toBe(day);
      expect((await repos.auditEvents.findById(created.id))?.day).toBe(day);
      expect(await repos.auditEvents.findMany({ where: { day } })).toEqual([created]);
    }
    const logged = await repos.auditEvents.create({ day: '2024-01-01', age: null, amount: 0 });
    expect(logged.loggedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(logged.loggedAt as string) - Date.now())).toBeLessThan(10 * 60_000);
    const seenAt = new Date('2024-02-29T23:59:59.999Z');
    const withDate = await repos.auditEvents.create({ day: '2024-03-01', age: null, amount: 0, seenAt });
    expect((await repos.auditEvents.findById(withDate.id))?.seenAt).toEqual(seenAt);
    expect(await issues(repos.auditEvents.create({ day: '2024-02-30', age: null, amount: 0 }))).toEqual([['/day', 'format']]);
    expect(await issues(repos.auditEvents.create({ day: '2024-02-29T00:00:00Z', age: null, amount: 0 }))).toEqual([['/day', 'format']]);
  });

  it('checks integer, numeric(p, s), char(n) and time columns in the validators, so no engine refuses, rounds, pads or rewrites the value (T2)', async () => {
    const event = (extra: Row) => ({ day: '2024-01-01', age: null, amount: 0, ...extra });
    const created = await repos.auditEvents.create(event({ age: 2147483647, rank: -32768, amount: 99999999.99 }));
    expect(await repos.auditEvents.findById(created.id)).toEqual({ ...created, age: 2147483647, rank: -32768, amount: 99999999.99 });
    expect((await repos.auditEvents.create(event({ amount: -0.07 }))).amount).toBe(-0.07);
    expect(await issues(repos.auditEvents.update(created.id, { age: 1.5 }))).toEqual([['/age', 'type']]);
    expect(await issues(repos.auditEvents.create(event({ age: 2147483648 })))).toEqual([['/age', 'maximum']]);
    expect(await issues(repos.auditEvents.create(event({ rank: 32768 })))).toEqual([['/rank', 'maximum']]);
    expect(await issues(repos.auditEvents.create(event({ amount: 1e12 })))).toEqual([['/amount', 'exclusiveMaximum']]);
    expect(await issues(repos.auditEvents.create(event({ amount: -1e8 })))).toEqual([['/amount', 'exclusiveMinimum']]);
    expect(await issues(repos.auditEvents.create(event({ amount: 1.005 })))).toEqual([['/amount', 'multipleOf']]);
    expect((await repos.auditEvents.findById(created.id))?.age).toBe(2147483647);
    // char(n) and time: only what PostgreSQL gives back unchanged (no padding, no normalised time).
    for (const [country, opensAt] of [['GB', '12:00:00'], ['ü ', '23:59:59.5'], [null, '00:00:00.000001']]) {
      const stored = await repos.auditEvents.create(event({ country, opensAt }));
      expect(await repos.auditEvents.findById(stored.id)).toMatchObject({ country, opensAt });
    }
    expect(await issues(repos.auditEvents.create(event({ country: 'G', opensAt: '12:00' })))).toEqual([['/country', 'minLength'], ['/opensAt', 'pattern']]);
    expect(await issues(repos.auditEvents.create(event({ country: 'GBR', opensAt: '24:00:01' })))).toEqual([['/country', 'maxLength'], ['/opensAt', 'pattern']]);
    expect(await issues(repos.auditEvents.create(event({ opensAt: '12:00:00.50' })))).toEqual([['/opensAt', 'pattern']]);
  });

  it("reads TypeORM's string defaults on JSON-stored columns as the values they denote: '{}' on an array and jsonb, simple-array's '' and 'a,b', simple-json's text (R8), ARRAY[]::text[] (hA); simple-array and simple-json stored as TypeORM's text (T-N)", async () => {
    const defaults = { counts: [], meta: {}, names: [], pair: ['a', 'b'], extra: { n: 1 }, marks: [] };
    const created = await repos.auditEvents.create({ day: '2024-01-01', age: null, amount: 0 });
    expect(created).toMatchObject(defaults);
    expect(await repos.auditEvents.findById(created.id)).toMatchObject(defaults);
    const given = { counts: [1, -2], meta: { a: 1 }, names: ['x', 'y z'], pair: [], extra: { n: 2 } };
    const stored = await repos.auditEvents.create({ day: '2024-01-01', age: null, amount: 0, ...given });
    expect(await repos.auditEvents.findById(stored.id)).toMatchObject(given);
    // simple-array and simple-json are TypeORM's text on every engine (tester s13 T-N): the items joined by ',', JSON.stringify's text.
    const [raw] = await db.query<Row>(`SELECT "names", "pair", "extra" FROM "audit_events" WHERE "id" = ${Number(stored.id)}`);
    expect(raw).toEqual({ names: 'x,y z', pair: '', extra: '{"n":2}' });
    expect(project.schema(engine.dialect)).toContain(`"pair" ${engine.dialect === 'sqlite' ? 'TEXT' : 'text'} NOT NULL DEFAULT 'a,b'`);
  });

  it("stores a string in a json or jsonb column as a JSON string, its default too, so any text reads back as written on every engine (hA2 item 3)", async () => {
    const event = (extra: Row = {}) => ({ day: '2024-01-01', age: null, amount: 0, ...extra });
    const created = await repos.auditEvents.create(event());
    expect(created).toMatchObject({ greeting: 'hello', label: null });
    for (const text of ['not JSON {', '"quoted"', '{"a":1}', '', 'ü 🚀', '42', 'null']) {
      const stored = await repos.auditEvents.create(event({ greeting: text, label: text }));
      expect(await repos.auditEvents.findById(stored.id)).toMatchObject({ greeting: text, label: text });
    }
    const [raw] = await db.query<Row>(`SELECT "greeting" FROM "audit_events" WHERE "id" = ${Number(created.id)}`);
    // The column holds the JSON of the string: PostgreSQL's driver gives the value, SQLite the JSON text.
    expect(raw!.greeting).toBe(engine.dialect === 'sqlite' ? '"hello"' : 'hello');
    expect(project.schema(engine.dialect)).toContain(`"greeting" ${engine.dialect === 'sqlite' ? 'TEXT' : 'jsonb'} NOT NULL DEFAULT '"hello"'`);
  });

  it('gives back Dates of the years 0001-0099 and 9999 as written (T8)', async () => {
    for (const iso of ['0001-01-01T00:00:00.000Z', '0099-12-31T23:59:59.999Z', '0100-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z']) {
      const written = account({ openedAt: new Date(iso), stamp: new Date(iso) });
      expect(await repos.accounts.create(written)).toEqual(written);
      expect((await repos.accounts.findById(written.id))?.openedAt).toEqual(new Date(iso));
    }
    const ordered = await repos.accounts.findMany({ orderBy: { openedAt: 'asc' } });
    expect(ordered.map((row) => (row.openedAt as Date).toISOString().slice(0, 4))).toEqual(['0001', '0099', '0100', '9999']);
  });

  it("gives back a Date of 1850 as written when PostgreSQL's session TimeZone prints it with a seconds offset (tester s14 T-3)", async () => {
    if (engine.dialect !== 'postgres') return;
    // Before New York's standard time PostgreSQL prints local mean time, -04:56:02, which `new Date` refuses:
    // create() stored the row and then threw "cannot decode … as a timestamp". SET LOCAL ends with the transaction.
    const written = account({ openedAt: new Date('1850-01-01T00:00:00.000Z'), stamp: new Date('1850-01-01T00:00:00.500Z') });
    await db.transaction(async (tx) => {
      await tx.exec("SET LOCAL TIME ZONE 'America/New_York'");
      const local = lib.createRepositories(tx);
      expect(await local.accounts.create(written)).toEqual(written);
      expect(await local.accounts.findById(written.id)).toEqual(written);
      expect(await local.accounts.findMany({ where: { openedAt: new Date('1850-01-01T00:00:00.000Z') } })).toEqual([written]);
      const [text] = await tx.query<{ at: string }>('SELECT max("opened_at")::text AS "at" FROM "accounts"');
      expect(text?.at).toBe('1849-12-31 19:03:58-04:56:02');
    });
  });

  it.each([
    ['America/New_York', '0001-01-01T00:00:00.000Z'],
    ['Pacific/Kiritimati', '0001-01-01T00:00:00.000Z'],
    ['Asia/Tokyo', '9999-12-31T23:59:59.999Z'],
    ['Pacific/Kiritimati', '9999-12-31T23:59:59.999Z'],
  ])("reads the edge hours of 0001-9999 whatever the session's TimeZone (%s: %s, tester4 F0a)", async (zone, iso) => {
    if (engine.dialect !== 'postgres') return;
    // PostgreSQL prints these instants in the zone's local time as '0001-12-31 19:03:58-04:56:02 BC' or
    // '10000-01-01 08:59:59.999+09': create() stored the row, then threw "cannot decode … as a timestamp".
    const written = account({ openedAt: new Date(iso), stamp: new Date(iso) });
    await db.transaction(async (tx) => {
      await tx.exec(`SET LOCAL TIME ZONE '${zone}'`);
      const local = lib.createRepositories(tx);
      expect(await local.accounts.create(written)).toEqual(written);
      expect(await local.accounts.findById(written.id)).toEqual(written);
      expect(await local.accounts.findMany({ where: { openedAt: new Date(iso) } })).toEqual([written]);
      expect(await local.accounts.update(written.id, { note: 'x' })).toEqual({ ...written, note: 'x' });
    });
  });

  it.each(['SQL, DMY', 'German', 'Postgres, MDY', 'ISO, DMY'])("reads timestamps and dates whatever the session's DateStyle (%s, tester4 F0b)", async (style) => {
    if (engine.dialect !== 'postgres') return;
    // Under 'SQL, DMY' the server prints '31/12/1849 23:59:59.999 UTC' and '29/02/2024': every read threw.
    const written = account({ openedAt: new Date('1849-12-31T23:59:59.999Z'), day: '0001-01-01' });
    const other = account({ day: '9999-12-31' });
    await db.transaction(async (tx) => {
      await tx.exec(`SET LOCAL DateStyle = '${style}'; SET LOCAL TIME ZONE 'Europe/Berlin'`);
      const local = lib.createRepositories(tx);
      expect(await local.accounts.create(written)).toEqual(written);
      expect(await local.accounts.createMany([other])).toEqual([other]);
      expect(await local.accounts.findMany({ orderBy: { day: 'asc' } })).toEqual([written, other]);
      expect(await local.accounts.findMany({ where: { day: '0001-01-01', openedAt: { lt: new Date('1850-01-01T00:00:00.000Z') } } })).toEqual([written]);
    });
  });

  it('refuses a stored timestamp or date outside 0001-9999 showing the text, in any TimeZone (tester4 F0a, F6)', async () => {
    if (engine.dialect !== 'postgres') return;
    const written = account();
    await repos.accounts.create(written);
    await db.transaction(async (tx) => {
      await tx.exec("SET LOCAL TIME ZONE 'America/New_York'");
      const local = lib.createRepositories(tx);
      await tx.query(`UPDATE "accounts" SET "opened_at" = '0001-01-01T00:00:00Z'::timestamptz - interval '1 ms'`);
      await expect(local.accounts.findById(written.id)).rejects.toThrow(/"0001-12-31T19:03:57.999-04:56:02 BC" as a timestamp/);
      await tx.query(`UPDATE "accounts" SET "opened_at" = 'infinity'`);
      await expect(local.accounts.findById(written.id)).rejects.toThrow(/"infinity" as a timestamp/);
      await tx.query(`UPDATE "accounts" SET "opened_at" = now(), "day" = '0044-03-15 BC'`);
      await expect(local.accounts.findById(written.id)).rejects.toThrow(/"0044-03-15 BC" as a date/);
      await tx.query(`UPDATE "accounts" SET "day" = '2024-02-29'`);
    });
  });

  it('keeps a create whose stored row cannot be read, unless it runs in a transaction, as crud.md says (tester4 F5b)', async () => {
    if (engine.dialect !== 'postgres') return;
    // A value the database makes that the row type has no room for (here a trigger's; an int64 key past 2^53 alike).
    await db.exec(
      `CREATE FUNCTION h7_infinity() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW."opened_at" := 'infinity'; RETURN NEW; END $$;
       CREATE TRIGGER h7_infinity BEFORE INSERT ON "accounts" FOR EACH ROW EXECUTE FUNCTION h7_infinity();`,
    );
    try {
      const kept = account();
      await expect(repos.accounts.create(kept)).rejects.toThrow(`accounts.openedAt: cannot decode "infinity" as a timestamp (an instant of the years 0001 to 9999) (row id ${String(kept.id)})`);
      expect(await repos.accounts.count({ id: kept.id })).toBe(1);
      const undone = account();
      await expect(db.transaction((tx) => lib.createRepositories(tx).accounts.create(undone))).rejects.toThrow('"infinity" as a timestamp');
      expect(await repos.accounts.count({ id: undone.id })).toBe(0);
    } finally {
      await db.exec('DROP TRIGGER h7_infinity ON "accounts"; DROP FUNCTION h7_infinity(); DELETE FROM "accounts"');
    }
  });

  it('refuses Dates outside the years 0001-9999 alike, as no engine stores and orders them (T9)', async () => {
    expect(await issues(repos.accounts.create(account({ openedAt: new Date('+010000-01-01T00:00:00Z') })))).toEqual([['/openedAt', 'maximum']]);
    expect(await issues(repos.accounts.create(account({ stamp: new Date('-000001-01-01T00:00:00Z') })))).toEqual([['/stamp', 'minimum']]);
    expect(await issues(repos.accounts.create(account({ stamp: new Date('0000-12-31T23:59:59.999Z') })))).toEqual([['/stamp', 'minimum']]);
    const written = account();
    await repos.accounts.create(written);
    expect(await issues(repos.accounts.update(written.id, { openedAt: new Date(253402300800000) }))).toEqual([['/openedAt', 'maximum']]);
    expect(await repos.accounts.findMany()).toEqual([written]);
  });

  it('stores a uuid in lower case, and finds it by either case (T10)', async () => {
    const upper = 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11';
    const written = account({ externalId: upper });
    expect((await repos.accounts.create(written)).externalId).toBe(upper.toLowerCase());
    expect(await repos.accounts.findMany({ where: { externalId: upper } })).toHaveLength(1);
    expect(await repos.accounts.findMany({ where: { externalId: upper.toLowerCase() } })).toHaveLength(1);
    expect(await repos.accounts.findMany({ where: { externalId: { in: [upper] } } })).toHaveLength(1);
  });

  it('reads fields and joined fields whose names are longer than 63 bytes (T18)', async () => {
    const owner = account();
    await repos.accounts.create(owner);
    const long = 'theMaximumNumberOfConcurrentConnectionsAllowedPerTenantBeforeThrottling';
    const written = { id: 1, [long]: 1, [`${long}KicksIn`]: 2, 'ünïcödéünïcödéünïcödéünïcödéünïcödéünïcödé': 'u', theAccountWhoseTenantOwnsThisSettingAndPaysForEveryConnectionId: owner.id };
    expect(await repos.settings.create(written)).toEqual(written);
    expect(await repos.settings.findMany()).toEqual([written]);
    const { settingSql } = await project.load<{ settingSql(dialect: string): { select(options: object): { text: string; values: readonly unknown[] }; decode(row: Row): Row } }>('accounts.sql.ts');
    const sql = settingSql(engine.dialect);
    const query = sql.select({ join: { theAccountWhoseTenantOwnsThisSettingAndPaysForEveryConnection: true } });
    const [joined] = (await db.query<Row>(query.text, query.values)).map((row) => sql.decode(row));
    expect(joined).toEqual({ ...written, theAccountWhoseTenantOwnsThisSettingAndPaysForEveryConnection: owner });
  });

  it('refuses a NUL character in text and anywhere in JSON alike (T11)', async () => {
    expect(await issues(repos.accounts.create(account({ email: 'a\u0000b', note: 'x\u0000', labels: ['ok', 'n\u0000'] })))).toEqual([
      ['/email', 'pattern'],
      ['/note', 'pattern'],
      ['/labels/1', 'pattern'],
    ]);
    const written = account();
    await repos.accounts.create(written);
    expect(await issues(repos.accounts.update(written.id, { note: '\u0000' }))).toEqual([['/note', 'pattern']]);
    expect(await issues(repos.auditEvents.create({ day: '2024-01-01\u0000', age: null, amount: 0 }))).toEqual([['/day', 'format']]);
    expect(await repos.accounts.findMany()).toEqual([written]);
  });

  it('refuses a lone UTF-16 surrogate in text and anywhere in JSON, keys included, alike; a pair is stored as written (tester s11 T2)', async () => {
    expect(await issues(repos.accounts.create(account({ email: 'a\uD800b', note: 'x\uDC00', labels: ['ok', '\uDE00\uD83D'] })))).toEqual([
      ['/email', 'pattern'],
      ['/note', 'pattern'],
      ['/labels/1', 'pattern'],
    ]);
    const written = account({ note: 'a\uD83D\uDE00b', labels: ['\uD83D\uDE00'] });
    await repos.accounts.create(written);
    expect(await issues(repos.accounts.update(written.id, { note: '\uD800' }))).toEqual([['/note', 'pattern']]);
    const event = { day: '2024-01-01', age: null, amount: 0 };
    expect(await issues(repos.auditEvents.create({ ...event, meta: { ['\uD800']: 1, ok: 2 } }))).toEqual([['/meta/\uD800', 'pattern']]);
    expect(await issues(repos.accounts.createMany([account(), account({ note: 'b\uDBFF' })]))).toEqual([['/1/note', 'pattern']]);
    expect(await repos.accounts.findMany()).toEqual([written]);
    expect(await repos.auditEvents.count()).toBe(0);
  });
});

describe('JSON columns whose type JSON text cannot give back (T6)', () => {
  it('are refused at generate time, located at each property, with what to write instead', async () => {
    const root = mkdtempSync(join(TMP_ROOT, 'crud-json-values-'));
    cpSync(join(CRUD_FIXTURES, 'json-values'), root, { recursive: true });
    const result = await generate({ cwd: root, format: false });
    expect(result.exitCode).not.toBe(0);
    const found = result.diagnostics.filter((d) => d.code === 'CG2301').map((d) => [d.line, d.severity, d.message.replace(/^.*?: .*?: /, '')]);
    expect(found).toEqual([
      [10, 'error', expect.stringContaining('holds a Date')],
      [11, 'error', expect.stringContaining('holds a Date')],
      [12, 'error', expect.stringContaining('holds a Set (Set<string>)')],
      [13, 'error', expect.stringContaining('holds a Map (Map<string, number>)')],
      [14, 'error', expect.stringContaining('holds a URL')],
      [15, 'error', expect.stringContaining('holds a Date')],
      // @dbType jsonb makes the column JSON whatever the property's type (hA2 item 3).
      [19, 'error', expect.stringContaining('holds a Date')],
    ]);
    expect(result.diagnostics.find((d) => d.code === 'CG2301')?.hint).toContain('@format date-time');
    // A TypeORM embedded entity (T3) is JSON that round-trips, but not TypeORM's column layout: a warning says so.
    const embedded = result.diagnostics.filter((d) => d.file?.endsWith('embedded.ts'));
    expect(embedded.map((d) => [d.code, d.severity, d.line])).toEqual([['CG2104', 'warning', 14]]);
    expect(embedded[0]!.message).toContain("TypeORM's embedded columns");
  });
});

await describeFilters(project, ENGINES);
