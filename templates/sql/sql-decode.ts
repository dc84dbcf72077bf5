/**
 * Result rows back to the row types: per-codec decoding (in place), and joined
 * `"relation.field"` columns nested into `{ relation: { field } | null }`.
 */
import { hasOwn, readField, resultAlias, type TableContext, type ToOneSql } from './sql-context.js';
import { SqlBuilderError } from './sql-types.js';

type Row = Record<string, unknown>;

/** Decodes `row`'s fields in place; returns it, or a new object when it carries joined relations. */
export function decodeRow(ctx: TableContext, row: Row): Row {
  for (const field of ctx.aliased) {
    if (!hasOwn(row, field.alias)) continue;
    row[field.field] = row[field.alias];
    delete row[field.alias];
  }
  for (const field of ctx.decoding) {
    const value = readField(row, field);
    if (value === undefined || value === null) continue;
    try {
      row[field.field] = (field.decode as (value: unknown) => unknown)(value);
    } catch (error) {
      throw inRow(ctx, row, error);
    }
  }
  let nested: Row | undefined;
  for (const relation of ctx.toOne) {
    if (!hasOwn(row, relation.presence)) continue;
    nested ??= withoutJoinedKeys(row);
    nested[relation.name] = joinedRow(ctx, relation, row);
  }
  return nested ?? row;
}

/**
 * A decoder's error (`books.tags: …`) naming the row too, by its key as read (`(row id 3)`), so
 * a value the row type has no room for can be found and fixed; other errors as they are.
 */
function inRow(ctx: TableContext, row: Row, error: unknown): unknown {
  if (!(error instanceof SqlBuilderError)) return error;
  const key = ctx.primaryKey.filter((field) => hasOwn(row, field.field)).map((field) => `${field.field} ${String(row[field.field])}`);
  return key.length === 0 ? error : new SqlBuilderError(`${error.message} (row ${key.join(', ')})`);
}

function withoutJoinedKeys(row: Row): Row {
  const plain: Row = {};
  for (const key of Object.keys(row)) if (!key.includes('.')) plain[key] = row[key];
  return plain;
}

/** The joined row of `relation` in `row`, decoded with the target's codecs; `null` when none matched. */
function joinedRow(ctx: TableContext, relation: ToOneSql, row: Row): Row | null {
  if (row[relation.presence] === null) return null;
  const prefix = `${relation.name}.`;
  const joined: Row = {};
  for (const field of ctx.relationFields(relation.name).target.list) {
    const alias = resultAlias(prefix + field.field);
    if (!hasOwn(row, alias)) continue;
    const value = row[alias];
    joined[field.field] = value === null || field.decode === undefined ? value : field.decode(value);
  }
  return joined;
}

/** The number in a `count` row: a number, a bigint (safe-integer mode) or an int8 string. */
export function decodeCountRow(ctx: TableContext, row: Row | undefined): number {
  const value = row?.['count'];
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint' || typeof value === 'string') return Number(value);
  return ctx.fail(`not a count row: ${String(value)}`);
}
