/**
 * One table's metadata compiled for one dialect, once: quoted names, select items, codecs,
 * the allow-list lookups every builder goes through, and caches of statement texts. Also the
 * placeholder numbering shared by the builders (`Bindings`).
 */
import { datetimeTextEncoder, decimalOrderKey, decimalOrderSql, decoderFor, encoderFor, isoString, parseTimestamp, shapedDecoder, type Decoder, type Encoder } from './sql-codecs.js';
import { MAX_BOUND_VALUES, quoteIdentifier, SqlBuilderError, type Codec, type ColumnMeta, type Dialect, type RelationMeta, type TableMeta } from './sql-types.js';

/** `TableMeta` with its type parameters erased, as the builders read it. */
export interface LooseTableMeta {
  readonly table: string;
  readonly columns: Readonly<Record<string, ColumnMeta>>;
  readonly primaryKey: readonly string[];
  readonly uniques: Readonly<Record<string, readonly string[]>>;
  readonly relations: Readonly<Record<string, RelationMeta>>;
}

/** One field of a table, compiled for one dialect. */
export interface FieldSql {
  readonly field: string;
  /** The result column's name in selects and RETURNING: the field, or {@link resultAlias}'s short form of a long one. */
  readonly alias: string;
  /** Position in the table's metadata (the canonical column order). */
  readonly index: number;
  readonly codec: Codec;
  /** A text-codec column that PostgreSQL types otherwise (`time`, `inet`): `like` casts it to text there. */
  readonly castToText: boolean;
  /** Whether the column may hold NULL (sorts and keyset cursors then place NULLs explicitly). */
  readonly nullable: boolean;
  /** The quoted column name: `"author_id"`. */
  readonly column: string;
  /** Appended to its placeholders: `::jsonb` for JSON on PostgreSQL (else node-postgres sends arrays as PG arrays), else `''`. */
  readonly cast: string;
  readonly encode: Encoder;
  /** `undefined` when the driver's values are already right. */
  readonly decode: Decoder | undefined;
  /** The name is also a property of `Object.prototype` (`constructor`…): read input with an own-property check. */
  readonly inherited: boolean;
  /**
   * Where the column's own order is not its values' (a decimal-text column on SQLite, TEXT that
   * would sort `'10'` before `'9'`): the SQL of the sort key of a column expression, and the key
   * of an encoded value, for `<`, `>`, keyset cursors and ORDER BY. Undefined elsewhere.
   */
  readonly order: OrderKey | undefined;
  /**
   * How a select or `RETURNING` reads the column expression: `to_json(column)` for a timestamp or
   * date on PostgreSQL, `(column)::text` for JSON there, else the column itself (`undefined`). See
   * {@link readSqlOf}.
   */
  readonly read: ((column: string) => string) | undefined;
}

/**
 * A PostgreSQL timestamp or date is selected as `to_json(column)`: JSON prints it in ISO 8601
 * whatever the session's `DateStyle` (`SQL, DMY` would give `31/12/1849 23:59:59.999 UTC`,
 * `German` `31.12.1849 …`), with its offset, for `timestamptz`, in the session's `TimeZone`,
 * which `parseTimestamp` applies (`0001-12-31T19:03:58-04:56:02 BC` is 0001-01-01T00:00Z), and
 * `infinity` as itself, which the decoders refuse (tester4 F0a, F0b). It works on a `timestamp`
 * without time zone (TypeORM's) and on a text column alike, so the column's SQL type need not be
 * known, and it changes nothing in the user's session (a `SET` on a pooled connection would).
 *
 * A PostgreSQL JSON column is selected as `(column)::text`, parsed by the decoder: the drivers
 * parse json and jsonb themselves and give the JSON literal `null` (`'null'::jsonb`) as `null`,
 * as they give SQL NULL, so a NOT NULL `jsonb` column holding it would read as `null` in a
 * field typed `string[]` (tester5 V1). As text, `'null'` is a value the decoder checks against
 * the row type, and a `pg.types.setTypeParser` for jsonb changes nothing.
 */
