/**
 * TypeORM's enum arrays on PostgreSQL (fixture typeorm-enum-arrays): `@Column({ type: 'enum',
 * enum: Role, array: true }) roles: Role[]` is an array of a PostgreSQL enum type in the table
 * TypeORM synchronizes (`"member_roles_enum" array`). TypeORM creates and writes it on the
 * PostgreSQL server; PGlite gets TypeORM's DDL. The repositories bind the members as PostgreSQL's
 * array text, which PostgreSQL reads as the column's type, and read the array's text back as the
 * list of members, both ways; codegen's own table is `text[]` (`integer[]` for a numeric enum).
 */
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../templates/crud/db.js';
import { findPostgres, freshPglite } from '../../helpers/databases.js';
import { typecheck } from '../../helpers/typecheck.js';
import { generateProject, PROJECT_COMPILE_TIMEOUT } from './generated-project.js';
import { typeormPostgres, type TypeormRepository, type TypeormSource } from './typeorm-source.js';

type Row = Record<string, unknown>;
interface Repo {
  create(input: Row): Promise<Row>;
  update(key: unknown, patch: Row): Promise<Row | undefined>;
  findById(key: unknown): Promise<Row | undefined>;
  findMany(options?: { where?: Row; orderBy?: Row | Row[] }): Promise<Row[]>;
}
interface Modules {
  pgliteDb(driver: unknown): Db;
  postgresDb(driver: unknown): Db;
  createRepositories(db: Db): { members: Repo };
}

const project = await generateProject('typeorm-enum-arrays');
const lib = await project.load<Modules>('index.ts');
const postgres = await findPostgres();

/** The DDL TypeORM 0.3 emits for the fixture's entity (synchronize), checked against TypeORM's own on the server. */
const TYPEORM_POSTGRES_DDL = [
  `CREATE TYPE "member_roles_enum" AS ENUM('admin', 'editor', 'guest user')`,
  `CREATE TYPE "member_levels_enum" AS ENUM('1', '10')`,
  `CREATE TABLE "member" ("id" SERIAL NOT NULL, "name" character varying NOT NULL, "roles" "member_roles_enum" array NOT NULL DEFAULT '{}', "levels" "member_levels_enum" array, CONSTRAINT "PK_member" PRIMARY KEY ("id"))`,
];

/** A CREATE statement without its schema qualifier and its primary key's name (TypeORM's is a hash). */
function comparable(statement: string, schema: string): string {
  return statement.replaceAll(`"${schema}".`, '').replace(/CONSTRAINT "PK_\w+" PRIMARY KEY/, 'CONSTRAINT PK PRIMARY KEY');
}

interface Setup {
  repos: ReturnType<Modules['createRepositories']>;
  /** TypeORM's repository and entity class (absent on PGlite, where TypeORM does not run). */
  typeorm?: { members: TypeormRepository; Member: new () => object };
  raw(sql: string): Promise<Row[]>;
}

async function onPostgres(): Promise<{ setup: Setup; source: TypeormSource<'Member'>; schema: string; close(): Promise<void> }> {
  const url = postgres.url!;
  const schema = `typeorm_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const source = typeormPostgres('typeorm-enum-arrays', 'members.ts', ['Member'], { url, schema });
  await source.source.initialize();
  const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}` });
  const setup: Setup = {
    repos: lib.createRepositories(lib.postgresDb(pool)),
    typeorm: { members: source.repository('Member'), Member: source.models.Member },
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

async function onPglite(ddl: readonly string[]): Promise<{ setup: Setup; close(): Promise<void> }> {
  const pglite: PGlite = await freshPglite();
  await pglite.exec(ddl.join(';\n'));
  const setup: Setup = { repos: lib.createRepositories(lib.pgliteDb(pglite)), raw: async (sql) => (await pglite.query<Row>(sql)).rows };
  return { setup, close: () => pglite.close() };
}

it(
  'types an enum array as a list of the members',
  async () => {
    expect(await typecheck(project.root, ['models/**/*.ts', 'generated/**/*.ts', 'usage.ts'])).toBe('');
  },
  PROJECT_COMPILE_TIMEOUT,
);

it("makes codegen's own column an array of the members' type", () => {
  const schema = readFileSync(join(project.root, 'generated', 'schema.postgres.sql'), 'utf8');
  expect(schema).toContain(`"roles" text[] NOT NULL DEFAULT '{}'`);
  expect(schema).toContain(`"levels" integer[],`);
});

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

const engines: Array<{ name: string; skip: boolean; open(): Promise<{ setup: Setup; close(): Promise<void> }> }> = [
  { name: `TypeORM's table on the PostgreSQL server${postgres.skipNote}`, skip: postgres.url === undefined, open: onPostgres },
  { name: "TypeORM's table on PGlite", skip: false, open: () => onPglite(TYPEORM_POSTGRES_DDL) },
  {
    name: "codegen's own table on PGlite",
    skip: false,
    open: () => onPglite([readFileSync(join(project.root, 'generated', 'schema.postgres.sql'), 'utf8')]),
  },
];

describe.each(engines)('an enum array on $name', ({ name, skip, open }) => {
  let setup: Setup;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (skip) return;
    ({ setup, close } = await open());
  });
  afterAll(async () => close?.());

  it.skipIf(skip)('reads and writes the members, both ways', async () => {
    const member = { name: 'ann', roles: ['admin', 'guest user'], levels: [10, 1] };
    const created = await setup.repos.members.create(member);
    expect(created).toEqual({ id: created['id'], ...member });
    expect(await setup.repos.members.findById(created['id'])).toEqual(created);
    const [stored] = await setup.raw(`SELECT "roles"::text AS roles, "levels"::text AS levels, pg_typeof("roles")::text AS type FROM "member" WHERE "id" = ${Number(created['id'])}`);
    expect(stored).toEqual({
      roles: '{admin,"guest user"}',
      levels: '{10,1}',
      type: name.startsWith('TypeORM') ? 'member_roles_enum[]' : 'text[]',
    });
    await setup.repos.members.update(created['id'], { roles: [], levels: null });
    expect(await setup.repos.members.findById(created['id'])).toEqual({ id: created['id'], name: 'ann', roles: [], levels: null });
    const defaulted = await setup.repos.members.create({ name: 'bob' });
    expect(defaulted).toMatchObject({ roles: [], levels: null });
    if (setup.typeorm) {
      const saved = await setup.typeorm.members.save(Object.assign(new setup.typeorm.Member(), { name: 'cy', roles: ['editor', 'guest user'], levels: [1] }));
      expect(await setup.repos.members.findById(saved['id'])).toEqual({ id: saved['id'], name: 'cy', roles: ['editor', 'guest user'], levels: [1] });
      const theirs = await setup.typeorm.members.findOneByOrFail({ id: created['id'] });
      expect({ ...theirs }).toMatchObject({ roles: [], levels: null });
      await setup.repos.members.update(created['id'], { roles: ['editor'], levels: [10] });
      // TypeORM reads the labels back as the enum's values: the numbers of a numeric enum.
      expect({ ...(await setup.typeorm.members.findOneByOrFail({ id: created['id'] })) }).toMatchObject({ roles: ['editor'], levels: [10] });
    } else {
      const [inserted] = await setup.raw(`INSERT INTO "member" ("name", "roles", "levels") VALUES ('dee', '{editor,"guest user"}', '{1}') RETURNING "id"`);
      expect(await setup.repos.members.findById(inserted!['id'])).toEqual({ id: inserted!['id'], name: 'dee', roles: ['editor', 'guest user'], levels: [1] });
    }
  });
});
