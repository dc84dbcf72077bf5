/**
 * SQL text for values a schema spells out: string literals (quotes doubled), defaults per
 * dialect, and CHECK conditions. Every identifier goes through `quoteIdentifier`.
 */
import { timestampDigits, type Codec, type ColumnCheck, type ColumnType } from '../column-types.js';
import { quoteIdentifier } from '../identifiers.js';
import type { Dialect } from '../options.js';
import type { DefaultSpec } from './model.js';
import { canonicalTextOf, canonicalTextSql, holdsCanonicalText } from './canonical-text.js';
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

/**
 * A JSON value as a literal of a column with this codec; undefined when it does not fit the
 * column. `fraction`: the decimals of a second a timestamp column keeps, when fewer than 3.
 */
export function valueLiteral(value: unknown, codec: Codec, dialect: Dialect, fraction?: number): string | undefined {
  if (value === null) return 'NULL';
  switch (codec) {
    case 'text':
    case 'uuid':
    case 'date':
      return typeof value === 'string' ? stringLiteral(value) : undefined;
    case 'timestamp': {
      const instant = typeof value === 'string' ? timestampText(value, fraction) : undefined;
      return instant === undefined ? undefined : stringLiteral(instant);
    }
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : undefined;
    case 'bigint':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
      return typeof value === 'string' && /^-?\d+$/.test(value) ? value : undefined;
    case 'real':
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
    case 'integer-text':
      // A number's text: SQLite's STRICT INTEGER column stores it as the integer, PostgreSQL's as the column's type.
      return typeof value === 'string' && /^-?\d+$/.test(value) ? value : undefined;
    case 'decimal-text':
      // Quoted: SQLite's TEXT column keeps the digits as written (`0.00` unquoted would be the REAL 0.0), PostgreSQL casts them.
      return typeof value === 'string' && /^-?\d+(?:\.\d+)?$/.test(value) ? stringLiteral(value) : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? booleanLiteral(value, dialect) : undefined;
    case 'json':
    case 'simple-json':
      return value === undefined ? undefined : stringLiteral(JSON.stringify(value));
    case 'simple-array':
      return Array.isArray(value) && value.every((item) => typeof item === 'string' && !item.includes(',')) && !(value.length === 1 && value[0] === '') ? stringLiteral(value.join(',')) : undefined;
    case 'array':
      // PostgreSQL's array text (as the runtime's postgresArrayText writes it), JSON text on SQLite.
      if (!Array.isArray(value) || !value.every((item) => ['string', 'number', 'boolean'].includes(typeof item))) return undefined;
      return stringLiteral(dialect === 'postgres' ? `{${value.map((item) => `"${String(item).replace(/["\\]/g, '\\$&')}"`).join(',')}}` : JSON.stringify(value));
    case 'number-text':
      // TypeORM's simple-enum of numbers: the value's text.
      return typeof value === 'number' && Number.isFinite(value) ? stringLiteral(String(value)) : undefined;
  }
}

/** `2024-01-02`, `2024-01-02T03:04:05.678Z`, `2024-01-02 03:04:05.123456+01:00`: PostgreSQL's and ISO 8601's forms, a zone or none. */
const TIMESTAMP_TEXT = /^(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d)(?::(\d\d)(?:\.(\d+))?)?\s*(Z|[+-]\d\d(?::?\d\d)?)?)?$/i;

/**
 * A timestamp default as the runtime writes a Date (`toISOString()`: UTC, milliseconds), so that
 * SQLite holds the text the repository compares with and PostgreSQL the same instant whatever the
 * session's time zone: text without a zone is UTC, as the runtime reads it. Undefined when the
 * text is no instant, or has more decimals of a second than the column keeps (`fraction`, else a
 * Date's 3): PostgreSQL would round them and SQLite keep them, as the repository refuses such a
 * Date in inputs.
 */
