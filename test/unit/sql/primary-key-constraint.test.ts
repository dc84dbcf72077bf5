/**
 * Each table module names its primary key constraint (`primaryKeyConstraint`): the name in the
 * schema, after the 63-byte cut, which PostgreSQL reports on a duplicate key and SQLite does not
 * (so repositories can report the same name on both).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, fixtureNames, fixtureSchema, listFiles, materializeFixture } from './helpers.js';
import { freshPglite } from '../../helpers/databases.js';

describe('primaryKeyConstraint', () => {
  it('is the name of the PRIMARY KEY constraint in the schema, in every fixture', async () => {
    for (const name of fixtureNames()) {
      const schema = await fixtureSchema(name, 'postgres');
      const expected = join(FIXTURES_DIR, name, 'expected');
      const modules = listFiles(expected).filter((file) => file.endsWith('.sql.ts')).map((file) => ({ content: readFileSync(join(expected, file), 'utf8') }));
      const named = modules.flatMap((file) => [...file.content.matchAll(/primaryKeyConstraint:\s*("(?:[^"\\]|\\.)*")/g)].map((match) => JSON.parse(match[1]!) as string));
      expect(named.length, name).toBeGreaterThan(0);
      for (const constraint of named) expect(schema, `${name}: ${constraint}`).toContain(`CONSTRAINT "${constraint.replace(/"/g, '""')}" PRIMARY KEY`);
    }
  });

  it('is what PostgreSQL names on a duplicate key, a hashed name included', async () => {
    const folder = await materializeFixture('hostile', join(process.cwd(), 'test/.tmp/sql-pk-constraint'));
    const module = (await import(join(folder, 'generated', 'hostile.sql.ts'))) as Record<string, { table: string; primaryKeyConstraint?: string }>;
    const meta = module['longNamedTable']!;
    expect(meta.primaryKeyConstraint).toMatch(/_[0-9a-f]{8}$/);
    const pglite = await freshPglite();
    try {
      await pglite.exec(await fixtureSchema('hostile', 'postgres'));
      await pglite.exec(`INSERT INTO "order" ("select", """order""", "naïve_ünïcödé_ñame", "a_very_long_column_name_that_goes_past_sixty_three_bytes_of_identifier_xyz", "semi;colon") VALUES ('s', 'o', 'n', 1, ';')`);
      const row = `INSERT INTO "${meta.table}" ("id", "a_column_with_a_long_name_too", "hostile_id") VALUES (1, 'a', 1)`;
      await pglite.exec(row);
      const error = await pglite.exec(row).then(() => undefined, (caught: unknown) => caught as { constraint?: string });
      expect(error?.constraint).toBe(meta.primaryKeyConstraint);
    } finally {
      await pglite.close();
    }
  });
});
