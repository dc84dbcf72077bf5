/**
 * Value codecs of the SQL builders: how a JavaScript value is bound for each column codec and
 * dialect, and how a driver's value is turned back into the row type. The table is in
 * `Codec`'s JSDoc (`sql-types.ts`). Decoders accept what any supported driver returns
 * (better-sqlite3 with or without safe integers, node-postgres, PGlite) and leave values that
 * already have the right type as they are, so decoding twice changes nothing.
 */
import { SqlBuilderError, type Codec, type Dialect, type JsonShape } from './sql-types.js';

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

/**
 * A timestamp as TypeORM's SQLite drivers write a `datetime` column (`DateUtils.mixedDateToUtcDatetimeString`):
 * `'2024-07-07 10:00:00.000'`, UTC, a space and no `Z`. Its text sorts before the ISO form's
 * (`' '` < `'T'`), so a column TypeORM writes is written and compared in its form only.
 */
export function datetimeTextEncoder(label: string): Encoder {
  return (value) => (value instanceof Date && encodeTimestamp(value, label) !== undefined ? datetimeText(value) : value);
}

/** `'2024-07-07 10:00:00.000'`: TypeORM's text, its four-digit year padded as TypeORM pads it. */
function datetimeText(date: Date): string {
  const ms = date.getUTCMilliseconds();
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())} ${pad2(date.getUTCHours())}:${pad2(
    date.getUTCMinutes(),
  )}:${pad2(date.getUTCSeconds())}.${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}`;
}

function encodeJson(value: unknown, label: string, sorted: boolean): unknown {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new SqlBuilderError(`${label}: value is not JSON-serialisable (${(error as Error).message})`);
  }
  // SQLite keeps the text as written: write it as jsonb would give it back (a top-level
  // `undefined` or function has no JSON text and binds as it is).
  return sorted && text !== undefined && text.includes('{') ? jsonbText(JSON.parse(text)) : text;
}

/**
 * PostgreSQL's jsonb order of object keys: shorter keys first (by their UTF-8 length), then
 * bytewise, which is code point order (a UTF-16 code unit of a surrogate pair sorts after
 * U+E000–U+FFFF).
 */
export function compareJsonbKeys(a: string, b: string): number {
  if (a.length === b.length && a === b) return 0;
  const lengths = utf8Length(a) - utf8Length(b);
  if (lengths !== 0) return lengths;
  for (let i = 0; i < a.length; i += 1) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x += x < 0xe000 ? 0x2000 : -0x800;
      y += y < 0xe000 ? 0x2000 : -0x800;
    }
    return x - y;
  }
  return a.length - b.length;
}

function utf8Length(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    // Two bytes below U+0800, three above; a surrogate pair (two units) is four.
    if (unit >= 0x80) length += unit < 0x800 || (unit >= 0xd800 && unit < 0xe000) ? 1 : 2;
  }
  return length;
}

/**
 * The JSON text of a JSON value (what `JSON.parse` gives) with every object's keys in jsonb's
 * order, at every depth; arrays keep theirs. Built as text: a JavaScript object lists integer
 * keys first whatever order they were added in.
 */
function jsonbText(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(jsonbText).join(',')}]`;
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object).sort(compareJsonbKeys);
  return `{${keys.map((key) => `${JSON.stringify(key)}:${jsonbText(object[key])}`).join(',')}}`;
}

/**
 * A JSON value as PostgreSQL's drivers give back a jsonb value: each object's keys in jsonb's
 * order (after the integer keys, which a JavaScript object always lists first, as it does on
 * PostgreSQL). Text this runtime wrote is in that order already; text another program wrote on
 * SQLite may not be. The value is changed in place only where an object is out of order.
 */
function inJsonbOrder(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = inJsonbOrder(value[i]);
    return value;
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  let ordered = true;
  let previous: string | undefined;
  for (const key of keys) {
    object[key] = inJsonbOrder(object[key]);
    if (isArrayIndex(key)) continue;
    if (previous !== undefined && compareJsonbKeys(previous, key) > 0) ordered = false;
    previous = key;
  }
  if (ordered) return object;
  const result: Record<string, unknown> = {};
  for (const key of keys.sort(compareJsonbKeys)) {
    // JSON.parse makes `__proto__` an own key; an assignment would set the prototype instead.
    if (key === '__proto__') Object.defineProperty(result, key, { value: object[key], enumerable: true, writable: true, configurable: true });
    else result[key] = object[key];
  }
  return result;
}

/** Whether JavaScript lists `key` among an object's integer keys (a canonical array index). */
function isArrayIndex(key: string): boolean {
  const first = key.charCodeAt(0);
  if (first < 48 || first > 57 || (first === 48 && key.length > 1) || key.length > 10) return false;
  for (let i = 1; i < key.length; i += 1) {
    const unit = key.charCodeAt(i);
    if (unit < 48 || unit > 57) return false;
  }
  return Number(key) < 4294967295;
}

/**
 * A uuid is bound in lower case, PostgreSQL's own text form: SQLite compares text as written,
 * so `A0EEBC99-…` and `a0eebc99-…` would be two keys there and one on PostgreSQL.
 */
const lowerCase = (value: unknown): unknown => (typeof value === 'string' ? value.toLowerCase() : value);

/** A `date` given as a Date is taken as that UTC calendar day. */
const encodeDate = (value: unknown): unknown => (value instanceof Date ? value.toISOString().slice(0, 10) : value);

/**
 * PostgreSQL's text of a one-dimensional array, as the server parses it for any item type: each
 * item double-quoted with `"` and `\` escaped, `null` as NULL. Bound as text, the column's type
 * reads it (`text[]`, `int[]`…), through node-postgres and PGlite alike.
 */
export function postgresArrayText(items: readonly unknown[]): string {
  let text = '{';
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i];
    if (i > 0) text += ',';
    text += item === null || item === undefined ? 'NULL' : `"${String(item).replace(/["\\]/g, '\\$&')}"`;
  }
  return `${text}}`;
}

/**
 * The items of PostgreSQL's text of a one-dimensional array (`{a,"b c",NULL}`): strings, or
 * `null` for NULL. Throws a `SqlBuilderError` naming `label` for anything else (a nested array).
 */
