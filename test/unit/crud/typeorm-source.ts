/**
 * A crud fixture's TypeORM models run by TypeORM itself, to compare codegen's repositories with the
 * tables and rows TypeORM makes: the fixture's model file is compiled as a TypeORM project compiles
 * it (CommonJS, legacy decorators with their metadata, `useDefineForClassFields: false`) and its
 * entities synchronized on an in-memory better-sqlite3 database.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import ts from 'typescript';
import type { DataSource } from 'typeorm';
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
export interface TypeormSqlite<Entity extends string> {
  /** The data source (`initialize()` in `beforeAll`, `destroy()` in `afterAll`). */
  source: DataSource;
  /** The module's exports: the entity classes, to build instances TypeORM saves. */
  models: Record<Entity, new () => object>;
  /** The repository of the entity class exported as `entity` (after `initialize()`). */
  repository(entity: Entity): TypeormRepository;
  /** The better-sqlite3 database TypeORM opened, for codegen's `sqliteDb` (after `initialize()`). */
  connection(): unknown;
}

/** Compiles and loads the fixture's model file and makes a data source of its classes exported as `entities`. */
export function typeormSqlite<Entity extends string>(fixture: string, modelFile: string, entities: readonly Entity[]): TypeormSqlite<Entity> {
  const out = mkdtempSync(join(TMP_ROOT, `${fixture}-js-`));
  mkdirSync(join(out, 'models'));
  writeFileSync(join(out, 'package.json'), '{ "type": "commonjs" }\n');
  const compiled = ts.transpileModule(readFileSync(join(CRUD_FIXTURES, fixture, 'models', modelFile), 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, experimentalDecorators: true, emitDecoratorMetadata: true, useDefineForClassFields: false },
  });
  const compiledFile = join(out, 'models', modelFile.replace(/\.ts$/, '.js'));
  writeFileSync(compiledFile, compiled.outputText);
  const require = createRequire(compiledFile);
  require('reflect-metadata');
  const typeorm = require('typeorm') as typeof import('typeorm');
  const models = require(compiledFile) as Record<Entity, new () => object>;
  const source = new typeorm.DataSource({ type: 'better-sqlite3', database: ':memory:', entities: entities.map((name) => models[name]), synchronize: true });
  return {
    source,
    models,
    repository: (entity) => source.getRepository(models[entity]) as unknown as TypeormRepository,
    connection: () => (source.driver as unknown as { databaseConnection: unknown }).databaseConnection,
  };
}
