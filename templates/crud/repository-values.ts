/**
 * The values a repository binds that the types accept but the engines do not treat alike,
 * found before any SQL runs, so that each is a `ValidationError` on every engine (docs/crud.md)
 * rather than PostgreSQL's own error where SQLite answers 0 rows, or a value one engine rounds:
 *
 * - in inputs (`storageIssues`), beyond what the generated validators check: a NUL character or a lone UTF-16 surrogate
 *   in text or JSON, a value JSON cannot hold as given in a JSON column (a Date, a bigint, NaN, -0…), -0 in a number column, a Date outside the years 0001–9999 or finer than a `timestamptz(p)` column
 *   keeps, a `date` of the year 0000; and, whatever `validateInputs` says, what the column's type
 *   refuses or rounds that the validators also check: a fraction, `NaN` or a value outside the
 *   range of an integer column, `NaN` or ±`Infinity` in a number column, more decimals or digits
 *   than a `numeric(p, s)` column keeps, a `date` that does not exist, non-canonical numeric text;
 * - in filters and keys (`filterIssues`, `keyIssues`), every check of the column's own type that
 *   the validators make on inputs: the value's type, a uuid's form, a `date`'s day, `char(n)`'s
 *   length, `time`'s form, an integer column's range, and the checks above.
 *
 * A filter's bounds (`gt`, `gte`, `lt`, `lte`) need only be values every engine compares alike:
 * a `numeric(p, s)` column's scale and range and a timestamp's precision, which say that a
 * stored value would be rounded, are checked on values compared for equality (a value, `eq`,
 * `ne`, `in`, `notIn`) and keys only (`{ lt: new Date() }` on a `timestamptz(0)` column is fine).
 */

/** A column as the table metadata describes it (`ColumnMeta` of `sql-types.ts`): its codec is what is read here. */
interface ColumnMeta {
  readonly codec: string;
  /** An `array` column's item codec. */
  readonly items?: string;
}
type Codec = ColumnMeta['codec'];

/** A JSON column, one of TypeORM's text forms (`simple-json`, `simple-array`) or a PostgreSQL array (`array`): compared with isNull only, its values checked when stored. */
function isJsonLike(codec: Codec): boolean {
  return codec === 'json' || codec === 'simple-json' || codec === 'simple-array' || codec === 'array';
}

/** A value the types accept that the databases cannot store or compare alike, as a validator's issue. */
export interface StorageIssue {
  /** JSON Pointer to the value (`/note`, `/tags/2`, `/level/in/1`). */
  readonly path: string;
  readonly code: 'type' | 'format' | 'pattern' | 'minLength' | 'maxLength' | 'minimum' | 'maximum' | 'exclusiveMinimum' | 'exclusiveMaximum' | 'multipleOf';
  readonly expected: string;
}

/**
 * What a column's SQL type holds beyond its codec (see `sql-types.ts`), from the schema the
 * generator wrote: the facts the input validators check, for checking filter and key values.
 */
export interface ValueRule {
  /** An integer column's range: `integer` ±2^31, `smallint` ±2^15. */
  readonly range?: readonly [minimum: number, maximum: number];
  /** `numeric(p, s)`: its precision and scale. */
  readonly numeric?: readonly [precision: number, scale: number];
  /** `char(n)`: exactly `n` characters (PostgreSQL pads a shorter string). */
  readonly chars?: number;
  /** `time`: PostgreSQL's own text of a time of day. */
  readonly time?: true;
  /** A text field in a PostgreSQL `uuid` column. */
  readonly uuid?: true;
  /** `timestamptz(p)` with `p` below 3: the decimals of a second it keeps. */
  readonly fraction?: number;
  /** A string in an integer column: its type's range, as decimal text (`bigint`: ±2^63). */
  readonly integerText?: readonly [minimum: string, maximum: string];
}

/** The rules of a table's fields, by field; a field without one has its codec's checks only. */
export type ValueRules = Readonly<Record<string, ValueRule>>;

type Columns = Readonly<Record<string, ColumnMeta>>;
type Loose = Readonly<Record<string, unknown>>;
type Problem = readonly [code: StorageIssue['code'], expected: string];