function readSqlOf(codec: Codec, pg: boolean): FieldSql['read'] {
  if (!pg) return undefined;
  if (codec === 'timestamp' || codec === 'date') return (column) => `to_json(${column})`;
  return codec === 'json' ? (column) => `(${column})::text` : undefined;
}

/** How a column whose own order is not its values' is compared: see `FieldSql.order`. */
export interface OrderKey {
  /** The sort key of the column expression `column` (NULL stays NULL). */
  readonly sql: (column: string) => string;
  /** The key of an encoded value, bound beside `sql`'s. */
  readonly key: Encoder;
  /**
   * Whether `eq`, `ne`, `in` and `notIn` compare keys too: true where one value has many texts
   * (a SQLite timestamp), so equality of the texts would miss rows of the same value.
   */
  readonly equality: boolean;
}

/**
 * The order key of a column whose own order is not its values': a decimal-text column on SQLite
 * (`decimalOrderKey`), a number-text one (TypeORM's numeric simple-enum: `'10'` would sort before
 * `'2'`) as the number its text is, on both dialects (`::text` first: TypeORM's PostgreSQL column is
 * an enum type, which casts to numeric only through text), and so is a number enum's column that
 * TypeORM made a PostgreSQL enum type (`ColumnMeta.postgresEnum`); a string enum's such column is
 * compared as its text in code point order, not in the order of the type's labels. A SQLite timestamp is keyed by
 * `timestampOrderSql`, unless its schema holds it to the repository's own text (`canonical`,
 * `ColumnMeta.canonicalText`): that text is its own key, so the column is compared as it is (its
 * index serves) and only the operand is keyed, an offset or a space in a string operand included.
 */
function orderOf(codec: Codec, pg: boolean, label: string, scale: number | undefined, canonical: boolean, postgresEnum: boolean): FieldSql['order'] {
  if (!pg && codec === 'decimal-text') return { sql: (column) => decimalOrderSql(column, scale), key: (value) => decimalOrderKey(value, label), equality: false };
  if (!pg && codec === 'timestamp') return { sql: canonical ? ownText : timestampOrderSql, key: (value) => timestampOrderKey(value, label), equality: true };
  if (codec === 'number-text' || (pg && postgresEnum && (codec === 'integer' || codec === 'real'))) {
    return { sql: pg ? (column) => `(${column})::text::numeric` : (column) => `CAST(${column} AS REAL)`, key: (value) => Number(value), equality: false };
  }
  // The label's text in code point order, as the repositories' own text columns compare (COLLATE "C").
  if (pg && postgresEnum) return { sql: (column) => `((${column})::text COLLATE "C")`, key: (value) => value, equality: false };
  return undefined;
}

/** The column expression as it is: the order key of a column holding only its canonical text. */
const ownText = (column: string): string => column;

/**
 * The order key of a timestamp on SQLite, where the column is TEXT: the instant's ISO text in UTC
 * with milliseconds (`'2024-01-01T08:00:00.000Z'`, `isoString`), which sorts as the instants do
 * for the years 0001–9999. `value` is the encoded operand: the ISO text, TypeORM's datetime text
 * (`datetimeTextEncoder`), or a string given as it is.
 * @throws SqlBuilderError for a text that names no instant
 */
export function timestampOrderKey(value: unknown, label = 'timestamp'): string {
  const date = typeof value === 'string' ? parseTimestamp(value) : value;
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new SqlBuilderError(`${label}: ${typeof value === 'string' ? JSON.stringify(value) : typeof value} is no timestamp to compare with`);
  }
  return isoString(date);
}

