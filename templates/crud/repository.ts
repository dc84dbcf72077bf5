/**
 * Runtime of the generated repositories: one generic `Repository` that the generated
 * `<Entity>Repository` classes extend with their types, validators and table description.
 * Emitted as it is into the output folder (`repository.ts`); it needs only the SQL builders
 * (`sql-runtime.ts`) and the database seam (`db.ts`) emitted beside it.
 *
 * What every repository guarantees:
 * - inputs are checked by the generated validators before any SQL runs (a `ValidationError`
 *   naming each bad field);
 * - statements come from the SQL builders: values bound, identifiers quoted and allow-listed;
 * - rows come back as the generated row types (`Date`s, booleans, JSON, `bigint`s decoded);
 * - `include` loads each relation with one extra query, however many rows were read (no N+1);
 * - a multi-statement write (`createMany` over several chunks) runs in one transaction.
 */
import { ForeignKeyViolationError, UniqueViolationError, withTable, type DatabaseError, type Db, type QueryOptions } from './db.js';
import { afterIssues, atPrecision, filterIssues, keyIssues, listIssues, storageIssues, type StorageIssue, type ValueRules } from './repository-values.js';
import { createTableSql, hasCondition, SqlBuilderError, type ColumnMeta, type Dialect, type Distinct, type OrderBy, type RelationMeta, type TableMeta, type TableSql, type Where } from './sql-runtime.js';

export type { StorageIssue, ValueRule, ValueRules } from './repository-values.js';

/** What a generated repository tells the generic one about its entity. */
export interface RepositoryDefinition<Row, Create, Update, Key, Relations> {
  readonly table: TableMeta<Row, Relations>;
  /** Checks a create input and returns it typed; throws the validators' `ValidationError`. */
  readonly checkCreate: (input: unknown) => Create;
  /**
   * Checks every input of a `createMany`; throws one `ValidationError` with the issues of all bad
   * inputs, each path prefixed with the input's index (`/2/email`).
   */
  readonly checkCreateMany: (inputs: readonly unknown[]) => Create[];
  /** Checks an update patch and returns it typed; throws the validators' `ValidationError`. */
  readonly checkUpdate: (input: unknown) => Update;
  /** The primary key as an equality filter: `(id) => ({ id })`, or the fields of a composite key. */
  readonly keyWhere: (key: Key) => Where<Row>;
  /** Fields set to the current time on every update (`@updatedAt`), and on insert. */
  readonly updatedAt: readonly (keyof Row & string)[];
  /** Fields set to the current time on insert (`@createdAt`, TypeORM's `@CreateDateColumn()`); none when absent. */
  readonly createdAt?: readonly (keyof Row & string)[];
  /**
   * `@generated uuid` fields (TypeORM's `@PrimaryGeneratedColumn('uuid')`), given a random
   * lower-case uuid on insert. Made here rather than left to the column's default: TypeORM makes
   * the uuid in JavaScript, so a table it created on SQLite has no default, and an insert without
   * the key failed NOT NULL.
   */
  readonly generatedUuid?: readonly (keyof Row & string)[];
  /**
   * The fields `create` and `upsert` write: those of `Create`. Anything else in an input (a
   * generated key, a timestamp, a column the input type leaves out) is never written, whatever
   * a caller passes at run time (`create(request.body)`).
   */
  readonly createFields: readonly (keyof Row & string)[];
  /** The fields `update` and `updateMany` write: those of `Update`. */
  readonly updateFields: readonly (keyof Row & string)[];
  /**
   * What each field's SQL type holds beyond its codec (an integer's range, `char(n)`, `time`,
   * `numeric(p, s)`, a uuid, a timestamp's precision): filter and key values are checked by it.
   */
  readonly values?: ValueRules;
  /**
   * Throws the validators' `ValidationError` for values the types accept but no engine stores
   * or compares alike (see `repository-values.ts`): in inputs, filters and keys. Without it
   * (inputs not validated) a `SqlBuilderError` is thrown.
   */
  readonly refuse?: (issues: readonly StorageIssue[]) => never;
}

/** The names of the many-to-many relations in `Relations` (those whose rows are lists, with a join table at run time). */
export type ManyToManyName<Relations> = { [R in keyof Relations]: Relations[R] extends readonly unknown[] ? R : never }[keyof Relations] & string;

/** Which relations to load with the rows: `{ author: true, reviews: true }`. One level deep. */
export type Include<Relations> = { readonly [R in keyof Relations]?: boolean | undefined };

/** A row with the included relations: to-many relations as arrays, to-one as the row or `null`. */
export type WithIncluded<Row, Relations, I> = Row & {
  -readonly [R in keyof I & keyof Relations as I[R] extends true ? R : never]: Relations[R] extends readonly unknown[]
    ? Relations[R]
    : Relations[R] | null;
};

