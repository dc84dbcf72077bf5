/**
 * Tables TypeORM made, read and written by the repositories (issue 9, tester T-P), on the
 * typeorm-postgres fixture: TypeORM itself synchronizes and writes them on a PostgreSQL server and
 * on better-sqlite3; PGlite gets the DDL TypeORM emits for PostgreSQL (checked against TypeORM's
 * own where the server runs). Every PostgreSQL session is in a zone east of UTC (Asia/Kolkata),
 * the Node process in UTC, as servers run.
 *
 * - `array: true` is a PostgreSQL array (`text array`, `integer array`): read back as the row's
 *   list whatever the driver gives (node-postgres: the array's text; PGlite: a parsed array), and
 *   written so that TypeORM reads it back; a NULL item, which the row type has no room for, is an
 *   error naming the table, the column and the row.
 * - `type: 'timestamp'`, `@CreateDateColumn()`, `@UpdateDateColumn()` are `timestamp without time
 *   zone`: a Date round-trips as the same instant through either side, and the stamps the
 *   repository writes are now, whatever the session's TimeZone.
 * - A numeric `simple-enum` is TypeORM's text of the values (a native enum on PostgreSQL, varchar
 *   with a CHECK on SQLite): either side reads the other's rows, and filters and sorts follow the
 *   numbers.
 */
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../templates/crud/db.js';
import { findPostgres, freshPglite } from '../../helpers/databases.js';
import { typecheck } from '../../helpers/typecheck.js';
import { engines, suiteDatabase, type GeneratedAdapters } from './engines.js';
import { generateProject, PROJECT_COMPILE_TIMEOUT } from './generated-project.js';
import { typeormPostgres, typeormSqlite, type TypeormRepository, type TypeormSource } from './typeorm-source.js';

type Row = Record<string, unknown>;
interface Repo {
  create(input: Row): Promise<Row>;
  update(key: unknown, patch: Row): Promise<Row | undefined>;
  findById(key: unknown): Promise<Row | undefined>;
  findMany(options?: { where?: Row; orderBy?: Row | Row[] }): Promise<Row[]>;
}
interface Modules {
  sqliteDb(driver: unknown): Db;
  pgliteDb(driver: unknown): Db;
  postgresDb(driver: unknown): Db;
  createRepositories(db: Db): { posts: Repo; visits: Repo; tickets: Repo; accounts: Repo };
  SqlBuilderError: new (...args: never[]) => Error;
  ValidationError: new (...args: never[]) => Error & { issues: Array<{ path: string; code: string }> };
}

const project = await generateProject('typeorm-postgres');
const lib = await project.load<Modules>('index.ts');
const postgres = await findPostgres();

/** A zone east of UTC with a half-hour offset: a timestamp read or written in local time is off by 5:30. */
const ZONE = 'Asia/Kolkata';

/**
 * The DDL TypeORM 0.3's PostgresQueryRunner emits for the fixture's entities (synchronize), as
 * `it('…TypeORM emits…')` reads it from TypeORM itself on the server: PGlite gets these tables.
 */
const TYPEORM_POSTGRES_DDL = [
  `CREATE TABLE "post" ("id" SERIAL NOT NULL, "tags" text array NOT NULL, "labels" character varying(20) array, "scores" integer array NOT NULL DEFAULT '{}', "publishedAt" TIMESTAMP NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "deletedAt" TIMESTAMP, CONSTRAINT "PK_post" PRIMARY KEY ("id"))`,
  `CREATE TABLE "visit" ("id" SERIAL NOT NULL, "page" character varying NOT NULL, "openedAt" TIMESTAMP NOT NULL DEFAULT now(), "touchedAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_visit" PRIMARY KEY ("id"))`,
  `CREATE TYPE "ticket_priority_enum" AS ENUM('1', '2', '10')`,
  `CREATE TYPE "ticket_escalation_enum" AS ENUM('1', '2', '10')`,
  `CREATE TABLE "ticket" ("id" SERIAL NOT NULL, "priority" "ticket_priority_enum" NOT NULL DEFAULT '1', "escalation" "ticket_escalation_enum", CONSTRAINT "PK_ticket" PRIMARY KEY ("id"))`,
  `CREATE TABLE "account" ("id" SERIAL NOT NULL, "ids" bigint array NOT NULL, "amounts" numeric(10,2) array NOT NULL DEFAULT '{}', "ratios" numeric array, "notes" text array, CONSTRAINT "PK_account" PRIMARY KEY ("id"))`,
];

