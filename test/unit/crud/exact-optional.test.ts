/**
 * The repositories' and builders' option types under `exactOptionalPropertyTypes` (tester s12
 * T8e): an option a caller fills from a variable may be `undefined` (`after: page.at(-1)`,
 * `limit: query.limit`), and `undefined` means the option is absent, as at run time. Without
 * `| undefined` on each optional member such calls are TS2379 under @tsconfig/strictest.
 * The same holds for the optional keys of the create and update inputs and of the builders'
 * written values (issue 9): `books.update(id, { title: maybeTitle })` compiles, and on every
 * engine an `undefined` key is an absent one (the column's default on create, the stored value
 * on update and upsert), as in Prisma, Drizzle and Kysely.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../templates/crud/db.js';
import { typecheck } from '../../helpers/typecheck.js';
import { engines, suiteDatabase } from './engines.js';
import { generateProject, PROJECT_COMPILE_TIMEOUT, type GeneratedProject } from './generated-project.js';
import type { LibraryModules, LibraryRepositories } from './library-types.js';

/** Every optional option given `undefined` or a variable that may be `undefined`. */
const USAGE = `
import { bookSql, createRepositories, type BookRow, type Db } from './generated/index.js';

export interface Query {
  title?: string | undefined;
  minPrice?: number | undefined;
  limit?: number | undefined;
  withAuthor?: boolean | undefined;
}

export async function exactUsage(db: Db, query: Query): Promise<number> {
  const { authors, books } = createRepositories(db);
  // Keyset paging: the last row of a page is Row | undefined.
  let seen = 0;
  let page = await books.findMany({ orderBy: { title: 'asc' }, limit: 2 });
  while (page.length > 0) {
    seen += page.length;
    page = await books.findMany({ orderBy: { title: 'asc' }, limit: 2, after: page.at(-1) });
  }
  const orderBy = query.title === undefined ? undefined : ({ title: 'desc' } as const);
  const found = await books.findMany({
    where: { title: query.title, price: { gte: query.minPrice, lte: undefined }, and: undefined, or: undefined, not: undefined },
    orderBy,
    limit: query.limit,
    offset: undefined,
    after: undefined,
    include: { author: query.withAuthor, genres: undefined },
  });
  const first = found[0];
  if (first !== undefined) {
    await books.upsert({ ...first, genres: undefined } as never, { conflict: undefined, update: undefined });
  }
  await books.findMany({ where: undefined, orderBy: undefined, include: undefined });
  await books.findMany({ orderBy: [{ price: undefined, title: 'asc' }] });
  await authors.count(undefined);
  return seen + (await books.count({ title: { like: undefined, in: undefined, isNull: undefined } }));
}

/** Create and update inputs filled from a form whose optional fields may be undefined. */
export interface BookForm {
  title?: string | undefined;
  publisherId?: number | null | undefined;
  edition?: number | undefined;
  dimensions?: { widthCm: number; heightCm: number } | null | undefined;
}

export async function inputUsage(db: Db, form: BookForm, authorId: string, bio: string | undefined): Promise<void> {
  const { authors, books } = createRepositories(db);
  await authors.update(authorId, { bio, born: undefined, rating: undefined });
  const required = { isbn: '9780000000009', authorId, price: 1, format: 'ebook' as const, inPrint: true, tags: [], publishedAt: new Date() };
  const book = await books.create({ ...required, title: 'x', publisherId: form.publisherId, edition: form.edition, dimensions: form.dimensions });
  await books.createMany([{ ...required, title: 'y', edition: undefined, publisherId: undefined, dimensions: undefined }]);
  await books.upsert({ ...required, title: 'z', edition: form.edition }, { conflict: 'books_isbn_key' });
  await books.update(book.id, { title: form.title, edition: form.edition, publisherId: form.publisherId, tags: undefined });
  await books.updateMany({ id: book.id }, { title: form.title, dimensions: form.dimensions });
  // @ts-expect-error a required create key still refuses undefined
  await books.create({ ...required, title: form.title });
}

/** The query builders' options: the same rule. */
export function builderUsage(query: Query, last: BookRow | undefined, returning: boolean | undefined): void {
  const sql = bookSql('sqlite');
  sql.select({ columns: undefined, where: { title: query.title }, orderBy: undefined, limit: query.limit, offset: undefined, after: last, join: { author: query.withAuthor ? true : undefined } });
  sql.count(undefined);
  sql.insert({ title: 'x' }, { returning });
  sql.insert([{ title: query.title, price: query.minPrice }], { returning });
  sql.insertChunks([{ title: query.title }], { returning: undefined });
  sql.update({ set: { title: query.title, price: undefined }, where: { title: 'y' } });
  sql.upsert({ values: [{ title: query.title }], conflict: 'primaryKey' });
  sql.insertChunks([{ title: 'x' }], { returning, maxValues: query.limit });
  sql.update({ set: { title: 'x' }, where: { title: 'y' }, all: undefined, returning });
  sql.delete({ where: { title: 'y' }, returning });
  sql.upsert({ values: { title: 'x' }, conflict: 'primaryKey', update: undefined, returning });
}
`;

