/**
 * The repository's own timestamps at each precision a column keeps (recheck s9 R6): the
 * `@updatedAt` stamps it writes and the now() defaults the schema gives are rounded as PostgreSQL
 * rounds into `timestamptz(p)` (a half away from 2000-01-01, not truncation), on SQLite too, and
 * cut to the milliseconds of a Date where PostgreSQL would keep microseconds. So a row read back
 * on any engine is a value the repository takes again as a filter, key or update value, and
 * SQLite, PGlite and PostgreSQL give equal rows.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../templates/crud/db.js';
import { atPrecision } from '../../../templates/crud/repository-values.js';
import { sqliteNowIso } from '../../../src/generators/sql/schema/now-sql.js';
import { timestampText } from '../../../src/generators/sql/schema/sql-text.js';
import { engines, suiteDatabase, type GeneratedAdapters } from './engines.js';
import { generateProject } from './generated-project.js';

type Row = Record<string, unknown>;
interface Repo {
  create(input: Row): Promise<Row>;
  update(key: unknown, patch: Row): Promise<Row | undefined>;
  updateMany(where: Row, patch: Row): Promise<number>;
  upsert(input: Row): Promise<Row>;
  findById(key: unknown): Promise<Row | undefined>;
  findMany(options?: { where?: Row }): Promise<Row[]>;
  count(where?: Row): Promise<number>;
}
interface Modules extends GeneratedAdapters {
  createRepositories(db: Db): { stamps: Repo; notes: Repo; fixeds: Repo };
}

/** The decimals of a second each field keeps: 3 where the column keeps a Date's milliseconds or more. */
const STAMP_DIGITS: Record<string, number> = { created0: 0, updated0: 0, created1: 1, updated1: 1, created2: 2, updated2: 2, created3: 3, updated6: 3, created: 3, updated: 3, default0: 0, default1: 1, later2: 2, earlier: 3, defaultPlain: 3 };
const NOTE_DIGITS: Record<string, number> = { createdAt: 0, updatedAt: 1, seenAt: 2, touchedAt: 3 };

describe('atPrecision and the SQLite default round as PostgreSQL rounds into timestamptz(p)', () => {
  // Each checked against a PostgreSQL 15 server ('…'::timestamptz(p)): a half goes away from 2000-01-01.
  const cases: Array<[string, number, string]> = [
    ['2024-01-01T00:00:00.500Z', 0, '2024-01-01T00:00:01.000Z'],
    ['2024-01-01T00:00:00.499Z', 0, '2024-01-01T00:00:00.000Z'],
    ['1999-12-31T23:59:59.500Z', 0, '1999-12-31T23:59:59.000Z'],
    ['1999-12-31T23:59:59.501Z', 0, '2000-01-01T00:00:00.000Z'],
    ['1969-12-31T23:59:59.500Z', 0, '1969-12-31T23:59:59.000Z'],
    ['1999-12-31T23:59:59.250Z', 1, '1999-12-31T23:59:59.200Z'],
    ['2000-01-01T00:00:00.250Z', 1, '2000-01-01T00:00:00.300Z'],
    ['2000-01-01T00:00:00.005Z', 2, '2000-01-01T00:00:00.010Z'],
    ['1999-12-31T23:59:59.995Z', 2, '1999-12-31T23:59:59.990Z'],
    ['2026-12-31T23:59:59.995Z', 2, '2027-01-01T00:00:00.000Z'],
    ['0001-01-01T00:00:00.500Z', 0, '0001-01-01T00:00:00.000Z'],
    ['2024-02-29T12:34:56.789Z', 3, '2024-02-29T12:34:56.789Z'],
  ];
  it.each(cases)('%s at %i decimals is %s', (iso, digits, expected) => {
    expect(atPrecision(new Date(iso), digits).toISOString()).toBe(expected);
    // The SQLite default's arithmetic, at the same instant in place of 'now'.
    const sqlite = new Database(':memory:');
    const text = sqlite.prepare(`SELECT ${sqliteNowIso(digits).replaceAll("'now'", `'${iso}'`)} AS t`).get() as { t: string };
    sqlite.close();
    expect(text.t).toBe(expected);
  });
});

