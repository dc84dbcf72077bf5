/**
 * Hand-written table metadata (what the `sql` generator emits per entity) and the DDL of the
 * same tables per dialect, for the runtime's tests: authors, books (every codec), tags, the
 * book_tags join table, and a table whose SQL names are hostile.
 */
import type { Dialect, TableMeta } from '../../../templates/sql/sql-runtime.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface AuthorRow {
  id: number;
  name: string;
  email: string | null;
}

export interface BookRow {
  id: string;
  title: string;
  authorId: number | null;
  inPrint: boolean;
  publishedAt: Date | null;
  price: number | null;
  copies: bigint;
  releaseDate: string | null;
  meta: { [key: string]: Json } | Json[] | null;
  rating: number;
  pages: number | null;
}

export interface TagRow {
  id: number;
  label: string;
}

export interface BookTagRow {
  bookId: string;
  tagId: number;
}

/** A table whose name and column names try to break out of their quotes. */
export interface WeirdRow {
  id: number;
  value: string;
}

export const authors: TableMeta<AuthorRow, { books: BookRow[] }> = {
  table: 'authors',
  columns: {
    id: { name: 'id', codec: 'integer', nullable: false },
    name: { name: 'name', codec: 'text', nullable: false },
    email: { name: 'email', codec: 'text', nullable: true },
  },
  primaryKey: ['id'],
  uniques: { authors_email_key: ['email'] },
  relations: { books: { kind: 'one-to-many', target: () => books, fields: ['id'], targetFields: ['authorId'] } },
};

export const books: TableMeta<BookRow, { author: AuthorRow; tags: TagRow[] }> = {
  table: 'books',
  columns: {
    id: { name: 'id', codec: 'uuid', nullable: false },
    title: { name: 'title', codec: 'text', nullable: false },
    authorId: { name: 'author_id', codec: 'integer', nullable: true },
    inPrint: { name: 'in_print', codec: 'boolean', nullable: false },
    publishedAt: { name: 'published_at', codec: 'timestamp', nullable: true },
    price: { name: 'price', codec: 'decimal', nullable: true },
    copies: { name: 'copies', codec: 'bigint', nullable: false },
    releaseDate: { name: 'release_date', codec: 'date', nullable: true },
    meta: { name: 'meta', codec: 'json', nullable: true },
    rating: { name: 'rating', codec: 'real', nullable: false },
    pages: { name: 'pages', codec: 'integer', nullable: true },
  },
  primaryKey: ['id'],
  uniques: { books_title_author_key: ['title', 'authorId'] },
  relations: {
    author: { kind: 'many-to-one', target: () => authors, fields: ['authorId'], targetFields: ['id'] },
    tags: {
      kind: 'many-to-many',
      target: () => tags,
      fields: ['id'],
      targetFields: ['id'],
      through: { table: 'book_tags', column: 'book_id', targetColumn: 'tag_id' },
    },
  },
};

export const tags: TableMeta<TagRow> = {
  table: 'tags',
  columns: {
    id: { name: 'id', codec: 'integer', nullable: false },
    label: { name: 'label', codec: 'text', nullable: false },
  },
  primaryKey: ['id'],
  uniques: { tags_label_key: ['label'] },
  relations: {},
};

export const bookTags: TableMeta<BookTagRow, { book: BookRow; tag: TagRow }> = {
  table: 'book_tags',
  columns: {
    bookId: { name: 'book_id', codec: 'uuid', nullable: false },
    tagId: { name: 'tag_id', codec: 'integer', nullable: false },
  },
  primaryKey: ['bookId', 'tagId'],
  uniques: {},
  relations: {
    book: { kind: 'many-to-one', target: () => books, fields: ['bookId'], targetFields: ['id'] },
    tag: { kind: 'many-to-one', target: () => tags, fields: ['tagId'], targetFields: ['id'] },
  },
};

/**
 * Fields whose column has another SQL type than their codec expects (as `@dbType` or TypeORM's
 * `type: 'bigint'` on a `string` property give): a driver hands over numbers, bigints, money text.
 */
export interface MixedRow {
  id: number;
  views: string | null;
  ratio: string | null;
  code: string | null;
  day: string | null;
  flag: boolean | null;
  price: number | null;
  stamp: Date | null;
}

