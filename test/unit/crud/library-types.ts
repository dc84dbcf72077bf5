/**
 * The shapes the library tests use from the generated modules, written loosely: the modules are
 * generated at test time into a temp folder. Their real types are proven by tsc over the
 * generated project together with the fixture's `usage.ts`.
 */
import type { Db } from '../../../templates/crud/db.js';
import type { GeneratedAdapters } from './engines.js';

type Row = Record<string, any>;

export interface RepositoryLike {
  create(input: Row): Promise<Row>;
  createMany(inputs: Row[]): Promise<Row[]>;
  findById(key: unknown): Promise<Row | undefined>;
  findOne(where: Row): Promise<Row | undefined>;
  findMany(options?: Row): Promise<Row[]>;
  count(where?: Row): Promise<number>;
  update(key: unknown, patch: Row): Promise<Row | undefined>;
  updateMany(where: Row, patch: Row): Promise<number>;
  upsert(input: Row, options?: Row): Promise<Row>;
  delete(key: unknown): Promise<boolean>;
  deleteMany(where: Row): Promise<number>;
  link(relation: string, key: unknown, targets: unknown[]): Promise<number>;
  unlink(relation: string, key: unknown, targets?: unknown[]): Promise<number>;
}

export interface LibraryRepositories {
  db: Db;
  publishers: RepositoryLike;
  authors: RepositoryLike;
  profiles: RepositoryLike;
  genres: RepositoryLike;
  books: RepositoryLike;
  loans: RepositoryLike;
  citations: RepositoryLike;
  transaction<T>(work: (repositories: LibraryRepositories) => Promise<T>): Promise<T>;
}

export interface LibraryModules extends GeneratedAdapters {
  createRepositories(db: Db): LibraryRepositories;
  ValidationError: new (...args: any[]) => Error & { issues: { path: string; code: string }[] };
  SqlBuilderError: new (...args: any[]) => Error;
  UniqueViolationError: new (...args: any[]) => Error;
  ForeignKeyViolationError: new (...args: any[]) => Error;
  NotNullViolationError: new (...args: any[]) => Error;
  CheckViolationError: new (...args: any[]) => Error;
  bookSql(dialect: string): { insert(row: Row): { text: string; values: readonly unknown[] } };
  authorSql(dialect: string): { insert(row: Row): { text: string; values: readonly unknown[] } };
}

/** A `Db` that counts the statements run through it (transactions included). */
export function countingDb(db: Db): { db: Db; count(): number; reset(): void } {
  let statements = 0;
  const wrap = (inner: Db): Db => ({
    dialect: inner.dialect,
    query: (text, values, options) => {
      statements += 1;
      return inner.query(text, values, options);
    },
    exec: (script) => inner.exec(script),
    transaction: (work) => inner.transaction((tx) => work(wrap(tx))),
  });
  return { db: wrap(db), count: () => statements, reset: () => void (statements = 0) };
}
