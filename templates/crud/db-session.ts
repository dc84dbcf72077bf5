/**
 * What the adapters share: a `Db` over one way of running statements, transactions that hold the
 * connection to themselves (other work waits in a queue instead of joining them), and savepoints
 * for nested transactions. Emitted as it is (`db-session.ts`); adapters live beside it.
 */
import type { Db, Dialect, QueryOptions } from './db.js';

/** How an adapter runs statements on one connection (or on a pool). Errors are already mapped. */
export interface Connection {
  readonly dialect: Dialect;
  /** Runs one statement; rows, or `[]` when it returns none. */
  query<R>(text: string, values: readonly unknown[] | undefined, options: QueryOptions | undefined): Promise<R[]>;
  /** Runs a script of statements without values. */
  exec(script: string): Promise<void>;
}

/**
 * Opens a transaction, runs `work` on the connection it is bound to, commits when `work`
 * resolves and rolls back (rethrowing) when it throws.
 */
export type OpenTransaction = <T>(work: (connection: Connection) => Promise<T>) => Promise<T>;

/**
 * A first-in first-out queue of tasks that must have the connection to themselves: while one
 * runs (a transaction), later tasks wait for it. `busy` is a field read, so the path of a query
 * when no transaction is open costs nothing.
 */
class Gate {
  #tail: Promise<void> | undefined;

  get busy(): boolean {
    return this.#tail !== undefined;
  }

  /** Runs `task` after every task queued before it; rejections reach only the caller. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const previous = this.#tail;
    const result = previous === undefined ? task() : previous.then(task);
    const done = result.then(ignore, ignore);
    this.#tail = done;
    void done.then(() => {
      if (this.#tail === done) this.#tail = undefined;
    });
    return result;
  }
}

function ignore(): void {}

/**
 * A `Db` over a {@link Connection}. `open` starts a transaction (BEGIN on a connection, a
 * checked-out client on a pool, PGlite's own `transaction`); `exclusive` makes queries wait while
 * one is open, which a single connection needs and a pool or PGlite (which queues by itself)
 * does not. Inside, the transaction is a `SessionDb` whose `transaction` is a savepoint.
 */
export class SessionDb implements Db {
  readonly dialect: Dialect;
  readonly #connection: Connection;
  readonly #open: OpenTransaction;
  readonly #gate: Gate | undefined;
  readonly #depth: number;
  #ended = false;

  constructor(connection: Connection, open: OpenTransaction, exclusive: boolean, depth = 0) {
    this.dialect = connection.dialect;
    this.#connection = connection;
    this.#open = open;
    this.#gate = exclusive ? new Gate() : undefined;
    this.#depth = depth;
  }

  query<R = Record<string, unknown>>(text: string, values?: readonly unknown[], options?: QueryOptions): Promise<R[]> {
    if (this.#ended) return Promise.reject(ended());
    const gate = this.#gate;
    if (gate !== undefined && gate.busy) return gate.run(() => this.#connection.query<R>(text, values, options));
    return this.#connection.query<R>(text, values, options);
  }

  exec(script: string): Promise<void> {
    if (this.#ended) return Promise.reject(ended());
    const gate = this.#gate;
    if (gate !== undefined && gate.busy) return gate.run(() => this.#connection.exec(script));
    return this.#connection.exec(script);
  }

  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    if (this.#ended) return Promise.reject(ended());
    const depth = this.#depth + 1;
    const run = (): Promise<T> =>
      this.#open(async (connection) => {
        const tx = new SessionDb(connection, savepoint(connection, depth), true, depth);
        try {
          return await work(tx);
        } finally {
          tx.#ended = true;
        }
      });
    return this.#gate === undefined ? run() : this.#gate.run(run);
  }
}

function ended(): Error {
  return new Error('This transaction has ended: use the Db it was started from.');
}

/**
 * `BEGIN`/`COMMIT`/`ROLLBACK` (or a savepoint's statements) around `work` on `connection`.
 * A failed commit is rolled back too (SQLite keeps the transaction open when a deferred foreign
 * key fails at `COMMIT`). `onRollbackFailure` hears when the connection may be left mid-transaction.
 */
export function explicitTransaction(
  connection: Connection,
  statements: { begin: string; commit: string; rollback: string },
  onRollbackFailure?: (error: unknown) => void,
): OpenTransaction {
  const rollback = async (): Promise<void> => {
    try {
      await connection.exec(statements.rollback);
    } catch (error) {
      onRollbackFailure?.(error);
    }
  };
  return async <T>(work: (connection: Connection) => Promise<T>): Promise<T> => {
    await connection.exec(statements.begin);
    let result: T;
    try {
      result = await work(connection);
      await connection.exec(statements.commit);
    } catch (error) {
      await rollback();
      throw error;
    }
    return result;
  };
}

/** A nested transaction: a savepoint named after its depth (siblings reuse the released name). */
function savepoint(connection: Connection, depth: number): OpenTransaction {
  const name = `codegen_savepoint_${depth}`;
  return explicitTransaction(connection, {
    begin: `SAVEPOINT ${name}`,
    commit: `RELEASE SAVEPOINT ${name}`,
    rollback: `ROLLBACK TO SAVEPOINT ${name}; RELEASE SAVEPOINT ${name}`,
  });
}
