/**
 * What an entity column's SQL type says about its values that the property's TypeScript type
 * does not, as constraints on that type: TypeORM's `@Column({ type: 'int' }) quantity: number`
 * holds integers of 32 bits, `{ type: 'date' }` on a string holds `YYYY-MM-DD`, `{ length: 50 }`
 * at most 50 characters, `{ type: 'decimal', precision: 10, scale: 2 }` at most 2 decimals and 8
 * integer digits. The analyzer puts them on the entity's own property types, so every generator
 * reading the entity (validate's `isT`, mock, the OpenAPI component) agrees with what the
 * database and the crud input validators accept: a mock entity list can be inserted as it is.
 *
 * The rules are those of the crud input validators (src/generators/crud/input-types.ts, from
 * sql's column-type map): the ranges are PostgreSQL's (`smallint` 16 bits, `integer` 32,
 * `bigint` 64), `numeric(p, s)` rounds to `s` decimals and refuses `|x| ≥ 10^(p−s)`, `char(n)`
 * pads shorter strings. A `string` in an integer or `numeric` column (TypeORM's habit for bigint
 * and decimal columns) holds the canonical text of such a number (`numeric-text.ts`). A column
 * stored as JSON (an array type) adds nothing, nor does a `bigint` property's 64-bit range (the
 * crud inputs check it; as a schema it is a pattern of 2 KB).
 *
 * With no written column type, sql's column-type map decides the column from `@type`: `uint64` is
 * a signed `bigint` with `CHECK (c >= 0)` (PostgreSQL and SQLite have no unsigned 64-bit integer),
 * so it holds at most 2^63 − 1024 (the largest double below 2^63), not 2^64; `integer` is an
 * `integer` (int4), so it holds 32 bits. The other `@type` names need nothing: each one's own
 * range is what its column holds (`int64` below 2^63 is at most 2^63 − 1024 as a double; `int32`
 * in an `integer`, `uint32` in a `bigint` with its CHECK).
 */
import { decimalTextPattern, INTEGER_BITS, integerTextPattern, integerTextRange } from './numeric-text.js';
import type { EntityColumn, NumberConstraints, NumericType, RegexSource, StringConstraints, TypeNode } from './types.js';

/** The column facts read here. */
export type ColumnTypeFacts = Pick<EntityColumn, 'dbType' | 'length' | 'precision' | 'scale'> &
  Partial<Pick<EntityColumn, 'primaryKey' | 'generated'>> & {
    /** The `@type` that decides the column when the property's own has none: a foreign key's target key's. */
    numericType?: NumericType;
  };

const INT16 = { minimum: -32768, maximum: 32767 };
/** PostgreSQL's int4. */
export const INT32 = { minimum: -2147483648, maximum: 2147483647 };
/** PostgreSQL's int8, as far as a double says it: 2^63 − 1 is no double, and 2^63 overflows. */
export const INT64 = { minimum: -(2 ** 63), maximum: 2 ** 63 - 1024 };
/** The integer types a column type may name (MySQL's too), by the values each holds. */
export const INTEGER_RANGES: Readonly<Record<string, { minimum: number; maximum: number }>> = Object.fromEntries(
  Object.entries(INTEGER_BITS).map(([name, bits]) => [name, bits === 16 ? INT16 : bits === 32 ? INT32 : INT64]),
);
/** The fixed-width text types (PostgreSQL pads their values with spaces). */
export const FIXED_CHAR_NAMES = ['char', 'character', 'nchar', 'bpchar'];
const SIZED_TEXT_NAMES = ['varchar', 'character varying', 'nvarchar', ...FIXED_CHAR_NAMES];
const FLOAT_NAMES = ['double precision', 'double', 'float8', 'float4', 'real', 'float'];
const JSON_NAMES = ['json', 'jsonb'];
const LOOSE_NUMERIC_TYPES: ReadonlyArray<NumericType | undefined> = [undefined, 'float', 'double'];
/** PostgreSQL's `time` without a zone (sql's column-types.ts gives such a string column `timeOfDay`). */
const TIME_NAMES = ['time', 'time without time zone'];
/**
 * PostgreSQL's own text of a `time` (`HH:MM:SS`, up to 6 decimals, no trailing zero), or
 * `24:00:00`, the end of the day it also takes: what reads back as written (and sorts as text).
 * The entity's type, the crud inputs (crud/input-types.ts) and the runtime's filter check
 * (templates/crud/repository-values.ts) hold the same expression.
 */