/** A CREATE statement without its schema qualifier and its primary key's name (TypeORM's is a hash), for comparison. */
function comparable(statement: string, schema: string): string {
  return statement.replaceAll(`"${schema}".`, '').replace(/CONSTRAINT "PK_\w+" PRIMARY KEY/, 'CONSTRAINT PK PRIMARY KEY');
}

/** The entities TypeORM runs, by model file. */
const ENTITIES = ['Post', 'Visit', 'Ticket', 'Account'] as const;
const MODEL_FILES = ['posts.ts', 'visits.ts', 'tickets.ts', 'accounts.ts'];
type Entity = (typeof ENTITIES)[number];

const TAGS = ['a', 'b c', '', 'x,y', 'q"u', 'NULL', 'back\\slash', '{braces}', 'é🙂'];

/** One engine with TypeORM's tables: codegen's repositories over them, and TypeORM's own repositories where TypeORM runs. */
interface Setup {
  repos: ReturnType<Modules['createRepositories']>;
  /** TypeORM's repositories (absent on PGlite, where TypeORM does not run). */
  typeorm?: { posts: TypeormRepository; tickets: TypeormRepository; accounts: TypeormRepository; models: Record<Entity, new () => object> };
  /** Runs SQL on the engine (the raw text of what is stored). */
  raw(sql: string): Promise<Row[]>;
}

async function onPostgres(): Promise<{ setup: Setup; source: TypeormSource<Entity>; schema: string; close(): Promise<void> }> {
  const url = postgres.url!;
  const schema = `typeorm_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const source = typeormPostgres('typeorm-postgres', MODEL_FILES, ENTITIES, { url, schema, timeZone: ZONE });
  await source.source.initialize();
  const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema} -c TimeZone=${ZONE}` });
  const setup: Setup = {
    repos: lib.createRepositories(lib.postgresDb(pool)),
    typeorm: { posts: source.repository('Post'), tickets: source.repository('Ticket'), accounts: source.repository('Account'), models: source.models },
    raw: async (sql) => (await pool.query(sql)).rows as Row[],
  };
  const close = async (): Promise<void> => {
    await source.source.destroy();
    await pool.end();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  };
  return { setup, source, schema, close };
}

async function onPglite(): Promise<{ setup: Setup; close(): Promise<void> }> {
  const pglite: PGlite = await freshPglite();
  await pglite.exec(`SET TIME ZONE '${ZONE}'; ${TYPEORM_POSTGRES_DDL.join(';\n')}`);
  const setup: Setup = { repos: lib.createRepositories(lib.pgliteDb(pglite)), raw: async (sql) => (await pglite.query<Row>(sql)).rows };
  return { setup, close: () => pglite.close() };
}

it(
  'compiles under tsc --strict: arrays are lists, timestamps Dates, a numeric simple-enum its enum',
  async () => {
    expect(await typecheck(project.root, ['models/**/*.ts', 'generated/**/*.ts', 'usage.ts'])).toBe('');
  },
  PROJECT_COMPILE_TIMEOUT,
);

describe.skipIf(postgres.url === undefined)(`TypeORM's DDL on the PostgreSQL server${postgres.skipNote}`, () => {
  it('is what PGlite gets', async () => {
    const { source, schema, close } = await onPostgres();
    try {
      const created = source.queries.filter((query) => /^CREATE (TABLE|TYPE)/.test(query)).map((query) => comparable(query, schema));
      expect(created.sort()).toEqual(TYPEORM_POSTGRES_DDL.map((statement) => comparable(statement, schema)).sort());
    } finally {
      await close();
    }
  });
});

const postgresEngines: Array<{ name: string; skip: boolean; open(): Promise<{ setup: Setup; close(): Promise<void> }> }> = [
  { name: `the PostgreSQL server${postgres.skipNote}`, skip: postgres.url === undefined, open: onPostgres },
  { name: 'PGlite', skip: false, open: onPglite },
];

