/**
 * The types of the SQL builders' runtime: the contract between the runtime (`sql-runtime.ts`
 * and the files it imports), the generated per-entity files (which describe tables as
 * `TableMeta` objects) and the crud repositories (which run `Query` objects through a `Db`).
 * Emitted as it is into the output folder, beside `sql-runtime.ts`, which re-exports it.
 */

/** The SQL dialects the builders speak. */
export type Dialect = 'postgres' | 'sqlite';

/**
 * How one column's values travel between JavaScript and the database, per dialect:
 *
 * | codec | JavaScript | PostgreSQL (bound as) | SQLite STRICT (bound as) |
 * | --- | --- | --- | --- |
 * | `text` | string | text / varchar(n) (string) | TEXT (string) |
 * | `uuid` | string (lower case) | uuid (string) | TEXT (string, lower-cased) |
 * | `integer` | number (an integer a double holds; beyond 2^53 bound as its exact digits) | integer / bigint (number; beyond 2^53 the digits) | INTEGER (number; beyond 2^53 a bigint; read with safe integers when `int64`) |
 * | `real` | number | double precision (number) | REAL (number) |
 * | `decimal` | number | numeric(p, s) (string, read back from its string form) | REAL (number) |
 * | `bigint` | bigint | bigint / int8 (decimal string) | INTEGER (bigint; read with safe integers) |
 * | `integer-text` | string, an integer's text (`'9223372036854775807'`) | smallint / integer / bigint (the text) | INTEGER (bound as a bigint; read with safe integers) |
 * | `decimal-text` | string, a decimal's text (`'12.50'`) | numeric(p, s) (the text) | TEXT (the text; compared and sorted by `decimalOrderKey`; a NUMERIC-affinity column's INTEGER or REAL read as that text) |
 * | `boolean` | boolean | boolean (boolean) | INTEGER (1 / 0) |
 * | `timestamp` | Date | timestamptz (ISO 8601 UTC string) | TEXT (ISO 8601 UTC, `toISOString()`) |
 * | `date` | string `YYYY-MM-DD` | date (string) | TEXT (string) |
 * | `json` | any JSON value | jsonb (JSON text, placeholder cast `::jsonb`) | TEXT (JSON text) |
 * | `simple-json` | any JSON value | text (TypeORM's `simple-json`: JSON text as `JSON.stringify` writes it) | TEXT (the same) |
 * | `simple-array` | string[] | text (TypeORM's `simple-array`: the items joined by `,`; `''` is `[]`) | TEXT (the same) |
 * | `array` | a list of `items` (string, number, boolean) | the items' type `[]` (TypeORM's `array: true`: PostgreSQL's array text) | TEXT (JSON text) |
 * | `number-text` | number | text (TypeORM's numeric `simple-enum`: the number's text) | TEXT (the same; compared and sorted as numbers) |
 *
 * JavaScript `null` is stored as SQL `NULL`, in a JSON column too. There the JSON value `null`
 * another program stored is told apart from SQL `NULL` (PostgreSQL's JSON is read as its text):
 * it reads as `null` where the row type has `| null`, and throws in a NOT NULL column.
 *
 * Decoding (`decode`) gives each field the JavaScript type above whatever the column's SQL type
 * and driver: a `text`, `uuid` or `date` field whose column hands over a number or bigint (an
 * int8 column from PGlite, a SQLite STRICT INTEGER/REAL column) reads `String(value)`; numeric
 * text reads as a number or bigint. A value that cannot be read as the field's type (money text
 * `'$12.50'` for a number, `'abc'` for a bigint, PostgreSQL `infinity` for a timestamp) throws a
 * `SqlBuilderError` naming `table.field`, never `NaN` or a value of another type; so does a value
 * the inputs refuse (`NaN` or ±`Infinity` in a number column, a day that does not exist, a date
 * outside the years 0001–9999) and an integer no double holds exactly (2^53 + 1 in a `number`).
 * A number beyond 2^53 from a driver that may have rounded it (better-sqlite3 without safe
 * integers) throws too: read 64-bit integers as bigints.
 */
