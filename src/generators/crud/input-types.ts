/**
 * The type an input field is checked against: the property's own type, plus what the column
 * says that the type does not, so that a bad value is a `ValidationError` naming the field on
 * every engine rather than an engine's own error (PostgreSQL's `value too long`, `invalid input
 * syntax for type uuid`, an out-of-range bigint) or none at all (SQLite stores it):
 *
 * - TypeORM's `length` is a `maxLength` (the smaller wins when both are given);
 * - a column holding a uuid (a `@generated uuid` key, a `uuid` `@dbType`, or a foreign key to
 *   such a key) is `@format uuid`;
 * - a `bigint` fits a 64-bit signed integer (PostgreSQL `bigint`, SQLite `INTEGER`).
 */
import type { Entity, EntityColumn, TypeNode } from '../../model/types.js';

const INT64 = { minimum: (-(2n ** 63n)).toString(), maximum: (2n ** 63n - 1n).toString() };

/** The checked type of `column` of `entity`, among `entities`. */
export function inputType(column: EntityColumn, entities: readonly Entity[]): TypeNode {
  const uuid = holdsUuid(column, entities);
  return refine(column.type, (node) => {
    if (node.kind === 'string') {
      const constraints = { ...node.constraints };
      if (column.length !== undefined) constraints.maxLength = Math.min(constraints.maxLength ?? Infinity, column.length);
      if (uuid && constraints.format === undefined) constraints.format = 'uuid';
      return Object.keys(constraints).length > 0 ? { ...node, constraints } : node;
    }
    if (node.kind === 'bigint') {
      const minimum = maxOf(node.constraints?.minimum, INT64.minimum);
      const maximum = minOf(node.constraints?.maximum, INT64.maximum);
      return { ...node, constraints: { ...node.constraints, minimum, maximum } };
    }
    return node;
  });
}

function holdsUuid(column: EntityColumn, entities: readonly Entity[], seen = new Set<EntityColumn>()): boolean {
  if (seen.has(column)) return false;
  seen.add(column);
  if (column.generated === 'uuid' || column.dbType?.trim().toLowerCase() === 'uuid') return true;
  const reference = column.references;
  if (!reference) return false;
  const target = entities.find((entity) => entity.declaration === reference.entity)?.columns.find((candidate) => candidate.property === reference.property);
  return target !== undefined && holdsUuid(target, entities, seen);
}

/** `type` with `change` applied to itself or, for a union, to each member. */
function refine(type: TypeNode, change: (node: TypeNode) => TypeNode): TypeNode {
  return type.kind === 'union' ? { ...type, members: type.members.map(change) } : change(type);
}

function maxOf(a: string | undefined, b: string): string {
  return a === undefined || BigInt(a) < BigInt(b) ? b : a;
}

function minOf(a: string | undefined, b: string): string {
  return a === undefined || BigInt(a) > BigInt(b) ? b : a;
}