export function parsePostgresArray(text: string, label: string): Array<string | null> {
  const fail = (): never => {
    throw new SqlBuilderError(`${label}: cannot decode ${describe(text)} as a one-dimensional array`);
  };
  if (text.charCodeAt(0) !== 123 /* { */ || text.charCodeAt(text.length - 1) !== 125 /* } */) fail();
  const items: Array<string | null> = [];
  if (text.length === 2) return items;
  let at = 1;
  for (;;) {
    if (text.charCodeAt(at) === 34 /* " */) {
      let item = '';
      at += 1;
      for (;;) {
        const unit = text.charCodeAt(at);
        if (Number.isNaN(unit)) fail();
        if (unit === 34) break;
        if (unit === 92 /* \ */) at += 1;
        item += text.charAt(at);
        at += 1;
      }
      items.push(item);
      at += 1;
    } else {
      // PostgreSQL quotes every item holding a quote, backslash, brace, comma or blank, or spelled NULL.
      let end = at;
      while (end < text.length - 1 && text.charCodeAt(end) !== 44 /* , */) end += 1;
      const item = text.slice(at, end);
      if (item === '' || /["\\{}]/.test(item)) fail();
      items.push(item === 'NULL' ? null : item);
      at = end;
    }
    if (at === text.length - 1) return items;
    if (text.charCodeAt(at) !== 44) fail();
    at += 1;
  }
}

/**
 * array: a list bound as PostgreSQL's array text of its items (each by its own codec), or as JSON
 * text on SQLite (a uuid's items in lower case there too).
 */
function arrayEncoder(items: Codec, dialect: Dialect, label: string): Encoder {
  const item = encoderFor(items, 'postgres', `${label}[]`);
  if (dialect === 'postgres') return (value) => (Array.isArray(value) ? postgresArrayText(value.map((x) => (x === null ? null : item(x)))) : value);
  return (value) => (Array.isArray(value) ? JSON.stringify(items === 'uuid' ? value.map(lowerCase) : value) : value);
}

/**
 * The encoder of one column. `label` (`table.field`) names the column in errors; `items` is an
 * `array` column's item codec. `null` always binds NULL.
 */
export function encoderFor(codec: Codec, dialect: Dialect, label: string, items: Codec = 'text'): Encoder {
  const pg = dialect === 'postgres';
  switch (codec) {
    case 'boolean':
      return pg ? identity : (value) => (value === true ? 1 : value === false ? 0 : value);
    case 'integer':
      return integerEncoder(pg, label);
    case 'bigint':
      return bigintEncoder(pg, label);
    case 'decimal':
      // A string keeps numeric's exact input on PostgreSQL (and `1e+21` is valid numeric text).
      return pg ? (value) => (typeof value === 'number' ? String(value) : value) : identity;
    case 'integer-text':
      // SQLite: the integer itself (a bigint binds all 64 bits), so the INTEGER column compares numbers.
      return pg ? identity : (value) => (typeof value === 'string' && INTEGER_TEXT.test(value) ? BigInt(value) : value);
    case 'timestamp':
      return (value) => encodeTimestamp(value, label);
    case 'date':
      return encodeDate;
    case 'uuid':
      return lowerCase;
    case 'json':
      return (value) => (value === null ? null : encodeJson(value, label, !pg));
    case 'simple-json':
      // TypeORM's text: JSON.stringify's, kept as written on every engine.
      return (value) => (value === null ? null : encodeJson(value, label, false));
    case 'simple-array':
      // TypeORM's text: the items joined by ',' (which items may hold is checked before: see repository-values.ts).
      return (value) => (Array.isArray(value) ? value.join(',') : value);
    case 'array':
      return arrayEncoder(items, dialect, label);
    case 'number-text':
      // TypeORM's simple-enum of numbers: `'' + value`, as TypeORM binds it.
      return (value) => (typeof value === 'number' ? String(value) : value);
    default:
      return identity;
  }
}

/** A 64-bit integer's bounds: int8 and SQLite's INTEGER hold −2^63 to 2^63 − 1; the largest double below 2^63 is 2^63 − 1024. */
const INT64_MIN = -(2 ** 63);
const INT64_END = 2 ** 63;

/**
 * integer: a safe integer as it is. An integer beyond 2^53 (a double the column holds: from −2^63
 * to 2^63 − 1024) is bound as its exact digits, a bigint on SQLite and the bigint's text on
 * PostgreSQL: better-sqlite3 binds a number as a REAL, which a STRICT INTEGER column refuses for
 * −2^63, and `String(-(2 ** 63))` is `'-9223372036854776000'`, beyond int8 (tester s16 T-1). A
 * fraction, `NaN`, ±`Infinity` or an integer outside int8 is a `SqlBuilderError` naming the
 * column: PostgreSQL refuses it with its own error where SQLite stores it or refuses it otherwise.
 */
function integerEncoder(pg: boolean, label: string): Encoder {
  return (value) => {
    if (typeof value !== 'number' || Number.isSafeInteger(value)) return value;
    if (!Number.isInteger(value)) throw new SqlBuilderError(`${label}: ${describe(value)} is no integer, which an integer column cannot hold`);
    if (value < INT64_MIN || value >= INT64_END) throw new SqlBuilderError(`${label}: ${describe(value)} is beyond a 64-bit integer (−2^63 to 2^63 − 1)`);
    const exact = BigInt(value);
    return pg ? String(exact) : exact;
  };
}

/**
 * bigint: a bigint of int8's range (−2^63 to 2^63 − 1) bound as it is on SQLite, as its text on
 * PostgreSQL; one beyond it is a `SqlBuilderError` naming the column, whatever `validateInputs`
 * says: better-sqlite3's own RangeError names no column (tester4 F5a).
 */
function bigintEncoder(pg: boolean, label: string): Encoder {
  return (value) => {
    if (typeof value === 'bigint' && (value < INT64_MIN_BIGINT || value > INT64_MAX_BIGINT)) {
      throw new SqlBuilderError(`${label}: ${describe(value)} is beyond a 64-bit integer (−2^63 to 2^63 − 1)`);
    }
    return pg && (typeof value === 'bigint' || typeof value === 'number') ? String(value) : value;
  };
}

const INT64_MIN_BIGINT = -(2n ** 63n);
const INT64_MAX_BIGINT = 2n ** 63n - 1n;

/** The JavaScript value bound for `value` in a column of `codec` (`null` binds NULL). */
export function encodeValue(codec: Codec, dialect: Dialect, value: unknown): unknown {
  return value === null ? null : encoderFor(codec, dialect, codec)(value);
}

const TIMESTAMP = /^(\d{4,})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?(?:Z|([+-])(\d\d)(?::?(\d\d)(?::?(\d\d))?)?)?)?( BC)?$/i;

/**
 * A Date from an ISO 8601 or PostgreSQL timestamp text: `2024-01-02T03:04:05.678Z`,
 * `2024-01-02 03:04:05.678+01` (PostgreSQL's text form), or `2024-01-02 03:04:05` without a
 * zone, which is read as UTC (SQLite's `CURRENT_TIMESTAMP` form, UTC by definition) rather than
 * as local time; a day alone (`2024-01-02`) is its UTC midnight. The offset may be `±HH`,
 * `±HH:MM` or `±HH:MM:SS`: PostgreSQL prints seconds for an instant in a zone's local mean time
 * (`1849-12-31 19:03:58-04:56:02` in America/New_York), which `new Date` refuses, so the offset
 * is applied here. The year may have five digits or end in ` BC` (1 BC is the year 0): the local
 * time is read first and the offset applied, so the instant is the one the text names. In
 * America/New_York PostgreSQL prints 0001-01-01T00:00Z as `0001-12-31T19:03:58-04:56:02 BC`, in
 * Asia/Tokyo 9999-12-31T23:59:59.999Z as `10000-01-01T08:59:59.999+09:00` (tester4 F0a); whether
 * the instant is in the years the row type takes is the decoder's question. A fraction is cut to
 * milliseconds. Anything else is an Invalid Date: other text, a day or time that does not exist
 * (`2024-02-30`, `24:00`, `10:60`, which `new Date` would read as the next month or day), and
 * PostgreSQL's `infinity`.
 */
export function parseTimestamp(text: string): Date {
  // The form this runtime writes (`toISOString()`): V8 parses it directly.
  if (text.length === 24 && text.charCodeAt(10) === 84 /* T */ && text.charCodeAt(23) === 90 /* Z */) {
    const date = new Date(text);
    return asWritten(date, twoDigits(text, 8), twoDigits(text, 11)) ? date : new Date(Number.NaN);
  }
  const match = TIMESTAMP.exec(text);
  if (match === null) return new Date(Number.NaN);
  const written = Number(match[1]);
  const bc = match[12] !== undefined;
  const [month, day, hour, minute, second] = [Number(match[2]), Number(match[3]), Number(match[4] ?? 0), Number(match[5] ?? 0), Number(match[6] ?? 0)];
  if ((bc && written === 0) || month < 1 || month > 12 || minute > 59 || second > 59) return new Date(Number.NaN);
  const utc = new Date(0);
  // setUTCFullYear, not Date.UTC, which reads the years 0–99 as 1900–1999.
  utc.setUTCFullYear(bc ? 1 - written : written, month - 1, day);
  utc.setUTCHours(hour, minute, second, Number(`${match[7] ?? ''}000`.slice(0, 3)));
  if (!asWritten(utc, day, hour)) return new Date(Number.NaN);
  const [sign, hours, minutes, seconds] = [match[8], match[9], match[10], match[11]];
  if (sign === undefined) return utc;
  const offset = (Number(hours) * 3600 + Number(minutes ?? 0) * 60 + Number(seconds ?? 0)) * 1000;
  // Local time is UTC plus the offset: UTC is the local time minus it.
  return new Date(utc.getTime() - (sign === '-' ? -offset : offset));
}

/** The number of the two digits of `text` at `at` (`NaN` unless both are digits). */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const units = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && units >= 0 && units <= 9 ? tens * 10 + units : Number.NaN;
}

