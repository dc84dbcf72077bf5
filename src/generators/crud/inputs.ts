/**
 * Which columns a repository's inputs carry, decided once from the entity so that the create
 * and update types, their validators and the docs agree:
 *
 * - `create` leaves out what the database produces (`@generated` keys and `@createdAt` /
 *   `@updatedAt` stamps) and read-only columns that have a default or may be null; a read-only
 *   column that must be given (a natural key) stays, since a row cannot exist without it. A
 *   column with a default, or one that may be null or absent, is optional.
 * - `update` carries the mutable columns: not the key, not generated, not stamped, not read-only;
 *   all optional.
 */
import type { Entity, EntityColumn } from '../../model/types.js';

export interface InputField {
  /** The row field (`authorId` for `author: Author`). */
  field: string;
  column: EntityColumn;
  optional: boolean;
}

/** The fields of `create`'s input, in column order. */
export function createFields(entity: Entity): InputField[] {
  return entity.columns.filter(inCreate).map((column) => ({ field: column.field, column, optional: optionalOnCreate(column) }));
}

/** The fields of `update`'s patch, in column order (every one optional). */
export function updateFields(entity: Entity): InputField[] {
  return entity.columns.filter(mutable).map((column) => ({ field: column.field, column, optional: true }));
}

/** The key columns, in key order. */
export function keyColumns(entity: Entity): EntityColumn[] {
  return entity.primaryKey.flatMap((property) => entity.columns.filter((column) => column.property === property));
}

/** The fields the repository stamps with the current time on update (and on insert). */
export function updatedAtFields(entity: Entity): string[] {
  return entity.columns.filter((column) => column.timestamp === 'updatedAt').map((column) => column.field);
}

/** The `@generated uuid` fields, which the repository gives a random uuid on insert. */
export function generatedUuidFields(entity: Entity): string[] {
  return entity.columns.filter((column) => column.generated === 'uuid').map((column) => column.field);
}

/** The fields the repository stamps with the current time on insert (`@createdAt`). */
export function createdAtFields(entity: Entity): string[] {
  return entity.columns.filter((column) => column.timestamp === 'createdAt').map((column) => column.field);
}

function producedByDatabase(column: EntityColumn): boolean {
  return column.generated !== undefined || column.timestamp !== undefined;
}

function inCreate(column: EntityColumn): boolean {
  if (producedByDatabase(column)) return false;
  return !column.readonly || !optionalOnCreate(column);
}

function optionalOnCreate(column: EntityColumn): boolean {
  return column.default !== undefined || column.optional || column.nullable;
}

function mutable(column: EntityColumn): boolean {
  return !column.primaryKey && !column.readonly && !producedByDatabase(column);
}
