/** Whether a model type accepts `null`, however it is spelled. Pure; shared by the analyzer and generators. */
import type { Entity, EntityColumn, TypeNode } from './types.js';

/**
 * True when `null` (or `undefined`, stored as NULL too) is a value of `node`: directly, as a
 * union member, through a ref to an alias (`type Json = … | null | …`, recursion included), or
 * as `unknown`. `find` gives a declaration's type by id; an unknown id accepts nothing more.
 */
export function typeAdmitsNull(node: TypeNode, find: (id: string) => TypeNode | undefined): boolean {
  return holdsNull(node, find, true, new Set());
}

/**
 * True when JavaScript's `null` itself passes a validator of `node`: a `null` member, `unknown`,
 * or a ref to an alias holding either. Unlike {@link typeAdmitsNull}, `undefined` is no `null`
 * here (`alias: string | undefined` is checked as `undefined` or a string).
 */
export function typeAcceptsNullValue(node: TypeNode, find: (id: string) => TypeNode | undefined): boolean {
  return holdsNull(node, find, false, new Set());
}

/** The walk of both: `undefinedIsNull` says whether an `undefined` member counts. */
function holdsNull(node: TypeNode, find: (id: string) => TypeNode | undefined, undefinedIsNull: boolean, seen: Set<string>): boolean {
  switch (node.kind) {
    case 'null':
    case 'unknown':
      return true;
    case 'undefined':
      return undefinedIsNull;
    case 'union':
      return node.members.some((member) => holdsNull(member, find, undefinedIsNull, seen));
    case 'ref': {
      if (seen.has(node.id)) return false;
      seen.add(node.id);
      const target = find(node.id);
      return target !== undefined && holdsNull(target, find, undefinedIsNull, seen);
    }
    default:
      return false;
  }
}

/**
 * Whether `column` of `entity` may hold NULL, the rule of sql's `NOT NULL` (docs/sql.md
 * "Nullability and defaults"): never a key column; otherwise when the column is nullable (`| null`,
 * TypeORM's `nullable: true`, a relation's `nullable: true`), the property optional (`?`,
 * `| undefined`) or its type admits null however spelled. The row type then says `| null`, and
 * the create and update inputs, their validators and the OpenAPI request schemas take `null`,
 * which clears the column.
 */
export function columnHoldsNull(entity: Pick<Entity, 'primaryKey'>, column: EntityColumn, find: (id: string) => TypeNode | undefined): boolean {
  if (entity.primaryKey.includes(column.property)) return false;
  return column.nullable || column.optional || typeAdmitsNull(column.type, find);
}