/**
 * `timestampOrderKey` of the SQLite TEXT expression `column`, for every text `parseTimestamp`
 * reads (other programs write the column too: `'2024-01-01T10:00:00+02:00'`, SQLite's own
 * `'2024-01-01 10:00:00'`, TypeORM's `'2024-01-01 10:00:00.000'`, Python's microseconds), so
 * rows compare, sort and page as the instants they are read as, never as text (tester4 F4).
 * The repository's own form (24 characters, `T` and `Z`) is its own key; a zoneless text with
 * seconds (SQLite's `CURRENT_TIMESTAMP`, TypeORM's text with milliseconds) is keyed by string
 * functions (a `T`, `.000` where it has no fraction, and a `Z`); any other text is taken
 * apart in nested subqueries, each naming a part once: the day, the time (`HH:MM`, seconds if
 * written), the fraction cut to milliseconds (cut, not rounded, as V8 reads it: SQLite's own parse rounds
 * `.1239` to 124 ms), and the offset (`Z`, `±HH`, `±HHMM`, `±HH:MM`, with seconds or without) as
 * seconds, which `strftime` takes off the local time. A text that is no timestamp gets some
 * key or NULL; reading such a row throws anyway.
 *
 * Cost: the key is an expression, so an index on the column does not serve these comparisons or
 * the ORDER BY (SQLite scans). It is used where the texts cannot be known to be canonical without
 * reading them: TypeORM's tables and tables made by hand. codegen's own tables hold the text to the
 * repository's form by a CHECK (`ColumnMeta.canonicalText`), and there the column is compared as it
 * is. Measured on 100,000 rows of the repository's text (bench/sqlite-timestamps, better-sqlite3,
 * SQLite 3.53, a machine at a load of 14; twice these at 18): a count with `>=` takes 0.4 ms
 * through the column's index and 30 ms by this key, an ORDER BY … LIMIT 20 0.02 ms and 35 ms, a
 * page after `gte` 0.03 ms and 51 ms, a page `after` a cursor in the middle 0.02 ms (the cursor's
 * leading bound seeks, sql-select.ts `seekBound`) and 42 ms. TypeORM's text takes about as long
 * by this key; a text with an offset in every row about 0.8 s (the subqueries, ~7 µs a row).
 */
export function timestampOrderSql(column: string): string {
  // Each layer names what the next reads once: the text, where its time ends (after the seconds,
  // or HH:MM, or the day), fraction digits and zone, then the zone's offset in seconds.
  const digits = "'0123456789'";
  const text = `(SELECT ${column} AS "t")`;
  const end = `(SELECT "t", CASE WHEN length("t") <= 10 THEN 11 WHEN substr("t", 17, 1) = ':' THEN 20 ELSE 17 END AS "e" FROM ${text})`;
  const rest = `(SELECT "t", "e", substr("t", "e", 1) = '.' AS "dot", substr("t", "e" + (substr("t", "e", 1) = '.')) AS "r" FROM ${end})`;
  const parts = `(SELECT "t", "e", CASE WHEN "dot" THEN substr("r", 1, length("r") - length(ltrim("r", ${digits}))) ELSE '' END AS "f", ltrim("r", ${digits}) AS "z" FROM ${rest})`;
  const local = `substr("t", 1, 10) || ' ' || CASE WHEN "e" = 11 THEN '00:00:00' WHEN "e" = 17 THEN substr("t", 12, 5) || ':00' ELSE substr("t", 12, 8) END || '.' || substr("f" || '000', 1, 3)`;
  const zone = `replace(substr("z", 2), ':', '')`;
  const offset =
    `CASE substr("z", 1, 1) WHEN '+' THEN 1 WHEN '-' THEN -1 ELSE 0 END * ` +
    `(CAST(substr(${zone}, 1, 2) AS INTEGER) * 3600 + CAST(substr(${zone}, 3, 2) AS INTEGER) * 60 + CAST(substr(${zone}, 5, 2) AS INTEGER))`;
  const parsed = `(SELECT strftime('%Y-%m-%dT%H:%M:%fZ', ${local}, (-(${offset})) || ' seconds') FROM ${parts})`;
  // Zoneless UTC with seconds ('YYYY-MM-DD HH:MM:SS', and TypeORM's with '.SSS', its whole column)
  // keys by string functions alone: the subqueries cost about 7 µs a row, these a fraction of it.
  const zoneless =
    `WHEN length(${column}) = 23 AND substr(${column}, 20, 1) = '.' AND substr(${column}, 17, 1) = ':' AND substr(${column}, 11, 1) IN ('T', ' ') ` +
    `AND substr(${column}, 23, 1) GLOB '[0-9]' THEN substr(${column}, 1, 10) || 'T' || substr(${column}, 12) || 'Z' ` +
    `WHEN length(${column}) = 19 AND substr(${column}, 17, 1) = ':' AND substr(${column}, 11, 1) IN ('T', ' ') THEN substr(${column}, 1, 10) || 'T' || substr(${column}, 12) || '.000Z'`;
  return `(CASE WHEN length(${column}) = 24 AND substr(${column}, 11, 1) = 'T' AND substr(${column}, 24, 1) = 'Z' THEN ${column} ${zoneless} ELSE ${parsed} END)`;
}