export const TIME_OF_DAY: RegexSource = { source: '^(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{0,5}[1-9])?|24:00:00)$', flags: '' };

/** `type` with the constraints its column's SQL type adds (itself when there are none). */
export function withColumnConstraints(type: TypeNode, column: ColumnTypeFacts): TypeNode {
  const written = column.dbType === undefined ? undefined : parseColumnType(column.dbType);
  if (written && (written.array || JSON_NAMES.includes(written.name))) return type;
  const refine = (node: TypeNode): TypeNode => {
    if (node.kind === 'string') return withNumericText(withConstraints(node, stringConstraints(node.constraints ?? {}, column, written)), numericTextPattern(column, written));
    if (node.kind === 'number') return withConstraints(node, numberConstraints(node.constraints ?? {}, column, written));
    return node;
  };
  if (type.kind !== 'union') return refine(type);
  const members = type.members.map(refine);
  return members.every((member, i) => member === type.members[i]) ? type : { ...type, members };
}

/**
 * The pattern of the text a `string` in an integer or `numeric` column holds (`numeric-text.ts`),
 * or undefined for any other column: TypeORM's `@Column('bigint') id: string`.
 */
export function numericTextPattern(column: ColumnTypeFacts, written = column.dbType === undefined ? undefined : parseColumnType(column.dbType)): RegexSource | undefined {
  if (!written || written.array) return undefined;
  const range = integerTextRange(written.name);
  if (range) return { source: integerTextPattern(range[0], range[1]), flags: '' };
  if (written.name !== 'numeric' && written.name !== 'decimal') return undefined;
  return { source: decimalTextPattern(numericDigits(column, written)), flags: '' };
}

/**
 * `node` holding `pattern` too: as its own pattern when it has none, else as a second member of
 * an intersection (a value then matches both), so a `@pattern` of the user's keeps its meaning.
 */
export function withNumericText(node: Extract<TypeNode, { kind: 'string' }>, pattern: RegexSource | undefined): TypeNode {
  if (pattern === undefined) return node;
  const own = node.constraints?.pattern;
  if (own === undefined) return { ...node, constraints: { ...node.constraints, pattern } };
  if (own.source === pattern.source && own.flags === pattern.flags) return node;
  return { kind: 'intersection', members: [node, { kind: 'string', constraints: { pattern } }] };
}

interface WrittenType {
  name: string;
  /** The numbers in `(…)`: `varchar(40)` → [40], `numeric(10, 2)` → [10, 2]. */
  modifiers: number[];
  array: boolean;
}

/** `numeric(10, 2)` → numeric [10, 2]; `timestamp(3) with time zone`, `text[]`. */
function parseColumnType(written: string): WrittenType {
  const array = /\[\]\s*$/.test(written);
  const bare = written.replace(/(\s*\[\])+\s*$/, '');
  const modifiers = (/\(([^)]*)\)/.exec(bare)?.[1] ?? '').split(',').map((part) => part.trim()).filter((part) => /^-?\d+$/.test(part)).map(Number);
  const name = bare.replace(/\(.*?\)/g, ' ').trim().replace(/\s+/g, ' ').toLowerCase();
  return { name, modifiers, array };
}

function stringConstraints(own: StringConstraints, column: ColumnTypeFacts, written: WrittenType | undefined): StringConstraints {
  const constraints = { ...own };
  const sized = written && SIZED_TEXT_NAMES.includes(written.name) ? written.modifiers[0] : undefined;
  const limit = sized ?? column.length;
  if (limit !== undefined) constraints.maxLength = Math.min(constraints.maxLength ?? Infinity, limit);
  if (written && FIXED_CHAR_NAMES.includes(written.name)) {
    // PostgreSQL pads a shorter string with spaces: only `n` characters read back as written.
    const width = limit ?? 1;
    constraints.minLength = Math.max(constraints.minLength ?? 0, width);
    constraints.maxLength = Math.min(constraints.maxLength ?? Infinity, width);
  }
  if (written?.name === 'date') constraints.format ??= 'date';
  if (written?.name === 'uuid') constraints.format ??= 'uuid';
  // `12:00` reads back as `12:00:00`, and PostgreSQL refuses a text that is no time: the value is PostgreSQL's own text.
  if (written && TIME_NAMES.includes(written.name) && constraints.pattern === undefined) constraints.pattern = TIME_OF_DAY;
  return constraints;
}

