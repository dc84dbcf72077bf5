/**
 * The PGlite adapter (`db-pglite.ts`, re-exported by `db.ts`). It accepts any object of
 * `@electric-sql/pglite`'s shape, so the generated code compiles without the package.
 */
import type { Db, QueryOptions } from './db.js';
import { toDatabaseError } from './db-errors.js';
import { type Connection, SessionDb, TEXT_TYPES } from './db-session.js';

/** Per-query parsers by type OID, as PGlite's `query` options take them. */
export type PgliteParsers = Record<number, (value: string, typeId: number) => unknown>;

/** The part of a PGlite instance or of its transaction object the adapter uses. */
export interface PgliteQueryable {
  query(text: string, params?: unknown[], options?: { parsers?: PgliteParsers }): Promise<{ rows: unknown[] }>;
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
 * What arrives: the same as with node-postgres (`postgresDb`): `int8`, `numeric`, `date` and
 * `timestamp` as their text (PGlite alone would give numbers or bigints, and `Date`s at UTC
 * midnight), `timestamptz` as `Date`, `json`/`jsonb` parsed, `boolean` as `boolean`.
 * Constraint violations are thrown as `DatabaseError` subclasses.
 */
export function pgliteDb(pglite: PgliteDatabase): Db {
  const open = <T>(work: (connection: Connection) => Promise<T>): Promise<T> =>
    pglite.transaction((tx) => work(pgliteConnection(tx)));
  return new SessionDb(pgliteConnection(pglite), open, false);
}

const PARSERS: PgliteParsers = {};
for (const oid of TEXT_TYPES) PARSERS[oid] = (value: string) => value;
const OPTIONS = { parsers: PARSERS };

function pgliteConnection(target: PgliteQueryable): Connection {
  return {
    dialect: 'postgres',
    async query<R>(text: string, values: readonly unknown[] | undefined, _options: QueryOptions | undefined): Promise<R[]> {
      try {
        return (await target.query(text, values as unknown[] | undefined, OPTIONS)).rows as R[];
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
