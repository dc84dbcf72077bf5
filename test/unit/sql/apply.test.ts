/**
 * Every fixture's schema applies cleanly on real SQLite, on PGlite and on a real PostgreSQL server, and
 * creates every table it declares; applying it twice fails (nothing is `IF NOT EXISTS`, so the
 * first run really created everything).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureNames, fixtureSchema } from './helpers.js';
import { findPostgres } from '../../helpers/databases.js';
import { openPglite, openServer, openSqlite, rejection, tableNames, type Engine } from './engines.js';

const server = await findPostgres();
const ENGINES = ['sqlite', 'pglite', 'postgres server'] as const;

/** The table names a schema creates, unquoted. */
function declaredTables(schema: string): string[] {
  return [...schema.matchAll(/^CREATE TABLE "((?:[^"]|"")*)"/gm)].map((match) => match[1]!.replace(/""/g, '"')).sort();
}

let pglite: Awaited<ReturnType<typeof openPglite>>;
beforeAll(async () => {
  pglite = await openPglite();
});
afterAll(async () => pglite.close());

describe('generated schemas on real engines', () => {
  for (const name of fixtureNames()) {
    for (const kind of ENGINES) {
      const dialect = kind === 'sqlite' ? 'sqlite' : 'postgres';
      it.skipIf(kind === 'postgres server' && server.url === undefined)(`${name} applies on ${kind}${kind === 'postgres server' ? server.skipNote : ''}`, async () => {
        const schema = await fixtureSchema(name, dialect);
        const engine: Engine = kind === 'sqlite' ? openSqlite() : kind === 'pglite' ? await pglite.schema(`apply_${name}`) : await openServer();
        try {
          await engine.exec(schema);
          const declared = declaredTables(schema);
          expect(declared.length).toBeGreaterThan(0);
          // PostgreSQL keeps the first 63 bytes of a longer name (CG2308 warns about it).
          const kept = dialect === 'postgres' ? declared.map((table) => Buffer.from(table).subarray(0, 63).toString()).sort() : declared;
          expect(await tableNames(engine)).toEqual(kept);
          expect(await rejection(engine, schema)).toMatch(/already exists/);
        } finally {
          await engine.close();
        }
      });
    }
  }
});
