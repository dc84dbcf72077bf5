/**
 * The column-type map: the one place that decides, for a column's TypeScript type and its
 * annotations, the SQL type per dialect, the runtime codec (how values travel, see
 * `sql-runtime.ts`) and the CHECK constraints that carry the type's constraints into the
 * database. The schema, the generated table metadata and docs/sql.md all follow this table.
 *
 * | TypeScript (after `null` is removed) | PostgreSQL | SQLite (STRICT) | codec |
 * | --- | --- | --- | --- |
 * | `string` | `text`, `varchar(n)` with `length`/`@maxLength n`, `varchar(2n)` with `@MaxLength(n)` | `TEXT` | text |
 * | `string` `@format uuid` | `uuid` | `TEXT` | uuid |
 * | `Date`, `string` `@format date-time` | `timestamptz` | `TEXT` (ISO 8601, UTC) | timestamp |
 * | `string` `@format date` | `date` | `TEXT` | date |
 * | `number` `@type integer`/`int32` (and a `number` key) | `integer` | `INTEGER` | integer |
 * | `number` `@type uint32`/`int64`/`uint64` | `bigint` | `INTEGER` | integer |
 * | `number` with a decimal `@multipleOf`, `precision`/`scale` | `numeric(p,s)` | `REAL` | decimal |
 * | other `number` | `double precision` | `REAL` | real |
 * | `bigint` | `bigint` | `INTEGER` | bigint |
 * | `string` in an integer column (`@Column('bigint') id: string`) | as written | `INTEGER` | integer-text |
 * | `string` in a `numeric`/`decimal` column | as written | `TEXT` (compared by an order key) | decimal-text |
 * | `boolean` | `boolean` | `INTEGER` + `CHECK (c IN (0, 1))` | boolean |
 * | string enum, string literal union | `text` + `CHECK (c IN (…))` | `TEXT` + the same | text |
 * | numeric enum, integer literal union | `integer` + `CHECK` | `INTEGER` + `CHECK` | integer |
 * | `StartsA & EndsZ` (members of one primitive) | that primitive's, bounds met | the same | the same |
 * | arrays, tuples, objects, records, other unions, `unknown` | `jsonb` | `TEXT` + `CHECK (json_valid(c))` | json |
 * | TypeORM `array: true` on a list of scalars | the item's type `[]` | `TEXT` + `CHECK (json_valid(c))` | array |
 * | TypeORM `simple-enum` of numbers | `text` + `CHECK (c IN ('1', '2'))` | `TEXT` + the same | number-text |
 * | TypeORM `type: 'enum'`, `array: true` on a list of enum members | `text[]`, `integer[]` (TypeORM's: an enum type `[]`) | `TEXT` + `CHECK (json_valid(c))` | array |
 */
import { FIXED_CHAR_NAMES, INT32 as INT32_RANGE, INT64 as INT64_RANGE, INTEGER_RANGES } from '../../model/column-constraints.js';
import { integerTextRange } from '../../model/numeric-text.js';
import { typeAdmitsNull } from '../../model/nullability.js';
import { codePointBounds } from '../../model/is-length.js';
import type { EntityColumn, NumberConstraints, TypeNode } from '../../model/types.js';
import type { DeclarationIndex } from '../kit/declaration-index.js';
import { holdsUndefined, withoutNullish } from '../kit/unions.js';
import { someType } from '../kit/walk.js';
import { behaviourProblem } from './json-behaviour.js';
import { postgresArrayType, simpleEnumType } from './typeorm-forms.js';
import { parseDbType, postgresTypeOf, ZONED_TIMESTAMPS, ZONELESS_TIMESTAMPS, type DbTypeNote } from './db-types.js';
import type { Dialect } from './options.js';

/** How a column's values travel between JavaScript and the database (mirrors `sql-runtime.ts`). */
export type Codec =
  | 'text' | 'uuid' | 'integer' | 'real' | 'decimal' | 'bigint' | 'integer-text' | 'decimal-text' | 'boolean' | 'timestamp' | 'date' | 'json'
  | 'simple-array' | 'simple-json' | 'array' | 'number-text';

/** The column types a SQLite STRICT table accepts. */
export type SqliteType = 'INTEGER' | 'REAL' | 'TEXT' | 'BLOB' | 'ANY';
const SQLITE_STRICT_TYPES: readonly string[] = ['INT', 'INTEGER', 'REAL', 'TEXT', 'BLOB', 'ANY'];

