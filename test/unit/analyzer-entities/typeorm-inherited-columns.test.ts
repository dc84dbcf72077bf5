/**
 * Entity properties declared again below an ancestor's column (tester issue 9, F3), against
 * TypeORM itself: the typeorm-inherited-columns fixture is compiled as a TypeORM project compiles
 * it (CommonJS, legacy decorators with their metadata, `useDefineForClassFields: false`) and its
 * entities' metadata built on an in-memory better-sqlite3 database. Each entity's columns (name,
 * length, default, index) and their order are codegen's, and a redeclared property is a column of
 * its table, with the values its column holds (a `varchar(8)` is at most 8 characters long).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../../src/model/index.js';
import { TMP_ROOT } from '../../helpers/paths.js';
import { analyzeCase } from './fixture-suite.js';

const CASE = resolve('test/fixtures/analyzer-entities/typeorm-inherited-columns');
const ENTITIES = ['Writer', 'Redeclared', 'Overridden', 'Leaf', 'Restated'];

/** A column as both sides describe it. */
interface Described {
  column: string;
  length?: number;
  default?: unknown;
  index?: boolean;
}

let source: DataSource;
let model: Model;

beforeAll(async () => {
  model = analyzeCase(CASE).model;
  mkdirSync(TMP_ROOT, { recursive: true });
  const out = mkdtempSync(join(TMP_ROOT, 'typeorm-inherited-columns-'));
  writeFileSync(join(out, 'package.json'), '{ "type": "commonjs" }\n');
  const compiled = ts.transpileModule(readFileSync(join(CASE, 'input', 'entities.ts'), 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, experimentalDecorators: true, emitDecoratorMetadata: true, useDefineForClassFields: false },
  });
  writeFileSync(join(out, 'entities.js'), compiled.outputText);
  const require = createRequire(join(out, 'entities.js'));
  require('reflect-metadata');
  const typeorm = require('typeorm') as typeof import('typeorm');
  const classes = require(join(out, 'entities.js')) as Record<string, new () => object>;
  source = new typeorm.DataSource({ type: 'better-sqlite3', database: ':memory:', entities: ENTITIES.map((name) => classes[name]!), synchronize: true });
  await source.initialize();
}, 60_000);

afterAll(async () => {
  await source?.destroy();
});

/** TypeORM's columns of an entity: relation key columns last, as it creates them. */
function typeormColumns(entity: string): Described[] {
  const metadata = source.getMetadata(entity);
  const indexed = new Set(metadata.indices.flatMap((index) => index.columns.map((column) => column.databaseName)));
  return metadata.columns.map((column) => ({
    column: column.databaseName,
    ...(column.length ? { length: Number(column.length) } : {}),
    ...(column.default !== undefined ? { default: column.default } : {}),
    ...(indexed.has(column.databaseName) ? { index: true } : {}),
  }));
}

/** codegen's columns of an entity, relation key columns moved last as TypeORM orders them. */
function codegenColumns(entity: string): Described[] {
  const found = model.entities.find((candidate) => candidate.name === entity)!;
  const columns = found.columns.map((column) => ({
    column: column.column,
    ...(column.length !== undefined ? { length: column.length } : {}),
    ...(column.default?.kind === 'value' ? { default: column.default.value } : {}),
    ...(column.index !== undefined ? { index: true } : {}),
    key: column.references !== undefined,
  }));
  return [...columns.filter((column) => !column.key), ...columns.filter((column) => column.key)].map(({ key: _key, ...column }) => column);
}

describe('entity properties declared again below an ancestor column', () => {
  for (const entity of ENTITIES) {
    it(`${entity}: codegen's columns are TypeORM's`, () => {
      expect(codegenColumns(entity)).toEqual(typeormColumns(entity));
    });
  }

  it('keeps the inherited column\'s values on the redeclared property', () => {
    const code = (name: string) => (model.declarations.find((declaration) => declaration.id === name)!.type as Extract<Model['declarations'][number]['type'], { kind: 'object' }>).properties.find((property) => property.name === 'code')!;
    for (const entity of ['Redeclared', 'Overridden', 'Leaf']) {
      expect(code(entity).column?.transient, entity).toBe(false);
      expect(code(entity).type, entity).toEqual({ kind: 'string', constraints: { maxLength: 8 } });
    }
  });
});
