/**
 * The two in-memory engines of the repository bench, each seeded through the generated
 * repositories with the fixture's authors and books, and the contestants over them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  /** Where the data lives, for the report's headings. */
  storage: string;
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

/** A better-sqlite3 engine over `database`, seeded. */
async function sqliteEngine(
  name: EngineName,
  storage: string,
  database: Database.Database,
  generated: Awaited<ReturnType<typeof loadGenerated>>,
  removeFiles: () => void = () => undefined,
): Promise<BenchEngine> {
  const adapter = generated.sqliteDb(database);
  await adapter.exec(schema('sqlite'));
  const ids = await seeded(adapter, generated);
  return {
    name,
    storage,
    contestants: [rawSqlite(database), codegenContestant(generated, adapter), kyselySqlite(database), ...drizzleSqliteContestants(database)],
    ...ids,
    clearWritten: async () => void database.exec(`DELETE FROM "books" WHERE ${WRITTEN_BOOKS}`),
    close: async () => {
      database.close();
      removeFiles();
    },
  };
}

/**
 * better-sqlite3 in memory, better-sqlite3 on a file in WAL mode (as applications run it: every
 * statement outside a transaction commits, and a commit costs what the disk makes it cost), then
 * PGlite in memory.
 */
export async function openEngines(): Promise<BenchEngine[]> {
  const generated = await loadGenerated();

  const memory = await sqliteEngine('SQLite', 'in memory', new Database(':memory:'), generated);
  const folder = mkdtempSync(join(tmpdir(), 'codegen-bench-'));
  const file = new Database(join(folder, 'books.db'));
  file.pragma('journal_mode = WAL');
  const onFile = await sqliteEngine('SQLite file', `file in ${tmpdir()}, WAL, synchronous=${String(file.pragma('synchronous', { simple: true }))}`, file, generated, () =>
    rmSync(folder, { recursive: true, force: true }),
  );

  const pglite = await PGlite.create();
  const pgliteAdapter = generated.pgliteDb(pglite);
  await pgliteAdapter.exec(schema('postgres'));
  const pgliteIds = await seeded(pgliteAdapter, generated);
  await pglite.exec('ANALYZE');

  return [
    memory,
    onFile,
    {
      name: 'PGlite',
      storage: 'in memory',
      contestants: [rawPglite(pglite), codegenContestant(generated, pgliteAdapter), kyselyPglite(pglite), ...drizzlePgliteContestants(pglite)],
      ...pgliteIds,
      clearWritten: async () => void (await pglite.exec(`DELETE FROM "books" WHERE ${WRITTEN_BOOKS}`)),
      close: () => pglite.close(),
    },
  ];
}
