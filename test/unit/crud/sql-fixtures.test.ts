/**
 * Every sql fixture (column types, relations, keys, cycles, hostile names, TypeORM entities…)
 * also gets repositories: generated with crud, type-checked (the fixtures' table modules and
 * sql's and crud's runtime with them, in one tsc run), and run on SQLite, PGlite and
 * PostgreSQL with its own schema: every repository counts and lists its empty table, and loads
 * every relation for a row of sample key values (the statement `include` runs), so each
 * statement shape the fixtures hold (hostile names, composite keys, join tables) runs on every
 * engine.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../templates/crud/db.js';
import { generate } from '../../../src/index.js';
import { TMP_ROOT } from '../../helpers/paths.js';
import { typecheck, typecheckNestDefaults } from '../../helpers/typecheck.js';
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

/**
 * The runtime files sql and crud emit verbatim: every fixture gets the same text. tsc would check
 * each fixture's copy again (it does not merge identical files in different folders), so the
 * copies are compared byte for byte with one shared copy and the type-check reads only that one.
 */
const RUNTIME = ['crud', 'sql'].flatMap((generator) => readdirSync(resolve('templates', generator)).filter((file) => file.endsWith('.ts')));

/** The relative module specifiers of a TypeScript file (imports, exports, import types). */
function relativeImports(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s*)(["'])(\.{1,2}\/[^"']+)\1/gm)].map((match) => match[2]!);
}

/**
 * A tree for one tsc program: `runtime/` holds the shared runtime, each `<fixture>/` its models
 * and its generated files less the runtime. `rootDirs` lays every generated folder over
 * `runtime/`, so `./db.js` in any fixture's output resolves to the shared copy.
 */
function checkTree(): string {
  const check = join(ROOT, '.check');
  rmSync(check, { recursive: true, force: true });
  mkdirSync(join(check, 'runtime'), { recursive: true });
  const first = join(ROOT, NAMES[0]!, 'generated');
  for (const file of RUNTIME) {
    const shared = readFileSync(join(first, file), 'utf8');
    for (const name of NAMES) expect(readFileSync(join(ROOT, name, 'generated', file), 'utf8'), `${name}/generated/${file}`).toBe(shared);
    // The runtime may import only the runtime: a fixture's file would resolve to the first fixture listed.
    for (const specifier of relativeImports(shared)) expect(RUNTIME, `${file} imports ${specifier}`).toContain(specifier.replace(/^\.\//, '').replace(/\.js$/, '.ts'));
    writeFileSync(join(check, 'runtime', file), shared);
  }
  for (const name of NAMES) {
    cpSync(join(ROOT, name, 'models'), join(check, name, 'models'), { recursive: true });
    const output = join(ROOT, name, 'generated');
    const generated = join(check, name, 'generated');
    cpSync(output, generated, { recursive: true, filter: (source) => dirname(source) !== output || !RUNTIME.includes(basename(source)) });
    // rootDirs would also find another fixture's file of the same name: each import must be the fixture's own or the runtime.
    for (const file of readdirSync(generated).filter((entry) => entry.endsWith('.ts'))) {
      for (const specifier of relativeImports(readFileSync(join(generated, file), 'utf8'))) {
        const target = join(generated, specifier).replace(/\.js$/, '.ts');
        const local = existsSync(target) || existsSync(target.replace(/\.ts$/, '/index.ts'));
        const runtime = dirname(target) === generated && RUNTIME.includes(basename(target));
        expect(local || runtime, `${name}/generated/${file} imports ${specifier}`).toBe(true);
      }
    }
  }
  return check;
}

/**
 * tsc's messages for the check tree. tsc runs in a worker thread (helpers/tsc.ts): it is started
 * once the fixtures are generated and awaited by the last test, so it checks while the engines run.
 */
let typechecked: Promise<string> | undefined;
/** The same tree under NestJS's default tsconfig (strictNullChecks off…; tester s12 T2), checked after it. */
let nestChecked: Promise<string> | undefined;

it('generates repositories for every fixture, with one runtime', async () => {
  mkdirSync(ROOT, { recursive: true });
  for (const name of NAMES) await generateProject(name);
  const check = checkTree();
  const rootDirs = ['runtime', ...NAMES.map((name) => `${name}/generated`)];
  const include = ['runtime/*.ts', ...NAMES.flatMap((name) => [`${name}/models/**/*.ts`, `${name}/generated/**/*.ts`])];
  typechecked = typecheck(check, include, { rootDirs });
  nestChecked = typecheckNestDefaults(check, include, { rootDirs });
  // Awaited below: a rejection now would otherwise be reported as unhandled.
  typechecked.catch(() => undefined);
  nestChecked.catch(() => undefined);
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

it('generates repositories that compile under tsc --strict', async () => {
  expect(typechecked, 'the fixtures were generated').toBeDefined();
  expect(await typechecked).toBe('');
}, 120_000);

it('generates repositories that compile under NestJS\'s default tsconfig (strictNullChecks off, CommonJS, declarations)', async () => {
  expect(nestChecked, 'the fixtures were generated').toBeDefined();
  expect(await nestChecked).toBe('');
}, 120_000);
