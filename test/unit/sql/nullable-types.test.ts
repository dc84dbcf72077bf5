/**
 * A column whose type accepts null through an alias (`data: Json`, `name: MaybeName`,
 * `count: Maybe<number>`) is NULL-able: null written through the generated module is stored and
 * read back as null on SQLite and PGlite (the schema applies on PostgreSQL too: apply.test.ts).
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { declaration } from '../kit/model-builders.js';
import { column, entity, entityModel, int, text } from './entity-builders.js';
import { fixtureSchema, generate, materializeFixture } from './helpers.js';
import { freshPglite } from '../../helpers/databases.js';

interface Query {
  text: string;
  values: readonly unknown[];
}
interface DocSql {
  insert(row: Record<string, unknown>, options: { returning: boolean }): Query;
  decode(row: Record<string, unknown>): Record<string, unknown>;
}

let docSql: (dialect: 'postgres' | 'sqlite') => DocSql;

beforeAll(async () => {
  const folder = await materializeFixture('nullable-types', join(process.cwd(), 'test/.tmp/sql-nullable-types'));
  docSql = ((await import(join(folder, 'generated', 'docs.sql.ts'))) as { docSql: typeof docSql }).docSql;
}, 60_000);

const nulls = { id: 1, data: null, name: null, count: null, either: null, anything: null, title: 't' };
const values = { id: 2, data: { list: [1, 'a', true] }, name: 'n', count: 2.5, either: 3, note: 'x', anything: [null], title: 't' };

async function roundTrip(sql: DocSql, run: (query: Query) => Promise<Record<string, unknown>[]>): Promise<void> {
  for (const row of [nulls, values]) {
    const [inserted] = await run(sql.insert(row, { returning: true }));
    expect(sql.decode(inserted!)).toEqual({ note: null, ...row });
  }
}

describe('columns whose type accepts null through an alias', () => {
  it('store null on SQLite', async () => {
    const db = new Database(':memory:');
    db.exec(await fixtureSchema('nullable-types', 'sqlite'));
    await roundTrip(docSql('sqlite'), async (query) => db.prepare(query.text).all(...(query.values as unknown[])) as Record<string, unknown>[]);
    db.close();
  });

  it('store null on PGlite', async () => {
    const pglite = await freshPglite();
    await pglite.exec(await fixtureSchema('nullable-types', 'postgres'));
    await roundTrip(docSql('postgres'), async (query) => (await pglite.query<Record<string, unknown>>(query.text, query.values as unknown[])).rows);
    await pglite.close();
  });
});

describe('the sql generator alone (a model whose column says nullable: false)', () => {
  it('follows refs to aliases with null, and leaves other columns NOT NULL', async () => {
    const alias = declaration('MaybeName', { kind: 'union', members: [text, { kind: 'null' }] });
    const model = entityModel([entity('Shop', [column('id', int), column('name', { kind: 'ref', id: 'MaybeName' }), column('title', text)], { source: { file: 'input/shop.ts', line: 1, column: 1 } })], [alias]);
    const { files, diagnostics } = await generate(model, { split: 'file', dialects: ['postgres'] });
    expect(diagnostics).toEqual([]);
    const schema = files.find((file) => file.path === 'schema.postgres.sql')!.content;
    expect(schema).toContain('"name" text COLLATE "C",');
    expect(schema).toContain('"title" text COLLATE "C" NOT NULL,');
    expect(files.find((file) => file.path.endsWith('.sql.ts'))!.content).toContain('name: MaybeName | null;');
  });
});
