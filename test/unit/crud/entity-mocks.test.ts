/**
 * The mocks of an entity insert through its repository (docs/mock.md "Lists of entities", tester3
 * G-7), on the entity-mocks fixture: a JSDoc entity and a TypeORM entity with a column of each
 * kind a mock draws (texts with lengths, patterns and formats, integers of each width, floats,
 * bigint, numeric text, numeric(p, s) numbers, char(n), date, time, uuid, simple-array,
 * simple-json, JSON, enums, Dates, nullable and optional columns, stamps). Each mock is valid
 * (`isT`), and `create` takes it as it is, with one documented exception: a `@format date-time`
 * string stored as a timestamp is a `Date` in the inputs and rows, so it is given as
 * `new Date(text)`. Before, a TypeORM `time` column's mock was any text (the entity's type had no
 * time-of-day pattern), which the crud input refused and PostgreSQL's `time` cannot hold.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../templates/crud/db.js';
import { engines, suiteDatabase, type GeneratedAdapters } from './engines.js';
import { generateProject } from './generated-project.js';

type Row = Record<string, unknown>;
interface Repo {
  create(input: Row): Promise<Row>;
  createMany(inputs: Row[]): Promise<Row[]>;
  count(): Promise<number>;
}
interface Modules extends GeneratedAdapters {
  createRepositories(db: Db): { notes: Repo; products: Repo };
  mockNote(overrides?: Row, options?: { seed?: number }): Row;
  mockNoteList(count: number, options?: { seed?: number }): Row[];
  mockProduct(overrides?: Row, options?: { seed?: number }): Row;
  mockProductList(count: number, options?: { seed?: number }): Row[];
  isNote(value: unknown): boolean;
  isProduct(value: unknown): boolean;
}

const project = await generateProject('entity-mocks');
const lib = await project.load<Modules>('index.ts');

const SEEDS = Array.from({ length: 150 }, (_, i) => i + 1);
/** The documented mapping: Note's `@format date-time` strings are Dates in its inputs (docs/crud.md). */
const asDate = (text: unknown) => (typeof text === 'string' ? new Date(text) : text);
const noteInput = (note: Row): Row => ({ ...note, stamp: asDate(note['stamp']), ...('seen' in note ? { seen: asDate(note['seen']) } : {}) });

const ENTITIES = [
  { name: 'Note', table: 'notes', mock: (seed: number) => lib.mockNote(undefined, { seed }), list: lib.mockNoteList, is: lib.isNote, input: noteInput },
  { name: 'Product', table: 'product', mock: (seed: number) => lib.mockProduct(undefined, { seed }), list: lib.mockProductList, is: lib.isProduct, input: (product: Row) => product },
] as const;

it.each(ENTITIES)("every mock of $name is valid, and a TypeORM time column's is PostgreSQL's time text", ({ name, mock, is }) => {
  for (const seed of SEEDS) expect(is(mock(seed)), `${name} seed ${seed}`).toBe(true);
  if (name === 'Product') {
    for (const seed of SEEDS) expect(mock(seed)['opensAt']).toMatch(/^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{0,5}[1-9])?$|^24:00:00$/);
    expect(lib.isProduct({ ...mock(1), opensAt: '2024-04-16T03:32:18Z' })).toBe(false);
    expect(lib.isProduct({ ...mock(1), opensAt: '12:00' })).toBe(false);
  }
});

describe.each(await engines())('mocks insert through create on $name', (engine) => {
  const database = suiteDatabase(engine, () => lib, () => project.schema(engine.dialect), ['notes', 'product']);
  let repositories: ReturnType<Modules['createRepositories']>;
  beforeEach(() => {
    repositories = lib.createRepositories(database.db);
  });

  it.each(ENTITIES)('$name: each mock of 150 seeds, then a list of 100 through createMany', async ({ table, mock, list, input }) => {
    const repository = repositories[table === 'notes' ? 'notes' : 'products'];
    const refused: string[] = [];
    for (const seed of SEEDS) {
      await repository.create(input(mock(seed))).catch((error: Error & { issues?: Array<{ path: string; code: string }> }) => {
        refused.push(`seed ${seed}: ${error.issues ? error.issues.map((issue) => `${issue.path} ${issue.code}`).join(', ') : error.message}`);
      });
    }
    expect(refused).toEqual([]);
    await repository.createMany(list(100, { seed: 7 }).map(input));
    expect(await repository.count()).toBe(SEEDS.length + 100);
  });
});
