/**
 * A crud fixture's TypeORM models run by TypeORM itself, to compare codegen's repositories with the
 * tables and rows TypeORM makes: the fixture's model files are compiled as a TypeORM project compiles
 * them (CommonJS, legacy decorators with their metadata, `useDefineForClassFields: false`) and their
 * entities synchronized on an in-memory better-sqlite3 database, or on a schema of a PostgreSQL server.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import ts from 'typescript';
import type { DataSource, DataSourceOptions } from 'typeorm';
import { TMP_ROOT } from '../../helpers/paths.js';
import { CRUD_FIXTURES } from './generated-project.js';

type Row = Record<string, unknown>;

/** What the tests ask of TypeORM's repository of one entity. */
export interface TypeormRepository {
  save(entity: Row): Promise<Row>;
  findOneByOrFail(where: Row): Promise<Row>;
  clear(): Promise<void>;
  query(sql: string): Promise<Row[]>;
}

/** TypeORM's data source over `models/<modelFile>` of the crud fixture `fixture`, not yet initialized. */
export interface TypeormSource<Entity extends string> {
  /** The data source (`initialize()` in `beforeAll`, `destroy()` in `afterAll`). */
  source: DataSource;
  /** The modules' exports: the entity classes, to build instances TypeORM saves. */
  models: Record<Entity, new () => object>;
  /** The repository of the entity class exported as `entity` (after `initialize()`). */
  repository(entity: Entity): TypeormRepository;
  /** The better-sqlite3 database TypeORM opened, for codegen's `sqliteDb` (after `initialize()`; SQLite only). */
  connection(): unknown;
  /** The SQL TypeORM ran, in order (`CREATE TABLE …` of `synchronize` among it). */
  readonly queries: string[];
}
/** The better-sqlite3 form, as the first tests named it. */
export type TypeormSqlite<Entity extends string> = TypeormSource<Entity>;

/** Compiles and loads the fixture's model files and makes a better-sqlite3 data source of its classes exported as `entities`. */
export function typeormSqlite<Entity extends string>(fixture: string, modelFiles: string | readonly string[], entities: readonly Entity[]): TypeormSource<Entity> {
  return typeormSource(fixture, modelFiles, entities, { type: 'better-sqlite3', database: ':memory:' });
}

/**
 * The same over a PostgreSQL server: TypeORM's tables in `schema` (which must exist), its
 * connections with the session's `TimeZone` set to `timeZone` (the server's default otherwise).
 */
export function typeormPostgres<Entity extends string>(
  fixture: string,
  modelFiles: string | readonly string[],
  entities: readonly Entity[],
  server: { url: string; schema: string; timeZone?: string },
): TypeormSource<Entity> {
  const options = server.timeZone === undefined ? {} : { extra: { options: `-c TimeZone=${server.timeZone}` } };
  return typeormSource(fixture, modelFiles, entities, { type: 'postgres', url: server.url, schema: server.schema, ...options });
}

function typeormSource<Entity extends string>(
  fixture: string,
  modelFiles: string | readonly string[],
  entities: readonly Entity[],
  options: DataSourceOptions,
): TypeormSource<Entity> {
  const out = mkdtempSync(join(TMP_ROOT, `${fixture}-js-`));
  mkdirSync(join(out, 'models'));
  writeFileSync(join(out, 'package.json'), '{ "type": "commonjs" }\n');
  const require = createRequire(join(out, 'models', 'index.js'));
  require('reflect-metadata');
  const typeorm = require('typeorm') as typeof import('typeorm');
  const models = {} as Record<Entity, new () => object>;
  for (const modelFile of typeof modelFiles === 'string' ? [modelFiles] : modelFiles) {
    const compiled = ts.transpileModule(readFileSync(join(CRUD_FIXTURES, fixture, 'models', modelFile), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, experimentalDecorators: true, emitDecoratorMetadata: true, useDefineForClassFields: false },
    });
    const compiledFile = join(out, 'models', modelFile.replace(/\.ts$/, '.js'));
    writeFileSync(compiledFile, compiled.outputText);
    Object.assign(models, require(compiledFile));
  }
  const queries: string[] = [];
  const logger = { logQuery: (query: string) => void queries.push(query), logQueryError() {}, logQuerySlow() {}, logSchemaBuild() {}, logMigration() {}, log() {} };
  const source = new typeorm.DataSource({ ...options, entities: entities.map((name) => models[name]), synchronize: true, logging: ['query'], logger });
  return {
    source,
    models,
    queries,
    repository: (entity) => source.getRepository(models[entity]) as unknown as TypeormRepository,
    connection: () => (source.driver as unknown as { databaseConnection: unknown }).databaseConnection,
  };
}