export type Codec =
  | 'text' | 'uuid' | 'integer' | 'real' | 'decimal' | 'bigint' | 'integer-text' | 'decimal-text' | 'boolean' | 'timestamp' | 'date' | 'json'
  | 'simple-array' | 'simple-json' | 'array' | 'number-text';

/** One column of a table: its SQL name and how its values are encoded and decoded. */
export interface ColumnMeta {
  /** The column's name in SQL (always quoted when used, so any name is safe). */
  readonly name: string;
  readonly codec: Codec;
  readonly nullable: boolean;
  /** An `array` column: its items' codec (`text`, `uuid`, `integer`, `real`, `decimal`, `boolean`, `integer-text` or `decimal-text`). */
  readonly items?: Codec;
  /** A `json` column of a list that another program may hold as a PostgreSQL array (TypeORM's `array: true`): on PostgreSQL, a value that is no list is an error, never the row's value. */
  readonly list?: boolean;
  /** A text-codec column of another PostgreSQL type (`time`, `inet`, an enum type): `like` casts it to text there. */
  readonly castToText?: boolean;
  /**
   * TypeORM's enum column (`type: 'enum'`, `'simple-enum'`), a PostgreSQL enum type in TypeORM's
   * table: that type compares in the order its labels are declared, so on PostgreSQL the column is
   * compared and sorted as its text (a number enum's as its number), as on SQLite and codegen's tables.
   */
  readonly postgresEnum?: boolean;
  /**
   * An `integer` column of 64 bits (`bigint`, `@type int64`) holding a `number`: a value beyond
   * 2^53 arrives exactly only as a bigint (better-sqlite3 with safe integers, which the
   * repositories then use for the table), and is read when a double holds it exactly (2^60), else
   * throws (2^53 + 1).
   */
  readonly int64?: boolean;
  /**
   * A `timestamp` column TypeORM made (a `Date` property of its `@Column()`, `type: 'datetime'`,
   * `@CreateDateColumn()`): on SQLite its values are written and compared as TypeORM writes them,
   * `'2024-07-07 10:00:00.000'` (UTC, a space, no `Z`), so text order is time order across both.
   */
  readonly datetimeText?: boolean;
  /**
   * A `timestamp` or `date` column whose SQLite schema holds it to the repository's own text
   * (codegen's DDL for its own `@entity` tables: a CHECK that refuses `'2024-01-01T10:00:00+02:00'`
   * and every other form of `'2024-01-01T08:00:00.000Z'`): its text order is time order, so a
   * timestamp compares, sorts and pages by the column itself, which its index serves. Without it
   * (TypeORM's tables, a table made by hand) a SQLite timestamp is compared by an order key
   * computed from whatever text the row holds.
   */
  readonly canonicalText?: boolean;
  /**
   * A `decimal-text` column's declared scale (`numeric(6, 2)`: 2), its canonical text's decimals.
   * A NUMERIC-affinity column that is not codegen's (TypeORM's `decimal(6,2)` on SQLite) stores
   * `'1234.50'` as the REAL 1234.5, which is read, compared and sorted as `'1234.50'` again.
   */
  readonly scale?: number;
  /**
   * A `json`, `simple-json` or `array` column: the shape of the property's type (`string[]`:
   * `{ list: 'string' }`), which every value read is checked against, so that a value another
   * program stored (`"hello"`, `[1]`, `[null]` for a `string[]`) is a `SqlBuilderError` naming
   * the column, the row and the first misfit, never a row of another type (tester4 F1, F2).
   */
  readonly shape?: JsonShape;
}

/**
 * The JSON values a property's type holds, as the generator describes it for the reads
 * (`ColumnMeta.shape`): a primitive, literals (an enum's members, a literal union), a list, a
 * tuple, an object's named properties (other keys pass), a record's values, or any of several.
 * `'any'` is what it does not judge (an intersection, a template literal's form, constraints
 * such as `@minLength`): the check never refuses what TypeScript's type accepts.
 */