export interface FindManyOptions<Row, Relations, I extends Include<Relations>> {
  where?: Where<Row> | undefined;
  /** Sort order; the primary key is the implicit last key when `after` is given. */
  orderBy?: OrderBy<Row> | undefined;
  /** At most this many rows (a non-negative integer). */
  limit?: number | undefined;
  /** Skip this many rows (a non-negative integer). */
  offset?: number | undefined;
  /** Keyset pagination: the last row of the previous page (its `orderBy` and key fields are read). */
  after?: Partial<Row> | undefined;
  include?: I | undefined;
}

/** Any conflict target the builders take: the default of `Repository`'s `Conflict`. */
export type UpsertConflict<Row> = 'primaryKey' | string | readonly (keyof Row & string)[];

/**
 * The fields an upsert may overwrite on a conflict: those of the repository's `Update` (the
 * mutable columns: not the key, not generated, not stamped, not read-only); none when it is `never`.
 */
export type UpsertField<Update> = [Update] extends [never] ? never : keyof Update & string;

/**
 * `upsert`'s options. `Conflict` is the table's conflict targets: a generated repository gives
 * `'primaryKey'`, its unique constraints' names and the field lists of its key and of each unique
 * constraint (in any order for up to three fields), so a list that is no unique target
 * (`['name']`) does not compile; at run time it is a `SqlBuilderError` before the database.
 * `Fields` is the `update` list as written: a generated repository takes the fields of its
 * `Update` only, and a list written out that names one twice (`['name', 'name']`) does not
 * compile either; at run time both are a `SqlBuilderError` before the database.
 */
export interface UpsertOptions<Row, Conflict = UpsertConflict<Row>, Fields extends readonly string[] = readonly (keyof Row & string)[]> {
  /** The conflict target: `'primaryKey'` (default), a unique constraint's name, or the fields of the key or of a unique constraint. */
  conflict?: Conflict | undefined;
  /**
   * The fields to overwrite on conflict, each once, among those of `Update` that the input gives
   * (default: every one it gives outside the conflict target); `[]` is DO NOTHING.
   */
  update?: Distinct<Fields> | undefined;
}

type AnyRow = Record<string, unknown>;

/**
 * A random version-4 uuid, lower case: Web Crypto's `randomUUID`, global in Node.js 19+, Deno, Bun
 * and browsers (typed here so the generated code compiles without the DOM or Node.js types).
 */
function randomUuid(): string {
  return (globalThis as unknown as { crypto: { randomUUID(): string } }).crypto.randomUUID();
}

/** Builders per table and dialect, shared by every repository instance (transactions make many). */
const builders = new WeakMap<TableMeta<any, any>, Partial<Record<Dialect, TableSql<any, any>>>>();

function tableSql<Row, Relations>(meta: TableMeta<Row, Relations>, dialect: Dialect): TableSql<Row, Relations> {
  let byDialect = builders.get(meta);
  if (!byDialect) builders.set(meta, (byDialect = {}));
  return (byDialect[dialect] ??= createTableSql(meta, dialect)) as TableSql<Row, Relations>;
}

/**
 * The generic repository. `Row` is the table's row type, `Create` the input of `create`
 * (generated and read-only fields left out, defaulted ones optional), `Update` the patch of
 * `update` (mutable fields, all optional), `Key` the primary key (a value, or an object for a
 * composite key) and `Relations` the related rows by relation name.
 */
export class Repository<Row, Create, Update, Key, Relations = {}, Conflict = UpsertConflict<Row>> {
  /** The SQL builders of this table for the database's dialect. */
  protected readonly sql: TableSql<Row, Relations>;

  /** The database or transaction the repository runs on. */
  readonly db: Db;
  protected readonly definition: RepositoryDefinition<Row, Create, Update, Key, Relations>;

  // Fields assigned here rather than parameter properties: the file stays erasable TypeScript.
  constructor(db: Db, definition: RepositoryDefinition<Row, Create, Update, Key, Relations>) {
    this.db = db;
    this.definition = definition;
    this.sql = tableSql(definition.table, db.dialect);
  }

  /** Inserts one row; returns it as stored (generated keys, defaults and timestamps filled in). */
  async create(input: Create): Promise<Row> {
    const values = this.picked(this.definition.checkCreate(input), this.definition.createFields);
    this.stamp(values as AnyRow, new Date(), true);
    this.identify(values as AnyRow);
    const [row] = await this.run(this.sql.insert(values, { returning: true }));
    return this.sql.decode(row as AnyRow);
  }

