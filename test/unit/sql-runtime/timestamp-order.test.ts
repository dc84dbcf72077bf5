/**
 * Timestamps on SQLite compare, sort and page as the instants they are read as (tester4 F4).
 * The column is TEXT, and other programs write it in other forms than the repository's
 * `'2024-01-01T08:00:00.000Z'`: an offset (`'2024-01-01T10:00:00+02:00'`), SQLite's own
 * `'2024-01-01 10:00:00'`, TypeORM's `'2024-01-01 10:00:00.000'`, Python's microseconds. The
 * read takes them all (`parseTimestamp`); before this, filters and ORDER BY compared the text, so
 * `orderBy: asc` put 10:00Z, 09:30Z, 08:00Z in that order, `gte: 09:00Z` returned the 08:00Z row
 * and `eq: 08:00Z` missed it. PostgreSQL stores instants (timestamptz) and is not concerned.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { timestampOrderKey, timestampOrderSql } from '../../../templates/sql/sql-context.js';
import { createTableSql, isoString, parseTimestamp, SqlBuilderError, type TableMeta } from '../../../templates/sql/sql-runtime.js';

interface EventRow {
  id: number;
  code: string;
  at: Date;
  seen: Date | null;
}

const events: TableMeta<EventRow> = {
  table: 'events',
  columns: {
    id: { name: 'id', codec: 'integer', nullable: false },
    code: { name: 'code', codec: 'text', nullable: false },
    at: { name: 'at', codec: 'timestamp', nullable: false },
    seen: { name: 'seen', codec: 'timestamp', nullable: true },
  },
  primaryKey: ['id'],
  uniques: {},
  relations: {},
};

/** The same table as TypeORM's entity makes it: its Date columns hold TypeORM's datetime text. */
const typeormEvents: TableMeta<EventRow> = {
  ...events,
  columns: { ...events.columns, at: { name: 'at', codec: 'timestamp', nullable: false, datetimeText: true } },
};

/** A deterministic generator (mulberry32): the same texts on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** A text of an instant in one of the forms `parseTimestamp` reads, chosen by `next`. */
function someText(next: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const day = `${pad(1 + Math.floor(next() * 9998), 4)}-${pad(1 + Math.floor(next() * 12))}-${pad(1 + Math.floor(next() * 28))}`;
  if (next() < 0.05) return day;
  const separator = pick(['T', ' ', 't']);
  let time = `${pad(Math.floor(next() * 24))}:${pad(Math.floor(next() * 60))}`;
  if (next() < 0.8) time += `:${pad(Math.floor(next() * 60))}`;
  if (time.length === 8 && next() < 0.7) time += `.${Array.from({ length: 1 + Math.floor(next() * 9) }, () => Math.floor(next() * 10)).join('')}`;
  const hours = pad(Math.floor(next() * 15));
  const minutes = pick(['00', '30', '45', pad(Math.floor(next() * 60))]);
  const seconds = pad(Math.floor(next() * 60));
  const sign = pick(['+', '-']);
  const zone = pick(['', 'Z', 'z', `${sign}${hours}`, `${sign}${hours}${minutes}`, `${sign}${hours}:${minutes}`, `${sign}${hours}:${minutes}:${seconds}`, `${sign}${hours}${minutes}${seconds}`]);
  return `${day}${separator}${time}${zone}`;
}