const NUL = '\u0000';
const NO_NUL = 'no NUL character (U+0000), which PostgreSQL cannot store';
/** A UTF-16 surrogate without its pair: UTF-8 has no form for it (PostgreSQL stores U+FFFD, SQLite three, jsonb refuses its escape). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NO_LONE_SURROGATE = 'no lone UTF-16 surrogate (U+D800 to U+DFFF without its pair), which no engine stores as written';
const DATE_YEARS = 'a Date in the years 0001 to 9999, which every engine stores and orders';
const DAY_YEARS = 'a day in the years 0001 to 9999, which every engine stores and orders';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^(\d{4})-(\d\d)-(\d\d)$/;
/** PostgreSQL's own text of a `time`, as crud's input validators check it (`input-types.ts`): 24:00:00 is the end of the day. */
const TIME_OF_DAY = /^(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{0,5}[1-9])?|24:00:00)$/;
const INT64 = [-(2n ** 63n), 2n ** 63n - 1n] as const;
/** An integer's canonical text: no sign `+`, no leading zero, no `-0`. */
const INTEGER_TEXT = /^(?:0|-?[1-9][0-9]*)$/;
/** A decimal's text: an optional `-`, the integer part without leading zeros, an optional point and decimals. */
const DECIMAL_TEXT = /^(-?)(0|[1-9][0-9]*)(?:\.([0-9]+))?$/;

/**
 * What the types accept but the engines cannot store alike in the input `values` (fields the
 * repository writes): a NUL character in text or anywhere in JSON (PostgreSQL refuses it in
 * `text` and `jsonb`, SQLite keeps it), a lone UTF-16 surrogate there (UTF-8 has no form for it:
 * PostgreSQL's drivers write U+FFFD, better-sqlite3 three of them, jsonb refuses its escape), a Date outside the years 0001–9999 (PostgreSQL refuses
 * `+010000-01-01`; SQLite stores the text and then sorts and compares it wrongly) or with more
 * decimals of a second than a `timestamptz(p)` column keeps (PostgreSQL rounds it, SQLite keeps
 * it), a `date` of the year 0000 (PostgreSQL refuses it), and in a JSON column a value JSON cannot
 * hold as given (a Date, bigint, NaN, Map, function, undefined array item, cycle…; see `jsonNulIssues`).
 */
export function storageIssues(values: Loose, columns: Columns, rules: ValueRules = {}): StorageIssue[] {
  const issues: StorageIssue[] = [];
  for (const field of Object.keys(values)) {
    const value = values[field];
    const path = `/${pointerToken(field)}`;
    const codec = columns[field]?.codec;
    if (codec === 'json' || codec === 'simple-json') jsonNulIssues(value, path, issues);
    else if (codec === 'simple-array' && value !== null) simpleArrayIssues(value, path, issues);
    else if (codec === 'array' && Array.isArray(value)) arrayItemIssues(value, columns[field]?.items ?? 'text', rules[field], path, issues);
    else if (typeof value === 'number' && (codec === 'integer' || codec === 'real' || codec === 'decimal' || codec === 'number-text')) {
      // The validators' checks of the column again (an integer and its range, a finite number,
      // numeric(p, s)'s digits): with validateInputs off, an engine would round or refuse it (tester s16 T-7).
      const problem = Object.is(value, -0) && codec !== 'number-text' ? (['type', NOT_NEGATIVE_ZERO] as const) : valueProblem(value, codec, rules[field], true);
      if (problem) issues.push({ path, code: problem[0], expected: problem[1] });
    }
    else if (typeof value === 'bigint' && codec === 'bigint') {
      // int8's range, again: with validateInputs off, SQLite's driver would refuse it naming no column (tester4 F5a).
      const problem = valueProblem(value, codec, rules[field], true);
      if (problem) issues.push({ path, code: problem[0], expected: problem[1] });
    } else if (value !== null && (codec === 'integer-text' || codec === 'decimal-text')) {
      // The validators' pattern, again: with validateInputs off, SQLite would store the text as given.
      const problem = valueProblem(value, codec, rules[field], true);
      if (problem) issues.push({ path, code: problem[0], expected: problem[1] });
    } else if (codec === 'text' || codec === 'uuid' || codec === 'date' || codec === 'timestamp') {
      // The validators checked the type and form; what is left applies to a value of the right type only.
      if (codec === 'timestamp' ? value instanceof Date : typeof value === 'string') {
        const problem = valueProblem(value, codec, rules[field], true);
        if (problem) issues.push({ path, code: problem[0], expected: problem[1] });
      }
    }
  }
  return issues;
}