  /**
   * Inserts many rows with one statement per chunk (chunks stay under the dialect's limit of
   * bound values); several chunks run in one transaction. Returns the stored rows in input order.
   * Every input is checked before any SQL runs: a `ValidationError` names the issues of all bad
   * inputs, each path starting with the input's index (`/2/email`).
   */
  async createMany(inputs: readonly Create[]): Promise<Row[]> {
    if (inputs.length === 0) return [];
    const issues: StorageIssue[] = [];
    const now = new Date();
    const rows = this.definition.checkCreateMany(inputs).map((input, index) => {
      const values = this.pick(input, this.definition.createFields);
      this.stamp(values as AnyRow, now, true);
      this.identify(values as AnyRow);
      for (const issue of storageIssues(values, this.columns(), this.definition.values)) issues.push({ ...issue, path: `/${index}${issue.path}` });
      return values;
    });
    this.refuseAny(issues);
    const queries = this.sql.insertChunks(rows, { returning: true });
    const runAll = async (db: Db): Promise<Row[]> => {
      const stored: Row[] = [];
      for (const query of queries) {
        for (const row of await this.runOn(db, query, this.definition.table)) stored.push(this.sql.decode(row));
      }
      return stored;
    };
    return queries.length === 1 ? runAll(this.db) : this.db.transaction(runAll);
  }

  /** The row with this primary key, or `undefined`. */
  async findById(key: Key): Promise<Row | undefined> {
    // One statement text per table, so the adapter reuses its prepared statement.
    const [row] = await this.run(this.sql.selectByKey(this.keyed(key) as Partial<Row>));
    return row === undefined ? undefined : this.sql.decode(row);
  }

  /** The first row matching `where` (in primary key order), or `undefined`. */
  async findOne(where: Where<Row>): Promise<Row | undefined> {
    const [row] = await this.run(this.sql.select({ where: this.filter(where), limit: 1 }));
    return row === undefined ? undefined : this.sql.decode(row);
  }

  /**
   * The rows matching `where`, sorted, paged, with the relations of `include` loaded; each
   * included list is in the related table's primary key order, on every engine.
   */
  async findMany<I extends Include<Relations> = {}>(options: FindManyOptions<Row, Relations, I> = {}): Promise<WithIncluded<Row, Relations, I>[]> {
    const { include, ...select } = options;
    if (select.where !== undefined) select.where = this.filter(select.where, '/where');
    if (select.after !== undefined) this.refuseAny(afterIssues(select.after, this.columns(), this.definition.values ?? {}, '/after'));
    const rows = (await this.run(this.sql.select(select))).map((row) => this.sql.decode(row) as AnyRow);
    if (include) {
      for (const name of Object.keys(include) as (keyof Relations & string)[]) {
        if (include[name] === true) await this.loadRelation(rows, name);
      }
    }
    return rows as WithIncluded<Row, Relations, I>[];
  }

  /** How many rows match `where` (all rows without it). */
  async count(where?: Where<Row> | undefined): Promise<number> {
    const [row] = await this.run(this.sql.count(where === undefined ? undefined : this.filter(where)));
    return this.sql.decodeCount(row);
  }

  /** Applies `patch` to the row with this key; returns the updated row, or `undefined` if there is none. */
  async update(key: Key, patch: Update): Promise<Row | undefined> {
    const where = this.keyed(key);
    const set = this.changes(this.definition.checkUpdate(patch));
    if (Object.keys(set).length === 0) return this.findById(key);
    const [row] = await this.run(this.sql.update({ set, where, returning: true }), this.definition.table, this.writing(Object.keys(set)));
    return row === undefined ? undefined : this.sql.decode(row);
  }

  /**
   * Applies `patch` to every row matching `where` (`{}` matches all rows, on purpose; a filter
   * whose conditions are all `undefined` is refused); returns how many rows changed.
   */
  async updateMany(where: Where<Row>, patch: Update): Promise<number> {
    const set = this.changes(this.definition.checkUpdate(patch));
    if (Object.keys(set).length === 0) return this.count(this.filter(where));
    const query = this.sql.update({ set, ...writeFilter(this.filter(where)), returning: true });
    return (await this.run(query, this.definition.table, this.writing(Object.keys(set)))).length;
  }

  /**
   * Inserts `input`, or on a conflict with an existing row (by default on the primary key)
   * updates that row instead; returns the stored row.
   */
  async upsert<const Fields extends readonly UpsertField<Update>[] = readonly UpsertField<Update>[]>(input: Create, options: UpsertOptions<Row, Conflict, Fields> = {}): Promise<Row> {
    const values = this.picked(this.definition.checkCreate(input), this.definition.createFields);
    this.stamp(values as AnyRow, new Date(), true);
    const conflict = (options.conflict as UpsertConflict<Row> | undefined) ?? this.defaultConflict(values);
    const target = this.conflictFields(conflict);
    // A conflict target the input lacks a field of can never conflict: the upsert would be an insert
    // in disguise, and the row read back after DO NOTHING another one (tester9 F7).
    const missing = target.find((field) => (values as AnyRow)[field] === undefined || (values as AnyRow)[field] === null);
    if (missing !== undefined) {
      throw new SqlBuilderError(`upsert into ${JSON.stringify(this.definition.table.table)}: the input needs a value for conflict field ${JSON.stringify(missing)}`);
    }
    // After the conflict target is chosen: a new uuid conflicts with no row.
    this.identify(values as AnyRow);
    // What DO UPDATE sets: the given list, else the fields of `Update` the input gives outside the
    // target, and the `@updatedAt` stamps either way (a conflicting row is touched, as before).
    const updated = this.stamped(options.update === undefined
      ? Object.keys(values).filter((field) => this.definition.updateFields.includes(field as keyof Row & string) && !target.includes(field))
      : this.listedUpdate(options.update as unknown), options.update === undefined);
    const query = this.sql.upsert({ values, conflict, update: updated as (keyof Row & string)[], returning: true });
    const [row] = await this.run(query, this.definition.table, this.writing(updated));
    if (row !== undefined) return this.sql.decode(row);
    // DO NOTHING (nothing to update) returns no row: read the existing one.
    const existing = await this.findOne(this.conflictWhere(values, conflict));
    if (existing === undefined) throw new Error(`upsert into ${this.definition.table.table} returned no row`);
    return existing;
  }