export type JsonShape =
  | 'any'
  | 'string'
  | 'number'
  | 'boolean'
  | 'null'
  | { readonly literal: readonly (string | number | boolean)[] }
  | { readonly list: JsonShape }
  | { readonly tuple: readonly JsonShape[]; readonly required: number; readonly rest?: JsonShape }
  | { readonly object: Readonly<Record<string, JsonShape>>; readonly optional?: readonly string[] }
  | { readonly record: JsonShape }
  | { readonly anyOf: readonly JsonShape[] };

/** A relation along which a query can join (to-one) or a repository can include (any kind). */
export interface RelationMeta {
  readonly kind: 'many-to-one' | 'one-to-one' | 'one-to-many' | 'many-to-many';
  /** The related table (a thunk: tables refer to each other). */
  readonly target: () => TableMeta<any, any>;
  /** Fields of this table matched against `targetFields` (for a many-to-many: this table's key). */
  readonly fields: readonly string[];
  /** Fields of the target table (for a many-to-many: the target's key). */
  readonly targetFields: readonly string[];
  /** Many-to-many: the join table, its column for this side and its column for the target. */
  readonly through?: { readonly table: string; readonly column: string; readonly targetColumn: string };
}

/**
 * Everything the builders know of one table. `Row` is the generated row type (fields named as
 * in TypeScript, foreign keys as `authorId`); `Relations` maps relation names to the row type of
 * their target (`{ author: AuthorRow; books: BookRow[] }`). Field and relation names must not
 * contain `.` (joined columns come back as `"relation.field"`), and a relation must not share
 * its name with a field; `createTableSql` checks both.
 */
export interface TableMeta<Row, Relations = {}> {
  /** The table's name in SQL (always quoted). */
  readonly table: string;
  /** Every field of `Row`, by name. Also the run-time allow-list of field names. */
  readonly columns: { readonly [F in keyof Row & string]: ColumnMeta };
  /** Fields of the primary key, in key order. */
  readonly primaryKey: readonly (keyof Row & string)[];
  /** The primary key constraint's name in the schema (`<table>_pkey`, cut to fit), which SQLite's errors do not name. */
  readonly primaryKeyConstraint?: string;
  /** Unique constraints usable as upsert conflict targets, by constraint name. */
  readonly uniques: { readonly [name: string]: readonly (keyof Row & string)[] };
  readonly relations: { readonly [R in keyof Relations & string]: RelationMeta };
}

/** A statement for one dialect: the SQL text and its bound values, in placeholder order. */
export interface Query<Result = unknown> {
  readonly text: string;
  readonly values: readonly unknown[];
  /** Type-only: the shape of one decoded result row. Never present at run time. */
  readonly __result?: Result;
}

/** Comparison operators for one field; several in one object are combined with AND. */
export interface FieldOperators<V> {
  /** `= value`; `null` means `IS NULL`. */
  eq?: V | null | undefined;
  /** `<> value` (SQL semantics: rows where the column is NULL do not match); `null` means `IS NOT NULL`. */
  ne?: V | null | undefined;
  gt?: V | undefined;
  gte?: V | undefined;
  lt?: V | undefined;
  lte?: V | undefined;
  /** `IN (…)`; an empty list matches nothing. `null` elements are refused: use `isNull`. */
  in?: readonly V[] | undefined;
  /** `NOT IN (…)`; an empty list matches everything. `null` elements are refused. */
  notIn?: readonly V[] | undefined;
  /**
   * A `LIKE` pattern (`%` any run, `_` one character, `\` escapes the next character),
   * case-sensitive on both dialects. Strings only.
   */
  like?: (V extends string ? string : never) | undefined;
  /**
   * The same pattern, case-insensitive: PostgreSQL `ILIKE`, SQLite `LIKE`. Both fold ASCII
   * letters only on the generated schema's text columns (`COLLATE "C"` on PostgreSQL): `'É'` does
   * not match `'é'`. A PostgreSQL column of another collation folds per that collation.
   */
  ilike?: (V extends string ? string : never) | undefined;
  /** `true`: `IS NULL`; `false`: `IS NOT NULL`. */
  isNull?: boolean | undefined;
}

