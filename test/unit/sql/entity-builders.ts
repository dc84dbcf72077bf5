/** Builders for hand-written persistence models: entities and columns with sensible defaults. */
import type { Entity, EntityColumn, Model, TypeNode } from '../../../src/model/types.js';
import { declaration, object, property } from '../kit/model-builders.js';
import { snakeCase } from '../../../src/model/naming.js';

const at = (line: number) => ({ file: 'src/models/shop.ts', line, column: 3 });

/** A required, non-key column of `type`, named as the analyzer would. */
export function column(name: string, type: TypeNode, extra: Partial<EntityColumn> = {}): EntityColumn {
  return {
    property: name,
    field: name,
    column: snakeCase(name),
    type,
    optional: false,
    nullable: false,
    readonly: false,
    primaryKey: false,
    unique: false,
    source: at(10),
    ...extra,
  };
}

/** An entity named `name` over `columns`, keyed by `id` unless `extra.primaryKey` says otherwise. */
export function entity(name: string, columns: EntityColumn[], extra: Partial<Entity> = {}): Entity {
  return {
    declaration: name,
    name,
    table: `${snakeCase(name)}s`,
    columns,
    primaryKey: columns.some((entry) => entry.property === 'id') ? ['id'] : [],
    uniques: [],
    indexes: [],
    relations: [],
    source: at(1),
    ...extra,
  };
}

/** A model holding `entities` (each with an interface declaration processed by `sql`) and extra declarations. */
export function entityModel(entities: Entity[], others: Model['declarations'] = []): Model {
  const declarations = entities.map((entry) =>
    declaration(entry.name, object(...entry.columns.map((entryColumn) => property(entryColumn.property, entryColumn.type))), { generators: ['sql'] }),
  );
  return { version: 1, files: [{ path: 'src/models/shop.ts', input: true }], declarations: [...declarations, ...others], entities, services: [] };
}

export const text: TypeNode = { kind: 'string' };
export const num: TypeNode = { kind: 'number' };
export const int: TypeNode = { kind: 'number', constraints: { numericType: 'integer' } };
