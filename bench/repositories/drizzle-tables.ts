/**
 * The bookstore's `authors` and `books` as Drizzle tables, one set per engine, written by hand
 * to match the generated schemas: property names are the bench's `BookRow` fields, so Drizzle
 * returns its rows in that shape. SQLite keeps timestamps as ISO text (the generated schema's
 * choice), which Drizzle users map with a custom type.
 */
import { relations, sql } from 'drizzle-orm';
import { integer, jsonb, numeric, pgTable, timestamp, uuid, varchar, text as pgText } from 'drizzle-orm/pg-core';
import { customType, integer as sqliteInteger, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { BookRow } from './fixture.js';

/** A timestamp stored as ISO 8601 text, read back as a `Date`. */
const isoTimestamp = customType<{ data: Date; driverData: string }>({
  dataType: () => 'text',
  toDriver: (value) => value.toISOString(),
  fromDriver: (value) => new Date(value),
});

/** The generated SQLite schema's UUID default, as `drizzle-kit pull` writes it: SQLite has no `DEFAULT` in `VALUES`, so Drizzle inlines it. */
const uuidDefault = sql`(lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))))`;

export const sqliteAuthors = sqliteTable('authors', {
  id: text('id').primaryKey().default(uuidDefault),
  name: text('name').notNull(),
  email: text('email').notNull(),
  bio: text('bio'),
  website: text('website'),
  createdAt: isoTimestamp('created_at').notNull(),
});

export const sqliteBooks = sqliteTable('books', {
  id: text('id').primaryKey().default(uuidDefault),
  title: text('title').notNull(),
  isbn: text('isbn').notNull(),
  authorId: text('author_id').notNull(),
  genre: text('genre').$type<BookRow['genre']>().notNull(),
  price: real('price').notNull(),
  tags: text('tags', { mode: 'json' }).$type<string[]>().notNull(),
  format: text('format').$type<BookRow['format']>().notNull(),
  pages: sqliteInteger('pages'),
  dimensions: text('dimensions', { mode: 'json' }).$type<BookRow['dimensions']>(),
  publishedAt: isoTimestamp('published_at').notNull(),
});

export const sqliteBookRelations = relations(sqliteBooks, ({ one }) => ({
  author: one(sqliteAuthors, { fields: [sqliteBooks.authorId], references: [sqliteAuthors.id] }),
}));

export const sqliteSchema = { authors: sqliteAuthors, books: sqliteBooks, bookRelations: sqliteBookRelations };

export const pgAuthors = pgTable('authors', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: varchar('name', { length: 120 }).notNull(),
  email: pgText('email').notNull(),
  bio: pgText('bio'),
  website: pgText('website'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const pgBooks = pgTable('books', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: varchar('title', { length: 200 }).notNull(),
  isbn: pgText('isbn').notNull(),
  authorId: uuid('author_id').notNull(),
  genre: pgText('genre').$type<BookRow['genre']>().notNull(),
  price: numeric('price', { precision: 18, scale: 2, mode: 'number' }).notNull(),
  tags: jsonb('tags').$type<string[]>().notNull(),
  format: pgText('format').$type<BookRow['format']>().notNull(),
  pages: integer('pages'),
  dimensions: jsonb('dimensions').$type<BookRow['dimensions']>(),
  publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }).notNull(),
});

export const pgBookRelations = relations(pgBooks, ({ one }) => ({
  author: one(pgAuthors, { fields: [pgBooks.authorId], references: [pgAuthors.id] }),
}));

export const pgSchema = { authors: pgAuthors, books: pgBooks, bookRelations: pgBookRelations };
