/**
 * Runtime of the generated SQL builders: turns a typed query description into
 * `{ text, values }` for one dialect. Emitted as it is into the output folder with the files it
 * imports (`sql-types.ts`, `sql-codecs.ts`, `sql-context.ts`, `sql-where.ts`, `sql-select.ts`,
 * `sql-write.ts`, `sql-decode.ts`); the generated `<entity>.sql.ts` files only describe tables
 * (`TableMeta`) and bind them here with `createTableSql`. It imports nothing else, so it runs
 * wherever the drivers do (Node, browsers, edge runtimes).
 *
 * Safety rules, enforced here once for every table:
 * - values are always bound parameters (`$1` on PostgreSQL, `?` on SQLite), never spliced;
 * - identifiers are always quoted (`"name"`, with `"` doubled), and only identifiers that come
 *   from the table's own metadata reach SQL: every field named in `where`, `orderBy`, `columns`,
 *   `set`, a cursor, a join, an insert or an upsert is checked against the metadata at run time
 *   (own properties only, so `__proto__` or `constructor` are unknown; relation names in `join`
 *   and cursors likewise) as well as by the types
 *   at compile time, and an unknown one throws `SqlBuilderError` naming the table and the key;
 * - `update` and `delete` refuse a filter without any condition unless `all: true` is given;
 * - no statement binds more values than `MAX_BOUND_VALUES[dialect]` (a long `in` list throws a
 *   `SqlBuilderError` naming the table and the count; `insertChunks` splits rows under it).
 *
 * Statement texts that do not depend on the values (select all, select by key, count, one-row
 * inserts of a given shape, `RETURNING` lists) are built once per table and dialect and are the
 * same string on every call, so adapters can cache prepared statements by text.
 */
import { tableContext, type TableContext } from './sql-context.js';
import { decodeCountRow, decodeRow } from './sql-decode.js';
import { buildCount, buildSelect, buildSelectByKey, type LooseSelect } from './sql-select.js';
import { buildDelete, buildInsert, buildInsertChunks, buildUpdate, buildUpsert, type LooseFilter, type LooseUpsert } from './sql-write.js';
import type { Dialect, InsertChunksOptions, InsertOptions, Query, TableMeta, TableSql } from './sql-types.js';

export * from './sql-types.js';
export { decodeValue, encodeValue, formatDate, isoString, parseTimestamp } from './sql-codecs.js';
export { hasCondition, likeToGlob } from './sql-where.js';

/** `TableSql` over a compiled table; the public types are restored by `createTableSql`. */
class TableSqlImpl {
  private readonly ctx: TableContext;
  readonly meta: TableMeta<unknown, unknown>;

  // Fields, not parameter properties, so the runtime stays erasable TypeScript.
  constructor(ctx: TableContext, meta: TableMeta<unknown, unknown>) {
    this.ctx = ctx;
    this.meta = meta;
  }

  get dialect(): Dialect {
    return this.ctx.dialect;
  }

  select(options?: LooseSelect): Query {
    return buildSelect(this.ctx, options);
  }

  selectByKey(key: unknown): Query {
    return buildSelectByKey(this.ctx, key);
  }

  count(where?: unknown): Query {
    return buildCount(this.ctx, where);
  }

  insert(rows: unknown, options?: InsertOptions): Query {
    return buildInsert(this.ctx, rows, options?.returning === true);
  }

  insertChunks(rows: unknown, options?: InsertChunksOptions): Query[] {
    return buildInsertChunks(this.ctx, rows, options?.returning === true, options?.maxValues);
  }

  update(options: LooseFilter & { readonly set: unknown }): Query {
    return buildUpdate(this.ctx, options);
  }

  delete(options: LooseFilter): Query {
    return buildDelete(this.ctx, options);
  }

  upsert(options: LooseUpsert): Query {
    return buildUpsert(this.ctx, options);
  }

  decode(row: Record<string, unknown>): unknown {
    return decodeRow(this.ctx, row);
  }

  decodeCount(row: Record<string, unknown> | undefined): number {
    return decodeCountRow(this.ctx, row);
  }
}

/**
 * The builders of `meta`'s table for `dialect`. The metadata is compiled once per metadata
 * object and dialect (later calls share it); relation targets are resolved on first use.
 * @throws SqlBuilderError for invalid metadata: no columns, an empty or NUL-containing name, a
 * field or relation name containing `.` or named `__proto__`, a relation named like a field, or
 * a primary key or unique constraint naming an unknown field.
 */
export function createTableSql<Row, Relations = {}>(meta: TableMeta<Row, Relations>, dialect: Dialect): TableSql<Row, Relations> {
  return new TableSqlImpl(tableContext(meta, dialect), meta as TableMeta<unknown, unknown>) as unknown as TableSql<Row, Relations>;
}
