/**
 * The `db.ts` adapters on every engine: statements, scripts, RETURNING, typed constraint errors,
 * transactions with savepoints, and queries that wait for an open transaction.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CheckViolationError,
  DatabaseError,
  type Db,
  ForeignKeyViolationError,
  NotNullViolationError,
  TransactionAbortedError,
  UniqueViolationError,
  withTable,
} from '../../../templates/crud/db.js';
import type { TestDatabase } from '../../helpers/databases.js';
import { ENGINES, SCHEMA, countRows, latch, sql } from './engines.js';

/** The error `promise` rejects with. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected the statement to fail'),
    (error: unknown) => error,
  );
}

for (const engine of ENGINES) {
  describe.skipIf(engine.skip !== undefined)(`db.ts on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`, () => {
    let opened: TestDatabase<unknown>;
    let db: Db;
    const q = (text: string) => sql(db, text);

    beforeAll(async () => {
      opened = await engine.open();
      db = opened.db;
    });
    afterAll(() => opened?.close());
    beforeEach(async () => {
      await db.exec('DROP TABLE IF EXISTS books; DROP TABLE IF EXISTS authors;');
      await db.exec(SCHEMA[db.dialect]);
    });

    async function addAuthor(name: string, email: string | null = null): Promise<number> {
      const [row] = await db.query<{ id: number }>(q('INSERT INTO authors (name, email) VALUES ($1, $2) RETURNING id'), [name, email]);
      return row!.id;
    }

    it('runs statements with bound values and returns RETURNING rows', async () => {
      const rows = await db.query(q('INSERT INTO authors (name, email) VALUES ($1, $2), ($3, $4) RETURNING id, name, email'), [
        'Ada',
        'ada@example.org',
        "Robert'); DROP TABLE authors;--",
        null,
      ]);
      expect(rows).toEqual([
        { id: 1, name: 'Ada', email: 'ada@example.org' },
        { id: 2, name: "Robert'); DROP TABLE authors;--", email: null },
      ]);
      expect(await db.query(q('SELECT name FROM authors WHERE id = $1'), [2])).toEqual([{ name: "Robert'); DROP TABLE authors;--" }]);
    });

    it('returns [] for a statement without RETURNING, and binds undefined as null', async () => {
      expect(await db.query(q('INSERT INTO authors (name, email) VALUES ($1, $2)'), ['Ada', undefined])).toEqual([]);
      expect(await db.query('SELECT name, email FROM authors')).toEqual([{ name: 'Ada', email: null }]);
    });

    it('runs a script of several statements', async () => {
      await db.exec(`INSERT INTO authors (name) VALUES ('Ada'); INSERT INTO authors (name) VALUES ('Grace');`);
      expect(await countRows(db, 'authors')).toBe(2);
    });

    it('passes other errors through unchanged', async () => {
      const error = await failure(db.query('SELEC 1'));
      expect(error).not.toBeInstanceOf(DatabaseError);
      expect(String(error)).toMatch(/syntax error/);
    });

    describe('constraint violations', () => {
      const pg = () => db.dialect === 'postgres';

      it('a unique column', async () => {
        await addAuthor('Ada', 'ada@example.org');
        const error = await failure(addAuthor('Ada again', 'ada@example.org'));
        expect(error).toBeInstanceOf(UniqueViolationError);
        expect(error).toMatchObject({
          name: 'UniqueViolationError',
          table: 'authors',
          constraint: pg() ? 'authors_email_key' : undefined,
          columns: ['email'],
          message: pg() ? 'Unique constraint authors_email_key violated on authors (email)' : 'Unique constraint violated on authors (email)',
        });
        expect((error as Error).cause).toMatchObject({ code: pg() ? '23505' : 'SQLITE_CONSTRAINT_UNIQUE' });
      });

      it('a composite unique constraint and a primary key', async () => {
        await db.query(q("INSERT INTO books (id, title, isbn) VALUES (1, 'A', $1)"), ['978-0']);
        const composite = await failure(db.query(q("INSERT INTO books (id, title, isbn) VALUES (2, 'B', $1)"), ['978-0']));
        expect(composite).toBeInstanceOf(UniqueViolationError);
        expect(composite).toMatchObject({ table: 'books', constraint: pg() ? 'books_isbn_edition_key' : undefined, columns: ['isbn', 'edition'] });
        const primary = await failure(db.query("INSERT INTO books (id, title) VALUES (1, 'C')"));
        expect(primary).toBeInstanceOf(UniqueViolationError);
        expect(primary).toMatchObject({ table: 'books', constraint: pg() ? 'books_pkey' : undefined, columns: ['id'] });
      });

      it('a foreign key, inserting a dangling reference or deleting a referenced row', async () => {
        const dangling = await failure(db.query("INSERT INTO books (id, title, author_id) VALUES (1, 'A', 99)"));
        expect(dangling).toBeInstanceOf(ForeignKeyViolationError);
        if (pg()) {
          expect(dangling).toMatchObject({
            table: 'books',
            constraint: 'books_author_id_fkey',
            columns: ['author_id'],
            message: 'Foreign key constraint books_author_id_fkey violated on books (author_id)',
          });
        } else {
          // SQLite says only "FOREIGN KEY constraint failed": the repository names the table.
          expect(dangling).toMatchObject({ table: undefined, constraint: undefined, columns: [], message: 'Foreign key constraint violated' });
          const named = withTable(dangling, 'books');
          expect(named).toBeInstanceOf(ForeignKeyViolationError);
          expect(named).toMatchObject({ table: 'books', message: 'Foreign key constraint violated on books' });
          expect((named as Error).cause).toBe((dangling as Error).cause);
        }
        const author = await addAuthor('Ada');
        await db.query(q("INSERT INTO books (id, title, author_id) VALUES (1, 'A', $1)"), [author]);
        const referenced = await failure(db.query(q('DELETE FROM authors WHERE id = $1'), [author]));
        expect(referenced).toBeInstanceOf(ForeignKeyViolationError);
        expect(referenced).toMatchObject(pg() ? { table: 'books', constraint: 'books_author_id_fkey', columns: [] } : { table: undefined, columns: [] });
      });

      it('a NOT NULL column', async () => {
        const error = await failure(db.query(q('INSERT INTO books (id, title) VALUES (1, $1)'), [null]));
        expect(error).toBeInstanceOf(NotNullViolationError);
        expect(error).toMatchObject({ table: 'books', constraint: undefined, columns: ['title'], message: 'Not-null constraint violated on books (title)' });
      });

      it('a named CHECK constraint', async () => {
        const error = await failure(db.query(q("INSERT INTO books (id, title, price) VALUES (1, 'A', $1)"), [-1]));
        expect(error).toBeInstanceOf(CheckViolationError);
        expect(error).toMatchObject({
          constraint: 'books_price_check',
          table: pg() ? 'books' : undefined,
          columns: [],
          message: pg() ? 'Check constraint books_price_check violated on books' : 'Check constraint books_price_check violated',
        });
      });

      it('from a script too', async () => {
        await addAuthor('Ada', 'a@example.org');
        const error = await failure(db.exec("INSERT INTO authors (name, email) VALUES ('B', 'a@example.org')"));
        expect(error).toBeInstanceOf(UniqueViolationError);
      });
    });

    describe('transactions', () => {
      it('commits when the work resolves, and returns its result', async () => {
        const result = await db.transaction(async (tx) => {
          await tx.query(q('INSERT INTO authors (name) VALUES ($1)'), ['Ada']);
          await tx.query(q('INSERT INTO authors (name) VALUES ($1)'), ['Grace']);
          return 'done';
        });
        expect(result).toBe('done');
        expect(await countRows(db, 'authors')).toBe(2);
      });

      it('rolls back and rethrows the same error when the work throws', async () => {
        const thrown = new Error('changed my mind');
        const error = await failure(
          db.transaction(async (tx) => {
            await tx.query(q('INSERT INTO authors (name) VALUES ($1)'), ['Ada']);
            throw thrown;
          }),
        );
        expect(error).toBe(thrown);
        expect(await countRows(db, 'authors')).toBe(0);
      });

      it('rolls back on a constraint violation, thrown typed', async () => {
        const error = await failure(
          db.transaction(async (tx) => {
            await tx.query(q('INSERT INTO authors (name, email) VALUES ($1, $2)'), ['Ada', 'a@example.org']);
            await tx.query(q('INSERT INTO authors (name, email) VALUES ($1, $2)'), ['Ada', 'a@example.org']);
          }),
        );
        expect(error).toBeInstanceOf(UniqueViolationError);
        expect(await countRows(db, 'authors')).toBe(0);
      });

      // tester11 F6: PostgreSQL answers COMMIT with ROLLBACK there, and node-postgres raises no error.
      it(
        engine.name === 'better-sqlite3'
          ? 'keeps the work of a transaction that caught a failed statement and resolved (SQLite undoes only that statement)'
          : 'rejects a transaction that caught a failed statement and resolved, with TransactionAbortedError: PostgreSQL rolled all of it back',
        async () => {
          const work = db.transaction(async (tx) => {
            await tx.query(q('INSERT INTO authors (name, email) VALUES ($1, $2)'), ['Ada', 'a@example.org']);
            const duplicate = await failure(tx.query(q('INSERT INTO authors (name, email) VALUES ($1, $2)'), ['Dup', 'a@example.org']));
            expect(duplicate).toBeInstanceOf(UniqueViolationError);
            return 'resolved';
          });
          if (engine.name === 'better-sqlite3') {
            await expect(work).resolves.toBe('resolved');
            expect(await countRows(db, 'authors')).toBe(1);
          } else {
            await expect(work).rejects.toBeInstanceOf(TransactionAbortedError);
            expect(await countRows(db, 'authors')).toBe(0);
            // The connection is usable after it (a pooled client goes back clean).
            await db.transaction((tx) => tx.query(q('INSERT INTO authors (name) VALUES ($1)'), ['Grace']));
            expect(await countRows(db, 'authors')).toBe(1);
          }
        },
      );

      it('runs the statements a transaction sends together, and a nested transaction beside them', async () => {
        const names = await db.transaction(async (tx) => {
          await Promise.all(['Ada', 'Grace', 'Edsger'].map((name) => tx.query(q('INSERT INTO authors (name) VALUES ($1)'), [name])));
          const [counted, inner] = await Promise.all([countRows(tx, 'authors'), tx.transaction(async (nested) => countRows(nested, 'authors'))]);
          expect([counted, inner]).toEqual([3, 3]);
          return tx.query<{ name: string }>('SELECT name FROM authors ORDER BY name');
        });
        expect(names.map((row) => row.name)).toEqual(['Ada', 'Edsger', 'Grace']);
      });

      it('undoes only a nested transaction that throws (a savepoint), keeping the outer work', async () => {
        await db.transaction(async (tx) => {
          await tx.query(q('INSERT INTO authors (name, email) VALUES ($1, $2)'), ['Ada', 'a@example.org']);
          const inner = await failure(
            tx.transaction(async (nested) => {
              await nested.query(q('INSERT INTO authors (name) VALUES ($1)'), ['Lost']);
              // On PostgreSQL this aborts the transaction; rolling back to the savepoint recovers it.
              await nested.query(q('INSERT INTO authors (name, email) VALUES ($1, $2)'), ['Dup', 'a@example.org']);
            }),
          );
          expect(inner).toBeInstanceOf(UniqueViolationError);
          await tx.transaction(async (nested) => {
            await nested.query(q('INSERT INTO authors (name) VALUES ($1)'), ['Kept']);
            await failure(nested.transaction(() => Promise.reject(new Error('deeper'))));
          });
          await tx.query(q('INSERT INTO authors (name) VALUES ($1)'), ['Grace']);
        });
        expect(await db.query('SELECT name FROM authors ORDER BY id')).toEqual([{ name: 'Ada' }, { name: 'Kept' }, { name: 'Grace' }]);
      });

      it('refuses a transaction object once its work has settled', async () => {
        let escaped: Db | undefined;
        await db.transaction(async (tx) => void (escaped = tx));
        await expect(escaped!.query('SELECT 1')).rejects.toThrow(/transaction has ended/);
        await expect(escaped!.transaction(async () => 1)).rejects.toThrow(/transaction has ended/);
      });

      it('runs transactions started together one after the other or side by side, never mixed', async () => {
        const names = ['Ada', 'Grace', 'Edsger', 'Barbara'];
        await Promise.all(
          names.map((name) =>
            db.transaction(async (tx) => {
              await tx.query(q('INSERT INTO authors (name) VALUES ($1)'), [name]);
              await new Promise((resolve) => setTimeout(resolve, 5));
              if (name === 'Edsger') throw new Error('rolled back');
              await tx.query(q('INSERT INTO authors (name) VALUES ($1)'), [`${name} 2`]);
            }),
          ).map((promise) => promise.catch(() => undefined)),
        );
        expect(await countRows(db, 'authors')).toBe(6);
      });

      const waits = engine.outsideWaits;
      it(
        waits
          ? 'makes queries from outside an open transaction wait for it instead of joining it'
          : 'lets queries from outside an open transaction run beside it on another connection',
        async () => {
          const inside = latch();
          const hold = latch();
          const transaction = db.transaction(async (tx) => {
            await tx.query(q('INSERT INTO authors (name) VALUES ($1)'), ['Uncommitted']);
            inside.open();
            await hold.promise;
            throw new Error('roll back');
          });
          await inside.promise;
          let answered = false;
          const outside = countRows(db, 'authors').then((count) => {
            answered = true;
            return count;
          });
          await new Promise((resolve) => setTimeout(resolve, 50));
          expect(answered).toBe(!waits);
          hold.open();
          await expect(transaction).rejects.toThrow('roll back');
          // Had the outside query joined the transaction, it would have counted the uncommitted row.
          expect(await outside).toBe(0);
        },
      );
    });
  });
}
