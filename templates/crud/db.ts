/**
 * The database seam of the generated repositories: a minimal `Db` interface, adapters for the
 * drivers users bring (better-sqlite3, node-postgres `pg`, PGlite), transactions with
 * savepoints, and typed errors for constraint violations that read the same on every dialect.
 * Emitted as it is into the output folder (`db.ts`, with `db-errors.ts`, `db-session.ts`,
 * `db-sqlite.ts`, `db-postgres.ts` and `db-pglite.ts` beside it). It imports no driver: adapters
 * accept any object of the driver's shape, so the generated code compiles without the driver's
 * types.
 *
 * ```ts
 * const db = sqliteDb(new Database('app.db'));          // or postgresDb(pool), pgliteDb(pglite)
 * await db.transaction(async (tx) => {
 *   await tx.query('INSERT INTO authors (name) VALUES (?)', ['Ada']);
 *   await tx.transaction(async (inner) => { … });      // a savepoint: its throw undoes only it
 * });
 * ```
 */

/** The SQL dialect of a `Db`: placeholders, quoting and value encoding follow it. */
export type Dialect = 'postgres' | 'sqlite';

/** Per-statement options of {@link Db.query}. */
export interface QueryOptions {
  /**
   * Read 64-bit integers without losing precision (SQLite returns them as `bigint`; the caller
   * decodes). Set by repositories of tables with a `bigint` column. PostgreSQL adapters always
   * return `int8` as text, so they ignore it.
   */
  readonly bigint?: boolean;
  /**
   * The rows hold timestamps: read them as the server's text, which the caller parses. Set by
   * repositories of tables with a timestamp column; PGlite's own parser reads years 0001–0099
   * as 1901–1999 (`new Date('0099-01-01 00:00:00+00')`), and asking for text costs it time on
   * every query, so it is asked only here. The other adapters ignore it.
   */
  readonly timestamps?: boolean;
}

/**
 * What the repositories need of a database connection. Get one from {@link sqliteDb},
 * {@link postgresDb} or {@link pgliteDb}.
 */
export interface Db {
  readonly dialect: Dialect;
  /**
   * Runs one statement with bound values (`$1…` on PostgreSQL, `?` on SQLite; values already
   * encoded for the dialect) and returns its rows (`[]` for a statement without `RETURNING`).
   * Constraint violations are thrown as the `DatabaseError` subclasses (`UniqueViolationError`,
   * `ForeignKeyViolationError`, `NotNullViolationError`, `CheckViolationError`); other errors
   * are thrown as the driver throws them.
   */
  query<R = Record<string, unknown>>(text: string, values?: readonly unknown[], options?: QueryOptions): Promise<R[]>;
  /** Runs a script of several statements without values (a schema file). Errors as for `query`. */
  exec(script: string): Promise<void>;
  /**
   * Runs `work` in a transaction: committed when it resolves, rolled back when it throws (the
   * error is rethrown; a failed `COMMIT` is rolled back and thrown too). Inside, use `tx`: a
   * nested `tx.transaction` is a savepoint, whose throw undoes only its own work. Other work on
   * the same connection waits until the transaction ends, so awaiting the outer `Db` from inside
   * `work` never returns (deadlock): pass `tx` down instead. `tx` refuses use once `work` has
   * settled. On PostgreSQL a failed statement aborts the whole transaction: to go on after an
   * error, run the statement in a nested transaction and catch there. Work that caught such an
   * error itself and resolved rejects with `TransactionAbortedError`, nothing committed.
   */
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>;
}

export {
  CheckViolationError,
  DatabaseError,
  ForeignKeyViolationError,
  NotNullViolationError,
  TransactionAbortedError,
  UniqueViolationError,
  toDatabaseError,
  withTable,
} from './db-errors.js';
export { sqliteDb, type SqliteDatabase, type SqliteDbOptions, type SqliteStatement } from './db-sqlite.js';
export {
  postgresDb,
  type PgClient,
  type PgPool,
  type PgPoolClient,
  type PgQueryConfig,
  type PgTypeParsers,
  type PostgresDbOptions,
} from './db-postgres.js';
export { pgliteDb, type PgliteDatabase, type PgliteQueryable } from './db-pglite.js';