let project: GeneratedProject;
let lib: LibraryModules;

beforeAll(async () => {
  project = await generateProject('library');
  lib = await project.load<LibraryModules>('index.ts');
});

describe('option types under exactOptionalPropertyTypes', () => {
  it(
    'accept undefined for every optional option (keyset loop with page.at(-1))',
    async () => {
      writeFileSync(join(project.root, 'exact-usage.ts'), USAGE);
      const messages = await typecheck(project.root, ['models/**/*.ts', 'generated/**/*.ts', 'exact-usage.ts'], {
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
      });
      expect(messages).toBe('');
    },
    PROJECT_COMPILE_TIMEOUT,
  );
});

const [sqlite] = await engines();

describe('undefined options at run time', () => {
  let db: Db;
  let close: () => Promise<void>;
  let repos: LibraryRepositories;

  beforeAll(async () => {
    ({ db, close } = await sqlite!.open(lib));
    await db.exec(project.schema('sqlite'));
    repos = lib.createRepositories(db);
    const ada = await repos.authors.create({ name: 'Ada', email: 'ada@example.com', rating: 4 });
    for (const [index, title] of ['C', 'A', 'B'].entries()) {
      await repos.books.create({
        title,
        isbn: `978000000000${index}`,
        authorId: ada.id,
        publisherId: null,
        price: 10 + index,
        format: 'ebook',
        inPrint: true,
        tags: [],
        dimensions: null,
        publishedAt: new Date('2020-01-01T00:00:00Z'),
      });
    }
  });
  afterAll(async () => close?.());

  const titles = (rows: Record<string, unknown>[]) => rows.map((row) => row.title);

  it('behave as absent options', async () => {
    const all = titles(await repos.books.findMany({ orderBy: { title: 'asc' } }));
    expect(all).toEqual(['A', 'B', 'C']);
    const given = {
      where: undefined,
      limit: undefined,
      offset: undefined,
      after: undefined,
      include: undefined,
      orderBy: { title: 'asc' },
    };
    expect(titles(await repos.books.findMany(given))).toEqual(all);
    expect(titles(await repos.books.findMany({ orderBy: [{ price: undefined, title: 'asc' }] }))).toEqual(all);
    const undefinedOperators = { title: undefined, price: { gte: 11, lte: undefined, in: undefined }, and: undefined, or: undefined, not: undefined };
    expect(titles(await repos.books.findMany({ where: undefinedOperators, orderBy: { title: 'asc' } }))).toEqual(['A', 'B']);
    // A filter whose every condition is undefined keeps its meaning: refused, reads included.
    await expect(repos.books.findMany({ where: { title: undefined, price: { gte: undefined } } })).rejects.toThrow(/sets no condition/);
    expect(await repos.books.count(undefined)).toBe(3);
    const [withAuthor] = await repos.books.findMany({ include: { author: undefined, genres: undefined }, limit: 1 });
    expect(withAuthor).not.toHaveProperty('author');
    // The keyset loop: after the last page, page.at(-1) of an empty page is never passed.
    const paged: unknown[] = [];
    let page = await repos.books.findMany({ orderBy: { title: 'asc' }, limit: 2, after: undefined });
    while (page.length > 0) {
      paged.push(...titles(page));
      page = await repos.books.findMany({ orderBy: { title: 'asc' }, limit: 2, after: page.at(-1) });
    }
    expect(paged).toEqual(all);
  });

  it('keep refusing a write filter whose conditions are all undefined', async () => {
    await expect(repos.books.deleteMany({ title: undefined, price: { gte: undefined } })).rejects.toThrow(/sets no condition/);
    expect(await repos.books.count()).toBe(3);
  });

  it('upsert with undefined conflict and update uses the defaults (the unique isbn, every field)', async () => {
    const [book] = await repos.books.findMany({ orderBy: { title: 'asc' }, limit: 1 });
    const { id, createdAt, updatedAt, ...input } = book!;
    void createdAt;
    void updatedAt;
    const stored = await repos.books.upsert({ ...input, price: 99 }, { conflict: undefined, update: undefined });
    expect(stored).toMatchObject({ id, title: 'A', price: 99 });
  });
});