describe.each(postgresEngines)("TypeORM's PostgreSQL tables on $name, the session in Asia/Kolkata", ({ skip, open }) => {
  let setup: Setup;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (skip) return;
    ({ setup, close } = await open());
  });
  afterAll(async () => close?.());

  const post = (extra: Row = {}): Row => ({ tags: TAGS, labels: null, scores: [1, -2, 2147483647], publishedAt: new Date('2024-02-29T23:45:56.789Z'), ...extra });

  it.skipIf(skip)('reads and writes array columns as lists, both ways', async () => {
    const created = await setup.repos.posts.create(post());
    expect(created).toMatchObject(post());
    expect(await setup.repos.posts.findById(created['id'])).toEqual(created);
    const labelled = await setup.repos.posts.create(post({ tags: [], labels: ['x', 'y z'], scores: [] }));
    expect(await setup.repos.posts.findById(labelled['id'])).toMatchObject({ tags: [], labels: ['x', 'y z'], scores: [] });
    await setup.repos.posts.update(labelled['id'], { tags: ['after'], labels: [] });
    expect(await setup.repos.posts.findById(labelled['id'])).toMatchObject({ tags: ['after'], labels: [] });
    // PostgreSQL's own arrays, not JSON text.
    const [stored] = await setup.raw(`SELECT array_length("tags", 1) AS n, "tags"[9] AS last, "scores"::text AS scores FROM "post" WHERE "id" = ${Number(created['id'])}`);
    expect(stored).toEqual({ n: TAGS.length, last: 'é🙂', scores: '{1,-2,2147483647}' });
    if (setup.typeorm) {
      expect({ ...(await setup.typeorm.posts.findOneByOrFail({ id: created['id'] })) }).toMatchObject(post());
      const saved = await setup.typeorm.posts.save(Object.assign(new setup.typeorm.models.Post(), post({ labels: ['only'] })));
      expect(await setup.repos.posts.findById(saved['id'])).toMatchObject(post({ labels: ['only'] }));
    } else {
      const [inserted] = await setup.raw(`INSERT INTO "post" ("tags", "labels", "scores", "publishedAt") VALUES ('{a,"b c",""}', '{}', '{3}', '2024-01-01 00:00:00') RETURNING "id"`);
      expect(await setup.repos.posts.findById(inserted!['id'])).toMatchObject({ tags: ['a', 'b c', ''], labels: [], scores: [3] });
    }
  });

  it.skipIf(skip)('refuses an array it cannot give as the row type: a NULL item, naming the table, the column and the row', async () => {
    const [inserted] = await setup.raw(`INSERT INTO "post" ("tags", "scores", "publishedAt") VALUES (ARRAY['a', NULL], '{}', now()) RETURNING "id"`);
    const id = Number(inserted!['id']);
    const error = await setup.repos.posts.findById(id).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(lib.SqlBuilderError);
    expect((error as Error).message).toMatch(/post\.tags/);
    expect((error as Error).message).toContain(`id ${id}`);
    await setup.raw(`DELETE FROM "post" WHERE "id" = ${id}`);
  });

  it.skipIf(skip)("reads and writes TypeORM's string-typed bigint[] and numeric[] items as their exact text, both ways (tester s14 T-4)", async () => {
    const account = { ids: ['9007199254740993', '-9223372036854775808', '0'], amounts: ['1.50', '-0.01'], ratios: ['3.14159265358979323846264'] };
    const created = await setup.repos.accounts.create(account);
    expect(created).toEqual({ id: created['id'], ...account, notes: null });
    expect(await setup.repos.accounts.findById(created['id'])).toEqual(created);
    // PostgreSQL's own arrays of the items' types, not jsonb.
    const [stored] = await setup.raw(
      `SELECT pg_typeof("ids")::text AS type, "ids"::text AS ids, "amounts"::text AS amounts, "ratios"::text AS ratios FROM "account" WHERE "id" = ${Number(created['id'])}`,
    );
    expect(stored).toEqual({ type: 'bigint[]', ids: '{9007199254740993,-9223372036854775808,0}', amounts: '{1.50,-0.01}', ratios: '{3.14159265358979323846264}' });
    await setup.repos.accounts.update(created['id'], { ids: [], amounts: ['99999999.99'] });
    expect(await setup.repos.accounts.findById(created['id'])).toMatchObject({ ids: [], amounts: ['99999999.99'] });
    if (setup.typeorm) {
      // TypeORM reads bigint[] items as text, numeric[] items through pg's parseFloat (its own doing).
      expect({ ...(await setup.typeorm.accounts.findOneByOrFail({ id: created['id'] })) }).toMatchObject({ ids: [], amounts: [99999999.99] });
      const saved = await setup.typeorm.accounts.save(Object.assign(new setup.typeorm.models.Account(), { ids: ['9223372036854775807', '1'], amounts: ['7.00'] }));
      expect(await setup.repos.accounts.findById(saved['id'])).toEqual({ id: saved['id'], ids: ['9223372036854775807', '1'], amounts: ['7.00'], ratios: null, notes: null });
    } else {
      const [inserted] = await setup.raw(`INSERT INTO "account" ("ids", "amounts") VALUES ('{9223372036854775807,1}', '{7}') RETURNING "id"`);
      expect(await setup.repos.accounts.findById(inserted!['id'])).toEqual({ id: inserted!['id'], ids: ['9223372036854775807', '1'], amounts: ['7.00'], ratios: null, notes: null });
    }
  });

  it.skipIf(skip)('refuses a PostgreSQL array it reads no list of the row type from, naming the row, never a string', async () => {
    const [inserted] = await setup.raw(`INSERT INTO "account" ("ids", "notes") VALUES ('{1}', '{a,NULL}') RETURNING "id"`);
    const id = Number(inserted!['id']);
    const read = await setup.repos.accounts.findById(id).then(
      (row) => row,
      (caught: unknown) => caught,
    );
    // node-postgres gives the array's text, which is no JSON list; PGlite parses it into the list.
    if (read instanceof Error) {
      expect(read).toBeInstanceOf(lib.SqlBuilderError);
      expect(read.message).toMatch(/account\.notes/);
      expect(read.message).toContain(`id ${id}`);
    } else {
      expect((read as Row)['notes']).toEqual(['a', null]);
    }
    if (setup.typeorm) expect(read).toBeInstanceOf(lib.SqlBuilderError);
    await setup.raw(`DELETE FROM "account" WHERE "id" = ${id}`);
  });

  it.skipIf(skip)('round-trips a Date through a timestamp column as the same instant, and stamps now', async () => {
    const before = Date.now();
    const created = await setup.repos.posts.create(post());
    const after = Date.now();
    expect(created['publishedAt']).toEqual(new Date('2024-02-29T23:45:56.789Z'));
    for (const stamp of ['createdAt', 'updatedAt']) {
      const time = (created[stamp] as Date).getTime();
      expect(time, stamp).toBeGreaterThanOrEqual(before);
      expect(time, stamp).toBeLessThanOrEqual(after);
    }
    // The column holds UTC's wall time, as TypeORM writes it from a process in UTC.
    const [stored] = await setup.raw(`SELECT "publishedAt"::text AS at FROM "post" WHERE "id" = ${Number(created['id'])}`);
    expect(stored).toEqual({ at: '2024-02-29 23:45:56.789' });
    const found = await setup.repos.posts.findMany({ where: { publishedAt: { gte: new Date('2024-02-29T23:45:56.789Z'), lt: new Date('2024-03-01T00:00:00Z') } } });
    expect(found.map((row) => row['id'])).toContain(created['id']);
    const visit = await setup.repos.visits.create({ page: '/' });
    expect((visit['openedAt'] as Date).getTime()).toBeGreaterThanOrEqual(before);
    expect((visit['openedAt'] as Date).getTime()).toBeLessThanOrEqual(Date.now());
    if (setup.typeorm) {
      expect({ ...(await setup.typeorm.posts.findOneByOrFail({ id: created['id'] })) }).toMatchObject({ publishedAt: created['publishedAt'], createdAt: created['createdAt'] });
      const saved = await setup.typeorm.posts.save(Object.assign(new setup.typeorm.models.Post(), post({ publishedAt: new Date('1999-12-31T20:00:00.001Z') })));
      expect((await setup.repos.posts.findById(saved['id']))?.['publishedAt']).toEqual(new Date('1999-12-31T20:00:00.001Z'));
    }
  });

  it.skipIf(skip)("reads and writes a numeric simple-enum as TypeORM's text, filtered and sorted as numbers", async () => {
    const urgent = await setup.repos.tickets.create({ priority: 10, escalation: 2 });
    expect(urgent).toMatchObject({ priority: 10, escalation: 2 });
    const low = await setup.repos.tickets.create({});
    expect(low).toMatchObject({ priority: 1, escalation: null });
    await setup.repos.tickets.create({ priority: 2 });
    const [stored] = await setup.raw(`SELECT "priority"::text AS priority FROM "ticket" WHERE "id" = ${Number(urgent['id'])}`);
    expect(stored).toEqual({ priority: '10' });
    expect((await setup.repos.tickets.findMany({ orderBy: { priority: 'desc' } })).map((row) => row['priority'])).toEqual([10, 2, 1]);
    expect((await setup.repos.tickets.findMany({ where: { priority: { gt: 1 } } })).map((row) => row['priority']).sort()).toEqual([10, 2]);
    expect((await setup.repos.tickets.findMany({ where: { priority: { in: [1, 10] } } })).length).toBe(2);
    if (setup.typeorm) {
      expect({ ...(await setup.typeorm.tickets.findOneByOrFail({ id: urgent['id'] })) }).toMatchObject({ priority: 10, escalation: 2 });
      const saved = await setup.typeorm.tickets.save(Object.assign(new setup.typeorm.models.Ticket(), { priority: 2, escalation: 10 }));
      expect(await setup.repos.tickets.findById(saved['id'])).toMatchObject({ priority: 2, escalation: 10 });
    }
  });
});