  /**
   * An upsert's own `update` list, checked before any SQL runs (a `SqlBuilderError` naming the
   * table and the field): a list of the fields of `Update`, each once. A field named twice reached
   * PostgreSQL as `multiple assignments to same column`; a field of the key would move the
   * conflicting row to another key (rows elsewhere may refer to it); a read-only or generated field
   * is never changed after its insert, and a `@createdAt` stamp never overwritten.
   */
  private listedUpdate(listed: unknown): readonly string[] {
    const table = JSON.stringify(this.definition.table.table);
    if (!Array.isArray(listed)) throw new SqlBuilderError(`upsert into ${table}: update must be a list of fields`);
    const seen = new Set<string>();
    for (const field of listed as readonly unknown[]) {
      const name = JSON.stringify(field);
      if (typeof field !== 'string' || !Object.prototype.hasOwnProperty.call(this.definition.table.columns, field)) {
        throw new SqlBuilderError(`upsert into ${table}: update names ${typeof field === 'string' ? name : String(field)}, which is no field of the table`);
      }
      if (seen.has(field)) throw new SqlBuilderError(`upsert into ${table}: update names ${name} twice`);
      seen.add(field);
      if ((this.definition.createdAt ?? []).includes(field as keyof Row & string)) throw new SqlBuilderError(`upsert into ${table}: ${name} is a creation stamp, never updated`);
      if (this.definition.updatedAt.includes(field as keyof Row & string)) {
        throw new SqlBuilderError(`upsert into ${table}: update names ${name}, an update stamp: every row an upsert updates is stamped, so leave it out`);
      }
      if (this.definition.table.primaryKey.includes(field as keyof Row & string)) {
        throw new SqlBuilderError(`upsert into ${table}: update names ${name}, a field of the primary key, which an upsert never changes`);
      }
      if (!this.definition.updateFields.includes(field as keyof Row & string)) {
        const mutable = this.definition.updateFields.join(', ') || 'none';
        throw new SqlBuilderError(`upsert into ${table}: update names ${name}, which is never updated (a read-only, generated or stamped field; those an upsert may overwrite: ${mutable})`);
      }
    }
    return listed as readonly string[];
  }

  /**
   * What DO UPDATE sets: `fields`, plus the `@updatedAt` stamps: a row updated by DO UPDATE is
   * stamped however the fields were chosen (tester9 F12: with `update: ['name']` the stamp stayed
   * at the insert's time). A list of none (`update: []`) is DO NOTHING, which updates no row and so
   * stamps none; the default list (`byDefault`) stamps a conflicting row even when it sets nothing else.
   */
  private stamped(fields: readonly string[], byDefault: boolean): readonly string[] {
    if (fields.length === 0 && !byDefault) return fields;
    return [...fields, ...this.definition.updatedAt.filter((field) => !fields.includes(field))];
  }

  /** Deletes the row with this key; `true` if there was one. */
  async delete(key: Key): Promise<boolean> {
    return (await this.run(this.sql.delete({ where: this.keyed(key), returning: true }), this.definition.table, this.writing(null))).length > 0;
  }

  /**
   * Deletes every row matching `where` (`{}` deletes all rows, on purpose; a filter whose
   * conditions are all `undefined` is refused, so a missing value never widens a delete);
   * returns how many rows went.
   */
  async deleteMany(where: Where<Row>): Promise<number> {
    return (await this.run(this.sql.delete({ ...writeFilter(this.filter(where)), returning: true }), this.definition.table, this.writing(null))).length;
  }

