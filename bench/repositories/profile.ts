/**
 * Where a repository call spends its time beside the raw driver, phase by phase, on SQLite (in
 * memory; where the gap shows). Not part of `npm run bench`: run it after the bench has built
 * everything, `node bench/.out/bench/repositories/profile.js`, or with `--cpu-prof`.
 *
 * Each line is µs per call over a tight loop (after a warmup): the raw driver's statement, the
 * generated adapter, the statement builder alone, the decoder alone, the validator alone, and
 * the whole repository call; the differences are the costs of the layers.
 */
import Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { loadGenerated } from './codegen-contestant.js';
import { rawSqlite } from './raw-contestants.js';
import { BATCH, newBook, newBooks, seedAuthors, seedBooks, WRITTEN_BOOKS, type BookCreate } from './fixture.js';

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const generated = (await loadGenerated()) as Any;
const database = new Database(':memory:');
const db = generated.sqliteDb(database);
await db.exec(readFileSync(fileURLToPath(new URL('../../../../bench/repositories/generated/schema.sqlite.sql', import.meta.url)), 'utf8'));
const repositories = generated.createRepositories(db);
const authorIds: string[] = (await repositories.authors.createMany(seedAuthors())).map((a: Any) => a.id);
const bookIds: string[] = (await repositories.books.createMany(seedBooks(authorIds))).map((b: Any) => b.id);
const books = repositories.books;
const raw = rawSqlite(database);
const sql = generated.bookSql('sqlite');
let sink = 0;

async function time(label: string, calls: number, run: (i: number) => unknown, after?: () => void): Promise<number> {
  for (let i = 0; i < Math.min(calls, 2000); i++) await run(i);
  after?.();
  const start = performance.now();
  for (let i = 0; i < calls; i++) if (await run(i)) sink++;
  const us = ((performance.now() - start) * 1000) / calls;
  after?.();
  console.log(`  ${label.padEnd(58)} ${us.toFixed(2).padStart(9)} µs`);
  return us;
}

const clear = (): void => void database.exec(`DELETE FROM "books" WHERE ${WRITTEN_BOOKS}`);
const id = (i: number): string => bookIds[i % bookIds.length] as string;
const N = Number(process.env.PROFILE_CALLS ?? 100_000);

console.log(`findById (${N} calls)`);
const byKey = sql.selectByKey({ id: bookIds[0] });
const statement = database.prepare(byKey.text);
const rawRow = statement.get(id(0));
await time('raw: statement.get(id), no mapping (sync)', N, (i) => statement.get(id(i)));
await time('raw: statement.all([id]), no mapping (sync)', N, (i) => statement.all([id(i)]));
await time('raw contestant: get + JSON.parse ×2 + new Date (async)', N, (i) => raw.findById(id(i)));
await time('builder: sql.selectByKey({ id }) alone', N, (i) => sql.selectByKey({ id: id(i) }));
await time('decode alone (copy of a row each call)', N, () => sql.decode({ ...(rawRow as object) }));
await time('copy of a row alone (subtract from the line above)', N, () => ({ ...(rawRow as object) }));
await time('adapter: db.query(text, [id]), no decode', N, (i) => db.query(byKey.text, [id(i)]));
await time('repository: books.findById(id)', N, (i) => books.findById(id(i)));

console.log(`findMany 50, filter and order (${N / 10} calls)`);
const pageOptions = { where: { genre: 'fiction', price: { gte: 10 } }, orderBy: { publishedAt: 'desc' }, limit: 50 };
const page = sql.select(pageOptions);
const pageStatement = database.prepare(page.text);
await time('raw: statement.all(values), no mapping (sync)', N / 10, () => pageStatement.all(page.values));
await time('raw contestant (async, mapped)', N / 10, () => raw.findPage());
await time('builder: sql.select(options) alone', N / 10, () => sql.select(pageOptions));
await time('adapter: db.query, no decode', N / 10, () => db.query(page.text, page.values));
await time('repository: books.findMany(options)', N / 10, () => books.findMany(pageOptions));

console.log(`findMany 50 + include (${N / 10} calls)`);
const includeOptions = { where: { genre: 'poetry' }, orderBy: { title: 'asc' }, limit: 50 };
await time('raw contestant (2 statements, mapped)', N / 10, () => raw.findPageWithAuthor());
await time('repository: findMany without include', N / 10, () => books.findMany(includeOptions));
await time('repository: findMany with include', N / 10, () => books.findMany({ ...includeOptions, include: { author: true } }));

console.log(`create (${N / 5} calls)`);
const inputs: BookCreate[] = newBooks(authorIds, N / 5 + 2000);
const one = inputs[0] as BookCreate;
await time('raw contestant: prepared insert … RETURNING, mapped', N / 5, (i) => raw.create(inputs[i % inputs.length] as BookCreate), clear);
clear();
const inputs2: BookCreate[] = newBooks(authorIds, N / 5 + 2000);
await time('validator alone: assertBookCreate(input)', N / 5, () => generated.assertBookCreate(one));
await time('builder: sql.insert(row, { returning: true }) alone', N / 5, () => sql.insert(one, { returning: true }));
await time('repository: books.create(input)', N / 5, (i) => books.create(inputs2[i % inputs2.length]), clear);

console.log('createMany 1000 (50 calls)');
const batches = Array.from({ length: 60 }, () => newBooks(authorIds, BATCH));
await time('raw contestant: one prepared 1000-row insert, mapped', 50, (i) => raw.createMany?.(batches[i % 60] as BookCreate[]), clear);
const batches2 = Array.from({ length: 60 }, () => newBooks(authorIds, BATCH));
await time('repository: books.createMany(1000)', 50, (i) => books.createMany(batches2[i % 60]), clear);
await time('builder: sql.insertChunks(1000 rows) alone', 50, () => sql.insertChunks(batches[0], { returning: true }));
const single = database.prepare(sql.insert(one, { returning: true }).text);
await time('raw: 1000 prepared single-row inserts in BEGIN/COMMIT', 50, (i) => {
  const batch = batches[(i + 7) % 60] as BookCreate[];
  database.exec('BEGIN');
  for (const book of batch) single.get(sql.insert(book, { returning: true }).values);
  database.exec('COMMIT');
}, clear);
console.log(`(sink ${sink}, ${newBook(authorIds).isbn})`);