/**
 * Whether `date` (parsed by V8 from UTC text) has the day of the month and hour written: V8 reads
 * `2024-02-30` as March 1st and `24:00` as the next day's midnight, where the text names no instant.
 */
function asWritten(date: Date, day: number, hour: number): boolean {
  return date.getUTCDate() === day && date.getUTCHours() === hour;
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

/** A short description of a driver value for an error message: `"$12.50"`, `9n`, `a Uint8Array`. */
function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : `the Date ${value.toISOString()}`;
  const name = (typeof value === 'object' && value !== null ? value.constructor?.name : undefined) || typeof value;
  return `${/^[aeio]/i.test(name) ? 'an' : 'a'} ${name}`; // a Uint8Array, an Object
}

function undecodable(label: string, value: unknown, as: string): never {
  throw new SqlBuilderError(`${label}: cannot decode ${describe(value)} as ${as}`);
}

/**
 * text, uuid: a string; a number, bigint or boolean as `String(value)` (an int8 that PGlite
 * parsed, a SQLite STRICT INTEGER or REAL column that converted numeric text on the way in); a
 * Date (a timestamp column read as a string field) as its ISO text.
 */
function textDecoder(label: string, as: string): Decoder {
  return (value) => {
    if (typeof value === 'string') return value;
    // An integer number beyond 2^53 may be an INTEGER the driver rounded: its text would be other digits.
    if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) return undecodable(label, value, `${as} (beyond 2^53 the driver may have rounded it)`);
    if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
    if (value instanceof Date && !Number.isNaN(value.getTime())) return isoString(value);
    return undecodable(label, value, as);
  };
}

/**
 * date: `YYYY-MM-DD` text of a day that exists in the years 0001–9999, as the inputs take it; a
 * driver's Date (PGlite) as its calendar day (`formatDate`), checked alike. Anything else throws:
 * PostgreSQL's `infinity` / `-infinity` (node-postgres' text; PGlite's `Infinity` or an invalid
 * Date), a BC day, SQLite text such as `'2024-02-30'` or `'2024-1-5'`, a number (tester s16 T-5).
 */