export const mixed: TableMeta<MixedRow> = {
  table: 'mixed',
  columns: {
    id: { name: 'id', codec: 'integer', nullable: false },
    views: { name: 'views', codec: 'text', nullable: true },
    ratio: { name: 'ratio', codec: 'text', nullable: true },
    code: { name: 'code', codec: 'uuid', nullable: true },
    day: { name: 'day', codec: 'date', nullable: true },
    flag: { name: 'flag', codec: 'boolean', nullable: true },
    price: { name: 'price', codec: 'decimal', nullable: true },
    stamp: { name: 'stamp', codec: 'timestamp', nullable: true },
  },
  primaryKey: ['id'],
  uniques: {},
  relations: {},
};

export const WEIRD_TABLE = 'we"ird; DROP TABLE books; --';
export const WEIRD_COLUMN = 'co"l; DROP TABLE books; --';

export const weird: TableMeta<WeirdRow> = {
  table: WEIRD_TABLE,
  columns: {
    id: { name: 'i"d', codec: 'integer', nullable: false },
    value: { name: WEIRD_COLUMN, codec: 'text', nullable: false },
  },
  primaryKey: ['id'],
  uniques: {},
  relations: {},
};

const SQLITE_DDL = `
CREATE TABLE "authors" ("id" INTEGER PRIMARY KEY, "name" TEXT NOT NULL, "email" TEXT UNIQUE) STRICT;
CREATE TABLE "books" (
  "id" TEXT PRIMARY KEY,
  "title" TEXT NOT NULL,
  "author_id" INTEGER REFERENCES "authors" ("id"),
  "in_print" INTEGER NOT NULL DEFAULT 1,
  "published_at" TEXT,
  "price" REAL,
  "copies" INTEGER NOT NULL DEFAULT 0,
  "release_date" TEXT,
  "meta" TEXT,
  "rating" REAL NOT NULL DEFAULT 0,
  "pages" INTEGER,
  CONSTRAINT "books_title_author_key" UNIQUE ("title", "author_id")
) STRICT;
CREATE TABLE "tags" ("id" INTEGER PRIMARY KEY, "label" TEXT NOT NULL UNIQUE) STRICT;
CREATE TABLE "book_tags" (
  "book_id" TEXT NOT NULL REFERENCES "books" ("id"),
  "tag_id" INTEGER NOT NULL REFERENCES "tags" ("id"),
  PRIMARY KEY ("book_id", "tag_id")
) STRICT;
CREATE TABLE "we""ird; DROP TABLE books; --" ("i""d" INTEGER PRIMARY KEY, "co""l; DROP TABLE books; --" TEXT NOT NULL) STRICT;
CREATE TABLE "mixed" ("id" INTEGER PRIMARY KEY, "views" INTEGER, "ratio" REAL, "code" INTEGER, "day" INTEGER, "flag" INTEGER, "price" TEXT, "stamp" TEXT) STRICT;
`;

const POSTGRES_DDL = `
CREATE TABLE "authors" ("id" integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "name" text NOT NULL, "email" text UNIQUE);
CREATE TABLE "books" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "title" text NOT NULL,
  "author_id" integer REFERENCES "authors" ("id"),
  "in_print" boolean NOT NULL DEFAULT true,
  "published_at" timestamptz,
  "price" numeric(30, 6),
  "copies" bigint NOT NULL DEFAULT 0,
  "release_date" date,
  "meta" jsonb,
  "rating" double precision NOT NULL DEFAULT 0,
  "pages" integer,
  CONSTRAINT "books_title_author_key" UNIQUE ("title", "author_id")
);
CREATE TABLE "tags" ("id" integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "label" text NOT NULL UNIQUE);
CREATE TABLE "book_tags" (
  "book_id" uuid NOT NULL REFERENCES "books" ("id"),
  "tag_id" integer NOT NULL REFERENCES "tags" ("id"),
  PRIMARY KEY ("book_id", "tag_id")
);
CREATE TABLE "we""ird; DROP TABLE books; --" ("i""d" integer PRIMARY KEY, "co""l; DROP TABLE books; --" text NOT NULL);
CREATE TABLE "mixed" ("id" integer PRIMARY KEY, "views" bigint, "ratio" double precision, "code" integer, "day" integer, "flag" integer, "price" money, "stamp" text);
`;

/** The DDL of every test table, and of nothing else, for `dialect`. */
export function schema(dialect: Dialect): string {
  return dialect === 'postgres' ? POSTGRES_DDL : SQLITE_DDL;
}

/** The tables `schema` creates, for checking that a database is intact. */
export const TABLE_NAMES = ['authors', 'book_tags', 'books', 'mixed', 'tags', WEIRD_TABLE];