/**
 * A `json` list column's decoder on PostgreSQL (`list` in its meta): `json`'s, but TypeORM's table
 * may hold a real PostgreSQL array there (`timestamp[]`), whose text (`'{…}'`) is no JSON list:
 * anything but a list throws, naming the column, never a string in a list field (tester s14 T-4).
 */
function listDecoder(json: Decoder, label: string): Decoder {
  return (value) => {
    let list: unknown;
    try {
      list = json(value);
    } catch {
      list = undefined;
    }
    if (Array.isArray(list)) return list;
    const shown = typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : typeof value;
    throw new SqlBuilderError(`${label}: cannot decode ${shown} as a JSON list (a PostgreSQL array column holds no JSON: write the column as jsonb)`);
  };
}

/** The column expression as sorted and compared by `<`/`>`: its order key where it has one. */
export const orderedColumn = (field: FieldSql, column: string): string => (field.order === undefined ? column : field.order.sql(column));

/** The column expression as a select or `RETURNING` reads it (see {@link FieldSql.read}). */
export const readColumn = (field: FieldSql, column: string): string => (field.read === undefined ? column : field.read(column));

/** A to-one relation as joined by a select and nested by `decode`. */
export interface ToOneSql {
  readonly name: string;
  readonly relation: RelationMeta;
  /** The result key whose NULL means "no row joined": `"<relation>.<first target field>"` (its `resultAlias`). */
  readonly presence: string;
}

/** The join condition of a relation: this table's fields beside the target's. */
export interface RelationFields {
  readonly local: readonly FieldSql[];
  readonly remote: readonly FieldSql[];
  readonly target: TableContext;
}

export const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** PostgreSQL keeps the first 63 bytes of an identifier, result aliases included. */
const MAX_IDENTIFIER_BYTES = 63;

/** UTF-8 length of `text`, without allocating. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && at + 1 < text.length) {
      bytes += 4;
      at += 1;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The result column name for `name` (a field, or `relation.field` for a joined column): `name`
 * itself when PostgreSQL keeps it whole, else `.` and a 64-bit FNV-1a hash of it. PostgreSQL cuts
 * longer aliases to 63 bytes, so two long fields would land on one cut key, and decode would
 * find neither. The short form starts with `.`, which no field or relation name holds.
 */
export function resultAlias(name: string): string {
  if (name.length <= 21 || utf8Length(name) <= MAX_IDENTIFIER_BYTES) return name;
  let low = 0x811c9dc5;
  let high = 0xcbf29ce4;
  for (let at = 0; at < name.length; at += 1) {
    const code = name.charCodeAt(at);
    low = Math.imul(low ^ code, 0x01000193) >>> 0;
    high = Math.imul(high ^ code ^ (low >>> 7), 0x01000193) >>> 0;
  }
  return `.${high.toString(16).padStart(8, '0')}${low.toString(16).padStart(8, '0')}`;
}

/** `row[field]`, never an inherited property (a field named `constructor` on a row without it reads `undefined`). */
export function readField(row: Readonly<Record<string, unknown>>, field: FieldSql): unknown {
  return field.inherited && !hasOwn(row, field.field) ? undefined : row[field.field];
}

/** Placeholders and their values, in text order: `$1, $2…` (PostgreSQL) or `?` (SQLite). */
export class Bindings {
  readonly values: unknown[] = [];
  private readonly numbered: boolean;
  // A plain field, not a parameter property: the file stays erasable TypeScript (Node's type stripping).
  constructor(numbered: boolean) {
    this.numbered = numbered;
  }