  /**
   * Links the row with key `key` to the rows with `targetKeys` along the many-to-many relation
   * `relation` (rows of its join table; a link that exists already is kept). Returns how many
   * links were added.
   */
  async link(relation: ManyToManyName<Relations>, key: Key, targetKeys: readonly unknown[]): Promise<number> {
    if (targetKeys.length === 0) return 0;
    const { links, owner } = this.joinTable(relation, key);
    this.refuseAny(listIssues(targetKeys, links.meta.columns.link, '/targetKeys'));
    const values = targetKeys.map((link) => ({ owner, link: link as JoinRow['link'] }));
    // ON CONFLICT DO NOTHING returns only the rows it inserted, on both dialects.
    return (await this.run(links.upsert({ values, conflict: 'primaryKey', update: [], returning: true }), links.meta, { table: links.meta.table, ownKeys: true })).length;
  }

  /** Removes links of the row with key `key` along `relation`: to `targetKeys`, or all of them. Returns how many. */
  async unlink(relation: ManyToManyName<Relations>, key: Key, targetKeys?: readonly unknown[]): Promise<number> {
    const { links, owner } = this.joinTable(relation, key);
    if (targetKeys) this.refuseAny(listIssues(targetKeys, links.meta.columns.link, '/targetKeys'));
    const where: Where<JoinRow> = targetKeys ? { owner, link: { in: targetKeys as JoinRow['link'][] } } : { owner };
    return (await this.run(links.delete({ where, returning: true }), links.meta, { table: links.meta.table, ownKeys: false })).length;
  }

  private joinTable(name: string, key: Key): { links: TableSql<JoinRow, { target: AnyRow }>; owner: JoinRow['owner'] } {
    const relation = this.relationNamed(name);
    if (!relation.through || relation.kind !== 'many-to-many') {
      throw new SqlBuilderError(`table ${JSON.stringify(this.definition.table.table)}: ${JSON.stringify(name)} is not a many-to-many relation`);
    }
    const where = this.keyed(key) as AnyRow;
    const owner = where[relation.fields[0]!] as JoinRow['owner'];
    return { links: tableSql(joinTableMeta(this.definition.table, relation), this.db.dialect), owner };
  }

  /**
   * Runs `query`, whose rows come from `reads` (this table unless said: a relation's target, a
   * join table and its target) and which writes as `writes` says (this table, its own keys).
   */
  private run(
    query: { text: string; values: readonly unknown[] },
    reads: TableMeta<any, any> | readonly TableMeta<any, any>[] = this.definition.table,
    writes: Writes = { table: this.definition.table.table, ownKeys: true },
  ): Promise<AnyRow[]> {
    return this.runOn(this.db, query, reads, writes);
  }

  private async runOn(
    db: Db,
    query: { text: string; values: readonly unknown[] },
    reads: TableMeta<any, any> | readonly TableMeta<any, any>[],
    writes: Writes = { table: this.definition.table.table, ownKeys: true },
  ): Promise<AnyRow[]> {
    const options = Array.isArray(reads) ? Object.assign({}, ...reads.map(readOptions)) as QueryOptions : readOptions(reads as TableMeta<any, any>);
    try {
      return await db.query<AnyRow>(query.text, query.values, options);
    } catch (error) {
      throw this.located(error, writes);
    }
  }

  /**
   * How a write to this table that sets `fields` (`null`: a delete) meets foreign keys. A delete
   * breaks only keys of the tables whose rows point at the deleted ones, and so may an update
   * of a column other tables can reference: a key or unique column (SQL references nothing
   * else). Any other write breaks only this table's own keys.
   */
  private writing(fields: readonly string[] | null): Writes {
    const meta = this.definition.table;
    const referable = new Set<string>([...meta.primaryKey, ...Object.values(meta.uniques).flat()]);
    return { table: meta.table, ownKeys: fields !== null && !fields.some((field) => referable.has(field)) };
  }

  /**
   * A driver error completed with what this repository knows (SQLite's foreign key and check
   * errors name no table, its unique ones no constraint): the table written to and, on this
   * table, the unique constraint over the error's columns. A foreign key violation that may be
   * another table's is passed on as the engine said it (PostgreSQL names the referencing
   * table; on SQLite it then has no table rather than a wrong one).
   */
  private located(error: unknown, writes: Writes): unknown {
    if (!writes.ownKeys && error instanceof ForeignKeyViolationError) return error;
    if (writes.table !== this.definition.table.table) return withTable(error, writes.table);
    return withTable(error, writes.table, (violation) => this.uniqueConstraintOf(violation));
  }

  /** The unique constraint (or primary key) over the error's columns, which SQLite does not name. */
  private uniqueConstraintOf(error: DatabaseError): string | undefined {
    if (!(error instanceof UniqueViolationError) || error.columns.length === 0) return undefined;
    const meta = this.definition.table;
    const wanted = [...error.columns].sort().join('\u0000');
    const columnsOf = (fields: readonly string[]) => fields.map((field) => meta.columns[field as keyof Row & string]?.name).sort().join('\u0000');
    if (meta.primaryKeyConstraint !== undefined && columnsOf(meta.primaryKey) === wanted) return meta.primaryKeyConstraint;
    return Object.keys(meta.uniques).find((name) => columnsOf(meta.uniques[name]!) === wanted);
  }

