/**
 * The PGlite adapter (`db-pglite.ts`, re-exported by `db.ts`). It accepts any object of
 * `@electric-sql/pglite`'s shape, so the generated code compiles without the package.
 */
import type { Db, QueryOptions } from './db.js';
import { TransactionAbortedError, toDatabaseError } from './db-errors.js';
import { type Connection, SessionDb } from './db-session.js';

/** The part of a PGlite instance or of its transaction object the adapter uses. */
export interface PgliteQueryable {
  query(text: string, params?: unknown[], options?: { parsers?: Record<number, (text: string, typeId: number) => unknown> }): Promise<{ rows: unknown[] }>;
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
 * Except timestamps, on queries whose rows hold one (`QueryOptions.timestamps`): PGlite's parser
 * gives `new Date('0099-01-01 00:00:00+00')`, which JavaScript reads as 1999; as text they are
 * parsed by the runtime's `parseTimestamp`, which reads every year as written.
 * Constraint violations are thrown as `DatabaseError` subclasses.
 */
export function pgliteDb(pglite: PgliteDatabase): Db {
  const open = async <T>(work: (connection: Connection) => Promise<T>): Promise<T> => {
    try {
      return await pglite.transaction((tx) => work(pgliteConnection(tx)));
    } catch (error) {
      // PGlite's own words when COMMIT answered ROLLBACK: the error node-postgres' adapter throws then.
      if (error instanceof Error && error.message === 'Transaction was rolled back instead of committed') throw new TransactionAbortedError({ cause: error });
      throw error;
    }
  };
  return new SessionDb(pgliteConnection(pglite), open, false);
}

const asText = (text: string): string => text;
/** timestamp (1114) and timestamptz (1184) as the server's text. */
const TIMESTAMPS_AS_TEXT = { parsers: { 1114: asText, 1184: asText } };

function pgliteConnection(target: PgliteQueryable): Connection {
  return {
    dialect: 'postgres',
    async query<R>(text: string, values: readonly unknown[] | undefined, options: QueryOptions | undefined): Promise<R[]> {
      try {
        const params = values as unknown[] | undefined;
        return (await (options?.timestamps ? target.query(text, params, TIMESTAMPS_AS_TEXT) : target.query(text, params))).rows as R[];
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
