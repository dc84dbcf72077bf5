/**
 * What the SQLite timestamp CHECK of codegen's own tables buys and costs (issue 9, H2): on 100,000
 * rows of the runtime's text, the queries the repositories send for a `gte` count, an
 * `orderBy … limit 20` page, the next page `after` its last row and a filtered page, once through
 * the column (a table whose schema holds the text canonical, `canonicalText: true`: the index
 * serves) and once through the order key computed from any text (`timestampOrderSql`, TypeORM's
 * tables); and the inserts, with the CHECK and without it. One process, better-sqlite3, medians.
 *
 *   node_modules/.bin/esbuild bench/sqlite-timestamps/measure.ts --bundle --platform=node --format=esm \
 *     --external:better-sqlite3 --outfile=bench/.out/sqlite-timestamps.mjs && node bench/.out/sqlite-timestamps.mjs
 */
import Database from 'better-sqlite3';
import { canonicalTextSql } from '../../src/generators/sql/schema/canonical-text.js';
import { createTableSql, isoString, type Query, type TableMeta } from '../../templates/sql/sql-runtime.js';

interface Reading {
  id: number;
  code: string;
  at: Date;
}

const ROWS = Number(process.env['ROWS'] ?? 100_000);
const RUNS = Number(process.env['RUNS'] ?? 15);

const table = (canonicalText: boolean): TableMeta<Reading> => ({
  table: 'readings',
  columns: {
    id: { name: 'id', codec: 'integer', nullable: false },
    code: { name: 'code', codec: 'text', nullable: false },
    at: { name: 'at', codec: 'timestamp', nullable: false, canonicalText },
  },
  primaryKey: ['id'],
  uniques: {},
  relations: {},
});

/** A table of `ROWS` readings a minute apart from 2024-01-01, inserted in a shuffled order; the insert's milliseconds. */
function filled(checked: boolean): { db: Database.Database; insertMs: number } {
  const db = new Database(':memory:');
  const check = checked ? `, CONSTRAINT "readings_at_check" CHECK (${canonicalTextSql('"at"', 'timestamp')})` : '';
  db.exec(`CREATE TABLE "readings" ("id" INTEGER PRIMARY KEY, "code" TEXT NOT NULL, "at" TEXT NOT NULL${check}) STRICT; CREATE INDEX "readings_at_idx" ON "readings" ("at");`);
  const start = Date.UTC(2024, 0, 1);
  const order = Array.from({ length: ROWS }, (_, at) => at);
  let seed = 42;
  for (let at = order.length - 1; at > 0; at -= 1) {
    seed = (seed * 48271) % 2147483647;
    const other = seed % (at + 1);
    [order[at], order[other]] = [order[other]!, order[at]!];
  }
  const insert = db.prepare('INSERT INTO "readings" ("id", "code", "at") VALUES (?, ?, ?)');
  const began = performance.now();
  db.transaction(() => {
    for (const minute of order) insert.run(minute + 1, `r${minute}`, isoString(new Date(start + minute * 60_000 + (minute % 1000))));
  })();
  return { db, insertMs: performance.now() - began };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The median milliseconds of running `query` (all rows fetched), after one warm-up run. */
function timed(db: Database.Database, query: Query): number {
  const statement = db.prepare(query.text);
  statement.all(...query.values);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const began = performance.now();
    statement.all(...query.values);
    times.push(performance.now() - began);
  }
  return median(times);
}

const middle = new Date(Date.UTC(2024, 0, 1) + (ROWS / 2) * 60_000);
const queries = (canonicalText: boolean): Record<string, Query> => {
  const sql = createTableSql(table(canonicalText), 'sqlite');
  return {
    'count gte': sql.count({ at: { gte: middle } }),
    'orderBy at limit 20': sql.select({ orderBy: { at: 'asc' }, limit: 20 }),
    'after a cursor, limit 20': sql.select({ orderBy: { at: 'asc' }, after: { at: middle, id: ROWS }, limit: 20 }),
    'gte, orderBy at desc, limit 20': sql.select({ where: { at: { gte: middle } }, orderBy: { at: 'desc' }, limit: 20 }),
  };
};

const { db, insertMs } = filled(true);
const unchecked = filled(false);
console.log(`SQLite ${String(db.prepare('SELECT sqlite_version()').pluck().get())}, ${ROWS} rows, median of ${RUNS} runs (ms)`);
console.log(`insert ${ROWS} rows in one transaction: ${insertMs.toFixed(0)} with the CHECK, ${unchecked.insertMs.toFixed(0)} without`);
const byColumn = queries(true);
const byKey = queries(false);
console.log('| query | the column (canonicalText) | the computed key | plan through the column |');
console.log('| --- | --- | --- | --- |');
for (const name of Object.keys(byColumn)) {
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${byColumn[name]!.text}`).all(...byColumn[name]!.values) as { detail: string }[]).map((row) => row.detail).join('; ');
  console.log(`| ${name} | ${timed(db, byColumn[name]!).toFixed(3)} | ${timed(db, byKey[name]!).toFixed(3)} | ${plan} |`);
}
db.close();
unchecked.db.close();
