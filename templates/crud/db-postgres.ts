/**
 * The node-postgres (`pg` 8) adapter (`db-postgres.ts`, re-exported by `db.ts`). It accepts any
 * object of pg's shape, so the generated code compiles without `@types/pg`.
 */
import type { Db, QueryOptions } from './db.js';
import { DatabaseError, TransactionAbortedError, toDatabaseError } from './db-errors.js';
import { type Connection, SessionDb, explicitTransaction } from './db-session.js';

/**
 * Type OIDs read through the client's parsers: boolean, int2, int4, oid, float4, float8, json
 * and jsonb, which the runtime's codecs read as pg gives them. Every other type is read as the
 * server's text whatever parsers the user installed on `pg`: int8 (no precision lost), numeric
 * (no rounding), date (no time zone shift: node-postgres would make local midnight), timestamp
 * without time zone (likewise), timestamptz (one parser for every year on every engine: the
 * runtime's `parseTimestamp`), and a type the runtime has no codec for (a domain, an extension's
 * type, `interval` or `point`, which pg would parse into objects a text column cannot decode: the
 * row could be written but never read, tester s12 T5).
 */
const PARSED_TYPES: readonly number[] = [16, 21, 23, 26, 700, 701, 114, 3802];

/** A per-query type-parser lookup, as node-postgres' `types` option takes it. */
export interface PgTypeParsers {
  getTypeParser(oid: number, format?: string): unknown;
}

/** The query config node-postgres accepts. */
export interface PgQueryConfig {
  text: string;
  values?: unknown[] | undefined;
  name?: string | undefined;
  types?: PgTypeParsers | undefined;
}

/** The part of a node-postgres `Client` (or a client checked out of a `Pool`) the adapter uses. */
export interface PgClient {
  /** `command` is the statement's command tag (`INSERT`, `COMMIT`, …), as pg's `QueryResult` has it. */
  query(config: PgQueryConfig): Promise<{ rows: unknown[]; command?: string | null | undefined }>;
  getTypeParser?(oid: number, format?: string): unknown;
}

/** A client checked out of a `Pool`. */
export interface PgPoolClient extends PgClient {
  release(error?: Error | boolean): void;
}

/** The part of a node-postgres `Pool` the adapter uses. */
export interface PgPool {
  connect(): Promise<PgPoolClient>;
  readonly totalCount: number;
}

/** Options of {@link postgresDb}. */
export interface PostgresDbOptions {
  /**
   * Run statements as named prepared statements, parsed and planned once per connection
   * (default `true`). Turn it off behind a pooler that cannot keep prepared statements
   * (PgBouncer in transaction mode before 1.21). Only the first {@link maxPreparedStatements}
   * distinct texts get a name, so a stream of one-off texts cannot fill the server's memory.
   */
  readonly prepare?: boolean;
  /** How many distinct statement texts get a prepared statement (default 200). */
  readonly maxPreparedStatements?: number;
}

/**
 * A `Db` over a node-postgres `Pool` or `Client` (pg 8), e.g. `postgresDb(new pg.Pool({ … }))`.
 * With a pool, each query checks a client out and back in (as `pool.query` does) and a
 * transaction keeps one client from `BEGIN` to `COMMIT`, so transactions run side by side; with a
 * client, a transaction holds the connection and other queries on this `Db` wait for it. Nested
 * transactions are savepoints.
 *
 * What arrives (this adapter asks for it per query and installs no global type parser): `int8`,
 * `numeric`, `date` and `timestamp` (without time zone) as their text (`'9007199254740993'`,
 * `'12.50'`, `'2024-02-29'`, `'2024-02-29 10:00:00'`), `timestamptz` as `Date`, `json`/`jsonb`
 * parsed, `boolean` as `boolean`, `int2`/`int4`/`float` as `number`; anything else as the
 * server's text. Constraint violations are thrown as `DatabaseError` subclasses.
 */
export function postgresDb(poolOrClient: PgPool | PgClient, options: PostgresDbOptions = {}): Db {
  const names = options.prepare === false ? undefined : new StatementNames(options.maxPreparedStatements ?? 200);
  if (isPool(poolOrClient)) {
    const pool = poolOrClient;
    const connection = poolConnection(pool, names);
    const open = async <T>(work: (connection: Connection) => Promise<T>): Promise<T> => {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        const begin = explicitTransaction(
          clientConnection(client, names),
          { begin: 'BEGIN', commit: 'COMMIT', rollback: 'ROLLBACK' },
          (error) => (broken = error instanceof Error ? error : new Error(String(error))),
        );
        return await begin(work);
      } finally {
        // A client whose ROLLBACK failed may still be in a transaction: the pool must drop it.
        client.release(broken);
      }
    };
    return new SessionDb(connection, open, false);
  }
  const connection = clientConnection(poolOrClient, names);
  const open = explicitTransaction(connection, { begin: 'BEGIN', commit: 'COMMIT', rollback: 'ROLLBACK' });
  return new SessionDb(connection, open, true);
}

