/**
 * The repositories work on the tables TypeORM itself creates (docs/crud.md: `@Entity()` classes
 * get the tables and columns TypeORM made for them), on the typeorm-interop fixture: the models are
 * compiled as a TypeORM project compiles them (decorator metadata, CommonJS) and synchronized on
 * better-sqlite3; TypeORM writes rows that the repositories read, the repositories write rows
 * that TypeORM reads back.
 *
 * T-O (tester s13): a member of an `@Entity()` class without a TypeORM column or relation
 * decorator (a plain or required property, class-transformer's `@Exclude()` alone, a getter, a
 * method, a static, a base class's undecorated field) is no column for TypeORM, so none for
 * codegen: not in the schema, the row type, the inputs or the statements.
 *
 * T-2b (tester s14): TypeORM makes a `@PrimaryGeneratedColumn('uuid')` in JavaScript, so its SQLite
 * table has no default for the key: the repository makes the uuid on insert.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Db } from '../../../templates/crud/db.js';
import { openSqlite } from '../../helpers/databases.js';
import { typecheck } from '../../helpers/typecheck.js';
import { generateProject, PROJECT_COMPILE_TIMEOUT } from './generated-project.js';
import { typeormSqlite, type TypeormRepository } from './typeorm-source.js';

type Row = Record<string, unknown>;
interface Repo {
  create(input: Row): Promise<Row>;
  update(key: unknown, patch: Row): Promise<Row | undefined>;
  findMany(options?: { orderBy?: Row; where?: Row }): Promise<Row[]>;
  createMany(inputs: Row[]): Promise<Row[]>;
  upsert(input: Row): Promise<Row>;
}
interface Modules {
  sqliteDb(driver: unknown): Db;
  createRepositories(db: Db): { projects: Repo; authors: Repo };
}

const project = await generateProject('typeorm-interop');
const lib = await project.load<Modules>('index.ts');

// The fixture's models as TypeORM runs them.
const typeorm = typeormSqlite('typeorm-interop', ['projects.ts', 'authors.ts'], ['Project', 'Author']);
const { source, models } = typeorm;
let theirs: TypeormRepository;
let theirAuthors: TypeormRepository;
let repos: ReturnType<Modules['createRepositories']>;

beforeAll(async () => {
  await source.initialize();
  theirs = typeorm.repository('Project');
  theirAuthors = typeorm.repository('Author');
  repos = lib.createRepositories(lib.sqliteDb(typeorm.connection()));
});
afterAll(() => source.destroy());
beforeEach(async () => {
  await theirs.clear();
  await theirAuthors.clear();
});

/** A table's columns as SQLite lists them, in order. */
async function columnsOf(query: (sql: string) => Promise<unknown>, table: string): Promise<string[]> {
  return ((await query(`PRAGMA table_info("${table}")`)) as Array<{ name: string }>).map((column) => column.name);
}

it("makes the columns TypeORM makes, in its order, and no column of a member TypeORM leaves out (T-O)", async () => {
  const { driver, close } = openSqlite();
  try {
    const ours = lib.sqliteDb(driver);
    await ours.exec(project.schema('sqlite'));
    const expected = await columnsOf((sql) => source.query(sql), 'project');
    expect(expected).toEqual(['createdBy', 'id', 'name', 'budget']);
    expect(await columnsOf((sql) => ours.query(sql), 'project')).toEqual(expected);
    expect(project.schema('postgres')).not.toMatch(/plainNote|loadedAt|secret|auditNote|label/);
  } finally {
    await close();
  }
});

it('reads the rows TypeORM wrote, with the columns it has', async () => {
  const saved = await theirs.save(Object.assign(new models.Project(), { createdBy: 'ada', name: 'Atlas', budget: null, plainNote: 'not stored', secret: 's' }));
  expect(await repos.projects.findMany()).toEqual([{ id: saved['id'], createdBy: 'ada', name: 'Atlas', budget: null }]);
});

it('writes rows TypeORM reads back, members without a column ignored', async () => {
  const created = await repos.projects.create({ createdBy: 'bob', name: 'Borealis', budget: 12 });
  expect(created).toEqual({ id: created['id'], createdBy: 'bob', name: 'Borealis', budget: 12 });
  await repos.projects.update(created['id'], { budget: 13 });
  const read = await theirs.findOneByOrFail({ id: created['id'] });
  expect({ ...read }).toEqual({ id: created['id'], createdBy: 'bob', name: 'Borealis', budget: 13 });
  expect((read as { label: string }).label).toBe('Borealis (bob)');
});

it("creates rows in TypeORM's table of a uuid key, which has no default on SQLite: the repository makes the uuid (T-2b)", async () => {
  const [table] = (await source.query(`SELECT "sql" FROM "sqlite_master" WHERE "name" = 'author'`)) as Array<{ sql: string }>;
  expect(table?.sql).toContain('"id" varchar PRIMARY KEY NOT NULL');
  expect(table?.sql).not.toMatch(/DEFAULT/i);
  // Before, every create failed: "Not-null constraint violated on author (id)".
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  const bob = await repos.authors.create({ handle: 'bob' });
  expect(bob['id']).toMatch(uuid);
  expect({ ...(await theirAuthors.findOneByOrFail({ id: bob['id'] })) }).toEqual(bob);
  const many = await repos.authors.createMany([{ handle: 'cy' }, { handle: 'di' }]);
  expect(new Set([bob, ...many].map((row) => row['id'])).size).toBe(3);
  for (const row of many) expect(row['id']).toMatch(uuid);
  // upsert on the unique handle: the existing row keeps its key, a new one gets a new uuid.
  expect(await repos.authors.upsert({ handle: 'bob' })).toEqual(bob);
  expect((await repos.authors.upsert({ handle: 'ed' }))['id']).toMatch(uuid);
  expect(await repos.authors.findMany({ orderBy: { handle: 'asc' } })).toHaveLength(4);
  // A row TypeORM saved reads back too.
  const saved = await theirAuthors.save(Object.assign(new models.Author(), { handle: 'flo' }));
  expect(await repos.authors.findMany({ where: { handle: 'flo' } })).toEqual([{ id: saved['id'], handle: 'flo' }]);
});

it(
  'types the row with the columns only: the members without one are no fields of it',
  async () => {
    expect(await typecheck(project.root, ['models/**/*.ts', 'generated/**/*.ts', 'usage.ts'])).toBe('');
  },
  PROJECT_COMPILE_TIMEOUT,
);