/**
 * The values of the filter `where` that the column they are compared with cannot hold alike on
 * every engine, with their paths in the filter (`/level/in/1`, `/or/0/id`) under `path`.
 * Unknown fields and operators and malformed filters are left to the builders, which refuse them.
 */
export function filterIssues(where: unknown, columns: Columns, rules: ValueRules, path = '', issues: StorageIssue[] = []): StorageIssue[] {
  if (!isPlainObject(where)) return issues;
  for (const key of Object.keys(where)) {
    const value = where[key];
    if (value === undefined) continue;
    const at = `${path}/${pointerToken(key)}`;
    if (key === 'and' || key === 'or') {
      if (Array.isArray(value)) value.forEach((item, index) => filterIssues(item, columns, rules, `${at}/${index}`, issues));
    } else if (key === 'not') filterIssues(value, columns, rules, at, issues);
    else if (hasOwn(columns, key)) fieldIssues(value, columns[key] as ColumnMeta, rules[key], at, issues);
  }
  return issues;
}

/**
 * The values of a primary key (as `keyWhere` gives it: `{ id }`, or each field of a composite
 * key) that no row can have alike on every engine, each at its field's path (`/id`).
 */
export function keyIssues(key: Loose, columns: Columns, rules: ValueRules): StorageIssue[] {
  const issues: StorageIssue[] = [];
  for (const field of Object.keys(key)) {
    const value = key[field];
    const column = hasOwn(columns, field) ? columns[field] : undefined;
    if (value === undefined || value === null || column === undefined) continue; // the builders refuse a missing key
    add(value, column, rules[field], `/${pointerToken(field)}`, true, issues);
  }
  return issues;
}

/**
 * Keyset pagination's `after`: the values of a previous row, compared with `>` and `<` (bounds).
 * Fields that are not columns, `null` and JSON columns are the builders' to judge.
 */
export function afterIssues(after: unknown, columns: Columns, rules: ValueRules, path: string): StorageIssue[] {
  const issues: StorageIssue[] = [];
  if (!isPlainObject(after)) return issues;
  for (const field of Object.keys(after)) {
    const value = after[field];
    const column = hasOwn(columns, field) ? columns[field] : undefined;
    if (value === undefined || value === null || column === undefined || isJsonLike(column.codec)) continue;
    add(value, column, rules[field], `${path}/${pointerToken(field)}`, false, issues);
  }
  return issues;
}

/**
 * Values compared for equality with one column, each at `path/<index>`: the target keys of
 * `link`/`unlink`, checked by the target key's codec (its table's rules are not at hand). `null`
 * is left to the builders.
 */
export function listIssues(values: readonly unknown[], column: ColumnMeta, path: string): StorageIssue[] {
  const issues: StorageIssue[] = [];
  values.forEach((value, index) => value !== null && value !== undefined && add(value, column, undefined, `${path}/${index}`, true, issues));
  return issues;
}