function numberConstraints(own: NumberConstraints, column: ColumnTypeFacts, written: WrittenType | undefined): NumberConstraints {
  const constraints = { ...own };
  const decimal = column.precision !== undefined || column.scale !== undefined;
  // A foreign key holds what its key holds: the key's `@type` (int64, uint32…) becomes its own.
  if (!written && !decimal && constraints.numericType === undefined && column.numericType !== undefined) constraints.numericType = column.numericType;
  const numericType = constraints.numericType;
  if (!written && !decimal && numericType === 'uint64') {
    // No SQL engine here has an unsigned 64-bit integer: sql's column-type map stores `uint64` as a
    // signed `bigint` with CHECK (c >= 0), so the values end at int8's, not at 2^64.
    constraints.maximum = Math.min(constraints.maximum ?? Infinity, INT64.maximum);
    return constraints;
  }
  const range = written ? INTEGER_RANGES[written.name] : decimal ? undefined : unwrittenIntegerRange(numericType, column);
  if (range) {
    if (LOOSE_NUMERIC_TYPES.includes(constraints.numericType)) constraints.numericType = 'integer';
    constraints.minimum = Math.max(constraints.minimum ?? -Infinity, range.minimum);
    constraints.maximum = Math.min(constraints.maximum ?? Infinity, range.maximum);
    return constraints;
  }
  const digits = numericDigits(column, written);
  if (digits) {
    const limit = 10 ** (digits.precision - digits.scale);
    constraints.exclusiveMaximum = Math.min(constraints.exclusiveMaximum ?? Infinity, limit);
    constraints.exclusiveMinimum = Math.max(constraints.exclusiveMinimum ?? -Infinity, -limit);
    // PostgreSQL rounds to the scale and SQLite's REAL does not: a finer value is refused, not rounded.
    constraints.multipleOf ??= digits.scale > 0 ? `0.${'0'.repeat(digits.scale - 1)}1` : '1';
  }
  return constraints;
}

/**
 * The range of a `number` column without a written type whose `@type` says less than the column
 * holds: sql's column-type map makes `@type integer` an `integer` (int4), and so a key or an
 * increment column without a `@type` ("a numeric key is an integer, as in every ORM"). Other
 * `@type` names need none: their own range is what their column holds (`uint64` is handled by
 * the caller).
 */
function unwrittenIntegerRange(numericType: NumericType | undefined, column: ColumnTypeFacts): { minimum: number; maximum: number } | undefined {
  if (numericType === 'integer') return INT32;
  const integerKey = column.primaryKey === true || column.generated === 'increment';
  return numericType === undefined && integerKey ? INT32 : undefined;
}

/**
 * `numeric(p, s)`'s digits: from the written type's modifiers, else TypeORM's `precision`/`scale`
 * (on `numeric`/`decimal`, or with no type written, as sql's column-type map reads them);
 * undefined for a float type or a `numeric` of any digits.
 */
function numericDigits(column: ColumnTypeFacts, written: WrittenType | undefined): { precision: number; scale: number } | undefined {
  if (written && FLOAT_NAMES.includes(written.name)) return undefined;
  const numeric = written && (written.name === 'numeric' || written.name === 'decimal');
  if (written && !numeric) return undefined;
  const precision = (numeric ? written.modifiers[0] : undefined) ?? column.precision ?? (written ? undefined : column.scale !== undefined ? Math.max(18, column.scale) : undefined);
  if (precision === undefined) return undefined;
  const scale = (numeric && written.modifiers[0] !== undefined ? written.modifiers[1] : undefined) ?? column.scale ?? 0;
  return scale >= 0 && scale <= precision ? { precision, scale } : undefined;
}

function withConstraints<T extends Extract<TypeNode, { kind: 'string' | 'number' }>>(node: T, constraints: NonNullable<T['constraints']>): T {
  const before = node.constraints ?? {};
  const same = Object.keys(constraints).length === Object.keys(before).length && Object.entries(constraints).every(([key, value]) => (before as Record<string, unknown>)[key] === value);
  return same ? node : { ...node, constraints };
}
