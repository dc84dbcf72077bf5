/**
 * TypeORM's enum columns on PostgreSQL (fixture typeorm-enums, tester9 F9): `@Column({ type:
 * 'enum', enum: Status })` and `simple-enum` are PostgreSQL enum types in the table TypeORM
 * synchronizes, which compare and sort in the order their labels are declared (`'zeta'` before
 * `'alpha'`, `10` before `2`) and have no LIKE. The repositories compare such a column as its text
 * (a number enum's as its number), so TypeORM's table gives the rows codegen's own table gives.
 * TypeORM creates the table on the PostgreSQL server; PGlite gets TypeORM's DDL.
 */
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../templates/crud/db.js';
import { findPostgres, freshPglite } from '../../helpers/databases.js';
import { generateProject } from './generated-project.js';
import { typeormPostgres } from './typeorm-source.js';

type Row = Record<string, unknown>;
interface Repo {
  createMany(inputs: Row[]): Promise<Row[]>;
  findMany(options?: { where?: Row; orderBy?: Row | Row[] }): Promise<Row[]>;
}
interface Modules {
  pgliteDb(driver: unknown): Db;
  postgresDb(driver: unknown): Db;
  createRepositories(db: Db): { tickets: Repo };
}

const project = await generateProject('typeorm-enums');
const lib = await project.load<Modules>('index.ts');
const postgres = await findPostgres();

/** The DDL TypeORM 0.3 emits for the fixture's entity (synchronize). */
const TYPEORM_POSTGRES_DDL = [
  `CREATE TYPE "ticket_status_enum" AS ENUM('zeta', 'alpha', 'mid')`,
  `CREATE TYPE "ticket_level_enum" AS ENUM('10', '2', '1')`,
  `CREATE TYPE "ticket_mood_enum" AS ENUM('zeta', 'alpha', 'mid')`,
  `CREATE TABLE "ticket" ("id" SERIAL NOT NULL, "status" "ticket_status_enum" NOT NULL, "level" "ticket_level_enum" NOT NULL, "mood" "ticket_mood_enum" NOT NULL, CONSTRAINT "PK_ticket" PRIMARY KEY ("id"))`,
];

const comparable = (statement: string, schema: string): string =>
  statement.replaceAll(`"${schema}".`, '').replace(/CONSTRAINT "PK_\w+" PRIMARY KEY/, 'CONSTRAINT PK PRIMARY KEY');

async function onPostgres(): Promise<{ repos: ReturnType<Modules['createRepositories']>; created: string[]; close(): Promise<void> }> {
  const url = postgres.url!;
  const schema = `typeorm_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const source = typeormPostgres('typeorm-enums', 'tickets.ts', ['Ticket'], { url, schema });
  await source.source.initialize();
  const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}` });
  const created = source.queries.filter((query) => /^CREATE (TABLE|TYPE)/.test(query)).map((query) => comparable(query, schema));
  const close = async (): Promise<void> => {
    await source.source.destroy();
    await pool.end();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  };
  return { repos: lib.createRepositories(lib.postgresDb(pool)), created, close };
}

async function onPglite(ddl: readonly string[]): Promise<{ repos: ReturnType<Modules['createRepositories']>; close(): Promise<void> }> {
  const pglite: PGlite = await freshPglite();
  await pglite.exec(ddl.join(';\n'));
  return { repos: lib.createRepositories(lib.pgliteDb(pglite)), close: () => pglite.close() };
}

describe.skipIf(postgres.url === undefined)(`TypeORM's DDL on the PostgreSQL server${postgres.skipNote}`, () => {
  it('is what PGlite gets', async () => {
    const { created, close } = await onPostgres();
    try {
      expect(created.sort()).toEqual(TYPEORM_POSTGRES_DDL.map((statement) => comparable(statement, 'none')).sort());
    } finally {
      await close();
    }
  });
});

const engines: Array<{ name: string; skip: boolean; open(): Promise<{ repos: ReturnType<Modules['createRepositories']>; close(): Promise<void> }> }> = [
  { name: `TypeORM's table on the PostgreSQL server${postgres.skipNote}`, skip: postgres.url === undefined, open: onPostgres },
  { name: "TypeORM's table on PGlite", skip: false, open: () => onPglite(TYPEORM_POSTGRES_DDL) },
  { name: "codegen's own table on PGlite", skip: false, open: () => onPglite([readFileSync(join(project.root, 'generated', 'schema.postgres.sql'), 'utf8')]) },
];

describe.each(engines)('an enum column on $name', ({ skip, open }) => {
  let repos: ReturnType<Modules['createRepositories']>;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (skip) return;
    ({ repos, close } = await open());
    await repos.tickets.createMany([
      { status: 'zeta', level: 10, mood: 'alpha' },
      { status: 'alpha', level: 2, mood: 'zeta' },
      { status: 'mid', level: 1, mood: 'mid' },
    ]);
  });
  afterAll(async () => close?.());

  const field = (rows: Row[], name: string) => rows.map((row) => row[name]);

  it.skipIf(skip)('sorts and pages by the text, a number enum by the number, not by the order of the labels', async () => {
    expect(field(await repos.tickets.findMany({ orderBy: { status: 'asc' } }), 'status')).toEqual(['alpha', 'mid', 'zeta']);
    expect(field(await repos.tickets.findMany({ orderBy: { level: 'asc' } }), 'level')).toEqual([1, 2, 10]);
    expect(field(await repos.tickets.findMany({ orderBy: { mood: 'desc' } }), 'mood')).toEqual(['zeta', 'mid', 'alpha']);
  });

  it.skipIf(skip)('compares by the text and the number, and matches like on the text', async () => {
    expect(field(await repos.tickets.findMany({ where: { level: { gt: 2 } } }), 'level')).toEqual([10]);
    expect(field(await repos.tickets.findMany({ where: { status: { gt: 'alpha' } }, orderBy: { status: 'asc' } }), 'status')).toEqual(['mid', 'zeta']);
    expect(field(await repos.tickets.findMany({ where: { status: { like: 'z%' } } }), 'status')).toEqual(['zeta']);
    expect(field(await repos.tickets.findMany({ where: { mood: { in: ['mid', 'zeta'] } }, orderBy: { mood: 'asc' } }), 'mood')).toEqual(['mid', 'zeta']);
    expect(field(await repos.tickets.findMany({ where: { level: 10 } }), 'level')).toEqual([10]);
  });
});