describe('timestampOrderSql: the instant of every text the read takes, in SQLite', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
  });
  afterEach(() => db.close());

  it('gives the ISO text of the instant parseTimestamp reads, milliseconds cut as V8 cuts them', () => {
    const next = random(16);
    const texts = [
      '2024-01-01T10:00:00+02:00',
      '2024-01-01 10:00:00',
      '2024-07-07 10:00:00.000',
      '2024-01-01T10:00:00.123456+00:00',
      '2024-01-01T10:00:00.1239Z',
      '2024-01-01T23:59:59.9999-01',
      '1849-12-31 19:03:58-04:56:02',
      '0001-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
      '2024-01-02',
      '2024-01-02t03:04z',
      // 23 and 19 characters, zoneless UTC or not: the string-function path must tell them apart.
      '2024-01-01 10:00:00.12Z',
      '2024-01-01 10:00:00.1-01',
      '2024-01-01T10:00:00.999',
      '2024-01-01T10:00:00',
      '2024-01-01 10:00+02:00',
      '2024-01-01 10:00:00+02',
      ...Array.from({ length: 2000 }, () => someText(next)),
    ];
    const instants = texts.map((text) => [text, parseTimestamp(text)] as const).filter(([, date]) => !Number.isNaN(date.getTime()));
    expect(instants.length).toBeGreaterThan(1900);
    const key = db.prepare(`SELECT ${timestampOrderSql('v')} AS k FROM (SELECT ? AS v)`).pluck();
    for (const [text, date] of instants) {
      expect([text, key.get(text)]).toEqual([text, isoString(date)]);
      expect(timestampOrderKey(text)).toBe(isoString(date));
    }
  });

  it('keeps NULL NULL', () => {
    expect(db.prepare(`SELECT ${timestampOrderSql('v')} AS k FROM (SELECT ? AS v)`).pluck().get(null)).toBeNull();
  });

  it('timestampOrderKey refuses a text that names no instant, naming the column', () => {
    expect(() => timestampOrderKey('2024-02-30', 'events.at')).toThrow(new SqlBuilderError('events.at: "2024-02-30" is no timestamp to compare with'));
  });
});