/** One CHECK condition on a column, as data; `schema/checks.ts` writes it per dialect. */
export type ColumnCheck = (
  | { kind: 'in'; values: Array<string | number | boolean> }
  | { kind: 'compare'; operator: '>=' | '<=' | '>' | '<'; value: string }
  | { kind: 'length'; operator: '>=' | '<='; value: number }
  | { kind: 'boolean' }
  | { kind: 'json' }
  /** The runtime's own text of the column's codec only (`schema/canonical-text.ts`): `'2024-01-01T08:00:00.000Z'`, `'2024-01-01'`. */
  | { kind: 'canonical-text'; codec: 'timestamp' | 'date' }
) & {
  /** Only on this dialect (where the column type does not already enforce it). */
  dialect?: Dialect;
};

export interface ColumnType {
  codec: Codec;
  /** `array`: the codec of its items (`text`, `integer`…), a PostgreSQL array of them (typeorm-forms.ts). */
  items?: Codec;
  /**
   * `json` of a list written as a PostgreSQL array (`@Column('text', { array: true }) notes: (string | null)[]`,
   * CG2309): TypeORM's table holds a real array there, which node-postgres gives as its text, so the
   * runtime refuses on PostgreSQL any value that is no list rather than return a string.
   */
  list?: true;
  postgres: string;
  sqlite: SqliteType;
  checks: ColumnCheck[];
  /** The row field's TypeScript type when the codec decides it (`Date` for a date-time string). */
  rowType?: string;
  /** Why the column cannot be stored, when it cannot. */
  problem?: string;
  /** What to write instead, with `problem`. */
  problemHint?: string;
  /** The type accepts `null` however spelled (`unknown`, an alias with `null`): the column is nullable whatever the property says. */
  admitsNull?: boolean;
  /** What was changed in, or is refused about, a written `@dbType` (see `db-types.ts`). */
  notes?: DbTypeNote[];
  /**
   * The range a written integer type (`int`, `smallint`, `bigint`…) holds, beyond what the
   * TypeScript type says: the crud input validators check it, so no engine refuses the value.
   */
  integerRange?: { minimum: number; maximum: number };
  /** integer-text: the exact range of the column's integer type, as decimal text (`bigint`: ±2^63). */
  integerText?: readonly [minimum: string, maximum: string];
  /** `numeric(p, s)`: the digits a decimal column holds, for the same checks. */
  numeric?: { precision: number; scale: number };
  /** `char(n)`: PostgreSQL pads a shorter string with spaces, so only strings of `n` characters read back as written. */
  fixedLength?: number;
  /** `time`: PostgreSQL reads `12:00` back as `12:00:00`, so only its own form reads back as written. */
  timeOfDay?: true;
  /** TypeORM's enum column, a PostgreSQL enum type in its table (`ColumnFacts.postgresEnum`): compared as its text there. */
  postgresEnum?: true;
  /**
   * `timestamptz(p)` with `p` below 3: the decimals of a second the column keeps. PostgreSQL
   * rounds a Date's milliseconds to them and SQLite keeps them, so crud refuses finer Dates.
   */
  fraction?: number;
  /**
   * A timestamp of TypeORM's `datetime` text form (`textForm`): on SQLite written, and compared,
   * as TypeORM's drivers write it (`'2024-07-07 10:00:00.000'`), so text order is time order
   * across rows TypeORM and the repositories wrote.
   */
  datetimeText?: true;
}

/** PostgreSQL's `numeric` precision when only a scale is known (a `@multipleOf 0.01`). */
export const DEFAULT_NUMERIC_PRECISION = 18;
/** PostgreSQL's longest `varchar(n)`; longer limits are a `text` column with a CHECK. */
const MAX_VARCHAR = 10_485_760;
const INT32 = { min: '-2147483648', max: '2147483647' };
const UINT32_MAX = '4294967295';

/** The SQL type of a column in both dialects, its codec and its CHECKs. */
export function columnType(original: EntityColumn, declarations: DeclarationIndex): ColumnType {
  const type = storedType(original, declarations);
  const stored = original.postgresEnum && !type.problem && type.codec !== 'array' && type.codec !== 'json' ? { ...type, postgresEnum: true as const } : type;
  return original.textForm === 'datetime' && stored.codec === 'timestamp' ? { ...stored, datetimeText: true } : stored;
}