describe('a timestamp default written as text is the instant the runtime writes, or refused (CG2305)', () => {
  it.each([
    ['2024-01-01T00:00:01Z', 0, '2024-01-01T00:00:01.000Z'],
    ['2024-01-01 00:00:00', undefined, '2024-01-01T00:00:00.000Z'],
    ['2024-01-01', undefined, '2024-01-01T00:00:00.000Z'],
    ['2024-01-01T00:00:00.123000+02:00', undefined, '2023-12-31T22:00:00.123Z'],
    ['2024-01-01 05:30:00.5-0530', 1, '2024-01-01T11:00:00.500Z'],
    // Finer than the column keeps: PostgreSQL would round, SQLite keep the text.
    ['2024-01-01T00:00:00.567Z', 0, undefined],
    ['2024-01-01T00:00:00.55Z', 1, undefined],
    ['2024-01-01T00:00:00.123456Z', undefined, undefined],
    ['2024-01-01T00:00:00.123456Z', 6, undefined],
    ['now', undefined, undefined],
    ['10000-01-01T00:00:00Z', undefined, undefined],
  ])('%s at %s decimals', (text, fraction, expected) => {
    expect(timestampText(text, fraction)).toBe(expected);
  });
});

const project = await generateProject('stamps');
const lib = await project.load<Modules>('index.ts');

it('gives each stamp and now() default its column precision in the schema', () => {
  const postgres = project.schema('postgres');
  const sqlite = project.schema('sqlite');
  // A precision without a type is TypeORM's; PostgreSQL rounds now() into a column keeping fewer decimals than a Date, and a default is cut to ms where it keeps more.
  for (const line of [
    '"created0" timestamptz(0) NOT NULL DEFAULT now()',
    '"created2" timestamptz(2) NOT NULL DEFAULT now()',
    '"created3" timestamptz(3) NOT NULL DEFAULT now()',
    '"updated6" timestamp(6) with time zone NOT NULL DEFAULT (now()::timestamptz(3))',
    '"created" timestamptz NOT NULL DEFAULT (now()::timestamptz(3))',
    `"later2" timestamptz(2) NOT NULL DEFAULT (now() + interval '1 day')`,
    `"earlier" timestamptz NOT NULL DEFAULT ((now() - interval '90 minutes')::timestamptz(3))`,
  ]) {
    expect(postgres).toContain(line);
  }
  expect(sqlite).toContain(`"created0" TEXT NOT NULL DEFAULT (${sqliteNowIso(0)})`);
  expect(sqlite).toContain(`"later2" TEXT NOT NULL DEFAULT (${sqliteNowIso(2, ["'+1 days'"])})`);
  expect(sqlite).toContain(`"created" TEXT NOT NULL DEFAULT (${sqliteNowIso(undefined)})`);
});

const ENGINES = await engines();