/** A JSON column can only be tested for null. */
export interface JsonOperators {
  /** `true`: the rows that read as `null`, SQL NULL or a stored JSON `null` literal; `false`: the others. */
  isNull?: boolean | undefined;
}

/**
 * Whether a field is a JSON column. A primitive is checked first: a branded primitive
 * (`string & { readonly __brand: 'AccountId' }`) is an object type to TypeScript but a text,
 * number or bigint column.
 */
type IsJson<V> = [V] extends [Date] ? false : [V] extends [string | number | bigint | boolean] ? false : [V] extends [object] ? true : false;

/**
 * A filter on `Row`: a value means equality (`null` means `IS NULL`), an object gives operators;
 * the keys of one object are combined with AND, `and` / `or` / `not` nest. A key whose value is
 * `undefined` is ignored (no condition): `{ email: undefined }` selects every row, and
 * `hasCondition(where)` tells whether a filter gives any condition at all, for callers that
 * should refuse it. `or: []` matches nothing, `and: []` everything, and so does a `not` of a
 * filter matching nothing (`{ not: { id: { in: [] } } }`, as `notIn: []`); a `not` of a filter
 * without condition (`{ not: {} }`, `{ not: { email: undefined } }`) is refused, at any depth.
 * (`and`, `or` and `not` are always combinators: a field with one of those names cannot be
 * filtered on.)
 */
export type Where<Row> = {
  [F in keyof Row]?:
    | (IsJson<NonNullable<Row[F]>> extends true ? JsonOperators : Row[F] | FieldOperators<NonNullable<Row[F]>>)
    | Inherited<F>
    | undefined;
} & {
  and?: readonly Where<Row>[] | undefined;
  or?: readonly Where<Row>[] | undefined;
  not?: Where<Row> | undefined;
};

/**
 * `'asc'` or `'desc'`. NULLs sort the same on both engines, as PostgreSQL sorts them by default:
 * last ascending, first descending (a nullable column's sort key is written with an explicit
 * `NULLS LAST` / `NULLS FIRST`).
 */
export type SortDirection = 'asc' | 'desc';

/**
 * `{ title: 'asc' }` (keys in priority order), or a list: `[{ genre: 'asc' }, { title: 'desc' }]`.
 * A JSON column is no sort key (as it is tested for null only): PostgreSQL orders jsonb by its own
 * rules, SQLite the JSON text, so the engines would give different orders.
 */
export type OrderBy<Row> = SortKeys<Row> | readonly SortKeys<Row>[];

type SortKeys<Row> = { [F in keyof Row]?: (IsJson<NonNullable<Row[F]>> extends true ? never : SortDirection) | Inherited<F> | undefined };

/**
 * For a field named like a member of `Object.prototype` (`constructor`, `toString`…), the type
 * of that member: an object literal that leaves the field out still carries the inherited
 * member, and TypeScript compares it with the field's type. Allowing it lets such filters
 * type-check; at run time only own keys are read.
 */
type Inherited<F> = F extends keyof Object ? Object[F] : never;

/** To-one relations that a select can join, with the target fields to read (`true`: all). */
export type Join<Relations> = {
  [R in keyof Relations]?: (Relations[R] extends readonly unknown[] ? never : true | readonly (keyof Relations[R] & string)[]) | undefined;
};

/**
 * The rows that the joins `J` add to a select's result: each joined relation as an object of
 * the fields read (plus the target's join key, always read), or `null` when no row matched.
 */
export type Joined<Relations, J> = {
  -readonly [R in keyof J & keyof Relations]: (J[R] extends readonly (infer F)[] ? Pick<Relations[R], F & keyof Relations[R]> : Relations[R]) | null;
};

