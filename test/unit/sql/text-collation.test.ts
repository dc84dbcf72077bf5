/**
 * Text sorts and compares alike on every engine (tester s9 T13): the PostgreSQL schema declares its
 * text columns `COLLATE "C"` (code points, as SQLite's BINARY), so a server whose database
 * collation is linguistic (most: `en_US.UTF-8`, ICU) orders `ORDER BY`, `>` and keyset pages as
 * SQLite does. PGlite and the test server run under the C locale, which would hide the difference:
 * the control declares the same column with an ICU collation (what such a server gives a column
 * without one) and must disagree with SQLite, or the test proves nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPostgres } from '../../helpers/databases.js';
import { column, entity, entityModel, text } from './entity-builders.js';
import { insertSql, openPglite, openServer, openSqlite, type Engine } from './engines.js';
import { generate } from './helpers.js';

const server = await findPostgres();
const TITLES = ['b', 'B', 'a', 'A', 'é', 'E', 'Z', '_x', 'a b', 'ab', '10', '9'];

const model = entityModel([
  entity('Note', [
    column('id', { kind: 'number', constraints: { numericType: 'integer' } }, { primaryKey: true }),
    column('title', text),
    column('code', { kind: 'string', constraints: { maxLength: 20 } }),
  ]),
]);

let schemas: Record<'postgres' | 'sqlite', string>;
let pglite: Awaited<ReturnType<typeof openPglite>>;
beforeAll(async () => {
  const { files } = await generate(model, { split: 'file' });
  const schema = (dialect: string) => files.find((file) => file.path === `schema.${dialect}.sql`)!.content;
  schemas = { postgres: schema('postgres'), sqlite: schema('sqlite') };
  pglite = await openPglite();
}, 60_000);
afterAll(async () => pglite?.close());

/** The titles and codes in sorted order and those after 'B', on `engine` with `schema` applied. */
async function orders(engine: Engine, schema: string): Promise<Record<string, unknown[]>> {
  try {
    await engine.exec(schema);
    for (const [index, title] of TITLES.entries()) await engine.exec(insertSql('notes', { id: index + 1, title, code: title }, engine.dialect));
    const read = async (sql: string) => (await engine.rows(sql)).map((row) => Object.values(row)[0]);
    return {
      byTitle: await read('SELECT "title" FROM "notes" ORDER BY "title", "id"'),
      byCode: await read('SELECT "code" FROM "notes" ORDER BY "code" DESC, "id"'),
      afterB: await read(`SELECT "title" FROM "notes" WHERE "title" > 'B' ORDER BY "id"`),
      // The builders' ilike (LIKE on SQLite): both fold ASCII letters only, so 'É' finds no 'é'.
      ilike: await read(`SELECT "title" FROM "notes" WHERE "title" ${engine.dialect === 'sqlite' ? 'LIKE' : 'ILIKE'} 'É' OR "title" ${engine.dialect === 'sqlite' ? 'LIKE' : 'ILIKE'} 'e' ORDER BY "id"`),
      // lower() folds ASCII only under "C", as SQLite's does: 'é' and 'E' stay apart.
      distinct: (await read('SELECT COUNT(DISTINCT lower("code")) AS n FROM "notes"')).map(Number),
    };
  } finally {
    await engine.close();
  }
}

describe('text columns', () => {
  it('are declared COLLATE "C" on PostgreSQL only', () => {
    expect(schemas.postgres).toContain('"title" text COLLATE "C" NOT NULL');
    expect(schemas.postgres).toContain('"code" varchar(20) COLLATE "C" NOT NULL');
    expect(schemas.postgres).not.toMatch(/"id" integer COLLATE/);
    expect(schemas.sqlite).not.toContain('COLLATE');
  });

  it('sort and compare on PGlite as on SQLite, where an ICU column collation does not', async () => {
    const sqlite = await orders(openSqlite(), schemas.sqlite);
    expect(sqlite.byTitle).toEqual(['10', '9', 'A', 'B', 'E', 'Z', '_x', 'a', 'a b', 'ab', 'b', 'é']);
    expect(await orders(await pglite.schema('collation_c'), schemas.postgres)).toEqual(sqlite);
    const icu = await orders(await pglite.schema('collation_icu'), schemas.postgres.replaceAll('COLLATE "C"', 'COLLATE "und-x-icu"'));
    expect(icu.byTitle).not.toEqual(sqlite.byTitle);
    expect(icu.afterB).not.toEqual(sqlite.afterB);
    expect([sqlite.ilike, icu.ilike]).toEqual([['E'], ['é', 'E']]);
  });

  it.skipIf(server.url === undefined)(`sort and compare on the PostgreSQL server as on SQLite${server.skipNote}`, async () => {
    const sqlite = await orders(openSqlite(), schemas.sqlite);
    expect(await orders(await openServer(), schemas.postgres)).toEqual(sqlite);
  });
});
