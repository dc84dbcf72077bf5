/**
 * The nets under a key or filter gone wrong at run time (tester9 F6, F7, F12), on SQLite, PGlite
 * and a PostgreSQL server: a composite key missing a field is refused by every keyed method
 * before any SQL runs (it was taken by `update` and `delete` as a filter over the fields it had,
 * rewriting or deleting every matching row); a `not` of an empty `in` list is refused like its
 * twin `notIn: []` (it deleted every row); and `upsert` with its own `update` list stamps the row.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../templates/crud/db.js';
import { engines, suiteDatabase } from './engines.js';
import { generateProject, type GeneratedProject } from './generated-project.js';
import type { LibraryModules, LibraryRepositories } from './library-types.js';

let project: GeneratedProject;
let lib: LibraryModules;

beforeAll(async () => {
  project = await generateProject('library');
  lib = await project.load<LibraryModules>('index.ts');
});

const ENGINES = await engines();

describe.each(ENGINES)('write guards on $name', (engine) => {
  const database = suiteDatabase(engine, () => lib, () => project.schema(engine.dialect), ['citations', 'loans', 'books_genres', 'books', 'profiles', 'authors', 'genres', 'publishers']);
  let db: Db;
  let repos: LibraryRepositories;
  beforeEach(() => {
    db = database.db;
    repos = lib.createRepositories(db);
  });

  /** A book with three loans (copies 1, 2, 3) under the composite key (bookId, copy). */
  async function threeLoans(): Promise<string> {
    const author = await repos.authors.create({ name: 'Ada', email: 'ada@example.com', rating: 4 });
    const book = await repos.books.create({
      title: 'Notes',
      isbn: '9780000000001',
      authorId: author.id,
      publisherId: null,
      price: 10,
      format: 'paperback',
      inPrint: true,
      tags: [],
      dimensions: null,
      publishedAt: new Date('1843-10-01T00:00:00Z'),
    });
    await repos.loans.createMany([1, 2, 3].map((copy) => ({ bookId: book.id, copy, member: 'm', due: new Date('2030-01-01T00:00:00Z'), returned: false })));
    return book.id as string;
  }

  const refusal = (work: () => Promise<unknown>) => work().then(() => undefined, (error: unknown) => error as Error);

  it('refuses a composite key missing a field in every keyed method, before any SQL runs (tester9 F7)', async () => {
    const bookId = await threeLoans();
    for (const key of [{ bookId }, { bookId, copy: undefined }, { bookId, copy: null }, { copy: 2 }, {}]) {
      for (const work of [() => repos.loans.findById(key), () => repos.loans.update(key, { member: 'overwritten' }), () => repos.loans.delete(key)]) {
        const error = await refusal(work);
        expect(error).toBeInstanceOf(lib.SqlBuilderError);
        expect(error!.message).toMatch(/^table "loans": the key needs a value for key field "(bookId|copy)"$/);
      }
    }
    for (const key of [undefined, null, 2, 'x', [bookId, 2]]) {
      expect(await refusal(() => repos.loans.delete(key))).toBeInstanceOf(lib.SqlBuilderError);
    }
    expect(await refusal(() => repos.loans.update({ bookId, copy: 2, cpy: 3 }, { member: 'x' }))).toMatchObject({ message: 'table "loans": unknown field "cpy" in the key' });
    const rows = await repos.loans.findMany({ orderBy: { copy: 'asc' } });
    expect(rows.map((row) => [row.copy, row.member])).toEqual([[1, 'm'], [2, 'm'], [3, 'm']]);
  });

  it('takes a whole row as its own key: the other columns neither narrow nor widen the statement', async () => {
    const bookId = await threeLoans();
    const row = (await repos.loans.findById({ bookId, copy: 2 }))!;
    expect(await repos.loans.update({ ...row, member: 'not this one' }, { member: 'n' })).toMatchObject({ copy: 2, member: 'n' });
    expect(await repos.loans.delete({ ...row, returned: true })).toBe(true);
    expect((await repos.loans.findMany({ orderBy: { copy: 'asc' } })).map((loan) => [loan.copy, loan.member])).toEqual([[1, 'm'], [3, 'm']]);
  });

  it('refuses a single-column key without a value in every keyed method, link and unlink included', async () => {
    await repos.genres.create({ slug: 'science', name: 'Science' });
    for (const key of [undefined, null]) {
      for (const work of [
        () => repos.genres.findById(key),
        () => repos.genres.update(key, { name: 'x' }),
        () => repos.genres.delete(key),
        () => repos.books.link('genres', key, ['science']),
        () => repos.books.unlink('genres', key),
        () => repos.books.unlink('genres', key, ['science']),
      ]) {
        expect(await refusal(work)).toMatchObject({ message: expect.stringMatching(/^table "(genres|books)": the key needs a value for key field "(slug|id)"$/) });
      }
    }
    expect(await repos.genres.count()).toBe(1);
  });

  it('refuses an upsert whose input lacks a field of the conflict target: it could never conflict', async () => {
    await repos.publishers.create({ name: 'Taylor', country: 'GB', code: 'TAY' });
    // A generated key is no input field: an upsert on it would insert every time.
    const error = await refusal(() => repos.publishers.upsert({ name: 'Taylor', country: 'GB', code: 'TAY' }, { conflict: 'primaryKey' }));
    expect(error).toBeInstanceOf(lib.SqlBuilderError);
    expect(error!.message).toBe('upsert into "publishers": the input needs a value for conflict field "id"');
    expect(await repos.publishers.count()).toBe(1);
  });

  it('refuses a not of an empty in or or list in every method taking a filter, at any depth (tester9 F6)', async () => {
    const bookId = await threeLoans();
    const keptCopies: number[] = [];
    const filters = [
      { not: { copy: { in: keptCopies } } },
      { not: { or: [] } },
      { and: [{ not: { copy: { in: [] } } }] },
      { or: [{ not: { copy: { in: [] } } }, { copy: 1 }] },
      { not: { copy: { in: [] }, member: 'm' } },
    ];
    for (const where of filters) {
      for (const work of [
        () => repos.loans.deleteMany(where),
        () => repos.loans.updateMany(where, { member: 'overwritten' }),
        () => repos.loans.findMany({ where }),
        () => repos.loans.findOne(where),
        () => repos.loans.count(where),
      ]) {
        expect(await refusal(work)).toMatchObject({ message: expect.stringMatching(/^table "loans": the filter .* sets no condition/) });
      }
    }
    // Beside another condition it means no restriction, as notIn: [] does.
    expect(await repos.loans.count({ bookId, not: { copy: { in: [] } } })).toBe(3);
    expect(await repos.loans.count({ bookId, copy: { notIn: [] } })).toBe(3);
    expect(await repos.loans.count()).toBe(3);
  });

  it('refuses a not of a filter that sets no condition, wherever it stands (tester9 F6)', async () => {
    await threeLoans();
    const status: string | undefined = undefined;
    for (const where of [{ not: { member: status } }, { not: {} }, { copy: 1, not: { member: status } }, { or: [{ copy: 1 }, { not: { member: status } }] }]) {
      for (const work of [() => repos.loans.deleteMany(where), () => repos.loans.findMany({ where }), () => repos.loans.count(where)]) {
        expect(await refusal(work)).toMatchObject({ message: expect.stringMatching(/^table "loans": where(\.or)?\.not sets no condition/) });
      }
    }
    expect(await repos.loans.count()).toBe(3);
  });

  it('stamps @updatedAt when upsert updates the fields it lists (tester9 F12)', async () => {
    const created = await repos.publishers.create({ name: 'Taylor', country: 'GB', code: 'TAY' });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(created.updatedAt.getTime() + 60_000));
      const listed = await repos.publishers.upsert({ name: 'Taylor & Co', country: 'GB', code: 'TAY' }, { update: ['name'] });
      expect(listed).toMatchObject({ id: created.id, name: 'Taylor & Co', createdAt: created.createdAt });
      expect(listed.updatedAt.getTime()).toBe(created.updatedAt.getTime() + 60_000);
      vi.setSystemTime(new Date(created.updatedAt.getTime() + 120_000));
      const targeted = await repos.publishers.upsert({ name: 'T', country: 'GB', code: 'TAY' }, { conflict: ['country', 'code'], update: ['name'] });
      expect(targeted.updatedAt.getTime()).toBe(created.updatedAt.getTime() + 120_000);
      // DO NOTHING updates no row, so it stamps none.
      vi.setSystemTime(new Date(created.updatedAt.getTime() + 180_000));
      const untouched = await repos.publishers.upsert({ name: 'U', country: 'GB', code: 'TAY' }, { update: [] });
      expect(untouched).toMatchObject({ name: 'T', updatedAt: targeted.updatedAt });
    } finally {
      vi.useRealTimers();
    }
    const error = await refusal(() => repos.publishers.upsert({ name: 'V', country: 'GB', code: 'TAY' }, { update: ['name', 'createdAt'] }));
    expect(error).toMatchObject({ message: 'upsert into "publishers": "createdAt" is a creation stamp, never updated' });
  });
});
