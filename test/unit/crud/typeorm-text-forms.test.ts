/**
 * TypeORM's text forms on the tables TypeORM itself creates (tester s13 T-N), on the
 * typeorm-text-forms fixture compiled as a TypeORM project compiles it and synchronized on
 * better-sqlite3: `simple-array` is the items joined by ',' ('' the empty list), `simple-json`
 * JSON.stringify's text, `simple-enum` the value's text. TypeORM writes rows the repositories read,
 * the repositories write rows TypeORM reads back, and a list TypeORM would read back otherwise
 * (an item with ',', which it does not escape; the list ['']) is a ValidationError at its path.
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
}
interface Modules {
  sqliteDb(driver: unknown): Db;
  createRepositories(db: Db): { notes: Repo };
  ValidationError: new (...args: never[]) => Error & { issues: Array<{ path: string; code: string; expected?: string }> };
}

const project = await generateProject('typeorm-text-forms');
const lib = await project.load<Modules>('index.ts');

// The fixture's models as TypeORM runs them.
const typeorm = typeormSqlite('typeorm-text-forms', 'notes.ts', ['Note']);
const { source, models } = typeorm;
let theirs: TypeormRepository;
let repos: ReturnType<Modules['createRepositories']>;

beforeAll(async () => {
  await source.initialize();
  theirs = typeorm.repository('Note');
  repos = lib.createRepositories(lib.sqliteDb(typeorm.connection()));
});
afterAll(() => source.destroy());
beforeEach(() => theirs.clear());

const note = (extra: Row = {}): Row => ({ tags: ['a', 'b c', ''], aliases: [], data: { n: 1, words: ['x, y'] }, level: 'high', ...extra });

/** The issues (path, code) of the ValidationError `promise` rejects with. */
async function issues(promise: Promise<unknown>): Promise<Array<[string, string]>> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(lib.ValidationError);
  return (error as { issues: Array<{ path: string; code: string }> }).issues.map((issue): [string, string] => [issue.path, issue.code]);
}

it('makes text columns for simple-array and simple-json, as TypeORM does', () => {
  for (const dialect of ['postgres', 'sqlite'] as const) {
    const schema = project.schema(dialect);
    for (const column of ['tags', 'aliases', 'data']) expect(schema).toMatch(new RegExp(`"${column}" (text|TEXT)[ ,\\n]`));
  }
});

it('reads the rows TypeORM wrote: its comma-joined lists, JSON text and enum text', async () => {
  for (const written of [note(), note({ tags: [], aliases: null, level: 'low' }), note({ tags: ['', ''], aliases: ['only'] })]) {
    const saved = await theirs.save(Object.assign(new models.Note(), written));
    expect(await repos.notes.findById(saved['id'])).toEqual({ id: saved['id'], ...written });
  }
  const [raw] = await theirs.query(`SELECT "tags", "data", "level" FROM "note" ORDER BY "id" LIMIT 1`);
  expect(raw).toEqual({ tags: 'a,b c,', data: '{"n":1,"words":["x, y"]}', level: 'high' });
});

it('writes rows TypeORM reads back as written', async () => {
  for (const written of [note(), note({ tags: [], aliases: null, level: 'low' }), note({ tags: ['', ''], aliases: ['only'] })]) {
    const created = await repos.notes.create(written);
    expect(created).toEqual({ id: created['id'], ...written });
    expect({ ...(await theirs.findOneByOrFail({ id: created['id'] })) }).toEqual(created);
  }
  const created = await repos.notes.create(note());
  await repos.notes.update(created['id'], { tags: ['d'], data: { n: 2, words: [] } });
  expect({ ...(await theirs.findOneByOrFail({ id: created['id'] })) }).toMatchObject({ tags: ['d'], data: { n: 2, words: [] } });
});

it("refuses a simple-array list TypeORM would read back otherwise: an item with ',' (not escaped) and the list [''] (stored as '')", async () => {
  expect(await issues(repos.notes.create(note({ tags: ['a', 'b,c'] })))).toEqual([['/tags/1', 'pattern']]);
  expect(await issues(repos.notes.create(note({ tags: [''], aliases: ['x,'] })))).toEqual([
    ['/tags', 'minLength'],
    ['/aliases/0', 'pattern'],
  ]);
  const created = await repos.notes.create(note());
  expect(await issues(repos.notes.update(created['id'], { tags: [','] }))).toEqual([['/tags/0', 'pattern']]);
  expect((await repos.notes.findById(created['id']))?.['tags']).toEqual(['a', 'b c', '']);
});

it(
  'types simple-array as a list of strings and simple-json as its property',
  async () => {
    expect(await typecheck(project.root, ['models/**/*.ts', 'generated/**/*.ts', 'usage.ts'])).toBe('');
  },
  PROJECT_COMPILE_TIMEOUT,
);