  /**
   * `where` as given, unless it names fields but sets no condition (`{ email: undefined }`,
   * typically a missing input value, or only empty `notIn: []` / `and: []` lists or a `not` of an
   * empty `in: []` / `or: []`, typically an empty list of ids): reading or writing every row then
   * would be a mistake, so it is refused. A `not` of a filter without condition is refused by the
   * builders, at any depth.
   * `{}` is every row, on purpose.
   */
  private filter(where: Where<Row>, path = ''): Where<Row> {
    if (Object.keys(where).length === 0) return where;
    if (hasCondition(where)) {
      this.refuseAny(filterIssues(where, this.columns(), this.definition.values ?? {}, path));
      return where;
    }
    throw new SqlBuilderError(
      `table ${JSON.stringify(this.definition.table.table)}: the filter ${describeFilter(where)} sets no condition (its values are undefined, or empty notIn or and lists, or it negates an empty in or or list); pass {} to mean every row`,
    );
  }

  /** The given `fields` of a checked input; other keys a caller passed are never written. */
  private picked(input: unknown, fields: readonly (keyof Row & string)[]): Partial<Row> {
    const values = this.pick(input, fields);
    this.refuseAny(storageIssues(values, this.columns(), this.definition.values));
    return values;
  }

  /** The defined values of `fields` in `input`, unchecked. */
  private pick(input: unknown, fields: readonly (keyof Row & string)[]): Partial<Row> {
    const source = input as AnyRow;
    const values: AnyRow = {};
    for (const field of fields) {
      const value = source[field];
      if (value !== undefined) values[field] = value;
    }
    return values as Partial<Row>;
  }

  /** Gives each `@generated uuid` field of a row to insert a random lower-case uuid (`generatedUuid`). */
  private identify(values: AnyRow): void {
    for (const field of this.definition.generatedUuid ?? []) values[field] = randomUuid();
  }

  /**
   * The primary key as a filter (`keyWhere`), its values checked as the column holds them, before
   * any SQL runs. Every key field needs a value (not `undefined`, not `null`): a composite key built
   * at run time without one (`{ memberId: 1 }` for the key (memberId, code)) would otherwise update
   * or delete every row matching the fields it has (tester9 F7). A composite key is an object whose
   * other names must be columns: they are ignored (the key alone picks the row, so a row read
   * before is its own key, as the types allow), never added to the filter nor dropped silently
   * when misspelt.
   * @throws SqlBuilderError for a missing key field, a composite key that is no object or names no column
   */
  private keyed(key: Key): Where<Row> {
    const meta = this.definition.table;
    const table = JSON.stringify(meta.table);
    if (meta.primaryKey.length === 0) throw new SqlBuilderError(`table ${table} has no primary key`);
    if (meta.primaryKey.length > 1) {
      if (typeof key !== 'object' || key === null || Array.isArray(key)) {
        throw new SqlBuilderError(`table ${table}: the key must be an object of the key fields ${meta.primaryKey.map((field) => JSON.stringify(field)).join(', ')}`);
      }
      const columns = this.columns();
      for (const name of Object.keys(key)) {
        if (!Object.prototype.hasOwnProperty.call(columns, name)) throw new SqlBuilderError(`table ${table}: unknown field ${JSON.stringify(name)} in the key`);
      }
    }
    const where = this.definition.keyWhere(key) as AnyRow;
    for (const field of meta.primaryKey) {
      if (where[field] === undefined || where[field] === null) throw new SqlBuilderError(`table ${table}: the key needs a value for key field ${JSON.stringify(field)}`);
    }
    this.refuseAny(keyIssues(where, this.columns(), this.definition.values ?? {}));
    return where as Where<Row>;
  }

  private columns(): Record<string, ColumnMeta> {
    return this.definition.table.columns as Record<string, ColumnMeta>;
  }

  /** Throws the issues found, if any: the validators' `ValidationError` (`refuse`), else a `SqlBuilderError`. */
  private refuseAny(issues: readonly StorageIssue[]): void {
    if (issues.length === 0) return;
    if (this.definition.refuse) this.definition.refuse(issues);
    throw new SqlBuilderError(`${this.definition.table.table}: ${issues.map((issue) => `${issue.path}: expected ${issue.expected}`).join('; ')}`);
  }

  /** The fields a patch sets, plus the `@updatedAt` stamps when it sets anything. */
  private changes(patch: unknown): Partial<Row> {
    const set = this.picked(patch, this.definition.updateFields) as AnyRow;
    if (Object.keys(set).length === 0) return set as Partial<Row>;
    this.stamp(set);
    return set as Partial<Row>;
  }

