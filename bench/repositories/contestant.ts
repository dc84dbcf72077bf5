/**
 * One library's way of running the five operations of the repository bench on one engine. Each
 * returns the rows codegen's repositories return (`BookRow`, with `author` for the include), so
 * the agreement check can compare them before anything is timed.
 */
import type { BookCreate, BookRow, BookWithAuthor } from './fixture.js';

/** The five operations, as a user of the library would write them. */
export interface RepositoryContestant {
  /** Row label in the tables. */
  library: string;
  findById(id: string): Promise<BookRow | undefined>;
  /** `PAGE_QUERY`: 50 books with a filter and an order. */
  findPage(): Promise<BookRow[]>;
  create(input: BookCreate): Promise<BookRow>;
  /** `undefined` when the library has no other way than its plain contestant's (not timed twice). */
  createMany: ((inputs: readonly BookCreate[]) => Promise<BookRow[]>) | undefined;
  /** `INCLUDE_QUERY`: 50 books with their author. */
  findPageWithAuthor(): Promise<BookWithAuthor[]>;
}

/** The engines of the bench. */
export type EngineName = 'SQLite' | 'SQLite file' | 'PGlite';

/** The names of the operations, in the order of the table. */
export const OPERATIONS = ['findById', 'findMany 50', 'create', 'createMany 1000', 'findMany 50 + include'] as const;
export type Operation = (typeof OPERATIONS)[number];
