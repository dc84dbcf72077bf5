/**
 * The config's `naming` (tester s11 T1, docs/annotations.md "Names"), on the typeorm-naming
 * fixture (TypeORM entities nothing names, and one JSDoc entity beside them): under each value the tables, columns, key columns and
 * join tables are the strategy's, written in full below; the schema applies on SQLite, PGlite and
 * PostgreSQL and the repositories create and include every relation through those names; and the
 * TypeORM strategies give exactly the names TypeORM's own metadata builder gives the same classes
 * (compiled with their decorator metadata, on better-sqlite3), `@Column()` on a number an integer
 * column there and here.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import ts from 'typescript';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../templates/crud/db.js';
import { TMP_ROOT } from '../../helpers/paths.js';
import { openSqlite } from '../../helpers/databases.js';
import { engines, suiteDatabase, type GeneratedAdapters } from './engines.js';
import { CRUD_FIXTURES, generateProject, type GeneratedProject } from './generated-project.js';

type Row = Record<string, unknown>;
interface Repo {
  create(input: Row): Promise<Row>;
  findMany(options?: { orderBy?: Row; include?: Row; where?: Row }): Promise<Row[]>;
  link(relation: string, key: unknown, targetKeys: unknown[]): Promise<number>;
}
interface Modules extends GeneratedAdapters {
  createRepositories(db: Db): Record<'tags' | 'labels' | 'userAccounts' | 'categories' | 'blogPosts' | 'auditEntries', Repo>;
  ValidationError: new (...args: never[]) => Error;
}

/** Table → its columns, sorted. */
type Names = Record<string, string[]>;

const sorted = (names: Names): Names =>
  Object.fromEntries(
    Object.keys(names)
      .sort()
      .map((table) => [table, [...names[table]!].sort()]),
  );

const TYPEORM: Names = {
  tag: ['slug', 'label'],
  labels: ['id', 'name'],
  user_account: ['id', 'displayName', 'e_mail'],
  category: ['id', 'name', 'sortOrder', 'parentId'],
  category_related_category: ['categoryId_1', 'categoryId_2'],
  blog_post: ['id', 'createdBy', 'title', 'price', 'authorId', 'categoryId', 'pinnedTagSlug'],
  blog_post_tags_tag: ['blogPostId', 'tagSlug'],
  blog_post_labels_labels: ['blogPostId', 'labelsId'],
};

const EXPECTED: Record<string, Names> = {
  codegen: {
    tags: ['slug', 'label'],
    labels: ['id', 'name'],
    user_accounts: ['id', 'display_name', 'e_mail'],
    categories: ['id', 'name', 'sort_order', 'parent_id'],
    categories_related: ['category_id', 'related_category_id'],
    blog_posts: ['id', 'created_by', 'title', 'price', 'author_id', 'category_id', 'pinned_tag_slug'],
    blog_posts_tags: ['blog_post_id', 'tag_slug'],
    blog_posts_labels: ['blog_post_id', 'label_id'],
    audit_entries: ['id', 'message', 'post_id'],
  },
  // TypeORM's strategy for the `@Entity` classes, codegen's for the JSDoc `@entity`.
  auto: { ...TYPEORM, audit_entries: ['id', 'message', 'post_id'] },
  typeorm: { ...TYPEORM, audit_entry: ['id', 'message', 'postId'] },
  'typeorm-snake': {
    tag: ['slug', 'label'],
    labels: ['id', 'name'],
    user_account: ['id', 'display_name', 'e_mail'],
    category: ['id', 'name', 'sort_order', 'parent_id'],
    category_related_category: ['category_id_1', 'category_id_2'],
    blog_post: ['id', 'created_by', 'title', 'price', 'author_id', 'category_id', 'pinned_tag_slug'],
    blog_post_tags_tag: ['blog_post_id', 'tag_slug'],
    blog_post_labels_labels: ['blog_post_id', 'labels_id'],
    audit_entry: ['id', 'message', 'post_id'],
  },
};

