/**
 * Entity properties named like Object.prototype's members (`constructor`, `toString`,
 * `hasOwnProperty`, `valueOf`…, fixture `property-names`) are ordinary fields: written, filtered
 * and read back through the generated module on SQLite and PGlite, and typed as rows and
 * table meta under `tsc --strict` (a `Where<Row>` or `Partial<Row>` literal that leaves such a
 * field out is refused by TypeScript, which checks the literal's inherited `toString` against it:
 * a matter for the runtime's types). `__proto__` cannot be a field of a row
 * object and is a located error (CG2311).
 */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sqlGenerator } from '../../../src/generators/sql/index.js';
import { typecheck } from '../../helpers/typecheck.js';
import { column, entity, entityModel, int, text } from './entity-builders.js';
import { CONTEXT, fixtureSchema, materializeFixture } from './helpers.js';
import { freshPglite } from '../../helpers/databases.js';

interface Query {
  text: string;
  values: readonly unknown[];
}
interface OddSql {
  insert(row: Record<string, unknown>, options: { returning: boolean }): Query;
  select(options: { where: Record<string, unknown> }): Query;
  decode(row: Record<string, unknown>): Record<string, unknown>;
}

let folder: string;
let oddSql: (dialect: 'postgres' | 'sqlite') => OddSql;

beforeAll(async () => {
  folder = await materializeFixture('property-names', join(process.cwd(), 'test/.tmp/sql-property-names'));
  oddSql = ((await import(join(folder, 'generated', 'names.sql.ts'))) as { oddSql: typeof oddSql }).oddSql;
}, 60_000);

const row = { id: 1, constructor: 'c', toString: 't', hasOwnProperty: true, valueOf: 1.5, isPrototypeOf: null, propertyIsEnumerable: 'p', toLocaleString: 'l' };

async function roundTrip(sql: OddSql, run: (query: Query) => Promise<Record<string, unknown>[]>): Promise<void> {
  const [inserted] = await run(sql.insert(row, { returning: true }));
  expect(sql.decode(inserted!)).toEqual(row);
  const selected = await run(sql.select({ where: { constructor: 'c', toString: { like: 't%' }, hasOwnProperty: true, isPrototypeOf: null } }));
  expect(selected.map((found) => sql.decode(found))).toEqual([row]);
  expect(await run(sql.select({ where: { valueOf: { gt: 2 } } }))).toEqual([]);
}

describe('properties named like Object.prototype members', () => {
  it('round-trip and filter on SQLite', async () => {
    const db = new Database(':memory:');
    db.exec(await fixtureSchema('property-names', 'sqlite'));
    await roundTrip(oddSql('sqlite'), async (query) => db.prepare(query.text).all(...(query.values as unknown[])) as Record<string, unknown>[]);
    db.close();
  });

  it('round-trip and filter on PGlite', async () => {
    const pglite = await freshPglite();
    await pglite.exec(await fixtureSchema('property-names', 'postgres'));
    await roundTrip(oddSql('postgres'), async (query) => (await pglite.query<Record<string, unknown>>(query.text, query.values as unknown[])).rows);
    await pglite.close();
  });

  it('type-check as rows and table meta', async () => {
    writeFileSync(
      join(folder, 'generated', 'usage.ts'),
      [
        "import { oddTable, type OddRow } from './names.sql.js';",
        "export const row: OddRow = { id: 1, constructor: 'c', toString: 't', hasOwnProperty: true, valueOf: 1, isPrototypeOf: null, propertyIsEnumerable: 'p', toLocaleString: 'l' };",
        "export const codec: 'text' = oddTable.columns.constructor.codec === 'text' ? 'text' : 'text';",
        "export const key: readonly (keyof OddRow)[] = oddTable.primaryKey;",
        '',
      ].join('\n'),
    );
    expect(await typecheck(folder, ['**/*.ts'])).toBe('');
  }, 120_000);

  it('reports __proto__ as a located error', () => {
    const proto = column('__proto__', text, { source: { file: 'src/models/shop.ts', line: 7, column: 3 } });
    const found = sqlGenerator.check!(entityModel([entity('Shop', [column('id', int), proto])]), { split: 'file' }, CONTEXT);
    expect(found).toMatchObject([{ code: 'CG2311', severity: 'error', line: 7, message: expect.stringContaining('__proto__') }]);
    expect(found[0]!.hint).toContain('@column');
  });
});