function storedType(original: EntityColumn, declarations: DeclarationIndex): ColumnType {
  const column = withWrittenLength(original);
  const resolved = resolve(column.type, declarations);
  if (column.textForm === 'simple-array' || column.textForm === 'simple-json') return textFormType(column.textForm, resolved, column.type, declarations);
  let base = typeFor(uuidWhenGenerated(resolved, column), column);
  if (column.textForm === 'simple-enum') base = simpleEnumType(base);
  if (base.codec === 'json' && !base.problem) base = { ...base, ...jsonProblem(column.type, declarations) };
  if (typeAdmitsNull(column.type, (id) => declarations.find(id)?.type)) base = { ...base, admitsNull: true };
  if (column.textForm === 'enum-array' && base.codec === 'json' && !base.problem) {
    // TypeORM's enum array is a PostgreSQL array of its enum type: bound as the array text of the
    // members (PostgreSQL reads it as the column's type), read back from that text.
    const { textForm: _form, ...plain } = column;
    const arrayType = arrayColumn(plain, resolved, '', declarations);
    if (arrayType) return base.admitsNull ? { ...arrayType, admitsNull: true } : arrayType;
  }
  if (!column.dbType) return column.precision !== undefined && base.codec === 'timestamp' ? withTimestampPrecision(base, column.precision) : base;
  const written = column.dbType.trim();
  const notes: DbTypeNote[] = [];
  if (base.codec === 'text' && isTimestampName(written)) {
    // PostgreSQL drivers hand timestamps over as Dates: a `string` field would get one.
    base = { ...base, codec: 'timestamp', rowType: 'Date', checks: [] };
    notes.push(stringTimestampNote(written));
  }
  const { name, array } = parseDbType(written);
  if (array && base.codec === 'json' && !base.problem) {
    const arrayType = arrayColumn(column, resolved, written, declarations);
    if (arrayType) return base.admitsNull ? { ...arrayType, admitsNull: true } : arrayType;
    if (resolved.kind === 'array') base = { ...base, list: true };
  }
  // A scalar in a JSON column (`string` with TypeORM's `type: 'jsonb'`) is a JSON value, written
  // and read as JSON text: the string "hello" is stored as "hello" (its default too), which
  // jsonb takes, where its text would be refused by PostgreSQL only. What JSON cannot give back
  // (a Date, a bigint) is refused as in any JSON column.
  if (base.codec !== 'json' && !base.problem && !array && JSON_NAMES.includes(name)) {
    const { admitsNull } = base;
    base = { ...json(), ...(admitsNull ? { admitsNull } : {}) };
    const problem = jsonProblem(column.type, declarations);
    if (problem.problem) base = { ...base, ...problem };
  }
  // A `string` in a `date` column is its `YYYY-MM-DD` text on every engine (PGlite gives a Date).
  if (base.codec === 'text' && !array && name === 'date') base = { ...base, codec: 'date', checks: [] };
  // A `string` in a `uuid` column (TypeORM's `type: 'uuid'`) is a uuid on every engine: stored and
  // compared in lower case on SQLite, as PostgreSQL's uuid type gives it back, like `@format uuid`.
  if (base.codec === 'text' && !array && name === 'uuid') base = { ...base, codec: 'uuid' };
  // A `string` in an integer or numeric column (TypeORM's `@Column('bigint') id: string`, its
  // drivers giving the digits as text) keeps its exact text on every engine: an integer in
  // SQLite's INTEGER (64 bits, compared as numbers), a decimal as TEXT, compared and sorted by the
  // runtime's order key there (sql-codecs.ts). Only a literal union's IN check is kept.
  const textRange = base.codec === 'text' && !array ? integerTextRange(name) : undefined;
  if (textRange) base = { ...base, codec: 'integer-text', sqlite: 'INTEGER', checks: base.checks.filter((check) => check.kind === 'in'), integerText: textRange };
  if (base.codec === 'text' && !array && (name === 'numeric' || name === 'decimal')) {
    base = { ...base, codec: 'decimal-text', sqlite: 'TEXT', checks: base.checks.filter((check) => check.kind === 'in') };
  }
  // A `number` in an integer column is read and checked as an integer (TypeORM's `type: 'int'`).
  const range = INTEGER_RANGES[name];
  if (base.codec === 'real' && !array && range) base = { ...base, codec: 'integer', sqlite: 'INTEGER', integerRange: range };
  if (base.codec === 'real' && !array && (name === 'numeric' || name === 'decimal')) base = { ...base, codec: 'decimal' };
  if (base.codec === 'text' && !array && FIXED_CHAR_NAMES.includes(name)) {
    const width = Number(/\(\s*(\d+)\s*\)/.exec(written)?.[1] ?? column.length ?? 1);
    base = { ...base, fixedLength: width };
  }
  if (base.codec === 'text' && !array && (name === 'time' || name === 'time without time zone')) base = { ...base, timeOfDay: true };
  // A precision beside a floating-point type (`double precision` with `precision: 10`) does not make it numeric.
  if (base.codec === 'decimal' && !array && FLOAT_NAMES.includes(name)) base = { ...base, codec: 'real' };
  const strict = written.toUpperCase();
  // A @dbType is written for PostgreSQL as often as not (`varchar`, `jsonb`): SQLite keeps the
  // type's own STRICT type unless the annotation names one of STRICT's.
  const sqlite = SQLITE_STRICT_TYPES.includes(strict) ? ((strict === 'INT' ? 'INTEGER' : strict) as SqliteType) : base.sqlite;
  const postgres = postgresTypeOf(withModifiers(written, column), base.codec);
  if (postgres.note) notes.push(postgres.note);
  const { numeric: _fromType, ...rest } = base;
  const numeric = base.codec === 'decimal' || base.codec === 'decimal-text' ? numericOf(postgres.postgres) : undefined;
  const fraction = base.codec === 'timestamp' ? fractionOf(postgres.postgres) : undefined;
  return {
    ...rest,
    postgres: postgres.postgres,
    sqlite,
    ...(numeric ? { numeric } : {}),
    ...(fraction !== undefined ? { fraction } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/**
 * TypeORM's `array: true` (`@dbType text[]`) on a list of scalars: a PostgreSQL array of the item's
 * column (typeorm-forms.ts), undefined for items the runtime reads back from no array (then JSON).
 */
function arrayColumn(column: EntityColumn, resolved: Resolved, written: string, declarations: DeclarationIndex): ColumnType | undefined {
  if (resolved.kind !== 'array' || typeAdmitsNull(resolved.items, (id) => declarations.find(id)?.type)) return undefined;
  return postgresArrayType(columnType(arrayItemColumn({ ...column, dbType: written }, resolved.items), declarations), false);
}

/**
 * The column one item of an array column would be (`tags: string[]` with `@dbType varchar[]` and
 * `length: 20` → `items: string` in `varchar(20)`): for its codec, and for crud's input checks of
 * each item (input-types.ts).
 */
export function arrayItemColumn(column: EntityColumn, items: TypeNode): EntityColumn {
  const { default: _default, ...rest } = column;
  return { ...rest, type: items, dbType: (column.dbType ?? '').replace(/(\s*\[\])+\s*$/, ''), nullable: false, optional: false };
}

/** Character types whose `(n)` is a length (`varchar(5)`, `character varying(5)`, `char(3)`, `nvarchar(5)`). */
const LENGTH_TYPE = /^\s*(?:varchar|character varying|nvarchar|char|character|nchar|bpchar)\s*\(\s*(\d+)\s*\)\s*$/i;

/**
 * The column with the length written inside its type (`@Column('varchar(5)')`, `@dbType varchar(5)`)
 * as TypeORM's `length: 5` would give it, so the validators and SQLite's CHECK hold it on every
 * engine, not PostgreSQL's type alone. The written length wins over a `length` option beside it,
 * as it does in PostgreSQL's schema (`withModifiers` keeps a type that has one).
 */
export function withWrittenLength(column: EntityColumn): EntityColumn {
  const match = column.dbType === undefined ? null : LENGTH_TYPE.exec(column.dbType);
  return match ? { ...column, length: Number(match[1]) } : column;
}

/**
 * TypeORM's `@CreateDateColumn({ precision: 0 })` without a type: the timestamp keeps that many
 * decimals of a second (TypeORM's own column is `timestamp(0)`), here `timestamptz(0)`.
 */
function withTimestampPrecision(base: ColumnType, precision: number): ColumnType {
  const postgres = `timestamptz(${precision})`;
  const fraction = fractionOf(postgres);
  return { ...base, postgres, ...(fraction !== undefined ? { fraction } : {}) };
}

/** `timestamptz(0)` → 0: the decimals of a second a timestamp type keeps, when fewer than a Date's 3. */
function fractionOf(postgres: string): number | undefined {
  const digits = timestampDigits(postgres);
  return digits < 3 ? digits : undefined;
}

/**
 * The decimals of a second a PostgreSQL timestamp type keeps: `timestamptz(0)` → 0,
 * `timestamp(3) with time zone` → 3, `timestamptz` → 6 (PostgreSQL's default, microseconds).
 */
export function timestampDigits(postgres: string): number {
  const match = /^\s*timestamp(?:tz)?\s*\(\s*(\d+)\s*\)/i.exec(postgres);
  return match ? Math.min(Number(match[1]), 6) : 6;
}

/**
 * TypeORM's text forms, in the text column TypeORM makes for them on every engine: `simple-json`
 * is the value's JSON text (JSON's rules, as a JSON column), `simple-array` its items joined by
 * `,` (TypeORM reads the text back split at each `,`, so only a list of strings comes back as
 * written: the runtime refuses items holding a `,`).
 */
function textFormType(form: 'simple-array' | 'simple-json', resolved: Resolved, type: TypeNode, declarations: DeclarationIndex): ColumnType {
  const admitsNull = typeAdmitsNull(type, (id) => declarations.find(id)?.type) ? { admitsNull: true } : {};
  if (form === 'simple-json') return { codec: 'simple-json', postgres: 'text', sqlite: 'TEXT', checks: [{ kind: 'json', dialect: 'sqlite' }], ...jsonProblem(type, declarations), ...admitsNull };
  const items = resolved.kind === 'array' ? resolve(resolved.items, declarations) : undefined;
  const strings = items !== undefined && (items.kind === 'string' || (items.kind === 'literals' && items.values.every((value) => typeof value === 'string')));
  return {
    codec: 'simple-array',
    postgres: 'text',
    sqlite: 'TEXT',
    checks: [],
    ...admitsNull,
    ...(strings
      ? {}
      : {
          problem: "it is a simple-array, which TypeORM stores as its items' text joined by commas and reads back as strings, but its type is no list of strings",
          problemHint: "Type it string[] (or a list of string literals), or store it with type: 'simple-json' or 'json'.",
        }),
  };
}

/** The JSON types a `@dbType` may name (TypeORM's `type: 'json'` and `'jsonb'`). */
const JSON_NAMES = ['json', 'jsonb'];
const FLOAT_NAMES = ['double precision', 'double', 'float8', 'float4', 'real', 'float'];

/** `numeric(10,2)` → precision 10, scale 2; `numeric(10)` → scale 0; `numeric` → undefined (any digits). */
function numericOf(postgres: string): ColumnType['numeric'] {
  const match = /^\s*(?:numeric|decimal)\s*\(\s*(\d+)\s*(?:,\s*(-?\d+)\s*)?\)\s*$/i.exec(postgres);
  return match ? { precision: Number(match[1]), scale: Number(match[2] ?? 0) } : undefined;
}

function isTimestampName(written: string): boolean {
  const { name, array } = parseDbType(written);
  return !array && (ZONELESS_TIMESTAMPS.includes(name) || ZONED_TIMESTAMPS.includes(name));
}

/** A `string` property declared as a timestamp column is read and written as a Date, as `@format date-time` is. */
function stringTimestampNote(written: string): DbTypeNote {
  return {
    code: 'CG2309',
    message: `@dbType "${written}" on a string property: PostgreSQL drivers return timestamps as Dates, so the row field is a Date (as for \`string\` \`@format date-time\`).`,
    hint: 'Type the property `Date` to say so; to keep a string, drop the timestamp type (the column is then `text`).',
  };
}

/** PostgreSQL types that take a precision modifier (TypeORM drops `precision` for the others, as `double precision`). */
const PRECISION_TYPES = [
  'numeric', 'decimal', 'float', 'time', 'timetz', 'time without time zone', 'time with time zone',
  'timestamp', 'timestamptz', 'timestamp without time zone', 'timestamp with time zone', 'interval',
];

/**
 * TypeORM's `{ type: 'numeric', precision: 10, scale: 2 }` and `{ type: 'varchar', length: 50 }`:
 * the modifiers join the type, before an array's `[]` (`varchar(3)[]`, never `varchar[](3)`),
 * and only where PostgreSQL takes one (`double precision(10)` is a syntax error).
 */
function withModifiers(dbType: string, column: EntityColumn): string {
  if (dbType.includes('(')) return dbType;
  const bare = dbType.replace(/(\s*\[\])+\s*$/, '');
  const suffix = dbType.slice(bare.length);
  const { name } = parseDbType(bare);
  if (column.precision !== undefined && PRECISION_TYPES.includes(name)) {
    // `timestamp(6) with time zone`: PostgreSQL takes the modifier after the first word only.
    const zoned = /^\s*(timestamp|time)(\s+with(?:out)?\s+time\s+zone\s*)$/i.exec(bare);
    if (zoned) return `${zoned[1]}(${column.precision})${zoned[2]!.trimEnd()}${suffix}`;
    return `${bare}(${column.scale !== undefined && (name === 'numeric' || name === 'decimal') ? `${column.precision},${column.scale}` : column.precision})${suffix}`;
  }
  if (column.length !== undefined && /char/i.test(bare)) return `${bare}(${column.length})${suffix}`;
  return dbType;
}

/** A string key the database fills with random UUIDs is a `uuid` column, `@format uuid` or not. */
function uuidWhenGenerated(node: Resolved, column: EntityColumn): Resolved {
  if (column.generated !== 'uuid' || node.kind !== 'string' || node.constraints?.format !== undefined) return node;
  return { ...node, constraints: { ...node.constraints, format: 'uuid' } };
}

/** Whether a column of this type can hold an identity (`@generated increment`). */
export function isIntegerType(type: ColumnType): boolean {
  return type.codec === 'integer' || type.codec === 'bigint' || type.codec === 'integer-text';
}

/** The type without `null`, aliases followed, enums and literal unions flattened to literals. */
type Resolved = TypeNode | { kind: 'literals'; values: Array<string | number | boolean> };

function resolve(node: TypeNode, declarations: DeclarationIndex, depth = 0): Resolved {
  const bare = withoutNullish(node);
  if (depth > 32) return bare;
  const folded = bare.kind === 'intersection' ? foldPrimitives(bare.members) : undefined;
  if (folded) return folded;
  if (bare.kind === 'ref') {
    const declaration = declarations.find(bare.id);
    return declaration ? resolve(declaration.type, declarations, depth + 1) : { kind: 'unknown' };
  }
  const values = literalValues(bare, declarations, depth);
  return values ? { kind: 'literals', values } : bare;
}

/**
 * `StartsA & EndsZ`, or a property's own `@multipleOf 0.05` beside its alias's `0.01` (the model
 * keeps the two apart): members of one primitive kind are one column of that kind, its bounds the
 * tightest and its scale the finest (every value meets each member; a pattern is no CHECK).
 * Undefined for any other intersection.
 */
function foldPrimitives(members: readonly TypeNode[]): TypeNode | undefined {
  const kind = members[0]?.kind;
  if ((kind !== 'string' && kind !== 'number' && kind !== 'bigint') || !members.every((member) => member.kind === kind)) return undefined;
  const constraints: Record<string, unknown> = {};
  for (const member of members) {
    for (const [key, value] of Object.entries((member as { constraints?: object }).constraints ?? {})) {
      constraints[key] = key in constraints ? tighter(key, constraints[key], value) : value;
    }
  }
  return { kind, constraints } as TypeNode;
}

/** Of two values of one constraint, the one a column keeps: the tighter bound, the finer step, else the first. */
function tighter(key: string, a: unknown, b: unknown): unknown {
  const lower = key.startsWith('min') || key === 'exclusiveMinimum';
  const upper = key.startsWith('max') || key === 'exclusiveMaximum';
  if (typeof a === 'number' && typeof b === 'number') return lower ? Math.max(a, b) : upper ? Math.min(a, b) : a;
  // bigint bounds are decimal strings.
  if (typeof a === 'string' && typeof b === 'string' && (lower || upper) && /^-?\d+$/.test(a) && /^-?\d+$/.test(b)) {
    return (BigInt(a) < BigInt(b)) === lower ? b : a;
  }
  if (key === 'multipleOf' && typeof a === 'string' && typeof b === 'string') return fractionDigits(b) > fractionDigits(a) ? b : a;
  return a;
}

/** The values of a literal, an enum or a union of those; undefined for anything else. */
function literalValues(node: TypeNode, declarations: DeclarationIndex, depth: number): Array<string | number | boolean> | undefined {
  switch (node.kind) {
    case 'literal':
      return [node.value];
    case 'enum':
      return node.members.map((member) => member.value);
    case 'ref': {
      const declaration = declarations.find(node.id);
      return declaration && depth < 32 ? literalValues(withoutNullish(declaration.type), declarations, depth + 1) : undefined;
    }
    case 'union': {
      const parts = node.members.map((member) => literalValues(member, declarations, depth));
      return parts.every((part) => part !== undefined) ? [...new Set(parts.flat())] : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * A JSON column gives back what `JSON.parse` reads: a Date inside it would come back as a string,
 * a Map or Set as `{}`, a class instance as a plain object, and a bigint cannot be written at all.
 * The row type would not hold, so such a type is refused (CG2301) rather than stored.
 */
function jsonProblem(type: TypeNode, declarations: DeclarationIndex): Pick<ColumnType, 'problem' | 'problemHint'> {
  let found: string | undefined;
  let hint: string | undefined;
  someType(
    type,
    (node) => {
      const behaviour = behaviourProblem(node, declarations);
      if (behaviour) ({ text: found, hint } = behaviour);
      else {
        found = notJson(node);
        if (found === undefined && (found = undefinedItems(node, declarations)) !== undefined) {
          hint = 'Type the items `T | null` (JSON keeps null) and write null where an item has no value.';
        }
      }
      return found !== undefined;
    },
    { index: declarations },
  );
  if (found === undefined) return {};
  return {
    problem: `its type is stored as JSON (jsonb; JSON text on SQLite) but holds ${found}`,
    problemHint:
      hint ??
      'Give the value a column of its own (a Date or bigint property, or an entity of its own for a list of them), or type it as the JSON it is: an ISO string (`string` with `@format date-time`) for a Date, a decimal string for a bigint, an array for a Set, a record or an array of entries for a Map.',
  };
}

/**
 * An array or tuple whose items may be `undefined` (`(string | undefined)[]`): JSON text writes such
 * an item as `null`, which the type does not allow, so `['a', undefined]` would read back as
 * `['a', null]`. (An optional key is fine: JSON leaves it out, and a missing key reads as undefined.)
 */
function undefinedItems(node: TypeNode, declarations: DeclarationIndex): string | undefined {
  if (node.kind === 'array' && holdsUndefined(node.items, declarations)) return 'an array whose items may be undefined, which JSON text writes as null';
  if (node.kind === 'tuple' && [...node.elements, ...(node.trailing ?? [])].map((element) => element.type).concat(node.rest ? [node.rest] : []).some((item) => holdsUndefined(item, declarations))) {
    return 'a tuple element that may be undefined, which JSON text writes as null';
  }
  return undefined;
}

/** What in a JSON column's type does not survive JSON text, described; undefined for what does. */
function notJson(node: TypeNode): string | undefined {
  if (node.kind === 'date') return 'a Date, which JSON text gives back as a string';
  if (node.kind === 'bigint') return 'a bigint, which JSON.stringify cannot write';
  if (node.kind !== 'unknown' || !node.unsupported) return undefined;
  switch (node.unsupported.form) {
    case 'map':
    case 'set':
      return `a ${node.unsupported.form === 'map' ? 'Map' : 'Set'} (${node.unsupported.text}), which JSON text writes as {}: its entries would be lost`;
    case 'instance':
      return `a ${node.unsupported.global} (${node.unsupported.text}), which JSON text does not give back as one`;
    case 'function':
      return `a function (${node.unsupported.text}), which JSON text leaves out`;
    default:
      return undefined;
  }
}

const json = (): ColumnType => ({ codec: 'json', postgres: 'jsonb', sqlite: 'TEXT', checks: [{ kind: 'json', dialect: 'sqlite' }] });

function typeFor(node: Resolved, column: EntityColumn): ColumnType {
  switch (node.kind) {
    case 'string':
      return stringType(node.constraints ?? {}, column);
    case 'number':
      return numberType(node.constraints ?? {}, column);
    case 'bigint':
      return {
        codec: 'bigint',
        postgres: 'bigint',
        sqlite: 'INTEGER',
        checks: [
          ...(node.constraints?.minimum !== undefined ? [compare('>=', node.constraints.minimum)] : []),
          ...(node.constraints?.maximum !== undefined ? [compare('<=', node.constraints.maximum)] : []),
        ],
      };
    case 'boolean':
      return { codec: 'boolean', postgres: 'boolean', sqlite: 'INTEGER', checks: [{ kind: 'boolean', dialect: 'sqlite' }] };
    case 'date':
      return { codec: 'timestamp', postgres: 'timestamptz', sqlite: 'TEXT', checks: [] };
    case 'literals':
      return literalsType(node.values);
    case 'null':
    case 'undefined':
      return { ...json(), problem: `its type is only ${node.kind}, which no column can hold` };
    case 'unknown':
      return { ...json(), admitsNull: true };
    default:
      // Arrays, tuples, objects, records, intersections, unions of several kinds, unknown.
      return json();
  }
}

function stringType(constraints: NonNullable<Extract<TypeNode, { kind: 'string' }>['constraints']>, column: EntityColumn): ColumnType {
  // Columns count code points; `@MaxLength(n)` allows up to 2n of them (validator.js counts a
  // character and its variation selector as one: model/is-length.ts), so that sizes the column.
  const bounds = codePointBounds(constraints);
  const minLength = bounds.minLength !== undefined && bounds.minLength > 0 ? [length('>=', bounds.minLength)] : [];
  switch (constraints.format) {
    case 'uuid':
    case 'web-uuid': // `@IsUUID()`: every value is one PostgreSQL's uuid type holds
      return { codec: 'uuid', postgres: 'uuid', sqlite: 'TEXT', checks: [] };
    case 'date-time':
      return { codec: 'timestamp', postgres: 'timestamptz', sqlite: 'TEXT', checks: [], rowType: 'Date' };
    case 'date':
      return { codec: 'date', postgres: 'date', sqlite: 'TEXT', checks: [] };
    default: {
      const limit = column.length ?? bounds.maxLength;
      if (limit === undefined) return { codec: 'text', postgres: 'text', sqlite: 'TEXT', checks: minLength };
      const varchar = limit >= 1 && limit <= MAX_VARCHAR;
      return {
        codec: 'text',
        postgres: varchar ? `varchar(${limit})` : 'text',
        sqlite: 'TEXT',
        checks: [...minLength, { ...length('<=', limit), ...(varchar ? { dialect: 'sqlite' as const } : {}) }],
      };
    }
  }
}

function numberType(constraints: NumberConstraints, column: EntityColumn): ColumnType {
  const bounds = numberBounds(constraints);
  const scale = constraints.multipleOf !== undefined ? fractionDigits(constraints.multipleOf) : 0;
  if (column.precision !== undefined || column.scale !== undefined || (scale > 0 && !isIntegerKind(constraints))) {
    const precision = column.precision ?? Math.max(DEFAULT_NUMERIC_PRECISION, column.scale ?? scale);
    const typeScale = column.scale ?? (scale > 0 ? scale : undefined);
    const postgres = typeScale === undefined ? `numeric(${precision})` : `numeric(${precision},${typeScale})`;
    return { codec: 'decimal', postgres, sqlite: 'REAL', checks: bounds, numeric: { precision, scale: typeScale ?? 0 } };
  }
  switch (constraints.numericType) {
    case 'int32':
      return integer('integer', [compare('>=', INT32.min, 'sqlite'), compare('<=', INT32.max, 'sqlite'), ...bounds]);
    case 'uint32':
      return integer('bigint', [compare('>=', '0'), compare('<=', UINT32_MAX), ...bounds]);
    case 'int64':
      return integer('bigint', bounds);
    case 'uint64':
      return integer('bigint', [compare('>=', '0'), ...bounds]);
    case 'integer':
      return integer('integer', bounds);
    default:
      // A numeric key (or one the database numbers) is an integer, as in every ORM.
      if (column.primaryKey || column.generated === 'increment') return integer('integer', bounds);
      return { codec: 'real', postgres: 'double precision', sqlite: 'REAL', checks: bounds };
  }
}

function isIntegerKind(constraints: NumberConstraints): boolean {
  return constraints.numericType !== undefined && constraints.numericType !== 'float' && constraints.numericType !== 'double';
}

const integer = (postgres: 'integer' | 'bigint', checks: ColumnCheck[]): ColumnType => ({
  codec: 'integer',
  postgres,
  sqlite: 'INTEGER',
  checks,
  integerRange: postgres === 'integer' ? INT32_RANGE : INT64_RANGE,
});

function numberBounds(constraints: NumberConstraints): ColumnCheck[] {
  const checks: ColumnCheck[] = [];
  if (constraints.minimum !== undefined) checks.push(compare('>=', numberText(constraints.minimum)));
  if (constraints.exclusiveMinimum !== undefined) checks.push(compare('>', numberText(constraints.exclusiveMinimum)));
  if (constraints.maximum !== undefined) checks.push(compare('<=', numberText(constraints.maximum)));
  if (constraints.exclusiveMaximum !== undefined) checks.push(compare('<', numberText(constraints.exclusiveMaximum)));
  return checks;
}

function literalsType(values: Array<string | number | boolean>): ColumnType {
  const checks: ColumnCheck[] = [{ kind: 'in', values }];
  if (values.every((value) => typeof value === 'string')) return { codec: 'text', postgres: 'text', sqlite: 'TEXT', checks };
  if (values.every((value) => typeof value === 'number')) {
    return values.every((value) => Number.isSafeInteger(value))
      ? integer(values.every((value) => value >= -2147483648 && value <= 2147483647) ? 'integer' : 'bigint', checks)
      : { codec: 'real', postgres: 'double precision', sqlite: 'REAL', checks };
  }
  if (values.every((value) => typeof value === 'boolean')) {
    const both = values.length === 2;
    return { codec: 'boolean', postgres: 'boolean', sqlite: 'INTEGER', checks: [{ kind: 'boolean', dialect: 'sqlite' }, ...(both ? [] : checks)] };
  }
  // A union of strings and numbers has no single SQL type: it is stored as JSON.
  return json();
}

const compare = (operator: '>=' | '<=' | '>' | '<', value: string, dialect?: Dialect): ColumnCheck => ({
  kind: 'compare',
  operator,
  value,
  ...(dialect ? { dialect } : {}),
});
const length = (operator: '>=' | '<=', value: number): ColumnCheck => ({ kind: 'length', operator, value });

/** A number as SQL accepts it (`1e+21` is fine in both dialects; never `NaN`). */
function numberText(value: number): string {
  return Object.is(value, -0) ? '0' : String(value);
}

/** Digits after the point of a decimal written as text: `"0.01"` → 2, `"5"` → 0, `"1e-3"` → 3. */
export function fractionDigits(text: string): number {
  const match = /^[+-]?\d*(?:\.(\d*?)0*)?(?:e([+-]?\d+))?$/i.exec(text.trim());
  if (!match) return 0;
  return Math.max(0, (match[1] ?? '').length - Number(match[2] ?? 0));
}
