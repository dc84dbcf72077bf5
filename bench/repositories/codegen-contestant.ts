/**
 * codegen's contestant: the repositories generated from the bookstore's models into
 * `generated/` at bench time (so they use this checkout's templates), over its own adapters.
 * Loaded at run time: the folder exists only once `npm run bench` has generated it, and the
 * repository-wide typecheck must not depend on it.
 */
import type { AuthorCreate, AuthorRow, BookCreate, BookRow, BookWithAuthor } from './fixture.js';
import { INCLUDE_QUERY, PAGE_QUERY } from './fixture.js';
import type { RepositoryContestant } from './contestant.js';

/** The part of a generated `Db` the bench uses. */
export interface GeneratedDb {
  exec(script: string): Promise<void>;
  query(text: string, values?: readonly unknown[]): Promise<unknown[]>;
}

/** The part of the generated book repository the bench calls (its signatures, narrowed to the bench's use). */
interface BookRepository {
  findById(id: string): Promise<BookRow | undefined>;
  findMany(options: object): Promise<BookRow[]>;
  create(input: BookCreate): Promise<BookRow>;
  createMany(inputs: readonly BookCreate[]): Promise<BookRow[]>;
}

interface GeneratedModule {
  sqliteDb(database: unknown): GeneratedDb;
  pgliteDb(pglite: unknown): GeneratedDb;
  createRepositories(db: GeneratedDb): {
    authors: { createMany(inputs: readonly AuthorCreate[]): Promise<AuthorRow[]> };
    books: BookRepository;
  };
}

const GENERATED = './generated/index.js';

/** The generated module (`index.ts` of `generated/`). */
export async function loadGenerated(): Promise<GeneratedModule> {
  return (await import(GENERATED)) as GeneratedModule;
}

/** The generated repositories over `db`, as the bench times them. */
export function codegenContestant(generated: GeneratedModule, db: GeneratedDb): RepositoryContestant {
  const { books } = generated.createRepositories(db);
  return {
    library: 'codegen repository',
    findById: (id) => books.findById(id),
    findPage: () =>
      books.findMany({
        where: { genre: PAGE_QUERY.genre, price: { gte: PAGE_QUERY.minPrice } },
        orderBy: { publishedAt: 'desc' },
        limit: PAGE_QUERY.limit,
      }),
    create: (input) => books.create(input),
    createMany: (inputs) => books.createMany(inputs),
    findPageWithAuthor: () =>
      books.findMany({
        where: { genre: INCLUDE_QUERY.genre },
        orderBy: { title: 'asc' },
        limit: INCLUDE_QUERY.limit,
        include: { author: true },
      }) as Promise<BookWithAuthor[]>,
  };
}
