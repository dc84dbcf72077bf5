/**
 * The data every contestant of the repository bench reads and writes: the bookstore's authors
 * and books (books many-to-one authors), seeded deterministically, and the five operations'
 * arguments. Rows are the shapes codegen's repositories return (`BookRow`, `AuthorRow`); every
 * other contestant maps its results to them, as a user of that library would.
 */

/** A book as the generated `BookRow` has it. */
export interface BookRow {
  id: string;
  title: string;
  isbn: string;
  authorId: string;
  genre: 'fiction' | 'non-fiction' | 'poetry' | 'children';
  price: number;
  tags: string[];
  format: 'hardcover' | 'paperback' | 'ebook';
  pages: number | null;
  dimensions: { widthCm: number; heightCm: number } | null;
  publishedAt: Date;
}

/** An author as the generated `AuthorRow` has it. */
export interface AuthorRow {
  id: string;
  name: string;
  email: string;
  bio: string | null;
  website: string | null;
  createdAt: Date;
}

/** What `create` takes: the row without its generated key. */
export type BookCreate = Omit<BookRow, 'id' | 'pages'> & { pages?: number };

export interface AuthorCreate {
  name: string;
  email: string;
  bio: string | null;
  website?: string;
}

/** A book with its author loaded (`include: { author: true }`). */
export type BookWithAuthor = BookRow & { author: AuthorRow | null };

export const AUTHOR_COUNT = 100;
export const BOOK_COUNT = 2000;
/** Rows per `findMany`. */
export const PAGE = 50;
/** Rows per `createMany`. */
export const BATCH = 1000;

const GENRES = ['fiction', 'non-fiction', 'poetry', 'children'] as const;
const FORMATS = ['hardcover', 'paperback', 'ebook'] as const;

/** `findMany` of 50 rows with a filter and an order: fiction from 10.00 up, newest first. */
export const PAGE_QUERY = { genre: 'fiction', minPrice: 10, limit: PAGE } as const;
/** `findMany` with `include: { author: true }`: poetry by title. */
export const INCLUDE_QUERY = { genre: 'poetry', limit: PAGE } as const;

export function seedAuthors(): AuthorCreate[] {
  return Array.from({ length: AUTHOR_COUNT }, (_, i) => ({
    name: `Author ${i}`,
    email: `author${i}@example.com`,
    bio: i % 3 === 0 ? null : `Writes book after book (${i}).`,
    ...(i % 2 === 0 ? {} : { website: `https://author${i}.example.com` }),
  }));
}

/** ISBNs of seeded books start 978, those written during the bench 979 (so they can be cleared). */
export function seedBooks(authorIds: readonly string[]): BookCreate[] {
  return Array.from({ length: BOOK_COUNT }, (_, i) => book(`978${String(i).padStart(10, '0')}`, authorIds[i % authorIds.length] as string, i));
}

let written = 0;

/** A new book with an ISBN no other call returned, by one of `authorIds`. */
export function newBook(authorIds: readonly string[]): BookCreate {
  const n = written++;
  return book(`979${String(n).padStart(10, '0')}`, authorIds[n % authorIds.length] as string, n);
}

/** `count` new books. */
export function newBooks(authorIds: readonly string[], count: number): BookCreate[] {
  return Array.from({ length: count }, () => newBook(authorIds));
}

/** The SQL condition that selects the books written during the bench (to delete them). */
export const WRITTEN_BOOKS = `"isbn" >= '979'`;

function book(isbn: string, authorId: string, i: number): BookCreate {
  const ebook = i % 3 === 2;
  return {
    title: `Title ${(i * 7919) % 10007}`,
    isbn,
    authorId,
    genre: GENRES[i % GENRES.length] as BookRow['genre'],
    // 5.00 … 54.99 in cents: the generated validator checks multipleOf 0.01.
    price: (500 + ((i * 37) % 5000)) / 100,
    tags: i % 5 === 0 ? [] : ['classic', `tag${i % 11}`],
    format: FORMATS[i % FORMATS.length] as BookRow['format'],
    // Always given: on SQLite a row without an optional field has another column list, and
    // createMany then writes each run of equal shapes with its own statement.
    pages: 100 + (i % 400),
    dimensions: ebook ? null : { widthCm: 13 + (i % 5), heightCm: 20.5 },
    publishedAt: new Date(Date.UTC(1950 + (i % 70), i % 12, 1 + (i % 28), 0, 0, 0, i % 1000)),
  };
}