/** A field's condition: a value (equality), or an object of operators. `null` is `IS NULL`: no value. */
function fieldIssues(value: unknown, column: ColumnMeta, rule: ValueRule | undefined, path: string, issues: StorageIssue[]): void {
  if (value === null || isJsonLike(column.codec)) return;
  if (Array.isArray(value)) return; // refused by the builders ({ in: [...] } is meant)
  if (!isPlainObject(value)) return add(value, column, rule, path, true, issues);
  for (const op of Object.keys(value)) {
    const operand = value[op];
    if (operand === undefined || operand === null) continue;
    const at = `${path}/${pointerToken(op)}`;
    switch (op) {
      case 'eq':
      case 'ne':
        add(operand, column, rule, at, true, issues);
        break;
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
        add(operand, column, rule, at, false, issues);
        break;
      case 'in':
      case 'notIn':
        if (Array.isArray(operand)) operand.forEach((item: unknown, index) => item !== null && item !== undefined && add(item, column, rule, `${at}/${index}`, true, issues));
        break;
      case 'like':
      case 'ilike':
        // A pattern is no value of the column: only what no engine takes in text is checked.
        if (typeof operand === 'string') unstorableText(operand, at, issues);
        break;
    }
  }
}

function add(value: unknown, column: ColumnMeta, rule: ValueRule | undefined, path: string, stored: boolean, issues: StorageIssue[]): void {
  const problem = valueProblem(value, column.codec, rule, stored);
  if (problem) issues.push({ path, code: problem[0], expected: problem[1] });
}

/**
 * Why `value` cannot be compared with (or stored in) a column of `codec` alike on every engine,
 * or `undefined`. `stored`: the value must be one the column holds unchanged (a value compared
 * for equality, a key, an input), not only one it can be compared with (a bound).
 */
function valueProblem(value: unknown, codec: Codec, rule: ValueRule | undefined, stored: boolean): Problem | undefined {
  switch (codec) {
    case 'text':
    case 'uuid':
    case 'date':
      return typeof value === 'string' ? textProblem(value, codec, rule) : ['type', 'string'];
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return ['type', 'integer'];
      return rule?.range ? rangeProblem(value, rule.range[0], rule.range[1]) : undefined;
    case 'real':
    case 'decimal':
      if (typeof value !== 'number' || !Number.isFinite(value)) return ['type', 'number'];
      return stored && rule?.numeric ? numericProblem(value, rule.numeric[0], rule.numeric[1]) : undefined;
    case 'bigint':
      return typeof value !== 'bigint' ? ['type', 'bigint'] : rangeProblem(value, INT64[0], INT64[1]);
    case 'integer-text':
      if (typeof value !== 'string') return ['type', 'string'];
      if (!INTEGER_TEXT.test(value)) return ['pattern', 'an integer written as PostgreSQL gives it back (no sign +, leading zero or -0)'];
      return rangeProblem(BigInt(value), BigInt(rule?.integerText?.[0] ?? INT64[0]), BigInt(rule?.integerText?.[1] ?? INT64[1]));
    case 'decimal-text':
      return typeof value === 'string' ? decimalTextProblem(value, rule?.numeric) : ['type', 'string'];
    case 'boolean':
      return typeof value === 'boolean' ? undefined : ['type', 'boolean'];
    case 'number-text':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : ['type', 'number'];
    case 'timestamp':
      return value instanceof Date && !Number.isNaN(value.getTime()) ? dateProblem(value, stored ? rule?.fraction : undefined) : ['type', 'Date'];
    default:
      return undefined;
  }
}

function textProblem(value: string, codec: Codec, rule: ValueRule | undefined): Problem | undefined {
  if (value.includes(NUL)) return ['pattern', NO_NUL];
  if (LONE_SURROGATE.test(value)) return ['pattern', NO_LONE_SURROGATE];
  if ((codec === 'uuid' || rule?.uuid) && !UUID.test(value)) return ['format', 'uuid'];
  if (codec === 'date') {
    if (!isDay(value)) return ['format', 'date'];
    if (value.startsWith('0000')) return ['minimum', DAY_YEARS];
  }
  if (rule?.chars !== undefined) {
    const length = codePointLength(value);
    if (length < rule.chars) return ['minLength', `minLength ${rule.chars}`];
    if (length > rule.chars) return ['maxLength', `maxLength ${rule.chars}`];
  }
  if (rule?.time && !TIME_OF_DAY.test(value)) return ['pattern', `/${TIME_OF_DAY.source}/u`];
  return undefined;
}

