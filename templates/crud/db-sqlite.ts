/**
 * The better-sqlite3 adapter (`db-sqlite.ts`, re-exported by `db.ts`). It accepts any object of
 * better-sqlite3's shape, so the generated code compiles without `@types/better-sqlite3`.
 */
import type { Db, QueryOptions } from './db.js';
import { toDatabaseError } from './db-errors.js';
import { type Connection, SessionDb, explicitTransaction } from './db-session.js';

/** The part of a better-sqlite3 (12.x) `Statement` the adapter uses. */
export interface SqliteStatement {
  /** Whether the statement returns rows (a `SELECT`, or a write with `RETURNING`). */
  readonly reader: boolean;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): unknown;
  safeIntegers(toggle?: boolean): unknown;
}

/** The part of a better-sqlite3 (12.x) `Database` the adapter uses. */
export interface SqliteDatabase {
  prepare(source: string): SqliteStatement;
  exec(source: string): unknown;
}

/** Options of {@link sqliteDb}. */
export interface SqliteDbOptions {
  /** How many prepared statements to keep per integer mode (default 500); the oldest goes first. */
  readonly statementCacheSize?: number;
}

/**
 * A `Db` over a better-sqlite3 `Database` (12.x), e.g. `sqliteDb(new Database('app.db'))`.
 * Turns on `PRAGMA foreign_keys`. Statements are prepared once per text and reused; a
 * transaction is `BEGIN` … `COMMIT` on the connection (better-sqlite3's own `transaction()`
 * cannot await), nested ones are savepoints, and queries issued outside a transaction while it
 * is open wait until it ends. Values must be SQLite-ready (numbers, strings, bigints, buffers,
 * null; `undefined` is bound as null).
 *
 * What arrives: INTEGER as `number` (as `bigint` with `{ bigint: true }`, whatever the
 * database's `defaultSafeIntegers`), REAL as `number`, TEXT as `string`, BLOB as `Buffer`.
 * Constraint violations are thrown as `DatabaseError` subclasses; other errors as they come.
 */
export function sqliteDb(database: SqliteDatabase, options: SqliteDbOptions = {}): Db {
  try {
    database.exec('PRAGMA foreign_keys = ON');
  } catch (error) {
    throw toDatabaseError(error);
  }
  const connection = sqliteConnection(database, options.statementCacheSize ?? 500);
  const open = explicitTransaction(connection, { begin: 'BEGIN', commit: 'COMMIT', rollback: 'ROLLBACK' });
  return new SessionDb(connection, open, true);
}

const NO_VALUES: readonly unknown[] = [];

function sqliteConnection(database: SqliteDatabase, cacheSize: number): Connection {
  const numbers = new StatementCache(database, false, cacheSize);
  const bigints = new StatementCache(database, true, cacheSize);
  return {
    dialect: 'sqlite',
    async query<R>(text: string, values: readonly unknown[] | undefined, options: QueryOptions | undefined): Promise<R[]> {
      try {
        const { statement, columns } = (options?.bigint === true ? bigints : numbers).get(text);
        // better-sqlite3 binds the elements of an array argument, so the values are not spread.
        const bound = values === undefined ? NO_VALUES : withoutUndefined(values);
        if (columns !== undefined) return asObjects(statement.all(bound) as readonly (readonly unknown[])[], columns) as R[];
        if (statement.reader) return statement.all(bound) as R[];
        statement.run(bound);
        return [];
      } catch (error) {
        throw toDatabaseError(error);
      }
    },
    async exec(script: string): Promise<void> {
      try {
        database.exec(script);
      } catch (error) {
        throw toDatabaseError(error);
      }
    },
  };
}

/** `values`, or a copy with `undefined` turned into `null` (better-sqlite3 rejects `undefined`). */
function withoutUndefined(values: readonly unknown[]): readonly unknown[] {
  for (let i = 0; i < values.length; i++) {
    if (values[i] === undefined) return values.map((value) => (value === undefined ? null : value));
  }
  return values;
}

/** A cached statement, with its result column names when its rows are read as arrays. */
interface Prepared {
  readonly statement: SqliteStatement;
  readonly columns: readonly string[] | undefined;
}

/** better-sqlite3's array rows: detected at run time, so `SqliteStatement` asks nothing more of a driver. */
interface ArrayRows {
  raw(toggle?: boolean): unknown;
  columns(): readonly { readonly name: string }[];
}

const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;

/**
 * The result column names of `statement` when its rows should be read as arrays and made into
 * objects here, else `undefined`. better-sqlite3 builds each object row through V8's C++ API,
 * which measured about twice as slow for a one-row read (and the objects slower to read) than
 * arrays turned into objects in JavaScript. Only for readers whose text fixes the result columns
 * (no `*`, which a schema change could widen) and whose names give the same object by plain
 * assignment (distinct, not `__proto__`, not array indexes); other statements keep the driver's
 * objects.
 */
function arrayRowColumns(statement: SqliteStatement, text: string): readonly string[] | undefined {
  const capable = statement as SqliteStatement & Partial<ArrayRows>;
  if (!statement.reader || text.includes('*') || typeof capable.raw !== 'function' || typeof capable.columns !== 'function') return undefined;
  const names = capable.columns().map((column) => column.name);
  if (new Set(names).size !== names.length || names.some((name) => name === '__proto__' || ARRAY_INDEX.test(name))) return undefined;
  capable.raw(true);
  return names;
}

/** Array rows as the objects better-sqlite3 would have made: the columns' names as keys, in order. */
function asObjects(rows: readonly (readonly unknown[])[], columns: readonly string[]): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = new Array(rows.length);
  for (let at = 0; at < rows.length; at++) {
    const row = rows[at] as readonly unknown[];
    const object: Record<string, unknown> = {};
    for (let column = 0; column < columns.length; column++) object[columns[column] as string] = row[column];
    objects[at] = object;
  }
  return objects;
}

/**
 * Prepared statements by text, in one integer mode. First in, first out rather than least
 * recently used: a hit then costs one `Map.get` and no reordering, and a hot statement evicted by
 * a stream of one-off texts is simply prepared again once.
 */
class StatementCache {
  readonly #statements = new Map<string, Prepared>();
  readonly #database: SqliteDatabase;
  readonly #bigint: boolean;
  readonly #size: number;

  constructor(database: SqliteDatabase, bigint: boolean, size: number) {
    this.#database = database;
    this.#bigint = bigint;
    this.#size = Math.max(1, size);
  }

  get(text: string): Prepared {
    const cached = this.#statements.get(text);
    if (cached !== undefined) return cached;
    const statement = this.#database.prepare(text);
    // Set either way, so the database's `defaultSafeIntegers` cannot change what arrives.
    statement.safeIntegers(this.#bigint);
    const prepared: Prepared = { statement, columns: arrayRowColumns(statement, text) };
    if (this.#statements.size >= this.#size) {
      const oldest = this.#statements.keys().next();
      if (oldest.done !== true) this.#statements.delete(oldest.value);
    }
    this.#statements.set(text, prepared);
    return prepared;
  }
}