const NAMINGS = Object.keys(EXPECTED);
const projects = new Map<string, { project: GeneratedProject; lib: Modules }>();
for (const naming of NAMINGS) {
  const project = await generateProject('typeorm-naming', `naming: ${naming}`);
  projects.set(naming, { project, lib: await project.load<Modules>('index.ts') });
}

/** The tables and columns of a SQLite database (sorted, and in the table's order), and each column's declared type. */
function sqliteLayout(query: (sql: string) => Row[]): { names: Names; order: Names; types: Record<string, string> } {
  const names: Names = {};
  const types: Record<string, string> = {};
  for (const { name } of query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") as Array<{ name: string }>) {
    const columns = query(`PRAGMA table_info("${name}")`) as Array<{ name: string; type: string }>;
    names[name] = columns.map((column) => column.name);
    for (const column of columns) types[`${name}.${column.name}`] = column.type.toLowerCase();
  }
  return { names: sorted(names), order: Object.fromEntries(Object.keys(names).sort().map((table) => [table, names[table]!])), types };
}

/** The layout codegen's SQLite schema makes. */
function codegenLayout(project: GeneratedProject): ReturnType<typeof sqliteLayout> {
  const { driver, close } = openSqlite();
  try {
    const database = driver as unknown as { exec(sql: string): void; prepare(sql: string): { all(): Row[] } };
    database.exec(project.schema('sqlite'));
    return sqliteLayout((sql) => database.prepare(sql).all());
  } finally {
    void close();
  }
}

describe.each(NAMINGS)('naming: %s', (naming) => {
  const { project } = projects.get(naming)!;

  it('names every table and column as the strategy does', () => {
    expect(codegenLayout(project).names).toEqual(sorted(EXPECTED[naming]!));
  });

  it('makes an untyped @Column() on a number an integer column, whose inputs refuse fractions', async () => {
    const { types } = codegenLayout(project);
    const [post, sortOrder] = naming === 'codegen' ? ['blog_posts', 'categories.sort_order'] : naming === 'typeorm-snake' ? ['blog_post', 'category.sort_order'] : ['blog_post', 'category.sortOrder'];
    expect([types[`${post}.price`], types[sortOrder]]).toEqual(['integer', 'integer']);
    expect(project.schema('postgres')).toMatch(/"price" integer NOT NULL/);
  });
});

describe('TypeORM names the same classes alike', async () => {
  // The fixture compiled as a TypeORM project compiles it: decorators with their design types.
  const out = mkdtempSync(join(TMP_ROOT, 'typeorm-naming-js-'));
  mkdirSync(join(out, 'models'));
  writeFileSync(join(out, 'package.json'), '{ "type": "commonjs" }\n');
  const source = readFileSync(join(CRUD_FIXTURES, 'typeorm-naming', 'models', 'blog.ts'), 'utf8');
  const compiled = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, experimentalDecorators: true, emitDecoratorMetadata: true, useDefineForClassFields: false },
  });
  writeFileSync(join(out, 'models', 'blog.js'), compiled.outputText);
  const require = createRequire(join(out, 'models', 'blog.js'));
  require('reflect-metadata');
  const typeorm = require('typeorm') as typeof import('typeorm');
  const { SnakeNamingStrategy } = require('typeorm-naming-strategies') as typeof import('typeorm-naming-strategies');
  const entities = Object.values(require('./blog.js') as Record<string, new () => unknown>);

  /** What TypeORM creates for the classes with `strategy`, on an in-memory better-sqlite3. */
  async function typeormLayout(strategy: 'typeorm' | 'typeorm-snake'): Promise<ReturnType<typeof sqliteLayout>> {
    const source = new typeorm.DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities,
      synchronize: true,
      ...(strategy === 'typeorm-snake' ? { namingStrategy: new SnakeNamingStrategy() } : {}),
    });
    await source.initialize();
    try {
      const rows = new Map<string, Row[]>();
      for (const { name } of (await source.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) as Array<{ name: string }>) {
        rows.set(name, (await source.query(`PRAGMA table_info("${name}")`)) as Row[]);
      }
      return sqliteLayout((sql) => (sql.startsWith('PRAGMA') ? rows.get(/"(.*)"/.exec(sql)![1]!)! : [...rows.keys()].map((name) => ({ name }))));
    } finally {
      await source.destroy();
    }
  }

  it.each(['auto', 'typeorm', 'typeorm-snake'] as const)('naming: %s gives the tables and columns TypeORM creates', async (naming) => {
    const theirs = await typeormLayout(naming === 'typeorm-snake' ? 'typeorm-snake' : 'typeorm');
    const ours = codegenLayout(projects.get(naming)!.project);
    // The JSDoc entity is codegen's alone: TypeORM does not see it.
    for (const layout of [ours.names, ours.order]) for (const table of ['audit_entries', 'audit_entry']) delete layout[table];
    expect(ours.names).toEqual(theirs.names);
    // In the same order: a base class's columns first (BlogPost's id, createdBy), then the class's own.
    expect(ours.order).toEqual(theirs.order);
    // The untyped number columns are integers in both.
    for (const [column, type] of Object.entries(theirs.types)) if (type === 'integer') expect(ours.types[column], column).toBe('integer');
  });
});

