/**
 * Value codecs of the SQL builders: how a JavaScript value is bound for each column codec and
 * dialect, and how a driver's value is turned back into the row type. The table is in
 * `Codec`'s JSDoc (`sql-types.ts`). Decoders accept what any supported driver returns
 * (better-sqlite3 with or without safe integers, node-postgres, PGlite) and leave values that
 * already have the right type as they are, so decoding twice changes nothing.
 */
import { SqlBuilderError, type Codec, type Dialect } from './sql-types.js';

/** Turns one non-`undefined` JavaScript value into the value bound for a column. */
export type Encoder = (value: unknown) => unknown;
/** Turns one driver value (never `undefined`) back into the JavaScript value of the row type. */
export type Decoder = (value: unknown) => unknown;

const identity = (value: unknown): unknown => value;

function encodeTimestamp(value: unknown, label: string): unknown {
  if (!(value instanceof Date)) return value;
  if (Number.isNaN(value.getTime())) throw new SqlBuilderError(`${label}: invalid Date`);
  return isoString(value);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/**
 * `date.toISOString()`, built from the UTC getters for years 1000–9999: the same text, about
 * three times faster in V8 (a timestamp is encoded on every insert).
 */
export function isoString(date: Date): string {
  const year = date.getUTCFullYear();
  if (year < 1000 || year > 9999) return date.toISOString();
  const ms = date.getUTCMilliseconds();
  return `${year}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}T${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(
    date.getUTCSeconds(),
  )}.${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}Z`;
}

function encodeJson(value: unknown, label: string): unknown {
  try {
    return JSON.stringify(value);
  } catch (error) {
    throw new SqlBuilderError(`${label}: value is not JSON-serialisable (${(error as Error).message})`);
  }
}

/** A `date` given as a Date is taken as that UTC calendar day. */
const encodeDate = (value: unknown): unknown => (value instanceof Date ? value.toISOString().slice(0, 10) : value);

/**
 * The encoder of one column. `label` (`table.field`) names the column in errors.
 * `null` always binds NULL.
 */
export function encoderFor(codec: Codec, dialect: Dialect, label: string): Encoder {
  const pg = dialect === 'postgres';
  switch (codec) {
    case 'boolean':
      return pg ? identity : (value) => (value === true ? 1 : value === false ? 0 : value);
    case 'bigint':
      return pg ? (value) => (typeof value === 'bigint' || typeof value === 'number' ? String(value) : value) : identity;
    case 'decimal':
      // A string keeps numeric's exact input on PostgreSQL (and `1e+21` is valid numeric text).
      return pg ? (value) => (typeof value === 'number' ? String(value) : value) : identity;
    case 'timestamp':
      return (value) => encodeTimestamp(value, label);
    case 'date':
      return encodeDate;
    case 'json':
      return (value) => (value === null ? null : encodeJson(value, label));
    default:
      return identity;
  }
}

/** The JavaScript value bound for `value` in a column of `codec` (`null` binds NULL). */
export function encodeValue(codec: Codec, dialect: Dialect, value: unknown): unknown {
  return value === null ? null : encoderFor(codec, dialect, codec)(value);
}

const toNumber: Decoder = (value) => (typeof value === 'bigint' || typeof value === 'string' ? Number(value) : value);
const toBigint: Decoder = (value) =>
  typeof value === 'number' || typeof value === 'string' ? BigInt(value as number | string) : value;
const sqliteBoolean: Decoder = (value) =>
  typeof value === 'number' ? value !== 0 : typeof value === 'bigint' ? value !== 0n : value;

const TIMESTAMP = /^(\d{4,}-\d\d-\d\d)[T ](\d\d:\d\d(?::\d\d(?:\.\d+)?)?)(Z|[+-]\d\d(?::?\d\d)?)?$/i;

/**
 * A Date from an ISO 8601 or PostgreSQL timestamp text: `2024-01-02T03:04:05.678Z`,
 * `2024-01-02 03:04:05.678+01` (PostgreSQL's text form), or `2024-01-02 03:04:05` without a
 * zone, which is read as UTC (SQLite's `CURRENT_TIMESTAMP` form, UTC by definition) rather than
 * as local time. Anything else goes to `new Date(text)`; unreadable text gives an Invalid Date.
 */
export function parseTimestamp(text: string): Date {
  // The form this runtime writes (`toISOString()`): V8 parses it directly.
  if (text.length === 24 && text.charCodeAt(10) === 84 /* T */ && text.charCodeAt(23) === 90 /* Z */) return new Date(text);
  const match = TIMESTAMP.exec(text);
  if (match === null) return new Date(text);
  const zone = match[3];
  let offset = 'Z';
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    offset = `${zone[0]}${digits.slice(0, 2)}:${digits.length > 2 ? digits.slice(2) : '00'}`;
  }
  return new Date(`${match[1]}T${match[2]}${offset}`);
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * `YYYY-MM-DD` of a Date that a driver made from a SQL `date`. node-postgres makes local
 * midnight, PGlite UTC midnight: a Date at UTC midnight is read in UTC, any other in local time.
 * (No time zone is offset by a whole day, so the two never disagree.) Adapters that return
 * dates as text avoid the question.
 */
export function formatDate(value: Date): string {
  const utc = value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0 && value.getUTCMilliseconds() === 0;
  return utc
    ? `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1, 2)}-${pad(value.getUTCDate(), 2)}`
    : `${pad(value.getFullYear(), 4)}-${pad(value.getMonth() + 1, 2)}-${pad(value.getDate(), 2)}`;
}

const toDate: Decoder = (value) => (typeof value === 'string' ? parseTimestamp(value) : value);
const toDateString: Decoder = (value) => (value instanceof Date ? formatDate(value) : value);

/**
 * The decoder of one column, or `undefined` when the driver's values need no change for this
 * codec and dialect (text and uuid everywhere; booleans, reals and JSON on PostgreSQL, whose
 * drivers already parse them; dates on SQLite). `label` names the column in errors.
 */
export function decoderFor(codec: Codec, dialect: Dialect, label: string): Decoder | undefined {
  const pg = dialect === 'postgres';
  switch (codec) {
    case 'integer':
    case 'real':
    case 'decimal':
      return toNumber;
    case 'bigint':
      return toBigint;
    case 'boolean':
      return pg ? undefined : sqliteBoolean;
    case 'timestamp':
      return toDate;
    case 'date':
      return pg ? toDateString : undefined;
    case 'json':
      return pg ? undefined : (value) => (typeof value === 'string' ? parseJson(value, label) : value);
    default:
      return undefined;
  }
}

function parseJson(text: string, label: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SqlBuilderError(`${label}: stored value is not JSON: ${JSON.stringify(text.slice(0, 40))}`);
  }
}

/** The JavaScript value of a driver's `value` for a column of `codec` (`null` stays `null`). */
export function decodeValue(codec: Codec, dialect: Dialect, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  const decode = decoderFor(codec, dialect, codec);
  return decode === undefined ? value : decode(value);
}