describe("TypeORM's SQLite tables (better-sqlite3)", () => {
  const typeorm = typeormSqlite('typeorm-postgres', ['visits.ts', 'tickets.ts'], ['Visit', 'Ticket']);
  let repos: ReturnType<Modules['createRepositories']>;
  let visits: TypeormRepository;
  let tickets: TypeormRepository;
  beforeAll(async () => {
    await typeorm.source.initialize();
    visits = typeorm.repository('Visit');
    tickets = typeorm.repository('Ticket');
    repos = lib.createRepositories(lib.sqliteDb(typeorm.connection()));
  });
  afterAll(() => typeorm.source.destroy());

  it("reads and writes a numeric simple-enum as TypeORM's text, filtered and sorted as numbers", async () => {
    const urgent = await repos.tickets.create({ priority: 10, escalation: 2 });
    expect(urgent).toMatchObject({ priority: 10, escalation: 2 });
    await repos.tickets.create({});
    await repos.tickets.create({ priority: 2 });
    const [stored] = await tickets.query(`SELECT "priority", typeof("priority") AS type FROM "ticket" WHERE "id" = ${Number(urgent['id'])}`);
    expect(stored).toEqual({ priority: '10', type: 'text' });
    expect((await repos.tickets.findMany({ orderBy: { priority: 'desc' } })).map((row) => row['priority'])).toEqual([10, 2, 1]);
    expect((await repos.tickets.findMany({ where: { priority: { gte: 2 } } })).map((row) => row['priority']).sort()).toEqual([10, 2]);
    expect({ ...(await tickets.findOneByOrFail({ id: urgent['id'] })) }).toMatchObject({ priority: 10, escalation: 2 });
    const saved = await tickets.save(Object.assign(new typeorm.models.Ticket(), { priority: 2, escalation: 10 }));
    expect(await repos.tickets.findById(saved['id'])).toMatchObject({ priority: 2, escalation: 10 });
  });

  it('stamps now in the datetime columns TypeORM made, which TypeORM reads back as the same instant', async () => {
    const before = Date.now();
    const created = await repos.visits.create({ page: '/' });
    const after = Date.now();
    for (const stamp of ['openedAt', 'touchedAt']) {
      const time = (created[stamp] as Date).getTime();
      expect(time, stamp).toBeGreaterThanOrEqual(before);
      expect(time, stamp).toBeLessThanOrEqual(after);
    }
    expect({ ...(await visits.findOneByOrFail({ id: created['id'] })) }).toMatchObject({ openedAt: created['openedAt'], touchedAt: created['touchedAt'] });
    const saved = await visits.save(Object.assign(new typeorm.models.Visit(), { page: '/a' }));
    expect((await repos.visits.findById(saved['id']))?.['openedAt']).toEqual(saved['openedAt']);
  });
});

