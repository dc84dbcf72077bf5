/**
 * SQL text for values a schema spells out: string literals (quotes doubled), defaults per
 * dialect, and CHECK conditions. Every identifier goes through `quoteIdentifier`.
 */
import { timestampDigits, type Codec, type ColumnCheck, type ColumnType } from '../column-types.js';
import { quoteIdentifier } from '../identifiers.js';
import type { Dialect } from '../options.js';
import type { DefaultSpec } from './model.js';
import { sqliteNowIso } from './now-sql.js';
import { rawDefaultProblem } from './raw-defaults.js';

/** `'text'`, with embedded quotes doubled. */
export function stringLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * A random version-4 UUID in SQLite's SQL, so a row inserted by hand gets a key too:
 * 8-4-4-4-12 hex digits with the version nibble 4 and the variant nibble 8, 9, a or b.
 */
export const SQLITE_UUID_V4 =
  "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || " +
  "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";

/** The current time as the runtime writes Dates on SQLite: ISO 8601 in UTC with milliseconds. */
export const SQLITE_NOW_ISO = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
/** The same text on PostgreSQL: milliseconds, UTC, `Z`. */
const POSTGRES_NOW_ISO = `to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A JSON value as a literal of a column with this codec; undefined when it does not fit the column. */
export function valueLiteral(value: unknown, codec: Codec, dialect: Dialect): string | undefined {
  if (value === null) return 'NULL';
  switch (codec) {
    case 'text':
    case 'uuid':
    case 'date':
      return typeof value === 'string' ? stringLiteral(value) : undefined;
    case 'timestamp':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? stringLiteral(value) : undefined;
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : undefined;
    case 'bigint':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
      return typeof value === 'string' && /^-?\d+$/.test(value) ? value : undefined;
    case 'real':
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? booleanLiteral(value, dialect) : undefined;
    case 'json':
      return value === undefined ? undefined : stringLiteral(JSON.stringify(value));
  }
}

function booleanLiteral(value: boolean, dialect: Dialect): string {
  if (dialect === 'sqlite') return value ? '1' : '0';
  return value ? 'TRUE' : 'FALSE';
}

/**
 * The `DEFAULT …` expression of a column of `type`; undefined when the default does not fit it.
 * A timestamp's current time is what the repository would write (`sqliteNowIso`): on SQLite
 * rounded to the column's `fraction`, on PostgreSQL (which rounds into `timestamptz(p)` itself)
 * cut to the milliseconds a Date holds where the column keeps more (`timestamptz`, `(6)`).
 */
export function defaultSql(spec: DefaultSpec, type: Pick<ColumnType, 'codec' | 'postgres' | 'fraction'>, dialect: Dialect): string | undefined {
  const { codec } = type;
  switch (spec.kind) {
    case 'value':
      return valueLiteral(spec.value, codec, dialect);
    case 'sql':
      // Left out where the dialect cannot run it (column-problems' CG2313). Parenthesised: both dialects accept any expression that way, SQLite only that way.
      if (dialect === 'sqlite' && spec.sqlite !== undefined) return `(${spec.sqlite})`;
      if (rawDefaultProblem(spec.sql, dialect) !== undefined) return undefined;
      return dialect === 'postgres' && finerThanDates(type) ? `((${spec.sql})::timestamptz(3))` : `(${spec.sql})`;
    case 'uuid':
      if (codec !== 'uuid' && codec !== 'text') return undefined;
      return dialect === 'postgres' ? 'gen_random_uuid()' : `(${SQLITE_UUID_V4})`;
    case 'nowText':
      return dialect === 'postgres' ? `(${POSTGRES_NOW_ISO})` : `(${SQLITE_NOW_ISO})`;
    case 'now':
      if (codec === 'timestamp') return dialect === 'sqlite' ? `(${sqliteNowIso(type.fraction)})` : finerThanDates(type) ? '(now()::timestamptz(3))' : 'now()';
      if (codec === 'date') return dialect === 'postgres' ? 'CURRENT_DATE' : "(date('now'))";
      return undefined;
  }
}

/**
 * A timestamp column PostgreSQL keeps microseconds in (`timestamptz`, `timestamptz(6)`): a value
 * its defaults make there (`now()`) would be finer than the Date the repository reads back, which
 * then finds nothing when passed back as a filter or key. Such a default is cut to milliseconds.
 */
function finerThanDates(type: Pick<ColumnType, 'codec' | 'postgres'>): boolean {
  return type.codec === 'timestamp' && timestampDigits(type.postgres) > 3;
}

/** The CHECK conditions of a column on `dialect`, joined with AND; undefined when none applies. */
export function checkSql(column: string, checks: readonly ColumnCheck[], dialect: Dialect): string | undefined {
  const quoted = quoteIdentifier(column);
  const conditions = checks
    .filter((check) => check.dialect === undefined || check.dialect === dialect)
    .map((check) => condition(quoted, check, dialect));
  return conditions.length === 0 ? undefined : conditions.join(' AND ');
}

function condition(column: string, check: ColumnCheck, dialect: Dialect): string {
  switch (check.kind) {
    case 'in':
      return `${column} IN (${check.values.map((value) => literalOf(value, dialect)).join(', ')})`;
    case 'compare':
      return `${column} ${check.operator} ${check.value}`;
    case 'length':
      // Both count characters (code points), as @minLength/@maxLength do.
      return `${dialect === 'postgres' ? 'char_length' : 'length'}(${column}) ${check.operator} ${check.value}`;
    case 'boolean':
      return `${column} IN (0, 1)`;
    case 'json':
      return `json_valid(${column})`;
  }
}

function literalOf(value: string | number | boolean, dialect: Dialect): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'boolean') return booleanLiteral(value, dialect);
  return String(value);
}
