/**
 * Mock lists of entities never repeat a unique value (s12 hE; docs/mock.md, "Lists of
 * entities"), on the unique-mocks fixture: 1000 mocks of an entity with a unique column of each
 * kind of mock value (plain text, a short word, slug, URL, email, integers with and without
 * bounds, number, bigint, date and date-time strings, a Date, uuid, a nullable column, a
 * composite unique) are distinct in each, valid, the same for a seed, and `createMany` inserts
 * them on SQLite, PGlite and PostgreSQL; a list longer than a unique column has values throws,
 * naming it and the number of its values.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../templates/crud/db.js';
import { typecheck } from '../../helpers/typecheck.js';
import { engines, suiteDatabase, type GeneratedAdapters } from './engines.js';
import { generateProject, PROJECT_COMPILE_TIMEOUT } from './generated-project.js';

type Row = Record<string, unknown>;
interface Repo {
  createMany(inputs: Row[]): Promise<Row[]>;
  findMany(options?: { orderBy?: Row }): Promise<Row[]>;
}
interface Modules extends GeneratedAdapters {
  createRepositories(db: Db): { things: Repo; smalls: Repo };
  mockThingList(count: number, options?: { seed?: number }): Row[];
  mockSmallList(count: number, options?: { seed?: number }): Row[];
  isThing(value: unknown): boolean;
  isSmall(value: unknown): boolean;
}

const project = await generateProject('unique-mocks');
const lib = await project.load<Modules>('index.ts');

const COUNT = 1000;
const SINGLE = ['id', 'name', 'code', 'slug', 'website', 'email', 'rank', 'ticket', 'score', 'serial', 'day', 'stamp', 'createdAt', 'token', 'title', 'nickname'];
const compared = (value: unknown): unknown => (value instanceof Date ? value.getTime() : value);

describe.each([1])('mockThingList(1000) with seed %i', (seed) => {
  const list = lib.mockThingList(COUNT, { seed });

  it.each(SINGLE)('no two items share a value of %s', (key) => {
    const values = list.map((item) => compared(item[key])).filter((value) => value !== null && value !== undefined);
    expect(new Set(values).size).toBe(values.length);
    // Nullable: null stands in a few items, as in SQL it collides with nothing.
    if (key !== 'nickname') expect(values.length).toBe(COUNT);
  });

  it('no two items share the composite (tenant, seq)', () => {
    expect(new Set(list.map((item) => JSON.stringify([item['tenant'], item['seq']]))).size).toBe(COUNT);
  });

  it('every item is valid, and the same seed gives the same list', () => {
    expect(list.filter((item) => !lib.isThing(item))).toEqual([]);
    expect(lib.mockThingList(COUNT, { seed })).toEqual(list);
  });
});

it('a list longer than a unique column has values throws, naming it and how many it has', () => {
  expect(lib.mockSmallList(2).every((item) => lib.isSmall(item))).toBe(true);
  // active: boolean has two values.
  expect(() => lib.mockSmallList(3)).toThrow('3 mocks cannot differ in Small.active (unique): it has only 2 values.');
  expect(() => lib.mockSmallList(1000)).toThrow('Small.role (unique): it has only 3 values');
});

it('compiles under tsc --strict', async () => {
  expect(await typecheck(project.root, ['models/**/*.ts', 'generated/**/*.ts'])).toBe('');
}, PROJECT_COMPILE_TIMEOUT);

describe.each(await engines())('createMany of 1000 mocks on $name', (engine) => {
  const database = suiteDatabase(engine, () => lib, () => project.schema(engine.dialect));
  let db: Db;
  beforeEach(() => {
    db = database.db;
  });

  it('inserts every item of the list: no unique column repeats', async () => {
    const { things } = lib.createRepositories(db);
    // A `@format date-time` string is a Date in rows and inputs (docs/sql.md).
    const list = lib.mockThingList(COUNT, { seed: 7 }).map((item) => ({ ...item, stamp: new Date(item['stamp'] as string) }));
    await things.createMany(list);
    expect(await things.findMany()).toHaveLength(COUNT);
  });

  it('inserts the two items of a list of unique columns with few values', async () => {
    const { smalls } = lib.createRepositories(db);
    await smalls.createMany(lib.mockSmallList(2, { seed: 7 }).map(({ id: _id, ...rest }) => rest));
    expect(await smalls.findMany()).toHaveLength(2);
  });
});
