/**
 * Every sql fixture (column types, relations, keys, cycles, hostile names, TypeORM entities…)
 * also gets repositories: generated with crud, type-checked (the fixtures' table modules and
 * sql's runtime with them, in one tsc run), and run on SQLite, PGlite and
 * PostgreSQL with its own schema: every repository counts and lists its empty table, and loads
 * every relation for a row of sample key values (the statement `include` runs), so each
 * statement shape the fixtures hold (hostile names, composite keys, join tables) runs on every
 * engine.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../templates/crud/db.js';
import { generate } from '../../../src/index.js';
import { TMP_ROOT } from '../../helpers/paths.js';
import { typecheck } from '../../helpers/typecheck.js';
import { engines, type GeneratedAdapters } from './engines.js';

const SQL_FIXTURES = resolve('test/fixtures/sql');
const ENGINES = await engines();

interface Generated extends GeneratedAdapters {
  createRepositories(db: Db): Record<string, unknown>;
}

interface AnyRepository {
  count(): Promise<number>;
  findMany(options: { include: Record<string, true> }): Promise<unknown[]>;
  // The generic repository's internals, reached on purpose: `include` skips its query when no row was read.
  definition: { table: { relations: Record<string, { kind: string }>; columns: Record<string, { codec: string }> } };
  loadRelation(rows: Record<string, unknown>[], name: string): Promise<void>;
}

/** A value of each codec that no empty table holds. */
const SAMPLES: Record<string, unknown> = {
  text: 'none', uuid: '00000000-0000-4000-8000-000000000000', integer: 1, real: 1.5, decimal: 1.5, bigint: 1n,
  boolean: true, timestamp: new Date(0), date: '2000-01-01', json: null,
};

const ROOT = join(TMP_ROOT, 'crud-sql-fixtures');
const NAMES = readdirSync(SQL_FIXTURES).sort();

/** A project holding the fixture's sources as models, with crud (and so sql and validate) on. */
async function generateProject(name: string): Promise<void> {
  const root = join(ROOT, name);
  rmSync(root, { recursive: true, force: true });
  cpSync(join(SQL_FIXTURES, name, 'input'), join(root, 'models'), { recursive: true });
  writeFileSync(join(root, 'codegen.config.yaml'), 'input: [models/**/*.ts]\noutput: generated\ngenerators:\n  crud: {}\n');
  // Unformatted: Prettier is most of a run's time here, and tsc does not mind.
  const result = await generate({ cwd: root, format: false });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
}

it('generates repositories for every fixture that compile under tsc --strict', async () => {
  mkdirSync(ROOT, { recursive: true });
  for (const name of NAMES) await generateProject(name);
  expect(await typecheck(ROOT, NAMES.flatMap((name) => [`${name}/models/**/*.ts`, `${name}/generated/**/*.ts`]))).toBe('');
}, 120_000);

describe.each(NAMES)('the %s fixture with repositories', (name) => {
  it.each(ENGINES)('counts, lists and includes every relation on $name', async (engine) => {
    if (engine.skip) return;
    const root = join(ROOT, name);
    const generated = (await import(join(root, 'generated', 'index.ts'))) as Generated;
    const { db, close } = await engine.open(generated);
    try {
      await db.exec(readFileSync(join(root, 'generated', `schema.${engine.dialect}.sql`), 'utf8'));
      const repositories = Object.entries(generated.createRepositories(db)).filter(([key]) => key !== 'db' && key !== 'transaction');
      expect(repositories.length).toBeGreaterThan(0);
      for (const [, value] of repositories) {
        const repository = value as AnyRepository;
        expect(await repository.count()).toBe(0);
        const { relations, columns } = repository.definition.table;
        const include = Object.fromEntries(Object.keys(relations).map((relation) => [relation, true as const]));
        expect(await repository.findMany({ include })).toEqual([]);
        const row = Object.fromEntries(Object.entries(columns).map(([field, column]) => [field, SAMPLES[column.codec]]));
        for (const [relation, meta] of Object.entries(relations)) {
          await repository.loadRelation([row], relation);
          expect(row[relation]).toEqual(meta.kind === 'one-to-many' || meta.kind === 'many-to-many' ? [] : null);
        }
      }
    } finally {
      await close();
    }
  });
});
