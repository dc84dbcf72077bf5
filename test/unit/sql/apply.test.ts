/**
 * Every fixture's schema applies cleanly on real SQLite and on real PostgreSQL (PGlite) and
 * creates every table it declares; applying it twice fails (nothing is `IF NOT EXISTS`, so the
 * first run really created everything).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureNames, fixtureSchema } from './helpers.js';
import { openPglite, openSqlite, rejection, tableNames, type Engine } from './engines.js';

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
    for (const dialect of ['sqlite', 'postgres'] as const) {
      it(`${name} applies on ${dialect}`, async () => {
        const schema = await fixtureSchema(name, dialect);
        const engine: Engine = dialect === 'sqlite' ? openSqlite() : await pglite.schema(`apply_${name}`);
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