/**
 * A decimal's text as the column gives it back, so that one number has one text on every engine
 * (SQLite compares the text): `numeric(p, s)` exactly `s` decimals (PostgreSQL pads `1.5` to
 * `1.50`) and fewer than `p − s` integer digits; `numeric` of any digits no trailing zero after
 * the point; no leading zero, `+`, exponent or `-0` in either. Bounds are checked the same way:
 * the order of the text is the numbers' only between such texts.
 */
function decimalTextProblem(value: string, numeric: readonly [number, number] | undefined): Problem | undefined {
  const match = DECIMAL_TEXT.exec(value);
  const [precision, scale] = numeric ?? [undefined, undefined];
  const form = scale === undefined ? 'a decimal without trailing zeros after the point' : `a decimal with exactly ${scale} decimal${scale === 1 ? '' : 's'}`;
  const expected = `${form}, written as PostgreSQL gives it back (no sign +, leading zero, exponent or -0)`;
  if (match === null) return ['pattern', expected];
  const [, sign, whole, fraction = ''] = match as unknown as [string, string, string, string | undefined];
  if (sign === '-' && /^0*$/.test(whole + fraction)) return ['pattern', expected];
  if (scale === undefined ? fraction.endsWith('0') : fraction.length !== scale) return ['pattern', expected];
  if (precision !== undefined && scale !== undefined && whole !== '0' && whole.length > precision - scale) {
    const limit = `1${'0'.repeat(Math.max(precision - scale, 0))}`;
    return sign === '-' ? ['exclusiveMinimum', `exclusiveMinimum -${limit}`] : ['exclusiveMaximum', `exclusiveMaximum ${limit}`];
  }
  return undefined;
}

function rangeProblem<T extends number | bigint>(value: T, minimum: T, maximum: T): Problem | undefined {
  if (value < minimum) return ['minimum', `minimum ${minimum}`];
  if (value > maximum) return ['maximum', `maximum ${maximum}`];
  return undefined;
}

/** `numeric(p, s)` holds `|x| < 10^(p−s)` with at most `s` decimals (of the decimal `String(value)` writes). */
function numericProblem(value: number, precision: number, scale: number): Problem | undefined {
  const limit = 10 ** (precision - scale);
  if (!(value < limit)) return ['exclusiveMaximum', `exclusiveMaximum ${limit}`];
  if (!(value > -limit)) return ['exclusiveMinimum', `exclusiveMinimum ${-limit}`];
  if (decimals(value) > scale) return ['multipleOf', `multipleOf ${scale === 0 ? '1' : `0.${'0'.repeat(scale - 1)}1`}`];
  return undefined;
}

