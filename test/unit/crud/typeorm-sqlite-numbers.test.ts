/**
 * TypeORM's decimal and bigint columns typed `string` on the tables TypeORM itself creates on
 * better-sqlite3 (fixture typeorm-sqlite-numbers). TypeORM's `"price" decimal(6,2)` has NUMERIC
 * affinity, so SQLite stores the text '1234.50' as the REAL 1234.5 and '12.00' as the INTEGER 12,
 * whoever binds it (TypeORM or the repository); `"views" bigint` stores an INTEGER. The
 * repositories read them back as the column's canonical text ('1234.50', '0.10'; `numeric` without
 * a scale '0.1'), a bigint exactly beyond 2^53, and filter, sort and page across the rows of both.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Db } from '../../../templates/crud/db.js';
import { typecheck } from '../../helpers/typecheck.js';
import { generateProject, PROJECT_COMPILE_TIMEOUT } from './generated-project.js';
import { typeormSqlite, type TypeormRepository } from './typeorm-source.js';

type Row = Record<string, unknown>;
interface Repo {
  create(input: Row): Promise<Row>;
  findById(key: unknown): Promise<Row | undefined>;
  findMany(options: Row): Promise<Row[]>;
}
interface Modules {
  sqliteDb(driver: unknown): Db;
  createRepositories(db: Db): { posts: Repo };
}

const project = await generateProject('typeorm-sqlite-numbers');
const lib = await project.load<Modules>('index.ts');

const typeorm = typeormSqlite('typeorm-sqlite-numbers', 'posts.ts', ['Post']);
const { source, models } = typeorm;
let theirs: TypeormRepository;
let repos: ReturnType<Modules['createRepositories']>;

beforeAll(async () => {
  await source.initialize();
  theirs = typeorm.repository('Post');
  repos = lib.createRepositories(lib.sqliteDb(typeorm.connection()));
});
afterAll(() => source.destroy());
beforeEach(() => theirs.clear());

/** Two rows TypeORM saves, two the repository creates. */
async function mixedRows(): Promise<void> {
  await theirs.save(Object.assign(new models.Post(), { title: 'typeorm 1234.50', price: '1234.50', amount: '0.10', views: '9007199254740993' }));
  await theirs.save(Object.assign(new models.Post(), { title: 'typeorm 12.00', price: '12.00', amount: '12', views: '12' }));
  await repos.posts.create({ title: 'codegen 0.10', price: '0.10', amount: '1234.5', views: '9223372036854775807' });
  await repos.posts.create({ title: 'codegen 99.99', price: '99.99', amount: null, views: '-9007199254740993' });
}

const titles = (rows: Row[]): unknown[] => rows.map((row) => row['title']);

it('reads what SQLite made of the text as the canonical text of the column', async () => {
  await mixedRows();
  const raw = await theirs.query(`SELECT typeof("price") AS "price", typeof("amount") AS "amount", typeof("views") AS "views" FROM "post" ORDER BY "id"`);
  expect(raw).toEqual([
    { price: 'real', amount: 'real', views: 'integer' },
    { price: 'integer', amount: 'integer', views: 'integer' },
    { price: 'real', amount: 'real', views: 'integer' },
    { price: 'real', amount: 'null', views: 'integer' },
  ]);
  const rows = await repos.posts.findMany({ orderBy: { id: 'asc' } });
  expect(rows.map(({ price, amount, views }) => ({ price, amount, views }))).toEqual([
    { price: '1234.50', amount: '0.1', views: '9007199254740993' },
    { price: '12.00', amount: '12', views: '12' },
    { price: '0.10', amount: '1234.5', views: '9223372036854775807' },
    { price: '99.99', amount: null, views: '-9007199254740993' },
  ]);
  expect(await repos.posts.findById(rows[0]!['id'])).toMatchObject({ price: '1234.50', views: '9007199254740993' });
});

it("filters, sorts and pages TypeORM's rows and the repository's by their numbers", async () => {
  await mixedRows();
  const find = async (options: Row): Promise<unknown[]> => titles(await repos.posts.findMany(options));
  expect(await find({ where: { price: '12.00' } })).toEqual(['typeorm 12.00']);
  expect(await find({ where: { price: { eq: '1234.50' } } })).toEqual(['typeorm 1234.50']);
  expect(await find({ where: { price: { gt: '12.00' } }, orderBy: { price: 'asc' } })).toEqual(['codegen 99.99', 'typeorm 1234.50']);
  expect(await find({ where: { price: { lte: '12.00' } }, orderBy: { price: 'desc' } })).toEqual(['typeorm 12.00', 'codegen 0.10']);
  expect(await find({ where: { price: { lt: '1234.50', gte: '0.10' } }, orderBy: { price: 'asc' } })).toEqual(['codegen 0.10', 'typeorm 12.00', 'codegen 99.99']);
  expect(await find({ where: { price: { in: ['1234.50', '0.10'] } }, orderBy: { price: 'asc' } })).toEqual(['codegen 0.10', 'typeorm 1234.50']);
  expect(await find({ orderBy: { price: 'asc' } })).toEqual(['codegen 0.10', 'typeorm 12.00', 'codegen 99.99', 'typeorm 1234.50']);
  const [first] = await repos.posts.findMany({ orderBy: { price: 'asc' }, limit: 2 }).then((rows) => rows.slice(1));
  expect(await find({ orderBy: { price: 'asc' }, after: first })).toEqual(['codegen 99.99', 'typeorm 1234.50']);
  expect(await find({ where: { amount: { gt: '1' } }, orderBy: { amount: 'desc' } })).toEqual(['codegen 0.10', 'typeorm 12.00']);
  expect(await find({ where: { amount: '0.1' } })).toEqual(['typeorm 1234.50']);
  const [byAmount] = await repos.posts.findMany({ where: { amount: { isNull: false } }, orderBy: { amount: 'asc' }, limit: 1 });
  expect(await find({ where: { amount: { isNull: false } }, orderBy: { amount: 'asc' }, after: byAmount })).toEqual(['typeorm 12.00', 'codegen 0.10']);
  expect(await find({ where: { views: { gt: '9007199254740992' } }, orderBy: { views: 'asc' } })).toEqual(['typeorm 1234.50', 'codegen 0.10']);
  expect(await find({ where: { views: '9007199254740993' } })).toEqual(['typeorm 1234.50']);
});

it('refuses a REAL that may have lost digits of the text written, naming the column and the row', async () => {
  // SQLite converts numeric text of more than 15 significant digits too (3.53: '1234567890.123456'
  // becomes the REAL 1234567890.123456), keeping what a double keeps: not always the text written.
  await theirs.query(`INSERT INTO "post" ("title", "price", "amount", "views") VALUES ('long', '1.00', '1234567890.123456', '1')`);
  await expect(repos.posts.findMany({})).rejects.toThrow(/post\.amount: cannot decode 1234567890\.123456 .*\(row id \d+\)/);
});

it(
  'types the decimal and bigint columns as strings',
  async () => {
    expect(await typecheck(project.root, ['models/**/*.ts', 'generated/**/*.ts', 'usage.ts'])).toBe('');
  },
  PROJECT_COMPILE_TIMEOUT,
);