  /**
   * Sets the `@updatedAt` fields of `values` (and on insert the `@createdAt` ones) to `now`, as each
   * column keeps it: a `timestamptz(0)` column's in whole seconds, rounded as PostgreSQL rounds, so
   * SQLite stores what PostgreSQL would and the stamp read back is a value the repository takes
   * again. Written by the repository rather than left to the column's `DEFAULT now()`: in a
   * `timestamp without time zone` column (TypeORM's `@CreateDateColumn()` on PostgreSQL) now() is
   * the session's wall time, which reads back as another instant unless the server runs in UTC.
   */
  private stamp(values: AnyRow, now = new Date(), inserting = false): void {
    for (const field of this.definition.updatedAt) values[field] = atPrecision(now, this.definition.values?.[field]?.fraction);
    if (inserting) for (const field of this.definition.createdAt ?? []) values[field] = atPrecision(now, this.definition.values?.[field]?.fraction);
  }

  /**
   * The conflict target an upsert means when none is given: the primary key when the input
   * holds it, else the first unique constraint whose fields the input holds all of.
   */
  private defaultConflict(values: Partial<Row>): 'primaryKey' | string {
    const meta = this.definition.table;
    const given = (fields: readonly string[]) => fields.every((field) => (values as AnyRow)[field] !== undefined);
    if (given(meta.primaryKey)) return 'primaryKey';
    const unique = Object.keys(meta.uniques).find((name) => given(meta.uniques[name]!));
    if (unique !== undefined) return unique;
    throw new SqlBuilderError(
      `upsert into ${meta.table}: the input holds neither the primary key nor every field of a unique constraint; name the conflict target`,
    );
  }

  private conflictWhere(values: Partial<Row>, conflict: UpsertOptions<Row>['conflict'] & {}): Where<Row> {
    const where: AnyRow = {};
    for (const field of this.conflictFields(conflict)) where[field] = (values as AnyRow)[field] ?? null;
    return where as Where<Row>;
  }

  /** The fields of an upsert's conflict target. */
  private conflictFields(conflict: UpsertOptions<Row>['conflict'] & {}): readonly string[] {
    const meta = this.definition.table;
    return conflict === 'primaryKey' ? meta.primaryKey : typeof conflict === 'string' ? (meta.uniques[conflict] ?? []) : conflict;
  }

  /**
   * Loads relation `name` for every row with one query (one per chunk of 1,000 distinct keys,
   * well under every engine's limit of bound values) and attaches it to each row.
   */
  private async loadRelation(rows: AnyRow[], name: keyof Relations & string): Promise<void> {
    const relation = this.relationNamed(name);
    const targetMeta = relation.target();
    const target = tableSql(targetMeta, this.db.dialect);
    const toMany = relation.kind === 'one-to-many' || relation.kind === 'many-to-many';
    for (const row of rows) row[name] = toMany ? [] : null;
    if (rows.length === 0) return;
    if (relation.through) return this.loadThrough(rows, name, relation);
    const byKey = new Map<string, AnyRow[]>();
    for (const keys of chunks(distinctKeys(rows, relation.fields))) {
      // `orderBy: []` sorts by the target's primary key: without ORDER BY each engine returns its
      // own plan's order, and the included lists would differ between SQLite and PostgreSQL.
      const related = await this.run(target.select({ where: keysWhere(relation.targetFields, keys) as Where<unknown>, orderBy: [] }), targetMeta);
      for (const raw of related) {
        const item = target.decode(raw) as AnyRow;
        const key = keyString(item, relation.targetFields);
        const list = byKey.get(key);
        if (list) list.push(item);
        else byKey.set(key, [item]);
      }
    }
    for (const row of rows) {
      const matches = byKey.get(keyString(row, relation.fields));
      if (matches) row[name] = toMany ? matches : (matches[0] ?? null);
    }
  }

  /** The relation called `name`, checked against the table's own relations (never an inherited key). */
  private relationNamed(name: string): RelationMeta {
    const relations = this.definition.table.relations as Record<string, RelationMeta>;
    if (!Object.prototype.hasOwnProperty.call(relations, name)) {
      throw new SqlBuilderError(`table ${JSON.stringify(this.definition.table.table)}: unknown relation ${JSON.stringify(name)} in include`);
    }
    return relations[name]!;
  }

  /**
   * A many-to-many in one query: the join table's rows for every owning key, each joined to
   * its target row (the join table is described on the fly from `relation.through`).
   */
  private async loadThrough(rows: AnyRow[], name: string, relation: RelationMeta): Promise<void> {
    const [field] = relation.fields;
    if (field === undefined) return;
    const joinMeta = joinTableMeta(this.definition.table, relation);
    const links = tableSql(joinMeta, this.db.dialect);
    const byOwner = new Map<string, AnyRow[]>();
    for (const keys of chunks(distinctKeys(rows, relation.fields))) {
      const owners = keys.map((key) => key[0] as JoinRow['owner']);
      // Sorted by the join table's key (owner, then target key), so each list is in target key order.
      const query = links.select({ where: { owner: { in: owners } }, join: { target: true }, orderBy: [] });
      for (const raw of await this.run(query, [relation.target(), joinMeta])) {
        const link = links.decode(raw) as JoinRow & { target: AnyRow | null };
        if (link.target === null) continue;
        const owner = String(link.owner);
        const list = byOwner.get(owner);
        if (list) list.push(link.target);
        else byOwner.set(owner, [link.target]);
      }
    }
    for (const row of rows) row[name] = byOwner.get(String(row[field])) ?? [];
  }
}