const ENGINES = await engines();

describe.each(ENGINES)('undefined input keys on $name mean absent keys', (engine) => {
  const database = suiteDatabase(engine, () => lib, () => project.schema(engine.dialect), ['books', 'publishers', 'authors']);
  let repos: LibraryRepositories;
  let book: Record<string, unknown>;

  beforeEach(async () => {
    repos = lib.createRepositories(database.db);
    const ada = await repos.authors.create({ name: 'Ada', email: 'ada@example.com', rating: 4, bio: undefined, born: undefined });
    book = {
      title: 'T',
      isbn: '9780000000001',
      authorId: ada.id,
      price: 10,
      format: 'ebook',
      inPrint: true,
      tags: [],
      publishedAt: new Date('2020-01-01T00:00:00Z'),
    };
  });

  it('create: a defaulted key given undefined takes its default, a nullable one NULL', async () => {
    const stored = await repos.books.create({ ...book, edition: undefined, publisherId: undefined, dimensions: undefined });
    expect(stored).toMatchObject({ edition: 1, publisherId: null, dimensions: null });
    const [author] = await repos.authors.findMany();
    expect(author).toMatchObject({ bio: null, born: null });
  });

  it('createMany: rows with and without undefined keys are stored alike, in order', async () => {
    const rows = await repos.books.createMany([
      { ...book, isbn: '9780000000002', edition: undefined },
      { ...book, isbn: '9780000000003', edition: 3 },
      { ...book, isbn: '9780000000004', edition: undefined, publisherId: undefined },
    ]);
    expect(rows.map((row) => [row.isbn, row.edition])).toEqual([
      ['9780000000002', 1],
      ['9780000000003', 3],
      ['9780000000004', 1],
    ]);
  });

  it('update and updateMany: an undefined key leaves the column as stored', async () => {
    const stored = await repos.books.create({ ...book, edition: 2, dimensions: { widthCm: 1, heightCm: 2 } });
    const updated = await repos.books.update(stored.id, { title: 'U', edition: undefined, dimensions: undefined, publisherId: undefined });
    expect(updated).toMatchObject({ title: 'U', edition: 2, dimensions: { widthCm: 1, heightCm: 2 }, publisherId: null });
    // Nothing but undefined: no change, the row as it is.
    expect(await repos.books.update(stored.id, { title: undefined })).toMatchObject({ title: 'U', edition: 2 });
    expect(await repos.books.updateMany({ id: stored.id }, { edition: undefined, price: 12 })).toBe(1);
    expect(await repos.books.findById(stored.id)).toMatchObject({ title: 'U', edition: 2, price: 12 });
  });

  it('upsert: an undefined key is neither inserted nor overwritten on conflict', async () => {
    await repos.books.create({ ...book, edition: 5 });
    const stored = await repos.books.upsert({ ...book, title: 'V', edition: undefined }, { conflict: 'books_isbn_key' });
    expect(stored).toMatchObject({ title: 'V', edition: 5 });
  });

  it('the builders leave an undefined field out of an insert', async () => {
    const sql = lib.bookSql(engine.dialect);
    const { text } = sql.insert({ title: 'W', edition: undefined });
    expect(text).not.toMatch(/edition/);
  });
});
