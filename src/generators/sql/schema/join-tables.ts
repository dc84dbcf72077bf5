/**
 * Many-to-many join tables: one per join table name, written from the owning side. Two key
 * columns, each a foreign key to one side's primary key with `ON DELETE CASCADE` (a link dies
 * with either end), together the primary key; the second also indexed, for lookups from the
 * inverse side.
 */
import type { Entity, Relation } from '../../../model/types.js';
import { constraintName } from '../identifiers.js';
import type { TableInputs } from './entity-table.js';
import type { SchemaColumn, SchemaTable } from './model.js';

/** The join tables of the written entities, in the order their owning relations appear. */
export function joinTables(inputs: TableInputs): SchemaTable[] {
  const tables = new Map<string, SchemaTable>();
  for (const entity of inputs.entities.entities) {
    for (const relation of entity.relations) {
      if (relation.kind !== 'many-to-many' || !relation.owner) continue;
      if (!relation.joinTable) {
        inputs.problems.push({
          code: 'CG2307',
          message: `sql: the many-to-many ${entity.name}.${relation.property} has no join table.`,
          source: relation.source,
        });
        continue;
      }
      if (tables.has(relation.joinTable.name)) continue;
      const table = joinTable(entity, relation, inputs);
      if (table) tables.set(table.name, table);
    }
  }
  return [...tables.values()];
}

function joinTable(owner: Entity, relation: Relation, inputs: TableInputs): SchemaTable | undefined {
  const target = inputs.entities.find(relation.target);
  const { name, joinColumn, inverseJoinColumn } = relation.joinTable!;
  const ownerKey = target && singleKey(owner, inputs);
  const targetKey = target && singleKey(target, inputs);
  if (!target || !ownerKey || !targetKey) {
    inputs.problems.push({
      code: 'CG2307',
      message: `sql: the many-to-many ${owner.name}.${relation.property} needs both sides to be entities with a one-column primary key.`,
      source: relation.source,
      hint: 'Give both entities a single-column primary key, or model the link as an entity of its own with two many-to-one relations.',
    });
    return undefined;
  }
  const column = (columnName: string, key: NonNullable<ReturnType<typeof singleKey>>): SchemaColumn => {
    const type = inputs.columns.typeOf(key);
    return { name: columnName, property: '', type: { ...type, checks: [] }, notNull: true, identity: false, source: relation.source };
  };
  const foreignKey = (columnName: string, entity: Entity, keyColumn: string) => ({
    name: constraintName(name, [columnName], 'fkey'),
    columns: [columnName],
    table: entity.table,
    targetColumns: [keyColumn],
    onDelete: 'cascade' as const,
    source: relation.source,
  });
  return {
    name,
    source: relation.source,
    columns: [column(joinColumn, ownerKey), column(inverseJoinColumn, targetKey)],
    primaryKey: { name: constraintName(name, [], 'pkey'), columns: [joinColumn, inverseJoinColumn], source: relation.source },
    uniques: [],
    checks: [],
    foreignKeys: [foreignKey(joinColumn, owner, ownerKey.column), foreignKey(inverseJoinColumn, target, targetKey.column)],
    indexes: [{ name: constraintName(name, [inverseJoinColumn], 'idx'), columns: [inverseJoinColumn], source: relation.source }],
  };
}

function singleKey(entity: Entity, inputs: TableInputs) {
  return entity.primaryKey.length === 1 ? inputs.entities.columnOf(entity, entity.primaryKey[0]!) : undefined;
}
