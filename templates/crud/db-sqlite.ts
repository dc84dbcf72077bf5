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
        const statement = (options?.bigint === true ? bigints : numbers).get(text);
        // better-sqlite3 binds the elements of an array argument, so the values are not spread.
        const bound = values === undefined ? NO_VALUES : withoutUndefined(values);
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

/**
 * Prepared statements by text, in one integer mode. First in, first out rather than least
 * recently used: a hit then costs one `Map.get` and no reordering, and a hot statement evicted by
 * a stream of one-off texts is simply prepared again once.
 */
class StatementCache {
  readonly #statements = new Map<string, SqliteStatement>();
  readonly #database: SqliteDatabase;
  readonly #bigint: boolean;
  readonly #size: number;

  constructor(database: SqliteDatabase, bigint: boolean, size: number) {
    this.#database = database;
    this.#bigint = bigint;
    this.#size = Math.max(1, size);
  }

  get(text: string): SqliteStatement {
    const cached = this.#statements.get(text);
    if (cached !== undefined) return cached;
    const statement = this.#database.prepare(text);
    // Set either way, so the database's `defaultSafeIntegers` cannot change what arrives.
    statement.safeIntegers(this.#bigint);
    if (this.#statements.size >= this.#size) {
      const oldest = this.#statements.keys().next();
      if (oldest.done !== true) this.#statements.delete(oldest.value);
    }
    this.#statements.set(text, statement);
    return statement;
  }
}
