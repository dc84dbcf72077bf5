/**
 * `npm run example`: the bookstore's generated SQL schema and repositories on an embedded SQLite
 * database (in memory: nothing to install), seeded with the generated mocks, then one query
 * that includes each book's author.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { createRepositories, mockAuthorList, mockBookList, sqliteDb } from './generated/index.js';

// Run from the compiled copy in .out/, so the schema is read from the source folder.
const schema = readFileSync(new URL('../src/generated/schema.sqlite.sql', import.meta.url), 'utf8');
const db = sqliteDb(new Database(':memory:'));
await db.exec(schema);
const { authors, books } = createRepositories(db);

// Mocks have the models' shape; the repositories take rows (a book names its author by
// authorId). List mocks never repeat a unique column (the ISBN, the email), so they insert as
// they are.
const writers = await authors.createMany(mockAuthorList(3, { seed: 1 }));
await books.createMany(mockBookList(6, { seed: 2 }).map((book, n) => ({ ...book, authorId: writers[n % writers.length]!.id })));

const shelf = await books.findMany({
  where: { price: { lte: 500 } },
  orderBy: [{ genre: 'asc' }, { title: 'asc' }],
  limit: 4,
  include: { author: true },
});
console.log(`${await books.count()} books by ${await authors.count()} authors; four under 500.00, by genre and title:`);
for (const book of shelf) {
  console.log(`  ${book.genre.padEnd(12)} ${book.title.slice(0, 40).padEnd(40)} ${book.price.toFixed(2).padStart(8)}  by ${book.author?.name}`);
}
