/**
 * codegen's own tables hold a SQLite timestamp or date in the runtime's text only, so the
 * repositories compare, sort and page those columns by the column itself and its index serves
 * them (issue 9: since b5f2d76 every SQLite timestamp went through a computed order key, about
 * 35 ms a query on 100,000 rows against 0.2 ms through the index). The schema's CHECK refuses any
 * other text another program writes (`'2024-01-01T10:00:00+02:00'`, SQLite's
 * `'2024-01-01 08:00:00'`), which would sort apart from its instant; TypeORM's tables have no such
 * CHECK and keep the computed key (sql-runtime/timestamp-order, crud/typeorm-datetimes).
 */
import Database from 'better-sqlite3';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../templates/crud/db.js';
import type { Query, TableMeta, TableSql } from '../../../templates/sql/sql-runtime.js';
import { timestampOrderSql } from '../../../templates/sql/sql-context.js';
import type { GeneratedAdapters } from './engines.js';
import { generateProject } from './generated-project.js';

interface ReadingRow {
  id: number;
  code: string;
  at: Date;
  seen: Date | null;
  day: string;
}
interface Repo {
  create(input: Omit<ReadingRow, 'id'>): Promise<ReadingRow>;
  findMany(options?: { where?: object; orderBy?: object; after?: object; limit?: number }): Promise<ReadingRow[]>;
  count(where?: object): Promise<number>;
}
interface Modules extends GeneratedAdapters {
  readingTable: TableMeta<ReadingRow>;
  readingSql(dialect: 'sqlite'): TableSql<ReadingRow>;
  createRepositories(db: Db): { readings: Repo };
}

const project = await generateProject('canonical-times');
const lib = await project.load<Modules>('index.ts');
const runtime = await project.load<{ createTableSql(meta: TableMeta<ReadingRow>, dialect: 'sqlite'): TableSql<ReadingRow> }>('sql-runtime.ts');
const at = (time: string): Date => new Date(`2024-01-01T${time}Z`);

let sqlite: Database.Database;
beforeEach(() => {
  sqlite = new Database(':memory:');
  sqlite.exec(project.schema('sqlite'));
});
afterEach(() => sqlite.close());

const insertRaw = (at: string, seen: string | null = null, day = '2024-01-01'): void => {
  sqlite.prepare('INSERT INTO "readings" ("code", "at", "seen", "day") VALUES (?, ?, ?, ?)').run('raw', at, seen, day);
};

describe("the SQLite schema holds timestamps and dates to the runtime's text", () => {
  it('takes the text the runtime writes, at every millisecond, and the years 0001 and 9999', () => {
    for (const text of ['2024-01-01T08:00:00.000Z', '2024-02-29T23:59:59.999Z', '0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', '0999-06-30T12:00:00.001Z']) insertRaw(text, text);
    for (const day of ['0001-01-01', '2024-02-29', '9999-12-31']) insertRaw('2024-01-01T08:00:00.000Z', null, day);
    expect(sqlite.prepare('SELECT count(*) FROM "readings"').pluck().get()).toBe(8);
  });

  it('refuses any other text of an instant, a time that does not exist and text that is none, written by raw SQL', () => {
    for (const text of [
      '2024-01-01T10:00:00+02:00',
      '2024-01-01 08:00:00',
      '2024-01-01 08:00:00.000',
      '2024-01-01T08:00:00Z',
      '2024-01-01T08:00:00.000z',
      '2024-01-01T08:00:00.123456Z',
      '2024-01-01',
      '2024-02-30T10:00:00.000Z',
      '2024-01-01T24:00:00.000Z',
      '0000-01-01T00:00:00.000Z',
      '+010000-01-01T00:00:00.000Z',
      'not a date',
    ]) {
      expect(() => insertRaw(text), text).toThrow(/CHECK constraint failed: readings_at_check/);
      expect(() => insertRaw('2024-01-01T08:00:00.000Z', text), text).toThrow(/CHECK constraint failed: readings_seen_check/);
    }
    for (const day of ['2024-1-1', '2024-02-30', '0000-01-01', '2024-01-01T00:00:00.000Z', '20240101']) {
      expect(() => insertRaw('2024-01-01T08:00:00.000Z', null, day), day).toThrow(/CHECK constraint failed: readings_day_check/);
    }
    insertRaw('2024-01-01T08:00:00.000Z');
    expect(() => sqlite.exec(`UPDATE "readings" SET "at" = '2024-01-01 08:00:00'`)).toThrow(/CHECK constraint failed: readings_at_check/);
  });

  it("takes the schema's own defaults and the repository's writes", async () => {
    const repos = lib.createRepositories(lib.sqliteDb(sqlite as never));
    const row = await repos.readings.create({ code: 'a', at: new Date(Date.UTC(2024, 0, 1, 8, 0, 0, 7)), seen: null, day: '2024-01-01' });
    expect(sqlite.prepare('SELECT "at" FROM "readings" WHERE "id" = ?').pluck().get(row.id)).toBe('2024-01-01T08:00:00.007Z');
  });
});