/**
 * The table a statement writes to, and whether a foreign key it breaks can only be that
 * table's own (else an error that names none is not given the table's name: see `located`).
 */
interface Writes {
  readonly table: string;
  readonly ownKeys: boolean;
}

/** A join table row: the owning side's key and the target's key (keys are scalars). */
interface JoinRow {
  owner: string | number | bigint;
  link: string | number | bigint;
}

const joinTables = new WeakMap<RelationMeta, TableMeta<JoinRow, { target: AnyRow }>>();

/** A many-to-many's join table as a two-column table with a to-one relation to the target. */
function joinTableMeta(owner: TableMeta<any, any>, relation: RelationMeta): TableMeta<JoinRow, { target: AnyRow }> {
  let meta = joinTables.get(relation);
  if (meta) return meta;
  const through = relation.through!;
  const target = relation.target();
  const ownerColumn = owner.columns[relation.fields[0]!] as ColumnMeta;
  const targetColumn = target.columns[relation.targetFields[0]!] as ColumnMeta;
  meta = {
    table: through.table,
    columns: {
      owner: { name: through.column, codec: ownerColumn.codec, nullable: false },
      link: { name: through.targetColumn, codec: targetColumn.codec, nullable: false },
    },
    primaryKey: ['owner', 'link'],
    uniques: {},
    relations: { target: { kind: 'many-to-one', target: relation.target, fields: ['link'], targetFields: relation.targetFields } },
  };
  joinTables.set(relation, meta);
  return meta;
}

/** A filter for messages: its field names only (its values may be anything, even secrets). */
function describeFilter(where: object): string {
  return `{ ${Object.keys(where).join(', ')} }`;
}

const readOptionsByTable = new WeakMap<TableMeta<any, any>, QueryOptions | undefined>();

/**
 * How rows of `meta` are read: 64-bit integers exactly when it has a `bigint` column, a `number`
 * in a 64-bit integer column (`int64`: decoded when a double holds it, never rounded) or a string
 * in an integer or decimal column (SQLite reads every integer as bigint then: a NUMERIC-affinity
 * decimal column that is not codegen's holds `'12345678901234567.00'` as an INTEGER), timestamps
 * as text when it has a timestamp column.
 */
function readOptions(meta: TableMeta<any, any>): QueryOptions | undefined {
  if (readOptionsByTable.has(meta)) return readOptionsByTable.get(meta);
  const columns = meta.columns as Record<string, ColumnMeta>;
  const codecs = new Set(Object.keys(columns).map((field) => columns[field]!.codec));
  const wide = codecs.has('bigint') || codecs.has('integer-text') || codecs.has('decimal-text') || Object.keys(columns).some((field) => columns[field]!.int64 === true);
  const options = { ...(wide ? { bigint: true } : {}), ...(codecs.has('timestamp') ? { timestamps: true } : {}) };
  const found = Object.keys(options).length > 0 ? options : undefined;
  readOptionsByTable.set(meta, found);
  return found;
}

/** Lists of at most `size` items. */
function chunks<T>(items: readonly T[], size = 1000): T[][] {
  const result: T[][] = [];
  for (let at = 0; at < items.length; at += size) result.push(items.slice(at, at + size));
  return result;
}

/** `{}` written on purpose means every row; anything else is a filter the builders check. */
function writeFilter<Row>(where: Where<Row>): { where: Where<Row> } | { all: true } {
  return Object.keys(where).length === 0 ? { all: true } : { where };
}

function distinctKeys(rows: readonly AnyRow[], fields: readonly string[]): unknown[][] {
  const seen = new Map<string, unknown[]>();
  for (const row of rows) {
    const values = fields.map((field) => row[field]);
    if (values.some((value) => value === null || value === undefined)) continue;
    seen.set(keyString(row, fields), values);
  }
  return [...seen.values()];
}

function keyString(row: AnyRow, fields: readonly string[]): string {
  if (fields.length === 1) return String(row[fields[0]!]);
  return JSON.stringify(fields.map((field) => String(row[field])));
}

function keysWhere(fields: readonly string[], keys: readonly unknown[][]): AnyRow {
  if (fields.length === 1) return { [fields[0]!]: { in: keys.map((key) => key[0]) } };
  return { or: keys.map((key) => Object.fromEntries(fields.map((field, at) => [field, key[at]]))) };
}
