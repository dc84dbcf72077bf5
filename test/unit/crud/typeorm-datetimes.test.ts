/**
 * TypeORM's datetime text on the tables TypeORM itself creates (tester s14 T-1), on the
 * typeorm-datetimes fixture synchronized on better-sqlite3. TypeORM writes a Date column as
 * '2024-07-07 10:00:00.000' (UTC, a space, no Z); the repositories write the same text and bind
 * filter and cursor operands in it, so text comparison is time order across the rows of both:
 * filters, orderBy, `after` and deleteMany see TypeORM's rows where they belong.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Db } from '../../../templates/crud/db.js';
import { typecheck } from '../../helpers/typecheck.js';
import { generateProject, PROJECT_COMPILE_TIMEOUT } from './generated-project.js';
import { typeormSqlite, type TypeormRepository } from './typeorm-source.js';

type Row = Record<string, unknown>;
interface Repo {
  create(input: Row): Promise<Row>;
  update(key: unknown, patch: Row): Promise<Row | undefined>;
  findById(key: unknown): Promise<Row | undefined>;
  findMany(options: Row): Promise<Row[]>;
  deleteMany(where: Row): Promise<number>;
}
interface Modules {
  sqliteDb(driver: unknown): Db;
  createRepositories(db: Db): { posts: Repo };
}

const project = await generateProject('typeorm-datetimes');
const lib = await project.load<Modules>('index.ts');

const typeorm = typeormSqlite('typeorm-datetimes', 'posts.ts', ['Post']);
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

const at = (time: string): Date => new Date(`2024-07-07T${time}Z`);

/** TypeORM's row at 10:00, the repository's at 09:00 and 10:30, all on the same day. */
async function mixedRows(): Promise<void> {
  await theirs.save(Object.assign(new models.Post(), { title: 'typeorm 10:00', at: at('10:00:00'), seen: at('10:00:00') }));
  await repos.posts.create({ title: 'codegen 09:00', at: at('09:00:00'), seen: at('09:00:00') });
  await repos.posts.create({ title: 'codegen 10:30', at: at('10:30:00'), seen: null });
}

const titles = (rows: Row[]): unknown[] => rows.map((row) => row['title']);

it("writes TypeORM's own text, which both read back", async () => {
  await mixedRows();
  const raw = await theirs.query(`SELECT "title", "at", "seen" FROM "post" ORDER BY "id"`);
  expect(raw).toEqual([
    { title: 'typeorm 10:00', at: '2024-07-07 10:00:00.000', seen: '2024-07-07 10:00:00.000' },
    { title: 'codegen 09:00', at: '2024-07-07 09:00:00.000', seen: '2024-07-07 09:00:00.000' },
    { title: 'codegen 10:30', at: '2024-07-07 10:30:00.000', seen: null },
  ]);
  const [, ours] = (await repos.posts.findMany({ orderBy: { id: 'asc' } })) as Row[];
  expect({ ...(await theirs.findOneByOrFail({ id: ours!['id'] })) }).toMatchObject({ at: at('09:00:00'), seen: at('09:00:00') });
  const [first] = await repos.posts.findMany({ where: { title: 'typeorm 10:00' } });
  expect(first).toMatchObject({ at: at('10:00:00'), seen: at('10:00:00') });
  expect(first!['createdAt']).toBeInstanceOf(Date);
});

it("filters and sorts TypeORM's rows and the repository's in time order", async () => {
  await mixedRows();
  expect(titles(await repos.posts.findMany({ where: { at: { gte: at('09:30:00') } }, orderBy: { at: 'asc' } }))).toEqual(['typeorm 10:00', 'codegen 10:30']);
  expect(titles(await repos.posts.findMany({ where: { at: { lt: at('09:30:00') } } }))).toEqual(['codegen 09:00']);
  expect(titles(await repos.posts.findMany({ where: { at: at('10:00:00') } }))).toEqual(['typeorm 10:00']);
  expect(titles(await repos.posts.findMany({ where: { seen: { in: [at('10:00:00'), at('09:00:00')] } }, orderBy: { seen: 'desc' } }))).toEqual(['typeorm 10:00', 'codegen 09:00']);
  expect(titles(await repos.posts.findMany({ orderBy: { at: 'asc' } }))).toEqual(['codegen 09:00', 'typeorm 10:00', 'codegen 10:30']);
  const [firstPage] = await repos.posts.findMany({ orderBy: { at: 'asc' }, limit: 1 });
  expect(titles(await repos.posts.findMany({ orderBy: { at: 'asc' }, after: firstPage }))).toEqual(['typeorm 10:00', 'codegen 10:30']);
});

it("deletes only the rows before the instant, TypeORM's kept", async () => {
  await mixedRows();
  expect(await repos.posts.deleteMany({ at: { lt: at('09:30:00') } })).toBe(1);
  expect(titles(await repos.posts.findMany({ orderBy: { at: 'asc' } }))).toEqual(['typeorm 10:00', 'codegen 10:30']);
});

it(
  'types the datetime columns as Dates',
  async () => {
    expect(await typecheck(project.root, ['models/**/*.ts', 'generated/**/*.ts', 'usage.ts'])).toBe('');
  },
  PROJECT_COMPILE_TIMEOUT,
);
