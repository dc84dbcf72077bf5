/**
 * Columns kept in the form TypeORM makes them on PostgreSQL and SQLite, so that the repositories
 * read and write the tables TypeORM created (issue 9, tester T-P):
 *
 * - `array: true` on a list of scalars (`@Column('text', { array: true }) tags: string[]`) is a
 *   PostgreSQL array of the item's type (`text[]`, `int[]`, `varchar(20)[]`), where TypeORM binds
 *   and reads a real array; on SQLite, which has none, JSON text as every other list.
 * - A `simple-enum` of numbers is the values' text (`'1'`, `'10'`): TypeORM's SQLite table is
 *   `varchar` with a CHECK of the values' text, its PostgreSQL table an enum type of those labels,
 *   and it writes `'' + value`. codegen's column is text with that CHECK on both dialects.
 */
import type { Codec, ColumnCheck, ColumnType } from './column-types.js';

/** The item codecs an array column binds as a PostgreSQL array and reads back exactly (the runtime's `ITEM_CODECS`). */
const ITEM_CODECS: readonly Codec[] = ['text', 'uuid', 'integer', 'real', 'decimal', 'boolean', 'integer-text', 'decimal-text'];

/**
 * The column of a PostgreSQL array whose item column is `item` (the item's type as the column's
 * written type without `[]`), or undefined when the item is no scalar the runtime reads back from
 * an array (a Date, a bigint, a date, a JSON value): the column is then JSON, as before. TypeORM's
 * string-typed `bigint[]` and `numeric(p, s)[]` items (`ids: string[]`) are the integer-text and
 * decimal-text codecs: the item's range or digits go with the column, so each item is checked as
 * its own column would be.
 */
export function postgresArrayType(item: ColumnType, admitsNull: boolean): ColumnType | undefined {
  if (item.problem || !ITEM_CODECS.includes(item.codec) || item.fixedLength !== undefined || item.timeOfDay) return undefined;
  if (item.notes?.some((note) => note.code === 'CG2310')) return undefined;
  return {
    codec: 'array',
    items: item.codec,
    postgres: `${item.postgres}[]`,
    sqlite: 'TEXT',
    checks: [{ kind: 'json', dialect: 'sqlite' }],
    ...(item.notes ? { notes: item.notes } : {}),
    ...(item.integerText ? { integerText: item.integerText } : {}),
    ...(item.numeric ? { numeric: item.numeric } : {}),
    ...(admitsNull ? { admitsNull: true } : {}),
  };
}

/**
 * A `simple-enum` column of `base`'s number type (an integer or real column with an IN check of
 * the values) as TypeORM stores it: the values' text in a text column, the CHECK listing that text.
 * Any other column (a string enum) is `base` as it is.
 */
export function simpleEnumType(base: ColumnType): ColumnType {
  if (base.codec !== 'integer' && base.codec !== 'real') return base;
  const checks = base.checks.map((check): ColumnCheck => (check.kind === 'in' ? { ...check, values: check.values.map((value) => String(value)) } : check));
  const { integerRange: _range, ...rest } = base;
  return { ...rest, codec: 'number-text', postgres: 'text', sqlite: 'TEXT', checks };
}

/**
 * A PostgreSQL array literal written as an array column's default (`'{a,"b c"}'`, `'{1,2}'`) as the
 * list it denotes, each item read as the item codec reads it; undefined for text that is no
 * one-dimensional array of such items (a NULL item, a nested array, `'{x}'` on `int[]`).
 */
export function postgresArrayDefault(text: string, items: Codec): unknown[] | undefined {
  const match = /^\s*\{(.*)\}\s*$/s.exec(text);
  if (match === null) return undefined;
  const body = match[1]!;
  if (body.trim() === '') return [];
  const pieces = [...body.matchAll(/\s*(?:"((?:[^"\\]|\\.)*)"|([^,"{}\\]+?))\s*(,|$)/gs)];
  if (pieces.map((piece) => piece[0]).join('') !== body) return undefined;
  const list: unknown[] = [];
  for (const [, quoted, bare] of pieces) {
    if (bare !== undefined && bare.toUpperCase() === 'NULL') return undefined;
    const item = quoted !== undefined ? quoted.replace(/\\(.)/gs, '$1') : bare!;
    const value = itemValue(item, items);
    if (value === undefined) return undefined;
    list.push(value);
  }
  return list;
}

function itemValue(text: string, codec: Codec): unknown {
  switch (codec) {
    case 'text':
    case 'uuid':
      return text;
    case 'integer':
      return /^\s*[+-]?\d+\s*$/.test(text) ? Number(text) : undefined;
    case 'real':
    case 'decimal':
      return /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(text) ? Number(text) : undefined;
    case 'integer-text':
      // The text PostgreSQL gives back: no sign +, no leading zeros.
      return /^\s*[+-]?\d+\s*$/.test(text) ? BigInt(text.trim()).toString() : undefined;
    case 'boolean':
      return /^(t|true|y|yes|on|1)$/i.test(text.trim()) ? true : /^(f|false|n|no|off|0)$/i.test(text.trim()) ? false : undefined;
    default:
      return undefined;
  }
}