/** What `select` reads, filters, sorts and pages. */
export interface SelectOptions<Row, K extends keyof Row, Relations = {}, J extends Join<Relations> = Join<Relations>> {
  /** The fields to read (at least one); all when absent. The result type is narrowed to them. */
  columns?: readonly K[] | undefined;
  where?: Where<Row> | undefined;
  /**
   * Sort keys. Whenever a result is sorted or paged (`orderBy`, `limit`, `offset` or `after`),
   * the primary key fields missing from `orderBy` are added as ascending tiebreakers, so that
   * the order is total and pages neither repeat nor skip rows.
   */
  orderBy?: OrderBy<Row> | undefined;
  /** Row count limit: a non-negative safe integer. */
  limit?: number | undefined;
  /** Rows to skip: a non-negative safe integer. */
  offset?: number | undefined;
  /**
   * Keyset pagination: the values of the sort keys (the `orderBy` fields and the primary key)
   * of the last row of the previous page; a whole previous row may be passed. Each sort key
   * must be present (else `SqlBuilderError`); it may be `null` when its column is nullable, and
   * the next page is then found by the NULL placement of `SortDirection` (NULL after every value),
   * so paging visits every row once, with ties and NULLs, in the same order on both engines.
   */
  after?: Partial<Row> | undefined;
  /** To-one relations to LEFT JOIN; their fields come back nested (`{ author: { … } | null }`). */
  join?: J | undefined;
}

/** The filter of an `update` or `delete`: a `where` with at least one condition, or `all: true`. */
export type WriteFilter<Row> = { where: Where<Row>; all?: false | undefined } | { all: true; where?: undefined };

/**
 * Thrown for a query description the builders refuse: an unknown field, operator or relation
 * (the message names the table and the key), a bad limit, an empty `set`, an unfiltered
 * `update`/`delete`, a value that cannot be encoded, a statement binding more values than
 * `MAX_BOUND_VALUES` allows, invalid table metadata; and by `decode`, for a stored value that
 * cannot be read as its field's type (the message starts with `table.field`).
 */
export class SqlBuilderError extends Error {
  override readonly name = 'SqlBuilderError';
}

/** The first element of the tuple `List` that an earlier one repeats; `never` when none does (or `List` is no tuple). */
type Repeated<List extends readonly unknown[], Seen = never> = List extends readonly [infer Head, ...infer Rest]
  ? [Head] extends [Seen]
    ? Head
    : Repeated<Rest, Seen | Head>
  : never;

/**
 * `List`, when it names no field twice; else a type it cannot meet, whose missing property says
 * why (`upsert`'s `update: ['name', 'name']`, which PostgreSQL refuses). A list that is no tuple
 * (a `string[]` variable) is not checked here: the builders refuse a repeat at run time.
 */
export type Distinct<List extends readonly unknown[]> = [Repeated<List>] extends [never] ? List : List & { readonly 'a field is named twice': Repeated<List> };

/**
 * The fields a write sets (`insert`'s rows, `update`'s `set`, `upsert`'s values): any of `Row`'s,
 * each optional, where `undefined` means the field is left out (the column's default on insert,
 * the stored value on update), so values filled from variables compile under
 * `exactOptionalPropertyTypes`.
 */
export type RowValues<Row> = { [K in keyof Row]?: Row[K] | undefined };

/** Options of `insert` and `upsert`. */
export interface InsertOptions {
  /** `RETURNING` every column (aliased to field names): the stored rows come back. */
  returning?: boolean | undefined;
}

/** Options of `insertChunks`. */
export interface InsertChunksOptions extends InsertOptions {
  /** The most values one statement may bind; defaults to `MAX_BOUND_VALUES[dialect]`. */
  maxValues?: number | undefined;
}