function dateDecoder(label: string): Decoder {
  return (value) => {
    const text = typeof value === 'string' ? value : value instanceof Date && !Number.isNaN(value.getTime()) ? formatDate(value) : undefined;
    return text !== undefined && isCalendarDay(text) ? text : undecodable(label, value, 'a date (a day of the years 0001 to 9999)');
  };
}

const DAY_TEXT = /^(\d{4})-(\d\d)-(\d\d)$/;

/** Whether `text` is `YYYY-MM-DD` of a day of the proleptic Gregorian calendar in the years 0001–9999. */
function isCalendarDay(text: string): boolean {
  const match = DAY_TEXT.exec(text);
  return match !== null && Number(match[1]) >= 1 && dayExists(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Whether month `month` (1–12) of `year` has a day `day`. */
function dayExists(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}

/**
 * real, decimal: a finite number as it is, `-0` as `0`; a bigint (a SQLite INTEGER read with safe
 * integers) as the number it is when a double holds it exactly; numeric text (numeric from
 * node-postgres and PGlite) as `Number(text)`. `NaN` and ±`Infinity` (float8's and numeric's
 * `'NaN'`, `'Infinity'`, SQLite's `9e999`) throw: the inputs refuse them, and no engine stores
 * them alike (SQLite makes `NaN` NULL). Other text (money's `$12.50`, an empty string) and other
 * types throw rather than give `NaN`.
 *
 * `exact` (a `decimal` column: PostgreSQL's `numeric`) reads text only when a double holds the
 * decimal exactly, its shortest text (`String(number)`) being the same decimal: a stored
 * `1234567890123456.78` would be `…456.8`, `9999999999999999.99` would be `1e16`, which the inputs
 * refuse (tester4 F3); such text throws. A double column's text (`exact` false) is the server's
 * text of a double already.
 *
 * `-0` reads as `0` (tester4 F5): the inputs refuse `-0` because SQLite gives back `0` for it
 * where PostgreSQL's `double precision` keeps it; for every engine's comparisons and order it is
 * `0`, so a row holding it is read as the number its filters see, on every engine alike, rather
 * than made unreadable.
 */
function numberDecoder(label: string, exact = false): Decoder {
  return (value) => {
    if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : undecodable(label, value, 'a finite number');
    if (typeof value === 'bigint') return exactNumber(label, value);
    if (typeof value === 'string' && value.trim() !== '') {
      const number = Number(value);
      if (Number.isFinite(number)) {
        if (exact && plainDecimal(String(number)) !== plainDecimal(value.trim())) {
          return undecodable(label, value, `a number (no double holds this decimal: the nearest is ${number})`);
        }
        return number + 0;
      }
      if (!Number.isNaN(number) || value === 'NaN') return undecodable(label, value, 'a finite number');
    }
    return undecodable(label, value, 'a number');
  };
}

const DECIMAL_NUMBER_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/**
 * The plain canonical text of the decimal `text` (`'1.50'` → `'1.5'`, `'1e-7'` → `'0.0000001'`,
 * `'-0.00'` → `'0'`, `'+012'` → `'12'`): no exponent, leading or trailing zeros, `+` or `-0`; so
 * two texts of one decimal are equal. `undefined` for text that is no decimal number.
 */
function plainDecimal(text: string): string | undefined {
  const match = DECIMAL_NUMBER_TEXT.exec(text);
  if (match === null || (match[2] === '' && (match[3] ?? '') === '')) return undefined;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match as unknown as [string, string | undefined, string | undefined, string | undefined, string | undefined];
  const all = whole + fraction;
  const at = whole.length + Number(exponent);
  const integer = (at <= 0 ? '0' : all.slice(0, at).padEnd(at, '0')).replace(/^0+(?=\d)/, '');
  const decimals = (at < 0 ? '0'.repeat(-at) + all : all.slice(Math.max(at, 0))).replace(/0+$/, '');
  const plain = decimals === '' ? integer : `${integer}.${decimals}`;
  return plain === '0' || sign !== '-' ? plain : `-${plain}`;
}

const MAX_SAFE_NUMBER = BigInt(Number.MAX_SAFE_INTEGER);

/** The number `value` is, when a double holds it exactly; else a `SqlBuilderError` (never a rounded number). */
function exactNumber(label: string, value: bigint): number {
  if (value <= MAX_SAFE_NUMBER && value >= -MAX_SAFE_NUMBER) return Number(value);
  const number = Number(value);
  return BigInt(number) === value ? number : undecodable(label, value, `a number (no double holds it: the nearest is ${number})`);
}

/**
 * integer: a safe integer as it is; a bigint (a SQLite INTEGER read with safe integers, PGlite's
 * int8 beyond 2^53) or integer text (node-postgres' int8) as the number it is when a double holds
 * it exactly (2^60, −2^63), else throws: `9007199254740993` would read as `…992` (tester s16
 * T-4). A number beyond 2^53 throws too: it comes from a driver that may have rounded it
 * (better-sqlite3 without safe integers, which the repositories use on tables with a 64-bit
 * integer column, see `ColumnMeta.int64`); a fraction, `NaN`, ±`Infinity` and other text throw.
 */
function integerDecoder(label: string): Decoder {
  return (value) => {
    if (typeof value === 'number') {
      if (Number.isSafeInteger(value)) return value;
      return undecodable(label, value, Number.isInteger(value) ? 'an exact integer (beyond 2^53 the driver may have rounded it: read 64-bit integers as bigints)' : 'an integer');
    }
    if (typeof value === 'bigint') return exactNumber(label, value);
    if (typeof value === 'string' && INTEGER_TEXT.test(value)) return exactNumber(label, BigInt(value.trim()));
    return undecodable(label, value, 'an integer');
  };
}

const INTEGER_TEXT = /^\s*[+-]?\d+\s*$/;
/** A decimal's text as the decimal-text codec takes it (its canonical form is the validators'): digits, a point and decimals, a sign. */
const DECIMAL_TEXT = /^-?\d+(?:\.\d+)?$/;

/**
 * integer-text: the text as it is (PostgreSQL's drivers give the digits); a number or bigint (an
 * int4 parsed by node-postgres, an int8 by PGlite, SQLite's INTEGER read with safe integers) as
 * its decimal text. An unsafe number would have lost digits already: it throws.
 */
function integerTextDecoder(label: string): Decoder {
  return (value) => {
    if (typeof value === 'string' && INTEGER_TEXT.test(value)) return value;
    if (typeof value === 'bigint' || (typeof value === 'number' && Number.isSafeInteger(value))) return String(value);
    return undecodable(label, value, 'an integer');
  };
}

/**
 * decimal-text: the text as it is (PostgreSQL's numeric text, SQLite's TEXT). A NUMERIC-affinity
 * column that is not codegen's STRICT TEXT (TypeORM's `decimal(6,2)` on SQLite) turns well-formed
 * numeric text into an INTEGER or REAL, whoever binds it: `'12.00'` becomes 12, `'1234.50'`
 * 1234.5. Such a number is read as the column's canonical text, `scale` decimals (`'12.00'`,
 * `'1234.50'`) or, without a scale, none trailing (`'1234.5'`). An INTEGER made of integer text
 * is exact (64 bits, read as a bigint: see readOptions); one made of text with a point went
 * through a double and is read as a REAL is. A REAL is read only when its shortest text has at
 * most 15 significant digits: a decimal of at most 15 significant digits (every value of a
 * `numeric(p, s)` with p ≤ 15) parses to a double whose shortest text is that decimal again
 * (15 is a double's DBL_DIG), so the text written comes back exactly; a REAL of more digits may
 * be SQLite's rounding of longer text (it converts that too, keeping what a double keeps), and
 * throws, as does one of more decimals than the scale. Anything else throws.
 */
function decimalTextDecoder(label: string, scale: number | undefined, dialect: Dialect): Decoder {
  // Only SQLite turns decimal text into a number; PostgreSQL's text that is no decimal is numeric's 'NaN' or '±Infinity' (tester4 F6a).
  const rounded = dialect === 'sqlite' ? ' (SQLite may have rounded the text written to this number)' : '';
  return (value) => {
    if (typeof value === 'string' && DECIMAL_TEXT.test(value)) return value;
    let digits: string | undefined;
    if (typeof value === 'bigint') {
      // Text with a point (scale > 0) went through a double: as a REAL, exact within 2^53 or 15 digits.
      const text = String(value);
      if (!scale || (value <= MAX_SAFE && value >= -MAX_SAFE) || significantDigits(text) <= 15) digits = text;
    } else if (typeof value === 'number') {
      // An integer number from 2^53 to 2^63 may be an INTEGER the driver rounded (read without safe
      // integers); a NUMERIC column keeps a REAL there only beyond 64 bits.
      digits = Number.isSafeInteger(value) ? String(value) : Number.isInteger(value) && Math.abs(value) < 2 ** 63 ? undefined : exactDigits(value);
    }
    if (digits === undefined) return undecodable(label, value, typeof value === 'number' || typeof value === 'bigint' ? `a decimal${rounded}` : 'a decimal');
    if (scale === undefined) return digits;
    const point = digits.indexOf('.');
    const decimals = point === -1 ? 0 : digits.length - point - 1;
    if (decimals > scale) return undecodable(label, value, `a decimal of ${scale} decimals`);
    return decimals === scale ? digits : `${digits}${point === -1 ? '.' : ''}${'0'.repeat(scale - decimals)}`;
  };
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** The significant digits of a decimal's digits (`'-0.0120'` → 2): leading and trailing zeros aside. */
const significantDigits = (digits: string): number => digits.replace(/[^0-9]/g, '').replace(/^0+/, '').replace(/0+$/, '').length;

/**
 * The plain decimal text of a double (`1e-7` → `'0.0000001'`, `-0` → `'0'`) when its shortest
 * text (ECMAScript's `String(number)`) has at most 15 significant digits, else `undefined`.
 */
function exactDigits(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (match === null) return undefined;
  const [, sign, whole, fraction = '', exponent = '0'] = match as unknown as [string, string, string, string | undefined, string | undefined];
  if (significantDigits(whole + fraction) > 15) return undefined;
  // Move the point by the exponent: `1.5e-7` → '0.00000015', `1e+21` → '1000000000000000000000'.
  const all = whole + fraction;
  const at = whole.length + Number(exponent);
  const integer = at <= 0 ? '0' : all.slice(0, at).padEnd(at, '0').replace(/^0+(?=\d)/, '');
  const decimals = (at < 0 ? '0'.repeat(-at) + all : all.slice(Math.max(at, 0))).replace(/0+$/, '');
  const text = decimals === '' ? integer : `${integer}.${decimals}`;
  return text === '0' ? '0' : `${sign}${text}`;
}

/**
 * A text that sorts, byte by byte, as the decimal `text` does among numbers (SQLite keeps a
 * decimal-text column as TEXT, whose own order would put `'10'` before `'9'`): non-negative
 * numbers `B`, the integer part's length in 6 digits, then the digits; negative ones `A`, 999999
 * minus that length, then each digit `d` as the letter `j − d` (larger magnitudes first) and `~`
 * after the last, so `-1` comes after `-1.5`. `text` is the canonical text the validators take
 * (no leading zeros, no `-0`; a `numeric(p, s)` column's values all with `s` decimals, a
 * `numeric` column's without trailing zeros), so equal numbers have equal keys.
 * `decimalOrderSql` computes the same key in SQLite.
 * @throws SqlBuilderError for a text that is no decimal
 */
export function decimalOrderKey(text: unknown, label = 'decimal'): string {
  if (typeof text !== 'string' || !DECIMAL_TEXT.test(text)) throw new SqlBuilderError(`${label}: ${describe(text)} is no decimal text`);
  const negative = text.charCodeAt(0) === 45; /* - */
  const digits = negative ? text.slice(1) : text;
  const point = digits.indexOf('.');
  const whole = point === -1 ? digits.length : point;
  if (!negative) return `B${String(whole).padStart(6, '0')}${digits}`;
  let flipped = '';
  for (let at = 0; at < digits.length; at++) {
    const unit = digits.charCodeAt(at);
    flipped += unit === 46 /* . */ ? '.' : String.fromCharCode(106 - (unit - 48));
  }
  return `A${String(999999 - whole).padStart(6, '0')}${flipped}~`;
}

/**
 * `decimalOrderKey` of the SQLite expression `column` (NULL stays NULL), for comparisons and
 * ORDER BY. An INTEGER or REAL there (a NUMERIC-affinity column that is not codegen's STRICT TEXT,
 * TypeORM's `decimal(6,2)`, made one of the text written) is keyed by the column's canonical text
 * of it (`decimalNumberText`: `scale` decimals), so it compares and sorts where its text would.
 */
export function decimalOrderSql(column: string, scale?: number): string {
  // The number's key in a subquery naming its text once (TEXT, codegen's own columns, never gets there).
  const number = `(SELECT ${textOrderSql('"decimal text"')} FROM (SELECT ${decimalNumberText(column, scale)} AS "decimal text"))`;
  return `(CASE WHEN typeof(${column}) IN ('integer', 'real') THEN ${number} ELSE ${textOrderSql(column)} END)`;
}

/** `decimalOrderKey` of the SQLite expression `column` holding canonical decimal text. */
function textOrderSql(column: string): string {
  let flipped = `substr(${column}, 2)`;
  for (let digit = 0; digit <= 9; digit++) flipped = `replace(${flipped}, '${digit}', '${String.fromCharCode(106 - digit)}')`;
  const whole = `instr(${column} || '.', '.')`;
  return (
    `(CASE WHEN substr(${column}, 1, 1) = '-' THEN 'A' || printf('%06d', 999999 - (${whole} - 2)) || ${flipped} || '~' ` +
    `ELSE 'B' || printf('%06d', ${whole} - 1) || ${column} END)`
  );
}

/**
 * The canonical text of the INTEGER or REAL `column` as `decimalTextDecoder` reads it: an
 * INTEGER's digits, with `scale` zeros after a point; a REAL rounded to 15 significant digits
 * (`printf('%.15g')`, which gives back the decimal of at most 15 digits the REAL was parsed from:
 * the only REALs the decoder reads), its exponent form (`1e-05`) written out with the decimals its
 * digits need, then padded to `scale` decimals. Not `printf('%.2f')` directly: SQLite's printf
 * gives 16 significant digits, then zeros, and the 16th digit of 99999999999999.9 is off.
 */
function decimalNumberText(column: string, scale: number | undefined): string {
  const zeros = '0'.repeat(scale ?? 0);
  const integer = zeros === '' ? `CAST(${column} AS TEXT)` : `(${column} || '.${zeros}')`;
  const g = '"decimal 15g"';
  const e = `instr(${g}, 'e')`;
  const decimals = `(CASE instr(${g}, '.') WHEN 0 THEN 0 ELSE ${e} - instr(${g}, '.') - 1 END)`;
  const plain = `(CASE ${e} WHEN 0 THEN ${g} ELSE printf('%.*f', max(${decimals} - CAST(substr(${g}, ${e} + 1) AS INTEGER), 0), ${column}) END)`;
  const p = '"decimal plain"';
  const padded = zeros === '' ? p : `substr(${p} || (CASE instr(${p}, '.') WHEN 0 THEN '.' ELSE '' END) || '${zeros}', 1, instr(${p} || '.', '.') + ${zeros.length})`;
  const real = `(SELECT ${padded} FROM (SELECT ${plain} AS ${p} FROM (SELECT printf('%.15g', ${column}) AS ${g})))`;
  return `(CASE typeof(${column}) WHEN 'integer' THEN ${integer} ELSE ${real} END)`;
}

/** bigint: a bigint as it is; a safe integer number or integer text as a bigint; anything else throws (BigInt would throw a RangeError or SyntaxError, or read `''` as 0). */
function bigintDecoder(label: string): Decoder {
  return (value) => {
    if (typeof value === 'bigint') return value;
    // Beyond 2^53 a number may be an INTEGER the driver rounded (read without safe integers).
    if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
    if (typeof value === 'string' && INTEGER_TEXT.test(value)) return BigInt(value.trim());
    return undecodable(label, value, Number.isInteger(value) ? 'a bigint (beyond 2^53 the driver may have rounded it: read 64-bit integers as bigints)' : 'a bigint');
  };
}

const TRUE_TEXT = new Set(['t', 'true', '1']);
const FALSE_TEXT = new Set(['f', 'false', '0']);

/** boolean: a boolean as it is; a number or bigint as `value !== 0` (SQLite's 1 / 0); PostgreSQL's text `t` / `f`. */
function booleanDecoder(label: string): Decoder {
  return (value) => {
    if (typeof value === 'boolean') return value;
    if (typeof value === 'number' && !Number.isNaN(value)) return value !== 0;
    if (typeof value === 'bigint') return value !== 0n;
    if (typeof value === 'string') {
      if (TRUE_TEXT.has(value)) return true;
      if (FALSE_TEXT.has(value)) return false;
    }
    return undecodable(label, value, 'a boolean');
  };
}

/** 0001-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z: the instants the inputs take (docs/crud.md). */
const FIRST_INSTANT = -62135596800000;
const LAST_INSTANT = 253402300799999;

/**
 * timestamp: a Date of the years 0001–9999 (UTC) as it is; text by `parseTimestamp`, checked
 * alike. Anything else throws, as the inputs refuse it: text that is no timestamp or names a day
 * that does not exist (`2024-02-30` on SQLite), an invalid Date, PostgreSQL's `infinity` and
 * `-infinity` (node-postgres' text, PGlite's `Infinity`), a BC or a five-digit year, and a number,
 * whose unit (seconds or milliseconds) cannot be known (tester s16 T-5).
 */
function timestampDecoder(label: string): Decoder {
  return (value) => {
    const date = typeof value === 'string' ? parseTimestamp(value) : value;
    if (date instanceof Date) {
      const time = date.getTime();
      if (time >= FIRST_INSTANT && time <= LAST_INSTANT) return date;
    }
    return undecodable(label, value, 'a timestamp (an instant of the years 0001 to 9999)');
  };
}

/**
 * json on SQLite: JSON text parsed; a number (a JSON value already) as it is, a bigint as a
 * number, as `JSON.parse` would read it; an object or array (decoded already) as it is. Objects'
 * keys come in jsonb's order, as on PostgreSQL. A BLOB (`Uint8Array`) and a number no JSON text
 * gives (±`Infinity`, `NaN`) throw.
 */
function sqliteJsonDecoder(label: string): Decoder {
  return (value) => {
    if (typeof value === 'string') return inJsonbOrder(parseJson(value, label));
    if (typeof value === 'bigint') return Number(value);
    if (typeof value === 'number' && !Number.isFinite(value)) return undecodable(label, value, 'JSON (a finite number)');
    if (value instanceof Uint8Array || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'undefined') return undecodable(label, value, 'JSON');
    return inJsonbOrder(value);
  };
}

/**
 * json on PostgreSQL: the column's text (`FieldSql.read` selects `(column)::text`) parsed, so the
 * JSON literal `null` (`'null'::jsonb`, the text `'null'`) is told from SQL NULL (no value at
 * all), which the drivers' own jsonb parsing gives alike (tester5 V1), and no
 * `pg.types.setTypeParser` of the user's changes what is read. A value a driver parsed already (a
 * row selected otherwise) is taken as it is. Object keys stay as the server gives them (jsonb's
 * order; a `json` column's text as written).
 */
function postgresJsonDecoder(label: string): Decoder {
  return (value) => (typeof value === 'string' ? parseJson(value, label) : value);
}

/** The JSON kind each item codec of an `array` column writes on SQLite (`JSON.stringify` of the item's JavaScript value). */
const ITEM_JSON_KIND: Partial<Record<Codec, 'string' | 'number' | 'boolean'>> = {
  text: 'string',
  uuid: 'string',
  'integer-text': 'string',
  'decimal-text': 'string',
  integer: 'number',
  real: 'number',
  decimal: 'number',
  boolean: 'boolean',
};

/**
 * array: a list whatever the driver gives (node-postgres: PostgreSQL's array text; PGlite: a
 * parsed array; SQLite: JSON text), each item decoded by the item codec. A NULL item, which the row
 * type has no room for, a nested array and anything but a list throw. On SQLite, where the list
 * is JSON, an item must be the JSON kind the item codec writes (a string for text, uuid and enum
 * labels, a number for numbers, a boolean): `[1]` in a `string[]` throws, naming the stored `1`,
 * rather than read as `["1"]`, and `["1"]` in a list of numbers is no `[1]` (tester5 V2).
 * PostgreSQL's array text holds every item as text, which the item codec reads.
 */
function arrayDecoder(items: Codec, dialect: Dialect, label: string): Decoder {
  const item = decoderFor(items, dialect, `${label}[]`) ?? identity;
  const kind = dialect === 'sqlite' ? ITEM_JSON_KIND[items] : undefined;
  return (value) => {
    const list = typeof value === 'string' ? (dialect === 'postgres' ? parsePostgresArray(value, label) : parseJson(value, label)) : value;
    if (!Array.isArray(list)) return undecodable(label, value, 'an array');
    const decoded: unknown[] = [];
    for (let i = 0; i < list.length; i += 1) {
      const x: unknown = list[i];
      if (x === null || x === undefined) throw new SqlBuilderError(`${label}: item ${i} is NULL, which the row type has no room for`);
      if (Array.isArray(x)) throw new SqlBuilderError(`${label}: item ${i} is an array: only one-dimensional arrays are read`);
      if (kind !== undefined && typeof x !== kind) throw new SqlBuilderError(`${label}: /${i} is ${describe(x)}, which the row type (${kind}) has no room for`);
      decoded.push(item(x));
    }
    return decoded;
  };
}

/** number-text: the number of a value's text (TypeORM's numeric simple-enum), a number as it is; other text throws. */
function numberTextDecoder(label: string): Decoder {
  const number = numberDecoder(label);
  return (value) => (typeof value === 'string' && !NUMBER_TEXT.test(value) ? undecodable(label, value, 'a number') : number(value));
}
const NUMBER_TEXT = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;

/**
 * The decoder of one column, or `undefined` when every value the drivers give already has the
 * row type. Decoders are total:
 * each returns a value of the row type or throws a `SqlBuilderError` naming the column (`label`,
 * `table.field`) and the value, never `NaN` from unreadable text nor a value of the wrong type.
 * `items` is an `array` column's item codec, `scale` a `decimal-text` column's declared scale.
 */
export function decoderFor(codec: Codec, dialect: Dialect, label: string, items: Codec = 'text', scale?: number): Decoder | undefined {
  switch (codec) {
    case 'text':
      return textDecoder(label, 'text');
    case 'uuid': {
      // Lower case whoever wrote the row (another program may have stored upper case on SQLite).
      const text = textDecoder(label, 'a uuid');
      return (value) => (text(value) as string).toLowerCase();
    }
    case 'integer':
      return integerDecoder(label);
    case 'real':
      return numberDecoder(label);
    case 'decimal':
      return numberDecoder(label, true);
    case 'bigint':
      return bigintDecoder(label);
    case 'integer-text':
      return integerTextDecoder(label);
    case 'decimal-text':
      return decimalTextDecoder(label, scale, dialect);
    case 'boolean':
      return booleanDecoder(label);
    case 'timestamp':
      return timestampDecoder(label);
    case 'date':
      return dateDecoder(label);
    case 'json':
      return dialect === 'postgres' ? postgresJsonDecoder(label) : sqliteJsonDecoder(label);
    case 'simple-json':
      return (value) => (typeof value === 'string' ? parseJson(value, label) : value);
    case 'array':
      return arrayDecoder(items, dialect, label);
    case 'number-text':
      return numberTextDecoder(label);
    case 'simple-array':
      // As TypeORM reads it: '' is the empty list, any other text its pieces between commas.
      return (value) => (typeof value === 'string' ? (value === '' ? [] : value.split(',')) : Array.isArray(value) ? value : undecodable(label, value, 'comma-joined text'));
    default:
      return undefined;
  }
}

/**
 * `decode` followed by the check of its value against `shape` (`ColumnMeta.shape`): the value, or
 * a `SqlBuilderError` naming the column and the first misfit by JSON Pointer
 * (`post.tags: /1 is null, which the row type (string) has no room for`). A decoded `null` (the
 * JSON literal null: SQL NULL never gets here) is the row's `null` when `nullable` (the row type
 * says `| null`), else an error, shape or none (tester5 V1). Without a shape and nullable, `decode`.
 */
export function shapedDecoder(decode: Decoder | undefined, shape: JsonShape | undefined, label: string, nullable = true): Decoder | undefined {
  const checked = shape === 'any' ? undefined : shape;
  if (checked === undefined && nullable) return decode;
  return (value) => {
    const decoded = decode === undefined ? value : decode(value);
    if (decoded === null && nullable) return null;
    const misfit = checked === undefined ? (decoded === null ? (['', null, ''] as const) : undefined) : shapeMisfit(decoded, checked, '');
    if (misfit === undefined) return decoded;
    const [path, found, expected] = misfit;
    const where = path === '' ? 'the value' : path;
    if (expected === REQUIRED) throw new SqlBuilderError(`${label}: ${where} is missing, which the row type requires`);
    throw new SqlBuilderError(`${label}: ${where} is ${found === null ? 'null' : describe(found)}, which the row type${expected === '' ? '' : ` (${expected})`} has no room for`);
  };
}

const REQUIRED = 'a required property';

/** The first place where `value` is not of `shape`: [JSON Pointer, the value there, what the type holds there]. */
function shapeMisfit(value: unknown, shape: JsonShape, path: string): [string, unknown, string] | undefined {
  if (shape === 'any') return undefined;
  if (shape === 'null') return value === null ? undefined : [path, value, 'null'];
  // A number is finite: JSON text has no ±Infinity, and the inputs refuse it (tester5 V3).
  if (typeof shape === 'string') return typeof value === shape && (shape !== 'number' || Number.isFinite(value)) ? undefined : [path, value, shape];
  if ('literal' in shape) return shape.literal.includes(value as string) ? undefined : [path, value, shape.literal.map((member) => JSON.stringify(member)).join(' | ')];
  if ('anyOf' in shape) {
    const misfits = shape.anyOf.map((member) => shapeMisfit(value, member, path));
    if (misfits.some((misfit) => misfit === undefined)) return undefined;
    // The deepest misfit is the member the value was closest to; where none got past the value
    // itself (`true` in a `string | number`), the union is what has no room for it.
    const deepest = misfits.reduce((closest, misfit) => (misfit![0].length > closest![0].length ? misfit : closest))!;
    return deepest[0] === path ? [path, value, misfits.map((misfit) => misfit![2]).join(' | ')] : deepest;
  }
  if ('list' in shape || 'tuple' in shape) {
    if (!Array.isArray(value)) return [path, value, 'list' in shape ? 'a list' : 'a tuple'];
    if ('tuple' in shape && (value.length < shape.required || (shape.rest === undefined && value.length > shape.tuple.length))) {
      return [path, value, `a tuple of ${shape.required === shape.tuple.length && shape.rest === undefined ? shape.required : `at least ${shape.required}`} items`];
    }
    for (let i = 0; i < value.length; i += 1) {
      const item = 'list' in shape ? shape.list : (shape.tuple[i] ?? shape.rest ?? 'any');
      const misfit = shapeMisfit(value[i], item, `${path}/${i}`);
      if (misfit !== undefined) return misfit;
    }
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [path, value, 'object' in shape ? 'an object' : 'a record'];
  const object = value as Record<string, unknown>;
  if ('record' in shape) {
    for (const key of Object.keys(object)) {
      const misfit = shapeMisfit(object[key], shape.record, `${path}/${pointerToken(key)}`);
      if (misfit !== undefined) return misfit;
    }
    return undefined;
  }
  for (const key of Object.keys(shape.object)) {
    const at = `${path}/${pointerToken(key)}`;
    if (!Object.prototype.hasOwnProperty.call(object, key)) {
      if (shape.optional?.includes(key)) continue;
      return [at, undefined, REQUIRED];
    }
    const misfit = shapeMisfit(object[key], shape.object[key] ?? 'any', at);
    if (misfit !== undefined) return misfit;
  }
  return undefined;
}

/** A JSON Pointer token (RFC 6901): `~` as `~0`, `/` as `~1`. */
const pointerToken = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * `JSON.parse(text)`, or a `SqlBuilderError` naming `label` for text that is no JSON and for a
 * number beyond a double's range, which `JSON.parse` reads as ±`Infinity` (`1e400`, or jsonb's
 * 401 digits of it) and the inputs refuse (tester5 V3). Any other number is read as the nearest
 * double, as `JSON.parse` reads it (RFC 8259 §6): `9007199254740993` as `…992`, `1e-400` as `0`.
 */
function parseJson(text: string, label: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SqlBuilderError(`${label}: stored value is not JSON: ${JSON.stringify(text.slice(0, 40))}`);
  }
  if (MAY_OVERFLOW.test(text)) {
    const found = infiniteAt(value, '');
    if (found !== undefined) {
      const [path, number] = found;
      throw new SqlBuilderError(`${label}: ${path === '' ? 'the value' : path} is a number beyond a double's range (JSON.parse reads it as ${number}), which the row type has no room for`);
    }
  }
  return value;
}

/**
 * Text that may hold a number beyond a double's range (about 1.8e308): an exponent of three
 * digits or more, or 210 digits in a row (with an exponent of at most 99, an integer part needs
 * 210 digits to reach 10^309). Only such text is walked for ±Infinity; other text (nearly all)
 * costs one scan.
 */
const MAY_OVERFLOW = /[eE]\+?\d{3}|\d{210}/;

/** The first ±`Infinity` in a parsed JSON value: [its JSON Pointer, the number], or `undefined`. */
function infiniteAt(value: unknown, path: string): [string, number] | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : [path, value];
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = infiniteAt(value[i], `${path}/${i}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    const found = infiniteAt(object[key], `${path}/${pointerToken(key)}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The JavaScript value of a driver's `value` for a column of `codec` (`null` stays `null`). */
export function decodeValue(codec: Codec, dialect: Dialect, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  const decode = decoderFor(codec, dialect, codec);
  return decode === undefined ? value : decode(value);
}