it('makes the numeric simple-enum the text of its values on both dialects, as TypeORM does', () => {
  expect(project.schema('sqlite')).toMatch(/"priority" TEXT NOT NULL DEFAULT '1'/);
  expect(project.schema('postgres')).toMatch(/"priority" text NOT NULL DEFAULT '1'/);
  for (const dialect of ['postgres', 'sqlite'] as const) expect(project.schema(dialect)).toContain(`CHECK ("priority" IN ('1', '2', '10'))`);
});

it('makes array: true columns PostgreSQL arrays, as TypeORM does (JSON text on SQLite)', () => {
  expect(project.schema('postgres')).toMatch(/"tags" text\[\] NOT NULL,/);
  expect(project.schema('postgres')).toMatch(/"labels" varchar\(20\)\[\],/);
  expect(project.schema('postgres')).toMatch(/"scores" int\[\] NOT NULL DEFAULT '\{\}',/);
  expect(project.schema('sqlite')).toMatch(/"tags" TEXT NOT NULL/);
  expect(project.schema('postgres')).toMatch(/"ids" bigint\[\] NOT NULL,/);
  expect(project.schema('postgres')).toMatch(/"amounts" numeric\(10, ?2\)\[\] NOT NULL DEFAULT '\{\}',/);
  expect(project.schema('postgres')).toMatch(/"ratios" numeric\[\],/);
  expect(project.schema('sqlite')).toMatch(/"ids" TEXT NOT NULL/);
});