function isPool(value: PgPool | PgClient): value is PgPool {
  return typeof (value as Partial<PgPool>).totalCount === 'number';
}

function asText(value: string): string {
  return value;
}

/** The `types` option for `client`'s queries: {@link PARSED_TYPES} as the client parses them, the rest as text. */
function parsersOf(client: PgClient): PgTypeParsers | undefined {
  const getTypeParser = client.getTypeParser;
  if (getTypeParser === undefined) return undefined;
  return {
    getTypeParser: (oid, format) =>
      format !== 'binary' && !PARSED_TYPES.includes(oid) ? asText : getTypeParser.call(client, oid, format),
  };
}

/**
 * Statements on one client, one at a time: pg 8 queues a query sent while another runs, but
 * deprecates it (gone in pg 9), and `Promise.all` over a transaction's writes sends them so.
 */
function clientConnection(client: PgClient, names: StatementNames | undefined, types = parsersOf(client)): Connection {
  let last: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(task: () => Promise<T>): Promise<T> => {
    const turn = last.then(task, task);
    last = turn.catch(() => undefined);
    return turn;
  };
  return {
    dialect: 'postgres',
    query<R>(text: string, values: readonly unknown[] | undefined, _options: QueryOptions | undefined): Promise<R[]> {
      const config: PgQueryConfig = { text, values: values as unknown[] | undefined, name: names?.get(text), types };
      return inTurn(async () => {
        try {
          return (await client.query(config)).rows as R[];
        } catch (error) {
          throw toDatabaseError(error);
        }
      });
    },
    exec(script: string): Promise<void> {
      return inTurn(async () => {
        let command: string | null | undefined;
        try {
          // Without values node-postgres uses the simple protocol, which runs several statements.
          command = (await client.query({ text: script })).command;
        } catch (error) {
          throw toDatabaseError(error);
        }
        // PostgreSQL answers COMMIT in a transaction a failed statement aborted with the tag
        // ROLLBACK, and no error: the work would seem committed while none of it is.
        if (script === 'COMMIT' && command === 'ROLLBACK') throw new TransactionAbortedError();
      });
    },
  };
}

/** Queries on a pool: check a client out, run, release it (what `pool.query` does, keeping the `types`). */
function poolConnection(pool: PgPool, names: StatementNames | undefined): Connection {
  const connections = new WeakMap<PgPoolClient, Connection>();
  const run = async <T>(task: (connection: Connection) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    let connection = connections.get(client);
    if (connection === undefined) connections.set(client, (connection = clientConnection(client, names)));
    let broken: Error | undefined;
    try {
      return await task(connection);
    } catch (error) {
      // The server's errors (they carry a SQLSTATE) leave the connection usable; others may not.
      if (!isServerError(error)) broken = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      client.release(broken);
    }
  };
  return {
    dialect: 'postgres',
    query: (text, values, options) => run((connection) => connection.query(text, values, options)),
    exec: (script) => run((connection) => connection.exec(script)),
  };
}

function isServerError(error: unknown): boolean {
  if (error instanceof DatabaseError) return true;
  return typeof error === 'object' && error !== null && typeof (error as { severity?: unknown }).severity === 'string';
}

/**
 * Prepared-statement names by text. A name is derived from the text (a 53-bit FNV-1a hash and
 * the length), so two `Db`s over one pool give a text the same name, and node-postgres never
 * sees one name for two texts; past `max` texts, statements run unnamed.
 */
class StatementNames {
  readonly #names = new Map<string, string>();
  readonly #max: number;

  constructor(max: number) {
    this.#max = max;
  }

  get(text: string): string | undefined {
    const name = this.#names.get(text);
    if (name !== undefined || this.#names.size >= this.#max) return name;
    const created = `codegen_${hash(text).toString(36)}_${text.length.toString(36)}`;
    this.#names.set(text, created);
    return created;
  }
}

function hash(text: string): number {
  // FNV-1a over UTF-16 code units, in two 32-bit halves combined into 53 bits.
  let low = 0x811c9dc5;
  let high = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    low = Math.imul(low ^ unit, 0x01000193) >>> 0;
    high = Math.imul(high ^ unit ^ (low >>> 24), 0x01000193) >>> 0;
  }
  return (high & 0x1fffff) * 0x100000000 + low;
}