describe('filters, orderBy and after on rows other programs wrote', () => {
  let db: Database.Database;
  const sql = createTableSql(events, 'sqlite');
  const all = (query: { text: string; values: readonly unknown[] }): EventRow[] =>
    (db.prepare(query.text).all(...query.values) as Record<string, unknown>[]).map((row) => sql.decode(row) as EventRow);
  const codes = (query: { text: string; values: readonly unknown[] }): string[] => all(query).map((row) => row.code);
  const at = (time: string): Date => new Date(`2024-01-01T${time}Z`);

  beforeEach(() => {
    db = new Database(':memory:');
    db.exec('CREATE TABLE events (id INTEGER PRIMARY KEY, code TEXT NOT NULL, at TEXT NOT NULL, seen TEXT) STRICT');
    // The tester's rows: 08:00Z with an offset, 10:00Z with a space, the repository's 09:30Z.
    const insert = db.prepare('INSERT INTO events (id, code, at, seen) VALUES (?, ?, ?, ?)');
    insert.run(1, 'offset', '2024-01-01T10:00:00+02:00', '2024-01-01 08:00:00.000');
    insert.run(2, 'space', '2024-01-01 10:00:00', null);
    insert.run(3, 'canon', '2024-01-01T09:30:00.000Z', '2024-01-01T06:00:00-03');
    const [row] = db.prepare('SELECT * FROM events').all() as Record<string, unknown>[];
    expect(sql.decode(row!)).toMatchObject({ at: at('08:00:00') });
  });
  afterEach(() => db.close());

  it('orders by the instant, both ways', () => {
    expect(codes(sql.select({ orderBy: { at: 'asc' } }))).toEqual(['offset', 'canon', 'space']);
    expect(codes(sql.select({ orderBy: { at: 'desc' } }))).toEqual(['space', 'canon', 'offset']);
    // 08:00Z as TypeORM's text and 06:00-03 (09:00Z); NULL last ascending, as on PostgreSQL.
    expect(codes(sql.select({ orderBy: [{ seen: 'asc' }] }))).toEqual(['offset', 'canon', 'space']);
  });

  it('compares with gt, gte, lt and lte as instants', () => {
    expect(codes(sql.select({ where: { at: { gte: at('09:00:00') } }, orderBy: { id: 'asc' } }))).toEqual(['space', 'canon']);
    expect(codes(sql.select({ where: { at: { gt: at('08:00:00'), lt: at('10:00:00') } } }))).toEqual(['canon']);
    expect(codes(sql.select({ where: { at: { lte: at('08:00:00') } } }))).toEqual(['offset']);
    expect(codes(sql.select({ where: { seen: { gt: at('08:30:00') } } }))).toEqual(['canon']);
  });

  it('finds a row by the instant it reads as with eq, ne, in and notIn', () => {
    expect(codes(sql.select({ where: { at: at('08:00:00') } }))).toEqual(['offset']);
    expect(codes(sql.select({ where: { at: { eq: at('10:00:00') } } }))).toEqual(['space']);
    expect(codes(sql.select({ where: { at: { ne: at('10:00:00') } }, orderBy: { id: 'asc' } }))).toEqual(['offset', 'canon']);
    expect(codes(sql.select({ where: { at: { in: [at('08:00:00'), at('10:00:00')] } }, orderBy: { id: 'asc' } }))).toEqual(['offset', 'space']);
    expect(codes(sql.select({ where: { at: { notIn: [at('08:00:00'), at('10:00:00')] } } }))).toEqual(['canon']);
    expect(codes(sql.select({ where: { seen: at('09:00:00') } }))).toEqual(['canon']);
    expect(all(sql.select({ where: { at: at('08:00:00') } }))[0]!.at).toEqual(at('08:00:00'));
  });

  it('pages after a cursor in time order, and counts and deletes as it filters', () => {
    const [first] = all(sql.select({ orderBy: { at: 'asc' }, limit: 1 }));
    expect(first!.code).toBe('offset');
    expect(codes(sql.select({ orderBy: { at: 'asc' }, after: first }))).toEqual(['canon', 'space']);
    const [last] = all(sql.select({ orderBy: [{ seen: 'desc' }, { id: 'asc' }], limit: 1 }));
    expect(codes(sql.select({ orderBy: [{ seen: 'desc' }, { id: 'asc' }], after: last }))).toEqual(['canon', 'offset']);
    const count = sql.count({ at: { lt: at('09:00:00') } });
    expect(db.prepare(count.text).get(...count.values)).toEqual({ count: 1 });
    const removed = sql.delete({ where: { at: { lt: at('09:00:00') } } });
    expect(db.prepare(removed.text).run(...removed.values).changes).toBe(1);
    expect(codes(sql.select({ orderBy: { id: 'asc' } }))).toEqual(['space', 'canon']);
  });

  it("keeps TypeORM's datetime text in order beside other forms (textForm 'datetime')", () => {
    const typeorm = createTableSql(typeormEvents, 'sqlite');
    const insert = typeorm.insert([{ id: 4, code: 'typeorm', at: at('08:30:00'), seen: null }]);
    db.prepare(insert.text).run(...insert.values);
    expect(db.prepare('SELECT at FROM events WHERE id = 4').pluck().get()).toBe('2024-01-01 08:30:00.000');
    const codesOf = (query: { text: string; values: readonly unknown[] }): string[] =>
      (db.prepare(query.text).all(...query.values) as Record<string, unknown>[]).map((row) => (typeorm.decode(row) as EventRow).code);
    expect(codesOf(typeorm.select({ orderBy: { at: 'asc' } }))).toEqual(['offset', 'typeorm', 'canon', 'space']);
    expect(codesOf(typeorm.select({ where: { at: at('08:30:00') } }))).toEqual(['typeorm']);
    expect(codesOf(typeorm.select({ where: { at: { gte: at('08:00:00'), lt: at('09:30:00') } }, orderBy: { at: 'desc' } }))).toEqual(['typeorm', 'offset']);
  });

  it('keeps the repository’s own rows on the short path: no strftime for its text, nor for zoneless text with seconds', () => {
    const { text } = sql.select({ where: { at: { gt: at('08:00:00') } } });
    expect(text).toContain(`length("at") = 24 AND substr("at", 11, 1) = 'T' AND substr("at", 24, 1) = 'Z' THEN "at" WHEN length("at") = 23`);
    expect(text).toContain(`THEN substr("at", 1, 10) || 'T' || substr("at", 12) || '.000Z' ELSE`);
  });
});