describe.each(await engines())("codegen's own tables for the same entities on $name", (engine) => {
  const database = suiteDatabase(engine, () => lib as unknown as GeneratedAdapters, () => project.schema(engine.dialect), ['post', 'visit', 'ticket', 'account']);
  let repos: ReturnType<Modules['createRepositories']>;
  beforeAll(() => {
    if (!engine.skip) repos = lib.createRepositories(database.db);
  });

  it('round-trips arrays and Dates', async () => {
    const written = { tags: TAGS, labels: ['x'], scores: [0, -7], publishedAt: new Date('0099-01-01T00:00:00.001Z') };
    const created = await repos.posts.create(written);
    expect(await repos.posts.findById(created['id'])).toEqual(created);
    expect(created).toMatchObject(written);
  });

  it('round-trips bigint[] and numeric[] items as their text, and refuses items their columns would', async () => {
    const written = { ids: ['9223372036854775807', '-1'], amounts: ['0.10'], ratios: ['1.5'], notes: null };
    const created = await repos.accounts.create(written);
    expect(created).toEqual({ id: created['id'], ...written });
    expect(await repos.accounts.findById(created['id'])).toEqual(created);
    const error = await repos.accounts.create({ ids: ['9223372036854775808', '01'], amounts: ['1.5', '100000000.00'], ratios: ['1.50'] }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(lib.ValidationError);
    expect((error as InstanceType<Modules['ValidationError']>).issues.map((issue: { path: string }) => issue.path)).toEqual(['/ids/0', '/ids/1', '/amounts/0', '/amounts/1', '/ratios/0']);
  });

  it('sorts and filters a numeric simple-enum as numbers', async () => {
    for (const priority of [10, 2, 1]) await repos.tickets.create({ priority });
    expect((await repos.tickets.findMany({ orderBy: { priority: 'asc' } })).map((row) => row['priority'])).toEqual([1, 2, 10]);
    expect((await repos.tickets.findMany({ where: { priority: { lt: 10 } }, orderBy: { priority: 'desc' } })).map((row) => row['priority'])).toEqual([2, 1]);
  });

  it("refuses items the array's item type cannot hold, as a ValidationError on every engine", async () => {
    const written = { tags: ['ok'], labels: ['x'.repeat(21)], scores: [1.5, 2 ** 31], publishedAt: new Date(0) };
    const error = await repos.posts.create(written).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(lib.ValidationError);
    expect((error as InstanceType<Modules['ValidationError']>).issues.map((issue: { path: string; code: string }) => [issue.path, issue.code])).toEqual([
      ['/labels/0', 'maxLength'],
      ['/scores/0', 'type'],
      ['/scores/1', 'maximum'],
    ]);
    const nul = await repos.posts.create({ ...written, labels: null, scores: [], tags: ['a\u0000'] }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect((nul as InstanceType<Modules['ValidationError']>).issues.map((issue: { path: string; code: string }) => [issue.path, issue.code])).toEqual([['/tags/0', 'pattern']]);
  });
});