/** Digits after the point of the decimal `String(value)` writes: 1.005 → 3, 1e-7 → 7, 1e21 → 0. */
function decimals(value: number): number {
  const match = /^-?\d+(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (match === null) return 0;
  return Math.max(0, (match[1] ?? '').length - Number(match[2] ?? 0));
}

function dateProblem(value: Date, fraction: number | undefined): Problem | undefined {
  const year = value.getUTCFullYear();
  if (year < 1) return ['minimum', DATE_YEARS];
  if (year > 9999) return ['maximum', DATE_YEARS];
  if (fraction !== undefined && value.getUTCMilliseconds() % 10 ** (3 - fraction) !== 0) {
    const unit = fraction === 0 ? 'whole seconds' : fraction === 1 ? 'tenths of a second' : 'hundredths of a second';
    return ['multipleOf', `a Date in ${unit}, as the column keeps (PostgreSQL would round it)`];
  }
  return undefined;
}

/** 2000-01-01T00:00:00Z in ms since 1970: PostgreSQL counts its timestamps from it, and rounds them symmetrically about it. */
const POSTGRES_EPOCH = 946_684_800_000;

/**
 * `date` as a `timestamptz(fraction)` column stores it, as PostgreSQL rounds (its
 * `AdjustTimestampForTypmod`): to the nearest multiple of 10^-fraction seconds, a half away from
 * 2000-01-01 00:00:00 UTC, its epoch (2024-01-01T00:00:00.5Z → …:01, 1999-12-31T23:59:59.5Z →
 * …:59). Not truncation. `fraction` undefined or 3 and more: the Date as it is (a Date holds ms).
 * The repository's own `@updatedAt` stamps go through it, so every engine stores the same value
 * and a row read back is a value the column keeps (`storageIssues` takes it).
 */
export function atPrecision(date: Date, fraction: number | undefined): Date {
  if (fraction === undefined || fraction >= 3) return date;
  const step = 10 ** (3 - fraction);
  const since = date.getTime() - POSTGRES_EPOCH;
  const rounded = since >= 0 ? Math.floor((since + step / 2) / step) * step : -Math.floor((step / 2 - since) / step) * step;
  return new Date(rounded + POSTGRES_EPOCH);
}

/** `YYYY-MM-DD`, a day that exists in the calendar (as the validators' `date` format). */
function isDay(text: string): boolean {
  const match = DAY.exec(text);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}

/** Length in code points, as the validators count `minLength`: a surrogate pair is one character. */
function codePointLength(text: string): number {
  let length = 0;
  for (let at = 0; at < text.length; at++) {
    const unit = text.charCodeAt(at);
    if (unit >= 0xd800 && unit <= 0xdbff && at + 1 < text.length) {
      const next = text.charCodeAt(at + 1);
      if (next >= 0xdc00 && next <= 0xdfff) at++;
    }
    length++;
  }
  return length;
}

/** A NUL character or a lone surrogate in `text`, as an issue at `path`: no engine stores either as written. */
function unstorableText(text: string, path: string, issues: StorageIssue[]): void {
  if (text.includes(NUL)) issues.push({ path, code: 'pattern', expected: NO_NUL });
  else if (LONE_SURROGATE.test(text)) issues.push({ path, code: 'pattern', expected: NO_LONE_SURROGATE });
}

const NOT_JSON_DATE = 'a JSON value: a Date would be stored as its ISO text and read back as a string';
const NOT_JSON_BIGINT = 'a JSON value: JSON has no bigint';
const NOT_JSON_NUMBER = 'a finite number: JSON writes NaN and ±Infinity as null';
/**
 * -0 is read back as 0 from every number column but PostgreSQL's float8 (SQLite keeps no -0, an
 * integer or numeric none, the drivers send it as '0') and from JSON (`JSON.stringify(-0)` is "0"):
 * refused as a value that would change, not stored as another.
 */
/**
 * The items of a PostgreSQL array column (`array`) that no engine stores as given: `null` (an
 * array of the row type has none; PostgreSQL would keep a NULL item the row cannot give back), -0,
 * and what the item's codec refuses in a stored value (a NUL character or lone surrogate in text,
 * a fraction in an integer item, a `bigint[]` item's text out of range, a `numeric(10,2)[]` item
 * without its two decimals: `rule` is the item column's).
 */
function arrayItemIssues(items: readonly unknown[], codec: Codec, rule: ValueRule | undefined, path: string, issues: StorageIssue[]): void {
  items.forEach((item, index) => {
    const at = `${path}/${index}`;
    const problem: Problem | undefined =
      item === null || item === undefined ? ['type', `an item of the list (${codec}), never null`] : Object.is(item, -0) ? ['type', NOT_NEGATIVE_ZERO] : valueProblem(item, codec, rule, true);
    if (problem) issues.push({ path: at, code: problem[0], expected: problem[1] });
  });
}

/** Why an item of a `simple-array` list cannot be stored: TypeORM joins the items with `,` and escapes nothing. */
const NOT_COMMA_ITEM = "a string without ',': a simple-array column holds the items joined by commas, so TypeORM and the repository would read this item back as several";
const NOT_LONE_EMPTY_ITEM = "a list other than ['']: a simple-array column holds it as '', which TypeORM and the repository read back as []";

/**
 * A value of a `simple-array` column that would not read back as written: not a list of strings,
 * an item with `,` (TypeORM does not escape it), the list `['']` (stored as '', the empty list's
 * text), or an item text cannot hold (NUL, a lone surrogate).
 */
function simpleArrayIssues(value: unknown, path: string, issues: StorageIssue[]): void {
  if (!Array.isArray(value)) return void issues.push({ path, code: 'type', expected: 'array' });
  if (value.length === 1 && value[0] === '') return void issues.push({ path, code: 'minLength', expected: NOT_LONE_EMPTY_ITEM });
  value.forEach((item: unknown, index) => {
    const at = `${path}/${index}`;
    if (typeof item !== 'string') return void issues.push({ path: at, code: 'type', expected: 'string' });
    if (item.includes(',')) return void issues.push({ path: at, code: 'pattern', expected: NOT_COMMA_ITEM });
    const problem = textProblem(item, 'text', undefined);
    if (problem) issues.push({ path: at, code: problem[0], expected: problem[1] });
  });
}

const NOT_NEGATIVE_ZERO = 'a number other than -0: it is stored and read back as 0';
const NOT_JSON_ITEM = 'a JSON value: an undefined array item would be read back as null';
const NOT_JSON_OBJECT = 'a plain object or array: JSON writes a Map or Set as {}, and another class instance as its toJSON() or own fields';
const NOT_JSON_CYCLE = 'a JSON value without cycles: JSON cannot refer to an enclosing value';

/** What JSON cannot hold as given, for a value that is neither a string, a plain object nor an array; `undefined` when JSON holds it. */
function notJson(value: unknown): string | undefined {
  switch (typeof value) {
    case 'bigint':
      return NOT_JSON_BIGINT;
    case 'number':
      if (Object.is(value, -0)) return NOT_NEGATIVE_ZERO;
      return Number.isFinite(value) ? undefined : NOT_JSON_NUMBER;
    case 'function':
    case 'symbol':
      return `a JSON value: JSON leaves a ${typeof value} out`;
    case 'object':
      if (value === null || Array.isArray(value)) return undefined;
      if (value instanceof Date) return NOT_JSON_DATE;
      return isJsonObject(value) ? undefined : NOT_JSON_OBJECT;
    default:
      return undefined;
  }
}

/** An object `JSON.stringify` writes as its own enumerable string-keyed fields: its prototype is Object.prototype or null. */
function isJsonObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * In a JSON value (as `JSON.stringify` will write it): every string value and key holding a NUL
 * or a lone surrogate, and every value JSON cannot hold as given (it would be stored as another
 * value, or not at all): a Date, a bigint, NaN or ±Infinity, a function or symbol, an undefined
 * array item (read back as null), a Map, Set or other class instance, a cycle. An object field
 * whose value is `undefined` is left out by JSON, which reads back as the absent field an
 * optional property means: it is accepted. Deeper than 200 levels nothing is checked.
 */
function jsonNulIssues(value: unknown, path: string, issues: StorageIssue[], depth = 0, ancestors: object[] = []): void {
  if (typeof value === 'string') {
    unstorableText(value, path, issues);
    return;
  }
  const problem = notJson(value);
  if (problem !== undefined) {
    issues.push({ path, code: 'type', expected: problem });
    return;
  }
  if (typeof value !== 'object' || value === null || depth > 200) return;
  if (ancestors.includes(value)) {
    issues.push({ path, code: 'type', expected: NOT_JSON_CYCLE });
    return;
  }
  ancestors.push(value);
  if (Array.isArray(value)) {
    // Holes included: JSON writes a hole as null, as an undefined item.
    for (let at = 0; at < value.length; at++) {
      const item: unknown = value[at];
      if (item === undefined) issues.push({ path: `${path}/${at}`, code: 'type', expected: NOT_JSON_ITEM });
      else jsonNulIssues(item, `${path}/${at}`, issues, depth + 1, ancestors);
    }
  } else {
    for (const key of Object.keys(value)) {
      const at = `${path}/${pointerToken(key)}`;
      unstorableText(key, at, issues);
      const field = (value as Loose)[key];
      if (field !== undefined) jsonNulIssues(field, at, issues, depth + 1, ancestors);
    }
  }
  ancestors.pop();
}

/** As the builders read a filter: an object that is no array and no Date. */
function isPlainObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** A JSON Pointer reference token: `~` as `~0`, `/` as `~1`. */
function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