describe('filters, orderBy and after compare the column itself, in time order', () => {
  let sql: TableSql<ReadingRow>;
  const codes = (query: Query): string[] => (sqlite.prepare(query.text).all(...query.values) as Record<string, unknown>[]).map((row) => String(row['code']));
  beforeAll(() => {
    sql = lib.readingSql('sqlite');
  });
  beforeEach(() => {
    const insert = sql.insert([
      { code: 'b', at: at('09:30:00'), seen: at('06:00:00'), day: '2024-01-02' },
      { code: 'c', at: at('10:00:00'), seen: null, day: '2024-01-03' },
      { code: 'a', at: at('08:00:00'), seen: at('08:00:00'), day: '2024-01-01' },
    ] as ReadingRow[]);
    sqlite.prepare(insert.text).run(...insert.values);
  });

  it('binds the operand as the canonical key, a string with an offset included', () => {
    expect(codes(sql.select({ orderBy: { at: 'asc' } }))).toEqual(['a', 'b', 'c']);
    expect(codes(sql.select({ orderBy: { at: 'desc' } }))).toEqual(['c', 'b', 'a']);
    expect(codes(sql.select({ orderBy: [{ seen: 'asc' }, { id: 'asc' }] }))).toEqual(['b', 'a', 'c']);
    expect(codes(sql.select({ where: { at: { gte: at('09:00:00') } }, orderBy: { at: 'asc' } }))).toEqual(['b', 'c']);
    expect(codes(sql.select({ where: { at: { gt: at('08:00:00'), lt: at('10:00:00') } } }))).toEqual(['b']);
    // 10:00+02:00 is 08:00Z: a string operand is keyed as the instant it reads as.
    const offset = '2024-01-01T10:00:00+02:00' as unknown as Date;
    expect(codes(sql.select({ where: { at: offset } }))).toEqual(['a']);
    expect(codes(sql.select({ where: { at: { lte: offset } } }))).toEqual(['a']);
    expect(codes(sql.select({ where: { at: { in: [at('08:00:00'), at('10:00:00')] } }, orderBy: { at: 'asc' } }))).toEqual(['a', 'c']);
    expect(codes(sql.select({ where: { at: { ne: at('10:00:00') } }, orderBy: { at: 'desc' } }))).toEqual(['b', 'a']);
    expect(codes(sql.select({ where: { day: { gte: '2024-01-02' } }, orderBy: { day: 'asc' } }))).toEqual(['b', 'c']);
  });

  it('pages after a cursor in time order', () => {
    expect(codes(sql.select({ orderBy: { at: 'asc' }, after: { at: at('08:00:00'), id: 3 } }))).toEqual(['b', 'c']);
    expect(codes(sql.select({ orderBy: { at: 'desc' }, after: { at: at('10:00:00'), id: 2 } }))).toEqual(['b', 'a']);
  });

  it('gives the same rows through the repositories', async () => {
    const repos = lib.createRepositories(lib.sqliteDb(sqlite as never));
    const page = await repos.readings.findMany({ orderBy: { at: 'asc' }, limit: 2 });
    expect(page.map((row) => row.code)).toEqual(['a', 'b']);
    expect((await repos.readings.findMany({ orderBy: { at: 'asc' }, after: page[1]! })).map((row) => row.code)).toEqual(['c']);
    expect(await repos.readings.count({ at: { gte: at('09:00:00') } })).toBe(2);
  });

  it("compares the column, not timestampOrderSql's key, so EXPLAIN QUERY PLAN uses the index", () => {
    const plan = (query: Query): string => (sqlite.prepare(`EXPLAIN QUERY PLAN ${query.text}`).all(...query.values) as { detail: string }[]).map((row) => row.detail).join('; ');
    const filter = sql.select({ where: { at: { gte: at('09:00:00') } } });
    expect(filter.text).not.toContain(timestampOrderSql('"at"'));
    expect(filter.text).toContain('WHERE "at" >= ?');
    expect(plan(filter)).toMatch(/SEARCH readings USING INDEX readings_at_idx \(at>\?\)/);
    const sorted = sql.select({ orderBy: { at: 'asc' }, limit: 20 });
    expect(plan(sorted)).toMatch(/SCAN readings USING INDEX readings_at_idx/);
    expect(plan(sorted)).not.toMatch(/TEMP B-TREE/);
    // A page after a cursor seeks to it (the cursor's leading bound), both ways.
    expect(plan(sql.select({ orderBy: { at: 'asc' }, after: { at: at('08:00:00'), id: 3 }, limit: 20 }))).toMatch(/^SEARCH readings USING INDEX readings_at_idx \(at>\?\)/);
    expect(plan(sql.select({ orderBy: { at: 'desc' }, after: { at: at('10:00:00'), id: 2 }, limit: 20 }))).toMatch(/^SEARCH readings USING INDEX readings_at_idx \(at<\?\)/);
    expect(plan(sql.count({ at: { lt: at('09:00:00') } }))).toMatch(/USING (COVERING )?INDEX readings_at_idx/);
    expect(plan(sql.select({ where: { day: { lt: '2024-01-02' } } }))).toMatch(/USING INDEX readings_day_idx/);
    // The same query without the schema's promise (a table TypeORM or a migration made) scans.
    const { at: column, ...others } = lib.readingTable.columns;
    const unchecked = { ...lib.readingTable, columns: { ...others, at: { ...column, canonicalText: false } } } as TableMeta<ReadingRow>;
    expect(plan(runtime.createTableSql(unchecked, 'sqlite').select({ where: { at: { gte: at('09:00:00') } } }))).toMatch(/^SCAN readings;/);
  });
});