  /** Binds `value` (already encoded) and returns its placeholder. */
  add(value: unknown): string {
    const n = this.values.push(value);
    return this.numbered ? `$${n}` : '?';
  }
}

const MAX_CACHED_TEXTS = 256;

/** Codecs whose text is JSON, where the JSON literal `null` can stand in a NOT NULL column: it reads as `null` only when the row type says `| null`. */
const JSON_CODECS: readonly Codec[] = ['json', 'simple-json'];

/** A table compiled for one dialect. Built once per (metadata object, dialect) by `tableContext`. */
export class TableContext {
  readonly pg: boolean;
  /** The quoted table name. */
  readonly table: string;
  readonly list: readonly FieldSql[];
  readonly primaryKey: readonly FieldSql[];
  /** Fields whose driver values need decoding. */
  readonly decoding: readonly FieldSql[];
  /** Fields whose result column has a short alias (a name PostgreSQL would cut): decode renames them. */
  readonly aliased: readonly FieldSql[];
  readonly toOne: readonly ToOneSql[];
  private readonly fields = new Map<string, FieldSql>();
  private readonly relationFieldsCache = new Map<string, RelationFields>();
  private readonly texts = new Map<string, string>();

  readonly meta: LooseTableMeta;
  readonly dialect: Dialect;

  constructor(meta: LooseTableMeta, dialect: Dialect) {
    this.meta = meta;
    this.dialect = dialect;
    this.pg = dialect === 'postgres';
    if (typeof meta.table !== 'string') throw new SqlBuilderError('table metadata without a table name');
    this.table = quoteIdentifier(meta.table);
    const list: FieldSql[] = [];
    for (const field of Object.keys(meta.columns)) {
      const column = meta.columns[field];
      if (column === undefined) continue;
      if (field === '' || field.includes('.')) this.fail(`field name ${JSON.stringify(field)} is empty or contains "."`);
      // decode assigns `row[field]`: for `__proto__` that would replace the row's prototype.
      if (field === '__proto__') this.fail('a field cannot be named "__proto__"');
      const label = `${meta.table}.${field}`;
      const compiled: FieldSql = {
        field,
        alias: resultAlias(field),
        index: list.length,
        codec: column.codec,
        castToText: column.castToText === true,
        nullable: column.nullable !== false,
        column: quoteIdentifier(column.name),
        cast: this.pg && column.codec === 'json' ? '::jsonb' : '',
        encode: !this.pg && column.codec === 'timestamp' && column.datetimeText === true ? datetimeTextEncoder(label) : encoderFor(column.codec, dialect, label, column.items),
        decode: shapedDecoder(this.decoderOf(column, label), column.shape, label, column.nullable !== false || !JSON_CODECS.includes(column.codec)),
        inherited: field in Object.prototype,
        order: orderOf(column.codec, this.pg, label, column.scale, column.canonicalText === true, column.postgresEnum === true),
        read: readSqlOf(column.codec, this.pg),
      };
      list.push(compiled);
      this.fields.set(field, compiled);
    }
    if (list.length === 0) this.fail('no columns');
    this.list = list;
    this.decoding = list.filter((field) => field.decode !== undefined);
    this.aliased = list.filter((field) => field.alias !== field.field);
    this.primaryKey = meta.primaryKey.map((field) => this.field(field, 'primaryKey'));
    for (const name of Object.keys(meta.uniques)) for (const field of meta.uniques[name] ?? []) this.field(field, `unique ${JSON.stringify(name)}`);
    const toOne: ToOneSql[] = [];
    for (const name of Object.keys(meta.relations)) {
      const relation = meta.relations[name];
      if (relation === undefined) continue;
      if (name.includes('.') || this.fields.has(name)) this.fail(`relation name ${JSON.stringify(name)} contains "." or is also a field`);
      if (name === '__proto__') this.fail('a relation cannot be named "__proto__"');
      const first = relation.targetFields[0];
      if ((relation.kind === 'many-to-one' || relation.kind === 'one-to-one') && relation.through === undefined && first !== undefined) {
        toOne.push({ name, relation, presence: resultAlias(`${name}.${first}`) });
      }
    }
    this.toOne = toOne;
  }

