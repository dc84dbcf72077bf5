/**
 * The SQL type of every entity column, with one rule on top of the column-type map: a foreign
 * key column takes the type of the column it references (PostgreSQL refuses a `double
 * precision` key pointing at an `integer` one, and both must decode alike).
 */
import type { Entity, EntityColumn, TypeNode } from '../../../model/types.js';
import { typeChildren } from '../../kit/walk.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import { columnType, type ColumnType } from '../column-types.js';
import type { EntityIndex } from '../entities.js';

export interface ColumnResolver {
  /** The column's SQL type (a foreign key's is its target's). */
  typeOf(column: EntityColumn): ColumnType;
  /** The entity and column a foreign key column points at, when both exist. */
  targetOf(column: EntityColumn): { entity: Entity; column: EntityColumn } | undefined;
  /**
   * The entities whose values a JSON column holds (`owner: User | Org`, `pair: [User, User]`,
   * `meta: { by: User }`): copies of rows, not relations. Empty for any other column.
   */
  entitiesStored(column: EntityColumn): Entity[];
}

/** What JavaScript values a codec's column holds, for comparing a foreign key with its target. */
function valueKind(codec: ColumnType['codec']): string {
  switch (codec) {
    case 'integer':
    case 'real':
    case 'decimal':
      return 'number';
    case 'text':
    case 'uuid':
    case 'date':
    case 'integer-text':
    case 'decimal-text':
      return 'string';
    case 'timestamp':
      return 'Date';
    default:
      return codec;
  }
}

/** A resolver over the written entities; types are computed once per column. */
export function createColumnResolver(entities: EntityIndex, declarations: DeclarationIndex): ColumnResolver {
  const types = new Map<EntityColumn, ColumnType>();
  const owners = new Map(entities.entities.flatMap((entity) => entity.columns.map((column) => [column, entity] as const)));
  /**
   * The column as its property is declared. A `@references` property's column carries the key's
   * type (the analyzer puts it there), while the row and create types keep the declared one: compare
   * that. A relation's column (`account: Account` stored as `accountId`) has no declared scalar.
   */
  const declared = (column: EntityColumn): EntityColumn => {
    const entity = owners.get(column);
    const type = column.field === column.property && entity ? declarations.find(entity.declaration)?.type : undefined;
    const property = type?.kind === 'object' ? type.properties.find((candidate) => candidate.name === column.property) : undefined;
    return property ? { ...column, type: property.type } : column;
  };
  const targetOf = (column: EntityColumn) => {
    if (!column.references) return undefined;
    const entity = entities.find(column.references.entity);
    const target = entity && entities.columnOf(entity, column.references.property);
    return entity && target ? { entity, column: target } : undefined;
  };
  const typeOf = (column: EntityColumn, seen = new Set<EntityColumn>()): ColumnType => {
    const known = types.get(column);
    if (known) return known;
    const target = targetOf(column);
    let type: ColumnType;
    if (target && !seen.has(target.column)) {
      seen.add(column);
      const targetType = typeOf(target.column, seen);
      // The target's storage and codec; the column's own TypeScript type and constraints too.
      const own = columnType(column, declarations);
      type = { ...targetType, checks: own.checks, ...(own.rowType ? { rowType: own.rowType } : {}) };
      if (!own.rowType) delete type.rowType;
      // Nullability is the column's own: a key it references is never null.
      if (own.admitsNull) type.admitsNull = true;
      else delete type.admitsNull;
      const ownKind = own.problem ? undefined : valueKind(columnType(declared(column), declarations).codec);
      if (own.problem) type.problem = own.problem;
      else if (ownKind !== valueKind(targetType.codec)) {
        // `accountId: number` beside `account: Account` (or `@references Account.id`) whose key is a uuid string: no value is both.
        type.problem = `its type holds ${ownKind}s, but the key it references (${target.entity.name}.${target.column.property}) holds ${valueKind(targetType.codec)}s: no value fits both`;
        type.problemHint = `Type ${column.property} as ${target.entity.name}['${target.column.property}'] (the referenced key's type), so the two cannot drift apart.`;
      }
    } else {
      type = columnType(column, declarations);
    }
    types.set(column, type);
    return type;
  };
  const entitiesStored = (column: EntityColumn): Entity[] => {
    if (typeOf(column).codec !== 'json' && typeOf(column).codec !== 'simple-json') return [];
    const found = new Set<Entity>();
    const seen = new Set<string>();
    const walk = (node: TypeNode): void => {
      if (node.kind === 'ref') {
        const entity = entities.find(node.id);
        if (entity) found.add(entity);
        else if (!seen.has(node.id)) {
          seen.add(node.id);
          const declaration = declarations.find(node.id);
          if (declaration) walk(declaration.type);
        }
        return;
      }
      for (const child of typeChildren(node)) walk(child.node);
    };
    walk(column.type);
    return [...found];
  };
  return { typeOf: (column) => typeOf(column), targetOf, entitiesStored };
}
