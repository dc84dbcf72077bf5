/**
 * The PGlite adapter (`db-pglite.ts`, re-exported by `db.ts`). It accepts any object of
 * `@electric-sql/pglite`'s shape, so the generated code compiles without the package.
 */
import type { Db, QueryOptions } from './db.js';
import { toDatabaseError } from './db-errors.js';
import { type Connection, SessionDb } from './db-session.js';

/** The part of a PGlite instance or of its transaction object the adapter uses. */
export interface PgliteQueryable {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  exec(script: string): Promise<unknown>;
}

/** The part of a `PGlite` instance the adapter uses. */
export interface PgliteDatabase extends PgliteQueryable {
  transaction<T>(work: (tx: PgliteQueryable) => Promise<T>): Promise<T>;
}

/**
 * A `Db` over a PGlite instance, e.g. `pgliteDb(new PGlite())`. Transactions use PGlite's own
 * `transaction`, which makes every other query on the instance wait until it ends; nested
 * transactions are savepoints on it.
 *
 * What arrives is what PGlite's parsers give (the instance's own `parsers` option included):
 * `int8` as a `number` when it is a safe integer and a `bigint` otherwise, `numeric` as text,
 * `date` as a `Date` at UTC midnight, `timestamp` and `timestamptz` as `Date`, `json`/`jsonb`
 * parsed, `boolean` as `boolean`. (Asking for text per query, as `postgresDb` does, would cost
 * PGlite a third of its speed: it rebuilds its parser table for every query given parsers.)
 * Constraint violations are thrown as `DatabaseError` subclasses.
 */
export function pgliteDb(pglite: PgliteDatabase): Db {
  const open = <T>(work: (connection: Connection) => Promise<T>): Promise<T> =>
    pglite.transaction((tx) => work(pgliteConnection(tx)));
  return new SessionDb(pgliteConnection(pglite), open, false);
}

function pgliteConnection(target: PgliteQueryable): Connection {
  return {
    dialect: 'postgres',
    async query<R>(text: string, values: readonly unknown[] | undefined, _options: QueryOptions | undefined): Promise<R[]> {
      try {
        return (await target.query(text, values as unknown[] | undefined)).rows as R[];
      } catch (error) {
        throw toDatabaseError(error);
      }
    },
    async exec(script: string): Promise<void> {
      try {
        await target.exec(script);
      } catch (error) {
        throw toDatabaseError(error);
      }
    },
  };
}