export function timestampText(text: string, fraction?: number): string | undefined {
  const match = TIMESTAMP_TEXT.exec(text.trim());
  if (match === null) return undefined;
  const [, day, minutes = '00:00', seconds = '00', decimals = '', zone = 'Z'] = match as unknown as string[];
  const kept = Math.min(fraction ?? 3, 3);
  if (/[1-9]/.test(decimals!.slice(kept))) return undefined;
  const digits = zone!.toUpperCase() === 'Z' ? '' : zone!.slice(1).replace(':', '');
  const offset = digits === '' ? 'Z' : `${zone![0]}${digits.slice(0, 2)}:${digits.slice(2) || '00'}`;
  const date = new Date(`${day}T${minutes}:${seconds}.${decimals!.slice(0, 3).padEnd(3, '0')}${offset}`);
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1 || date.getUTCFullYear() > 9999) return undefined;
  return date.toISOString();
}

function booleanLiteral(value: boolean, dialect: Dialect): string {
  if (dialect === 'sqlite') return value ? '1' : '0';
  return value ? 'TRUE' : 'FALSE';
}

/**
 * The `DEFAULT …` expression of a column of `type`; undefined when the default does not fit it.
 * A timestamp's current time is what the repository would write (`sqliteNowIso`): on SQLite
 * rounded to the column's `fraction`, on PostgreSQL (which rounds into `timestamptz(p)` itself)
 * cut to the milliseconds a Date holds where the column keeps more (`timestamptz`, `(6)`). An SQL
 * default copied as written onto a SQLite column held to the runtime's text (`holdsCanonicalText`)
 * is put in that text by SQLite itself (`canonicalTextOf`), or every insert relying on it
 * (`datetime('now', '+1 day')`, `'2024-01-01 00:00:00'`) would fail the column's CHECK.
 */
export function defaultSql(spec: DefaultSpec, type: Pick<ColumnType, 'codec' | 'postgres' | 'fraction' | 'checks'>, dialect: Dialect): string | undefined {
  const { codec } = type;
  switch (spec.kind) {
    case 'value':
      return valueLiteral(spec.value, codec, dialect, type.fraction);
    case 'sql':
      // Left out where the dialect cannot run it (column-problems' CG2313). Parenthesised: both dialects accept any expression that way, SQLite only that way.
      if (dialect === 'sqlite' && spec.sqlite !== undefined) return `(${spec.sqlite})`;
      if (rawDefaultProblem(spec.sql, dialect) !== undefined) return undefined;
      if (dialect === 'sqlite' && holdsCanonicalText(type)) return `(${canonicalTextOf(`(${spec.sql})`, type.codec === 'date' ? 'date' : 'timestamp')})`;
      return dialect === 'postgres' && finerThanDates(type) ? `((${spec.sql})::timestamptz(3))` : `(${spec.sql})`;
    case 'uuid':
      if (codec !== 'uuid' && codec !== 'text') return undefined;
      return dialect === 'postgres' ? 'gen_random_uuid()' : `(${SQLITE_UUID_V4})`;
    case 'nowText':
      return dialect === 'postgres' ? `(${POSTGRES_NOW_ISO})` : `(${SQLITE_NOW_ISO})`;
    case 'now':
      if (codec === 'timestamp') return dialect === 'sqlite' ? `(${sqliteNowIso(type.fraction)})` : finerThanDates(type) ? '(now()::timestamptz(3))' : 'now()';
      // PostgreSQL's CURRENT_DATE is the session's day: UTC's, as SQLite's date('now').
      if (codec === 'date') return dialect === 'postgres' ? "((now() AT TIME ZONE 'UTC')::date)" : "(date('now'))";
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
    case 'canonical-text':
      return canonicalTextSql(column, check.codec);
  }
}

function literalOf(value: string | number | boolean, dialect: Dialect): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'boolean') return booleanLiteral(value, dialect);
  return String(value);
}