  /** The decoder of `column`'s driver values, before the check of its shape (see `shapedDecoder`). */
  private decoderOf(column: ColumnMeta, label: string): Decoder | undefined {
    const decode = decoderFor(column.codec, this.dialect, label, column.items, column.scale);
    return this.pg && column.list === true && decode !== undefined ? listDecoder(decode, label) : decode;
  }

  /** Throws a `SqlBuilderError` whose message starts with the table's name. */
  fail(message: string): never {
    throw new SqlBuilderError(`table ${JSON.stringify(this.meta.table)}: ${message}`);
  }

  /**
   * Refuses a statement that would bind more than `MAX_BOUND_VALUES[dialect]` values: the engine
   * would refuse it with a less helpful message (node-postgres even wraps the count past 65,535).
   */
  checkBound(count: number, what: string): void {
    const max = MAX_BOUND_VALUES[this.dialect];
    if (count > max) {
      this.fail(`${what} would bind ${count} values, more than ${this.pg ? 'PostgreSQL' : 'SQLite'} allows in one statement (${max}): split it (a shorter in list, fewer rows)`);
    }
  }

  /** The field named `key` (an own property of the metadata's columns), or a `SqlBuilderError` naming `key` and `where` it was used. */
  field(key: string, where: string): FieldSql {
    const field = this.fields.get(key);
    if (field === undefined) this.fail(`unknown field ${JSON.stringify(key)} in ${where}`);
    return field;
  }

  /** Whether `key` is a field of the table. */
  hasField(key: string): boolean {
    return this.fields.has(key);
  }

  /** The relation named `name` (an own property of the metadata's relations), or a `SqlBuilderError`. */
  relation(name: string, where: string): RelationMeta {
    const relation = hasOwn(this.meta.relations, name) ? this.meta.relations[name] : undefined;
    if (relation === undefined) this.fail(`unknown relation ${JSON.stringify(name)} in ${where}`);
    return relation;
  }

  /** The join condition of relation `name`, its target compiled for the same dialect (checked on first use). */
  relationFields(name: string): RelationFields {
    let cached = this.relationFieldsCache.get(name);
    if (cached !== undefined) return cached;
    const relation = this.relation(name, 'relations');
    const target = tableContext(relation.target() as unknown as LooseTableMeta, this.dialect);
    if (relation.fields.length === 0 || relation.fields.length !== relation.targetFields.length) {
      this.fail(`relation ${JSON.stringify(name)} has mismatched fields and targetFields`);
    }
    cached = {
      local: relation.fields.map((field) => this.field(field, `relation ${JSON.stringify(name)}`)),
      remote: relation.targetFields.map((field) => target.field(field, `relation ${JSON.stringify(this.meta.table + '.' + name)}`)),
      target,
    };
    this.relationFieldsCache.set(name, cached);
    return cached;
  }

  /** The cached statement text for `key`, built by `build` on first use (the cache is bounded). */
  text(key: string, build: () => string): string {
    let text = this.texts.get(key);
    if (text === undefined) {
      if (this.texts.size >= MAX_CACHED_TEXTS) this.texts.clear();
      text = build();
      this.texts.set(key, text);
    }
    return text;
  }
}

const contexts: Record<Dialect, WeakMap<object, TableContext>> = { postgres: new WeakMap(), sqlite: new WeakMap() };

/** The compiled form of `meta` for `dialect`, built once per metadata object. */
export function tableContext(meta: LooseTableMeta | TableMeta<any, any>, dialect: Dialect): TableContext {
  if (dialect !== 'postgres' && dialect !== 'sqlite') throw new SqlBuilderError(`unknown dialect ${JSON.stringify(dialect)}`);
  let context = contexts[dialect].get(meta);
  if (context === undefined) {
    context = new TableContext(meta as unknown as LooseTableMeta, dialect);
    contexts[dialect].set(meta, context);
  }
  return context;
}