describe.each(await engines())('the repositories under each naming on $name', (engine) => {
  for (const naming of NAMINGS) {
    describe(`naming: ${naming}`, () => {
      const { project, lib } = projects.get(naming)!;
      const database = suiteDatabase(engine, () => lib, () => project.schema(engine.dialect));
      let db: Db;
      beforeEach(() => {
        db = database.db;
      });

      it('creates rows and includes every relation through the named columns and join tables', async () => {
        const repos = lib.createRepositories(db);
        const ada = await repos.userAccounts.create({ displayName: 'Ada', emailAddress: 'ada@example.com' });
        const root = await repos.categories.create({ name: 'Root', sortOrder: 1, parentId: null });
        const child = await repos.categories.create({ name: 'Child', sortOrder: 2, parentId: root['id'] });
        await repos.tags.create({ slug: 'ts', label: 'TypeScript' });
        const label = await repos.labels.create({ name: 'new' });
        const post = await repos.blogPosts.create({ createdBy: 'ada', title: 'Names', price: 20, authorId: ada['id'], categoryId: child['id'], pinnedTagSlug: 'ts' });
        expect(await repos.blogPosts.link('tags', post['id'], ['ts'])).toBe(1);
        expect(await repos.blogPosts.link('labels', post['id'], [label['id']])).toBe(1);
        expect(await repos.categories.link('related', child['id'], [root['id']])).toBe(1);
        const [found] = await repos.blogPosts.findMany({ include: { author: true, category: true, tags: true, labels: true, pinnedTag: true } });
        expect(found).toMatchObject({ title: 'Names', price: 20, author: { displayName: 'Ada' }, category: { name: 'Child' }, tags: [{ slug: 'ts' }], labels: [{ name: 'new' }], pinnedTag: { label: 'TypeScript' } });
        await repos.auditEntries.create({ id: 1, message: 'posted', postId: post['id'] });
        expect(await repos.auditEntries.findMany({ include: { post: true } })).toMatchObject([{ message: 'posted', post: { title: 'Names' } }]);
        const categories = await repos.categories.findMany({ include: { parent: true, related: true }, orderBy: { id: 'asc' } });
        expect(categories.map((c) => [c['name'], (c['parent'] as Row | null)?.['name'] ?? null, (c['related'] as Row[]).map((r) => r['name'])])).toEqual([
          ['Root', null, []],
          ['Child', 'Root', ['Root']],
        ]);
        // `@Column()` on a number is an integer column: 19.99 is refused before it reaches the engine.
        await expect(repos.blogPosts.create({ createdBy: 'ada', title: 'Cheap', price: 19.99, authorId: ada['id'], categoryId: null, pinnedTagSlug: null })).rejects.toBeInstanceOf(lib.ValidationError);
      });
    });
  }
});
