/**
 * The two in-memory engines of the repository bench, each seeded through the generated
 * repositories with the fixture's authors and books, and the contestants over them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import Database from 'better-sqlite3';
import { codegenContestant, loadGenerated, type GeneratedDb } from './codegen-contestant.js';
import type { EngineName, RepositoryContestant } from './contestant.js';
import { drizzlePgliteContestants, drizzleSqliteContestants } from './drizzle-contestants.js';
import { seedAuthors, seedBooks, WRITTEN_BOOKS } from './fixture.js';
import { kyselyPglite, kyselySqlite } from './kysely-contestants.js';
import { rawPglite, rawSqlite } from './raw-contestants.js';

/** One seeded engine and everyone who competes on it (the raw driver first). */
export interface BenchEngine {
  name: EngineName;
  contestants: RepositoryContestant[];
  /** Ids of the seeded authors and books. */
  authorIds: string[];
  bookIds: string[];
  /** Deletes the books written during the bench, so every task starts from the seeded table. */
  clearWritten(): Promise<void>;
  close(): Promise<void>;
}

/** The schema the generator wrote for `dialect` (`generated/` is compiled to `bench/.out/…`: read the source). */
function schema(dialect: 'sqlite' | 'postgres'): string {
  const source = fileURLToPath(new URL(`../../../../bench/repositories/generated/schema.${dialect}.sql`, import.meta.url));
  return readFileSync(source, 'utf8');
}

async function seeded(db: GeneratedDb, generated: Awaited<ReturnType<typeof loadGenerated>>): Promise<{ authorIds: string[]; bookIds: string[] }> {
  const repositories = generated.createRepositories(db);
  const authors = await repositories.authors.createMany(seedAuthors());
  const authorIds = authors.map((author) => author.id);
  const books = await repositories.books.createMany(seedBooks(authorIds));
  return { authorIds, bookIds: books.map((book) => book.id) };
}

/** better-sqlite3 in memory, then PGlite in memory. */
export async function openEngines(): Promise<BenchEngine[]> {
  const generated = await loadGenerated();

  const sqlite = new Database(':memory:');
  const sqliteAdapter = generated.sqliteDb(sqlite);
  await sqliteAdapter.exec(schema('sqlite'));
  const sqliteIds = await seeded(sqliteAdapter, generated);

  const pglite = await PGlite.create();
  const pgliteAdapter = generated.pgliteDb(pglite);
  await pgliteAdapter.exec(schema('postgres'));
  const pgliteIds = await seeded(pgliteAdapter, generated);
  await pglite.exec('ANALYZE');

  return [
    {
      name: 'SQLite',
      contestants: [rawSqlite(sqlite), codegenContestant(generated, sqliteAdapter), kyselySqlite(sqlite), ...drizzleSqliteContestants(sqlite)],
      ...sqliteIds,
      clearWritten: async () => void sqlite.exec(`DELETE FROM "books" WHERE ${WRITTEN_BOOKS}`),
      close: async () => void sqlite.close(),
    },
    {
      name: 'PGlite',
      contestants: [rawPglite(pglite), codegenContestant(generated, pgliteAdapter), kyselyPglite(pglite), ...drizzlePgliteContestants(pglite)],
      ...pgliteIds,
      clearWritten: async () => void (await pglite.exec(`DELETE FROM "books" WHERE ${WRITTEN_BOOKS}`)),
      close: () => pglite.close(),
    },
  ];
}