describe.each(ENGINES)('stamps on $name', (engine) => {
  const database = suiteDatabase(engine, () => lib, () => project.schema(engine.dialect), ['stamps', 'notes', 'fixed']);
  let db: Db;
  let repos: ReturnType<Modules['createRepositories']>;
  beforeEach(() => {
    db = database.db;
    repos = lib.createRepositories(db);
  });
  afterEach(async () => {
    vi.useRealTimers();
    // PGlite's PostgreSQL reads the JavaScript clock, so it saw the faked instants too: its
    // statistics flush is then due "in 2030", and its idle timer re-arms every millisecond until
    // then (a TimeoutOverflowWarning each time, for the rest of the worker's life, across later
    // test files). Forcing the flush now, at the real time, disarms that timer.
    if (engine.name === 'PGlite') await db.exec('SELECT pg_stat_force_next_flush()');
  });

  /** Each stamp of `row` holds no more decimals than its column keeps, and finds `row` as a filter value. */
  async function takesItsOwnStamps(repo: Repo, row: Row, digits: Record<string, number>): Promise<void> {
    for (const [field, kept] of Object.entries(digits)) {
      const value = row[field] as Date;
      expect(value, field).toBeInstanceOf(Date);
      expect(value.getTime() % 10 ** (3 - kept), `${field} ${value.toISOString()}`).toBe(0);
      expect(await repo.findMany({ where: { [field]: value } }), field).toEqual([row]);
      expect(await repo.count({ [field]: { in: [value] } }), field).toBe(1);
    }
    expect(await repo.findById(row.id)).toEqual(row);
  }

  it('creates rows whose default stamps are values their columns keep, found again by each', async () => {
    const before = Date.now();
    const stamp = await repos.stamps.create({ name: 'a' });
    await takesItsOwnStamps(repos.stamps, stamp, STAMP_DIGITS);
    expect(Math.abs((stamp.created as Date).getTime() - before)).toBeLessThan(60_000);
    expect(Math.abs((stamp.later2 as Date).getTime() - before - 86_400_000)).toBeLessThan(60_000);
    expect(Math.abs((stamp.earlier as Date).getTime() - before + 5_400_000)).toBeLessThan(60_000);
    const note = await repos.notes.create({ text: 'n' });
    await takesItsOwnStamps(repos.notes, note, NOTE_DIGITS);
  });

  it("writes fixed defaults as the runtime's text, and CURRENT_DATE and CURRENT_TIME in UTC, whatever PostgreSQL's session zone", async () => {
    // PGlite is one connection: its session zone can be moved far from UTC (the server's pool keeps its own).
    if (engine.name === 'PGlite') await db.exec("SET TimeZone = 'Pacific/Kiritimati'");
    try {
      const today = new Date().toISOString().slice(0, 10);
      const row = await repos.fixeds.create({});
      expect(row).toMatchObject({
        second: new Date('2024-01-01T00:00:01.000Z'),
        zoneless: new Date('2024-01-01T00:00:00.000Z'),
        offset: new Date('2023-12-31T22:00:00.123Z'),
        tenths: new Date('1999-12-31T23:59:59.500Z'),
      });
      expect([today, new Date().toISOString().slice(0, 10)]).toContain(row.day);
      expect(row.clock).toMatch(/^\d\d:\d\d:\d\d$/);
      const seconds = (text: string) => Number(text.slice(0, 2)) * 3600 + Number(text.slice(3, 5)) * 60 + Number(text.slice(6, 8));
      const drift = Math.abs(seconds(row.clock as string) - seconds(new Date().toISOString().slice(11, 19)));
      expect(Math.min(drift, 86_400 - drift)).toBeLessThan(120);
      for (const field of ['second', 'zoneless', 'offset', 'tenths', 'clock', 'day']) {
        expect(await repos.fixeds.findMany({ where: { [field]: row[field] } }), field).toEqual([row]);
      }
    } finally {
      if (engine.name === 'PGlite') await db.exec('SET TimeZone = DEFAULT');
    }
  });

  it('stamps updates, updateMany and upsert with the same rounded instant on every engine', async () => {
    const stamp = await repos.stamps.create({ name: 'a' });
    const note = await repos.notes.create({ text: 'n' });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-06-15T08:00:00.500Z'));
    const updated = await repos.stamps.update(stamp.id, { name: 'b' });
    expect(updated).toMatchObject({
      updated0: new Date('2030-06-15T08:00:01.000Z'),
      updated1: new Date('2030-06-15T08:00:00.500Z'),
      updated2: new Date('2030-06-15T08:00:00.500Z'),
      updated6: new Date('2030-06-15T08:00:00.500Z'),
      updated: new Date('2030-06-15T08:00:00.500Z'),
    });
    await takesItsOwnStamps(repos.stamps, updated!, STAMP_DIGITS);
    vi.setSystemTime(new Date('2030-06-15T08:00:00.449Z'));
    const touched = await repos.notes.update(note.id, { text: 'm' });
    expect(touched).toMatchObject({ updatedAt: new Date('2030-06-15T08:00:00.400Z'), touchedAt: new Date('2030-06-15T08:00:00.449Z'), createdAt: note.createdAt });
    await takesItsOwnStamps(repos.notes, touched!, NOTE_DIGITS);
    vi.setSystemTime(new Date('1999-12-31T23:59:59.995Z'));
    expect(await repos.stamps.updateMany({ updated0: updated!.updated0 }, { name: 'c' })).toBe(1);
    const many = (await repos.stamps.findById(stamp.id))!;
    expect(many).toMatchObject({ updated0: new Date('2000-01-01T00:00:00.000Z'), updated1: new Date('2000-01-01T00:00:00.000Z'), updated2: new Date('1999-12-31T23:59:59.990Z'), updated: new Date('1999-12-31T23:59:59.995Z') });
    await takesItsOwnStamps(repos.stamps, many, STAMP_DIGITS);
    vi.setSystemTime(new Date('2030-06-15T08:00:00.050Z'));
    const upserted = await repos.stamps.upsert({ name: 'c' });
    expect(upserted).toMatchObject({ id: stamp.id, name: 'c', updated0: new Date('2030-06-15T08:00:00.000Z'), updated1: new Date('2030-06-15T08:00:00.100Z'), updated2: new Date('2030-06-15T08:00:00.050Z') });
    await takesItsOwnStamps(repos.stamps, upserted, STAMP_DIGITS);
  });
});
