/** What only the better-sqlite3 adapter does: prepared statements reused, 64-bit integers, foreign keys on. */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Db, ForeignKeyViolationError, sqliteDb } from '../../../templates/crud/db.js';

let driver: Database.Database;
let db: Db;
beforeEach(() => {
  driver = new Database(':memory:');
  db = sqliteDb(driver);
});
afterEach(() => driver.close());

describe('prepared statements', () => {
  it('prepares a text once and reuses the statement', async () => {
    const prepare = vi.spyOn(driver, 'prepare');
    for (let id = 1; id <= 3; id++) expect(await db.query('SELECT ? AS id', [id])).toEqual([{ id }]);
    expect(prepare).toHaveBeenCalledTimes(1);
    await db.query('SELECT ? AS other', [1]);
    expect(prepare).toHaveBeenCalledTimes(2);
  });

  it('keeps a bounded number of statements, dropping the oldest', async () => {
    db = sqliteDb(driver, { statementCacheSize: 2 });
    const prepare = vi.spyOn(driver, 'prepare');
    for (const text of ['SELECT 1', 'SELECT 2', 'SELECT 1', 'SELECT 3', 'SELECT 2', 'SELECT 1']) await db.query(text);
    // 1, 2 prepared; 1 hit; 3 evicts 1; 2 hit; 1 prepared again.
    expect(prepare.mock.calls.map(([text]) => text)).toEqual(['SELECT 1', 'SELECT 2', 'SELECT 3', 'SELECT 1']);
  });
});

describe('64-bit integers', () => {
  it('reads numbers by default and bigints with { bigint: true }, from separate statements', async () => {
    await db.exec('CREATE TABLE counters (n INTEGER NOT NULL) STRICT');
    await db.query('INSERT INTO counters (n) VALUES (?)', [9007199254740993n]);
    expect(await db.query('SELECT n FROM counters', [], { bigint: true })).toEqual([{ n: 9007199254740993n }]);
    expect(await db.query('SELECT n + 0 AS n FROM counters WHERE n < ?', [2n ** 62n])).toEqual([{ n: 9007199254740992 }]);
    expect(await db.query('SELECT n FROM counters', [], { bigint: true })).toEqual([{ n: 9007199254740993n }]);
  });

  it("ignores the database's defaultSafeIntegers, so what arrives depends only on the option", async () => {
    driver.defaultSafeIntegers(true);
    expect(await db.query('SELECT 5 AS n')).toEqual([{ n: 5 }]);
    expect(await db.query('SELECT 5 AS n', [], { bigint: true })).toEqual([{ n: 5n }]);
  });
});

it('turns foreign keys on', async () => {
  expect(driver.pragma('foreign_keys', { simple: true })).toBe(1);
  await db.exec('CREATE TABLE a (id INTEGER PRIMARY KEY); CREATE TABLE b (a_id INTEGER REFERENCES a (id));');
  await expect(db.query('INSERT INTO b (a_id) VALUES (?)', [1])).rejects.toBeInstanceOf(ForeignKeyViolationError);
});

it('rolls back a COMMIT that fails on a deferred foreign key, leaving the connection usable', async () => {
  await db.exec('CREATE TABLE a (id INTEGER PRIMARY KEY); CREATE TABLE b (a_id INTEGER REFERENCES a (id) DEFERRABLE INITIALLY DEFERRED);');
  await expect(db.transaction((tx) => tx.query('INSERT INTO b (a_id) VALUES (?)', [1]))).rejects.toBeInstanceOf(ForeignKeyViolationError);
  expect(driver.inTransaction).toBe(false);
  await db.transaction((tx) => tx.query('INSERT INTO a (id) VALUES (?)', [1]));
  expect(await db.query('SELECT count(*) AS n FROM a')).toEqual([{ n: 1 }]);
});

describe('rows', () => {
  // The adapter reads rows as arrays and builds the objects itself (faster than the driver's
  // objects); these shapes must read exactly as the driver's own objects do.
  it.each([
    ['a star', 'SELECT * FROM t'],
    ['duplicate names', 'SELECT id AS a, name AS a FROM t'],
    ['awkward names', 'SELECT id AS "__proto__", name AS "constructor", id AS "0", name AS "a.b" FROM t'],
    ['RETURNING', 'UPDATE t SET name = name RETURNING id, name'],
    ['a blob', "SELECT x'00ff' AS bytes, id FROM t"],
  ])('%s: the same rows as the driver gives', async (_, text) => {
    driver.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (name) VALUES ('x'), ('y')");
    const fromDriver = driver.prepare(text).all() as object[];
    const rows = await db.query(text);
    expect(rows).toHaveLength(2);
    expect(rows).toEqual(fromDriver);
    expect(rows.map((row) => Object.keys(row))).toEqual(fromDriver.map((row) => Object.keys(row)));
    for (const row of rows) expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
  });
});
