/**
 * The library fixture's generated repositories, run on SQLite, PGlite and a PostgreSQL server:
 * the same scenario on each engine, from creating rows to relations, pages, transactions,
 * typed errors, value round trips and hostile input.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../templates/crud/db.js';
import { typecheck } from '../../helpers/typecheck.js';
import { engines, suiteDatabase } from './engines.js';
import { generateProject, PROJECT_COMPILE_TIMEOUT, type GeneratedProject } from './generated-project.js';
import { countingDb, type LibraryModules, type LibraryRepositories } from './library-types.js';

let project: GeneratedProject;
let lib: LibraryModules;

beforeAll(async () => {
  project = await generateProject('library');
  lib = await project.load<LibraryModules>('index.ts');
});

const ENGINES = await engines();

describe.each(ENGINES)('library repositories on $name', (engine) => {
  const database = suiteDatabase(engine, () => lib, () => project.schema(engine.dialect), ['citations', 'loans', 'books_genres', 'books', 'profiles', 'authors', 'genres', 'publishers']);
  let db: Db;
  let repos: LibraryRepositories;
  beforeEach(() => {
    db = database.db;
    repos = lib.createRepositories(db);
  });

  const author = (name = 'Ada Lovelace', email = 'ada@example.com') => repos.authors.create({ name, email, rating: 4.5 });
  let isbnCounter = 0;
  const bookOf = (authorId: string, extra: Record<string, unknown> = {}) => ({
    title: 'Notes on the Analytical Engine',
    isbn: `978${String(1_000_000_000 + (isbnCounter += 1)).slice(0, 10)}`,
    authorId,
    publisherId: null,
    price: 19.99,
    format: 'paperback',
    inPrint: true,
    tags: ['computing'],
    dimensions: null,
    publishedAt: new Date('1843-10-01T00:00:00Z'),
    ...extra,
  });

  it('creates rows with generated keys, defaults and timestamps filled in', async () => {
    const publisher = await repos.publishers.create({ name: 'Taylor', country: 'GB', code: 'TAY' });
    expect(publisher).toMatchObject({ name: 'Taylor', tier: 'standard', active: true, revenueCents: 0n });
    expect(typeof publisher.id).toBe('number');
    expect(publisher.createdAt).toBeInstanceOf(Date);
    const ada = await author();
    expect(ada.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ada).toMatchObject({ bio: null, born: null, rating: 4.5 });
    const book = await repos.books.create(bookOf(ada.id, { publisherId: publisher.id }));
    expect(book).toMatchObject({ edition: 1, inPrint: true, tags: ['computing'], price: 19.99, publisherId: publisher.id });
    expect(await repos.books.findById(book.id)).toEqual(book);
  });

  it('refuses in an unknown JSON column what JSON cannot hold as given, naming each field (tester s12 T6)', async () => {
    const ada = await author();
    const settings = { at: new Date(0), n: NaN, m: new Map([[1, 2]]), f: () => 1, a: [undefined], big: 1n, ok: 'x', gone: undefined };
    const error = await repos.profiles.create({ authorId: ada.id, settings, headline: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(lib.ValidationError);
    expect((error as InstanceType<LibraryModules['ValidationError']>).issues.map((issue) => issue.path)).toEqual(['/settings/at', '/settings/n', '/settings/m', '/settings/f', '/settings/a/0', '/settings/big']);
    expect(await repos.profiles.count()).toBe(0);
    const stored = await repos.profiles.create({ authorId: ada.id, settings: { ok: 'x', gone: undefined, list: [1, null] }, headline: null });
    expect((await repos.profiles.findById(stored.id))!.settings).toEqual({ ok: 'x', list: [1, null] });
    const patch = await repos.profiles.update(stored.id, { settings: { when: new Date(0) } }).catch((e: unknown) => e);
    expect((patch as InstanceType<LibraryModules['ValidationError']>).issues).toMatchObject([{ path: '/settings/when', code: 'type' }]);
  });

  it('checks inputs with the generated validators before any SQL runs', async () => {
    const error = await repos.authors.create({ name: '', email: 'not an email', rating: 9 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(lib.ValidationError);
    expect((error as InstanceType<LibraryModules['ValidationError']>).issues.map((issue) => issue.path)).toEqual(['/name', '/email', '/rating']);
    expect(await repos.authors.count()).toBe(0);
    const patch = await repos.authors.update('00000000-0000-4000-8000-000000000000', { rating: -1 }).catch((e: unknown) => e);
    expect(patch).toBeInstanceOf(lib.ValidationError);
  });

  it('names every bad input of a createMany by its index, and writes none of the list', async () => {
    const ok = (n: number) => ({ name: `A${n}`, email: `a${n}@example.com`, rating: 1 });
    const many = await repos.authors.createMany([ok(0), { ...ok(1), email: 'nope' }, ok(2), { ...ok(3), rating: 9, name: '' }]).catch((e: unknown) => e);
    expect(many).toBeInstanceOf(lib.ValidationError);
    expect((many as InstanceType<LibraryModules['ValidationError']>).issues.map((issue) => issue.path)).toEqual(['/1/email', '/3/name', '/3/rating']);
    // Values the types accept but no engine stores (a NUL) are named by index too.
    const stored = await repos.authors.createMany([ok(0), ok(1), { ...ok(2), name: 'a\u0000b' }]).catch((e: unknown) => e);
    expect((stored as InstanceType<LibraryModules['ValidationError']>).issues).toMatchObject([{ path: '/2/name', code: 'pattern' }]);
    expect(await repos.authors.count()).toBe(0);
  });

  it('checks what the columns say beyond the types: TypeORM lengths and 64-bit ranges', async () => {
    const tooLong = await repos.publishers.create({ name: 'x'.repeat(81), country: 'GB', code: 'X' }).catch((e: unknown) => e);
    expect((tooLong as InstanceType<LibraryModules['ValidationError']>).issues).toMatchObject([{ path: '/name', code: 'maxLength' }]);
    const tooBig = await repos.publishers.create({ name: 'P', country: 'GB', code: 'X', revenueCents: 2n ** 63n }).catch((e: unknown) => e);
    expect((tooBig as InstanceType<LibraryModules['ValidationError']>).issues).toMatchObject([{ path: '/revenueCents', code: 'maximum' }]);
    expect(await repos.publishers.count()).toBe(0);
  });

  it('finds, filters, orders, counts and pages with a keyset cursor', async () => {
    const ada = await author();
    const books = await repos.books.createMany(
      Array.from({ length: 25 }, (_, n) => bookOf(ada.id, { title: `Volume ${String(n).padStart(2, '0')}`, price: n, inPrint: n % 2 === 0 })),
    );
    expect(books).toHaveLength(25);
    expect(await repos.books.count({ inPrint: true })).toBe(13);
    expect((await repos.books.findMany({ where: { price: { gte: 20 } }, orderBy: { price: 'desc' } })).map((b) => b.price)).toEqual([24, 23, 22, 21, 20]);
    expect(await repos.books.findOne({ title: 'Volume 07' })).toMatchObject({ price: 7 });
    expect((await repos.books.findMany({ where: { or: [{ price: 1 }, { title: { like: 'Volume 2%' } }] }, orderBy: { title: 'asc' } })).map((b) => b.price)).toEqual([1, 20, 21, 22, 23, 24]);
    expect((await repos.books.findMany({ orderBy: [{ inPrint: 'asc' }, { price: 'asc' }], limit: 3, offset: 1 })).map((b) => b.price)).toEqual([3, 5, 7]);
    const seen: number[] = [];
    let after: Record<string, unknown> | undefined;
    for (;;) {
      const page = await repos.books.findMany({ orderBy: { inPrint: 'desc' }, limit: 7, ...(after ? { after } : {}) });
      if (page.length === 0) break;
      seen.push(...page.map((b) => b.price as number));
      after = page[page.length - 1];
    }
    expect(seen.sort((a, b) => a - b)).toEqual(books.map((b) => b.price).sort((a, b) => a - b));
  });

  it('includes every relation kind with one query per relation, however many rows', async () => {
    const publisher = await repos.publishers.create({ name: 'Taylor', country: 'GB', code: 'TAY' });
    const authors = await repos.authors.createMany([0, 1, 2].map((n) => ({ name: `Author ${n}`, email: `a${n}@example.com`, rating: n })));
    for (const [n, a] of authors.entries()) {
      await repos.profiles.create({ authorId: a.id, settings: { theme: n % 2 ? 'dark' : 'light', tags: ['ü'] }, headline: null });
    }
    await repos.genres.createMany([{ slug: 'science', name: 'Science' }, { slug: 'history', name: 'History' }]);
    const books = await repos.books.createMany(authors.flatMap((a, n) => [0, 1].map((m) => bookOf(a.id, { publisherId: n === 0 ? null : publisher.id, title: `B${n}${m}` }))));
    expect(await repos.books.link('genres', books[0]!.id, ['science', 'history'])).toBe(2);
    expect(await repos.books.link('genres', books[0]!.id, ['science'])).toBe(0);
    // Keys no row can have are refused alike on every engine, owner and targets (hA: uuid form, NUL).
    await expect(repos.books.link('genres', 'nope', ['science'])).rejects.toMatchObject({ issues: [expect.objectContaining({ path: '/id', code: 'format' })] });
    await expect(repos.books.unlink('genres', books[0]!.id, ['ok', 'a\u0000'])).rejects.toMatchObject({ issues: [expect.objectContaining({ path: '/targetKeys/1', code: 'pattern' })] });
    await repos.books.link('genres', books[1]!.id, ['history']);

    const counted = countingDb(db);
    const viaCount = lib.createRepositories(counted.db);
    const withRelations = await viaCount.books.findMany({ include: { author: true, publisher: true, genres: true }, orderBy: { title: 'asc' } });
    expect(counted.count()).toBe(4);
    // Linked science first, listed by the target's key (slug) on every engine (tester s10 T4:
    // without an ORDER BY, SQLite gave join-table key order and PostgreSQL insertion order).
    expect(withRelations.map((b) => [b.title, b.author.name, b.publisher?.name ?? null, b.genres.map((g: { slug: string }) => g.slug)])).toEqual([
      ['B00', 'Author 0', null, ['history', 'science']],
      ['B01', 'Author 0', null, ['history']],
      ['B10', 'Author 1', 'Taylor', []],
      ['B11', 'Author 1', 'Taylor', []],
      ['B20', 'Author 2', 'Taylor', []],
      ['B21', 'Author 2', 'Taylor', []],
    ]);
    counted.reset();
    const writers = await viaCount.authors.findMany({ include: { books: true, profile: true }, orderBy: { name: 'asc' } });
    expect(counted.count()).toBe(3);
    for (const writer of writers) {
      const ids = writer.books.map((b: { id: string }) => b.id);
      expect(ids).toEqual([...ids].sort());
    }
    expect(writers.map((a) => [a.name, a.books.length, a.profile.settings.theme])).toEqual([
      ['Author 0', 2, 'light'],
      ['Author 1', 2, 'dark'],
      ['Author 2', 2, 'light'],
    ]);
    const history = await repos.genres.findMany({ where: { slug: 'history' }, include: { books: true } });
    expect(history[0]!.books.map((b: { title: string }) => b.title).sort()).toEqual(['B00', 'B01']);
    const historyIds = history[0]!.books.map((b: { id: string }) => b.id);
    expect(historyIds).toEqual([...historyIds].sort());
    expect(await repos.books.unlink('genres', books[0]!.id)).toBe(2);
  });

  it('updates, stamps updatedAt, upserts on a unique constraint and deletes', async () => {
    const ada = await author();
    const book = await repos.books.create(bookOf(ada.id));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const updated = await repos.books.update(book.id, { price: 25, tags: [] });
    expect(updated).toMatchObject({ price: 25, tags: [], createdAt: book.createdAt });
    expect(updated!.updatedAt.getTime()).toBeGreaterThan(book.updatedAt.getTime());
    expect(await repos.books.update('00000000-0000-4000-8000-000000000000', { price: 1 })).toBeUndefined();
    expect(await repos.books.updateMany({ authorId: ada.id }, { inPrint: false })).toBe(1);
    const upserted = await repos.books.upsert({ ...bookOf(ada.id), isbn: book.isbn, title: 'Second edition' }, { conflict: 'books_isbn_key' });
    expect(upserted).toMatchObject({ id: book.id, title: 'Second edition' });
    expect(await repos.books.count()).toBe(1);
    expect(await repos.books.delete(book.id)).toBe(true);
    expect(await repos.books.delete(book.id)).toBe(false);
    await repos.books.createMany([bookOf(ada.id), bookOf(ada.id)]);
    expect(await repos.authors.delete(ada.id)).toBe(true);
    expect(await repos.books.count()).toBe(0); // ON DELETE CASCADE
  });

  it('works with composite keys', async () => {
    const book = await repos.books.create(bookOf((await author()).id));
    const due = new Date('2030-01-01T10:00:00Z');
    await repos.loans.createMany([1, 2, 3].map((copy) => ({ bookId: book.id, copy, member: 'm', due, returned: false })));
    expect(await repos.loans.findById({ bookId: book.id, copy: 2 })).toMatchObject({ copy: 2, due, returned: false });
    expect(await repos.loans.update({ bookId: book.id, copy: 2 }, { returned: true })).toMatchObject({ returned: true });
    expect(await repos.loans.delete({ bookId: book.id, copy: 3 })).toBe(true);
    expect(await repos.loans.count({ returned: false })).toBe(1);
  });

  it('writes only the fields of the input types, whatever a caller passes at run time', async () => {
    const body = JSON.parse('{"name":"Mallory","email":"m@example.com","rating":1,"id":"00000000-0000-4000-8000-000000000001","isAdmin":true}');
    const created = await repos.authors.create(body);
    expect(created.id).not.toBe('00000000-0000-4000-8000-000000000001');
    const book = await repos.books.create({ ...bookOf(created.id), id: 'x', createdAt: new Date(0), updatedAt: new Date(0) });
    expect(book.createdAt.getTime()).toBeGreaterThan(0);
    const patched = await repos.books.update(book.id, { id: '00000000-0000-4000-8000-000000000002', createdAt: new Date(0), price: 3 });
    expect(patched).toMatchObject({ id: book.id, createdAt: book.createdAt, price: 3 });
  });

  it('loads relations in chunks past a thousand keys, reading 64-bit integers of the related table exactly', async () => {
    const publisher = await repos.publishers.create({ name: 'Big', country: 'US', code: 'BIG', revenueCents: 2n ** 63n - 1n });
    const authors = await repos.authors.createMany(Array.from({ length: 1200 }, (_, n) => ({ name: `A${n}`, email: `a${n}@example.com`, rating: 1 })));
    await repos.books.createMany(authors.map((a, n) => bookOf(a.id, { title: `T${n}`, publisherId: publisher.id })));
    const counted = countingDb(db);
    const books = await lib.createRepositories(counted.db).books.findMany({ include: { author: true, publisher: true } });
    expect(counted.count()).toBe(1 + 2 + 1); // the books, the authors in two chunks, the publisher
    expect(books).toHaveLength(1200);
    expect(books.every((b) => b.author.id === b.authorId && b.publisher.revenueCents === 9223372036854775807n)).toBe(true);
  });

  it('refuses relation names the table does not declare', async () => {
    for (const include of [{ reviews: true }, { toString: true }, JSON.parse('{"__proto__": true}')]) {
      await repos.authors.create({ name: 'Ada', email: `ada${Math.random()}@example.com`, rating: 1 });
      await expect(repos.authors.findMany({ include })).rejects.toBeInstanceOf(lib.SqlBuilderError);
    }
    await expect(repos.books.link('author', '00000000-0000-4000-8000-000000000000', ['x'])).rejects.toBeInstanceOf(lib.SqlBuilderError);
  });

  it('refuses a filter whose values are all undefined, for reads and writes alike', async () => {
    await author();
    const missing: { email?: string } = {};
    for (const attempt of [
      () => repos.authors.findOne({ email: missing.email }),
      () => repos.authors.findMany({ where: { email: missing.email } }),
      () => repos.authors.count({ email: missing.email }),
      () => repos.authors.updateMany({ email: missing.email }, { rating: 2 }),
      () => repos.authors.deleteMany({ email: missing.email }),
    ]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(lib.SqlBuilderError);
      expect(String(error)).toContain('pass {} to mean every row');
    }
    // An empty notIn or and list alone is refused too, and the message says so (tester s10 T12).
    for (const where of [{ email: { notIn: [] } }, { and: [] }]) {
      const error = await repos.authors.deleteMany(where).catch((e: unknown) => e);
      expect(String(error)).toContain('empty notIn or and lists');
    }
    expect(await repos.authors.count({ email: { notIn: [] }, rating: 4.5 })).toBe(1);
    expect(await repos.authors.count({})).toBe(1);
    expect(await repos.authors.deleteMany({})).toBe(1);
  });

  it('upserts on the unique constraint the input holds when no target is named', async () => {
    const ada = await author();
    const first = await repos.books.create(bookOf(ada.id, { isbn: '9780000000009' }));
    const again = await repos.books.upsert(bookOf(ada.id, { isbn: '9780000000009', title: 'Renamed' }));
    expect(again).toMatchObject({ id: first.id, title: 'Renamed' });
    await expect(repos.authors.upsert({ name: 'No key', email: undefined, rating: 1 } as never)).rejects.toThrow();
  });

  it('rolls back a transaction that throws, and a nested savepoint on its own', async () => {
    const failure = new Error('stop');
    await expect(
      repos.transaction(async (tx) => {
        await tx.authors.create({ name: 'Inside', email: 'in@example.com', rating: 1 });
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await repos.authors.count()).toBe(0);
    await repos.transaction(async (tx) => {
      await tx.authors.create({ name: 'Kept', email: 'kept@example.com', rating: 1 });
      await tx.transaction((inner) => inner.authors.create({ name: 'Undone', email: 'undone@example.com', rating: 1 }).then(() => Promise.reject(failure))).catch(() => undefined);
    });
    expect((await repos.authors.findMany()).map((a) => a.name)).toEqual(['Kept']);
  });

  it('surfaces each constraint violation as its own error class, naming table, constraint and columns', async () => {
    const ada = await author();
    await repos.books.create(bookOf(ada.id, { isbn: '9780000000002' }));
    const unique = await repos.books.create(bookOf(ada.id, { isbn: '9780000000002' })).catch((e: unknown) => e);
    expect(unique).toBeInstanceOf(lib.UniqueViolationError);
    expect(unique).toMatchObject({ table: 'books', constraint: 'books_isbn_key', columns: ['isbn'] });
    await repos.genres.create({ slug: 'poetry', name: 'Poetry' });
    const duplicateKey = await repos.genres.create({ slug: 'poetry', name: 'Again' }).catch((e: unknown) => e);
    expect(duplicateKey).toBeInstanceOf(lib.UniqueViolationError);
    expect(duplicateKey).toMatchObject({ table: 'genres', constraint: 'genres_pkey', columns: ['slug'] });
    const foreign = await repos.books.create(bookOf('00000000-0000-4000-8000-000000000000')).catch((e: unknown) => e);
    expect(foreign).toBeInstanceOf(lib.ForeignKeyViolationError);
    expect(foreign).toMatchObject({ table: 'books' });
    const restricted = await repos.books.create(bookOf(ada.id));
    await repos.loans.create({ bookId: restricted.id, copy: 1, member: 'm', due: new Date(), returned: false });
    const restrict = await repos.books.delete(restricted.id).catch((e: unknown) => e);
    expect(restrict).toBeInstanceOf(lib.ForeignKeyViolationError); // ON DELETE RESTRICT
    // The broken key is the referencing table's: PostgreSQL names it, SQLite cannot.
    expect(restrict).toMatchObject(engine.dialect === 'postgres' ? { table: 'loans', constraint: 'loans_book_id_fkey' } : { table: undefined });
    // No columns: PostgreSQL's detail names the deleted row's key, not the loans column (PGlite
    // says "is referenced from", PostgreSQL 15 "is still referenced from": tester s10 T5).
    expect(restrict).toMatchObject({ columns: [] });
    // Not-null and check constraints hold even for statements that skip the validators.
    const notNull = lib.authorSql(engine.dialect).insert({ name: 'X', email: 'x@example.com', rating: null });
    await expect(db.query(notNull.text, notNull.values)).rejects.toBeInstanceOf(lib.NotNullViolationError);
    const check = lib.authorSql(engine.dialect).insert({ name: 'X', email: 'y@example.com', rating: 7 });
    const checkError = await db.query(check.text, check.values).catch((e: unknown) => e);
    expect(checkError).toBeInstanceOf(lib.CheckViolationError);
    expect(checkError).toMatchObject({ constraint: 'authors_rating_check' });
  });

  it("names the table a write broke a foreign key of: a link's join table, and no table where SQLite cannot know it (tester s9 T2)", async () => {
    const ada = await author();
    const book = await repos.books.create(bookOf(ada.id, { isbn: '9780000000003' }));
    await repos.genres.create({ slug: 'poetry', name: 'Poetry' });
    // The row that broke the key was written to the join table, not to books or genres.
    const joinTable = engine.dialect === 'postgres' ? { table: 'books_genres', constraint: expect.stringMatching(/^books_genres_.*fkey$/) } : { table: 'books_genres' };
    const missingGenre = await repos.books.link('genres', book.id, ['nope']).catch((e: unknown) => e);
    expect(missingGenre).toBeInstanceOf(lib.ForeignKeyViolationError);
    expect(missingGenre).toMatchObject(joinTable);
    const missingBook = await repos.genres.link('books', 'poetry', ['00000000-0000-4000-8000-000000000000']).catch((e: unknown) => e);
    expect(missingBook).toBeInstanceOf(lib.ForeignKeyViolationError);
    expect(missingBook).toMatchObject(joinTable);
    expect((missingBook as Error).message).toContain('on books_genres');
    // An update of a column another table references (books.isbn, cited by citations) breaks
    // the citing table's key: PostgreSQL names it; SQLite cannot, so no table.
    const citation = await repos.citations.create({ isbn: book.isbn });
    const cited = await repos.books.update(book.id, { isbn: '9780000000004' }).catch((e: unknown) => e);
    expect(cited).toBeInstanceOf(lib.ForeignKeyViolationError);
    expect(cited).toMatchObject(engine.dialect === 'postgres' ? { table: 'citations', constraint: 'citations_isbn_fkey' } : { table: undefined });
    const citedMany = await repos.books.updateMany({ id: book.id }, { isbn: '9780000000004' }).catch((e: unknown) => e);
    expect(citedMany).toMatchObject(engine.dialect === 'postgres' ? { table: 'citations' } : { table: undefined });
    // A write of this table's own foreign key keeps its table on SQLite too.
    const ownKey = await repos.citations.update(citation.id, { isbn: '9780000000009' }).catch((e: unknown) => e);
    expect(ownKey).toBeInstanceOf(lib.ForeignKeyViolationError);
    expect(ownKey).toMatchObject({ table: 'citations' });
    expect(await repos.books.findById(book.id)).toMatchObject({ isbn: '9780000000003' });
  });

  it('round-trips every column type at its limits', async () => {
    const publisher = await repos.publishers.create({ name: 'Ünïcødé 出版社 🚀', country: 'JP', code: '', tier: 'premium', active: false, revenueCents: 2n ** 63n - 1n });
    expect(await repos.publishers.findById(publisher.id)).toMatchObject({ name: 'Ünïcødé 出版社 🚀', code: '', tier: 'premium', active: false, revenueCents: 9223372036854775807n });
    const ada = await repos.authors.create({ name: 'x'.repeat(120), email: 'max@example.com', rating: 0, bio: '', born: '1815-12-10' });
    expect(await repos.authors.findById(ada.id)).toMatchObject({ name: 'x'.repeat(120), bio: '', born: '1815-12-10' });
    const publishedAt = new Date('2020-02-29T23:59:59.999+05:30');
    const book = await repos.books.create(bookOf(ada.id, { price: 1234567.89, publishedAt, dimensions: { widthCm: 0.1, heightCm: 1e6 }, tags: ['"quoted"', "it's", 'back\\slash', ''] }));
    const read = await repos.books.findById(book.id);
    expect(read).toMatchObject({ price: 1234567.89, dimensions: { widthCm: 0.1, heightCm: 1e6 }, tags: ['"quoted"', "it's", 'back\\slash', ''] });
    expect(read!.publishedAt.toISOString()).toBe(publishedAt.toISOString());
    await repos.profiles.create({ authorId: ada.id, settings: { nested: { list: [1, null, 'ü'], flag: true } }, headline: 'h'.repeat(280) });
    expect((await repos.profiles.findOne({ authorId: ada.id }))!.settings).toEqual({ nested: { list: [1, null, 'ü'], flag: true } });
  });

  it('binds hostile values and refuses hostile keys, leaving the database intact', async () => {
    const payload = `x'); DROP TABLE "books"; --`;
    const ada = await repos.authors.create({ name: payload, email: 'evil@example.com', rating: 1 });
    expect((await repos.authors.findOne({ name: payload }))!.id).toBe(ada.id);
    expect(await repos.authors.count({ name: { like: `%DROP TABLE%` } })).toBe(1);
    for (const where of [{ ['name" = \'\' OR 1=1 --']: 1 }, JSON.parse('{"__proto__": {"id": 1}}'), { constructor: 1 }, { toString: 1 }]) {
      await expect(repos.authors.findMany({ where })).rejects.toBeInstanceOf(lib.SqlBuilderError);
    }
    await expect(repos.authors.findMany({ orderBy: { ['name; DROP TABLE authors']: 'asc' } })).rejects.toBeInstanceOf(lib.SqlBuilderError);
    await expect(repos.authors.findMany({ orderBy: { name: 'asc; DROP TABLE authors' } })).rejects.toBeInstanceOf(lib.SqlBuilderError);
    expect(await repos.books.count()).toBe(0);
    expect(await repos.authors.count()).toBe(1);
  });
});

describe('the generated library project', () => {
  it('compiles under tsc --strict with a usage file whose type errors are all expected', async () => {
    expect(await typecheck(project.root, ['models/**/*.ts', 'generated/**/*.ts', 'usage.ts'])).toBe('');
  }, PROJECT_COMPILE_TIMEOUT);
});