/** The statement builders of one table in one dialect. Each call returns a fresh `Query`. */
export interface TableSql<Row, Relations = {}> {
  readonly dialect: Dialect;
  readonly meta: TableMeta<Row, Relations>;
  /**
   * `SELECT … FROM "table" [LEFT JOIN …] [WHERE …] [ORDER BY …] [LIMIT …] [OFFSET …]`, every
   * column aliased to its field name. Limit and offset are bound values.
   */
  select<K extends keyof Row & string = keyof Row & string, const J extends Join<Relations> = {}>(
    options?: SelectOptions<Row, K, Relations, J>,
  ): Query<Pick<Row, K> & Joined<Relations, J>>;
  /**
   * The row with this primary key (every key field must be given): the lean path for lookups,
   * whose text is built once per table (the same string each call, so adapters can cache
   * prepared statements by text).
   */
  selectByKey(key: Partial<Row>): Query<Row>;
  /** `SELECT count(*) AS "count" …`; the count is a number (see `decodeCount`). */
  count(where?: Where<Row> | undefined): Query<{ count: number }>;
  /**
   * `INSERT INTO "table" (…) VALUES (…), (…)`. `undefined` fields are left out (the column's
   * default applies), `null` is stored as NULL. Several rows: the column list is the union of
   * their fields, and on PostgreSQL a row lacking one gets `DEFAULT`; SQLite has no `DEFAULT` in
   * `VALUES`, so there rows with different field sets throw (use `insertChunks`, which splits
   * them). A row with no field: `DEFAULT VALUES` (one row only).
   */
  insert(rows: RowValues<Row> | readonly RowValues<Row>[], options?: InsertOptions): Query<Row>;
  /**
   * `insert` split so that no statement binds more than `maxValues` values; on SQLite each run of
   * consecutive rows with the same field set also gets its own statements. Input order is kept
   * across and within statements. No rows: no statements.
   */
  insertChunks(rows: readonly RowValues<Row>[], options?: InsertChunksOptions): Query<Row>[];
  /**
   * `UPDATE "table" SET … WHERE …`. An empty `set` (no defined field) throws; so does a filter
   * without any condition unless `all: true` is given (protects against `{ id: undefined }`).
   */
  update(options: { set: RowValues<Row>; returning?: boolean | undefined } & WriteFilter<Row>): Query<Row>;
  /** `DELETE FROM "table" WHERE …`; a filter without any condition needs `all: true`. */
  delete(options: { returning?: boolean | undefined } & WriteFilter<Row>): Query<Row>;
  /**
   * `INSERT … ON CONFLICT (target) DO UPDATE SET "c" = excluded."c"`, or `DO NOTHING` when there
   * is nothing to update (conflicting rows are then not returned). `conflict` is `'primaryKey'`,
   * the name of a unique constraint in `meta.uniques`, or a list of fields; `update` lists the
   * fields to overwrite, among the inserted ones, each once (default: every inserted field that is neither
   * in the conflict target nor in the primary key, which rows elsewhere may refer to). Every row
   * must have the same field set, and with a DO UPDATE no two rows the same conflict target value
   * (PostgreSQL would refuse the statement: a `SqlBuilderError` here, on both engines).
   */
  upsert<const Fields extends readonly (keyof Row & string)[] = readonly (keyof Row & string)[]>(options: {
    values: RowValues<Row> | readonly RowValues<Row>[];
    conflict: 'primaryKey' | string | readonly (keyof Row & string)[];
    update?: Distinct<Fields> | undefined;
    returning?: boolean | undefined;
  }): Query<Row>;
  /**
   * A result row (keys are field names, as the builders alias them) decoded to `Row`'s types.
   * Without joins the row object is decoded in place and returned; joined `"relation.field"`
   * values are nested into a new object (`null` when the join found no row).
   */
  decode(row: Record<string, unknown>): Row;
  /** The number in a `count` result row (a number, a bigint or an int8 string, by driver). */
  decodeCount(row: Record<string, unknown> | undefined): number;
}

/**
 * `"name"`, with embedded quotes doubled: an identifier quoted for both dialects.
 * @throws SqlBuilderError for an empty name or one containing NUL (no engine accepts them).
 */
export function quoteIdentifier(name: string): string {
  if (name === '' || name.includes('\0')) throw new SqlBuilderError(`invalid SQL identifier ${JSON.stringify(name)}`);
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * The most values one statement may bind: SQLite's SQLITE_MAX_VARIABLE_NUMBER (32766 since 3.32),
 * PostgreSQL's 65535. `select`, `count`, `insert`, `update`, `delete` and `upsert` throw
 * `SqlBuilderError` (naming the table and the count) rather than build a longer statement;
 * `insertChunks` splits its rows under it.
 */
export const MAX_BOUND_VALUES: Readonly<Record<Dialect, number>> = { postgres: 65535, sqlite: 32766 };
