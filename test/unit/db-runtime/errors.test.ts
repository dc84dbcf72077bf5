/**
 * The mapping from drivers' errors to typed violations, on error objects shaped like the
 * drivers' (the adapters' tests produce the real ones on the engines).
 */
import { describe, expect, it } from 'vitest';
import {
  CheckViolationError,
  ForeignKeyViolationError,
  NotNullViolationError,
  UniqueViolationError,
  toDatabaseError,
  withTable,
} from '../../../templates/crud/db.js';

/** An error as node-postgres and PGlite throw it. */
function postgresError(fields: { code: string; table?: string; constraint?: string; column?: string; detail?: string }): Error {
  return Object.assign(new Error('from the server'), { severity: 'ERROR', ...fields });
}

/** An error as better-sqlite3 throws it. */
function sqliteError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('PostgreSQL errors', () => {
  it('reads quoted and plain column names from a unique violation detail', () => {
    const error = toDatabaseError(
      postgresError({ code: '23505', table: 'books', constraint: 'books_key', detail: 'Key ("Title, ""Main""", isbn)=(A, 1) already exists.' }),
    );
    expect(error).toBeInstanceOf(UniqueViolationError);
    expect(error).toMatchObject({ columns: ['Title, "Main"', 'isbn'], message: 'Unique constraint books_key violated on books (Title, "Main", isbn)' });
  });

  it('keeps an expression index key as one entry', () => {
    const error = toDatabaseError(postgresError({ code: '23505', table: 'users', constraint: 'users_email', detail: 'Key (lower(email))=(a@b) already exists.' }));
    expect(error).toMatchObject({ columns: ['lower(email)'] });
  });

  it('maps not-null and check violations, and leaves other SQLSTATEs alone', () => {
    expect(toDatabaseError(postgresError({ code: '23502', table: 't', column: 'c' }))).toBeInstanceOf(NotNullViolationError);
    expect(toDatabaseError(postgresError({ code: '23514', table: 't', constraint: 'c_check' }))).toBeInstanceOf(CheckViolationError);
    const exclusion = postgresError({ code: '23P01', table: 't' });
    expect(toDatabaseError(exclusion)).toBe(exclusion);
    const syntax = postgresError({ code: '42601' });
    expect(toDatabaseError(syntax)).toBe(syntax);
  });
});

describe('SQLite errors', () => {
  it('reads the table and columns of a unique violation, or the index of an expression', () => {
    expect(toDatabaseError(sqliteError('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: books.isbn, books.edition'))).toMatchObject({
      table: 'books',
      columns: ['isbn', 'edition'],
    });
    expect(toDatabaseError(sqliteError('SQLITE_CONSTRAINT_UNIQUE', "UNIQUE constraint failed: index 'users_lower_email'"))).toMatchObject({
      table: undefined,
      constraint: 'users_lower_email',
      columns: [],
      message: 'Unique constraint users_lower_email violated',
    });
  });

  it('names a CHECK constraint only when SQLite gives a name rather than the expression', () => {
    expect(toDatabaseError(sqliteError('SQLITE_CONSTRAINT_CHECK', 'CHECK constraint failed: price >= 0'))).toMatchObject({ constraint: undefined });
    expect(toDatabaseError(sqliteError('SQLITE_CONSTRAINT_CHECK', 'CHECK constraint failed: books_price_check'))).toMatchObject({
      constraint: 'books_price_check',
    });
  });

  it('leaves other SQLite errors alone (a STRICT type mismatch, a busy database)', () => {
    const datatype = sqliteError('SQLITE_CONSTRAINT_DATATYPE', 'cannot store TEXT value in INTEGER column t.n');
    expect(toDatabaseError(datatype)).toBe(datatype);
    const busy = sqliteError('SQLITE_BUSY', 'database is locked');
    expect(toDatabaseError(busy)).toBe(busy);
  });
});

describe('withTable', () => {
  it('fills a missing table, rebuilding the message, and keeps the class and cause', () => {
    const cause = sqliteError('SQLITE_CONSTRAINT_FOREIGNKEY', 'FOREIGN KEY constraint failed');
    const named = withTable(toDatabaseError(cause), 'books');
    expect(named).toBeInstanceOf(ForeignKeyViolationError);
    expect(named).toMatchObject({ table: 'books', message: 'Foreign key constraint violated on books', cause });
  });

  it('returns known tables and other values unchanged', () => {
    const known = toDatabaseError(sqliteError('SQLITE_CONSTRAINT_NOTNULL', 'NOT NULL constraint failed: books.title'));
    expect(withTable(known, 'authors')).toBe(known);
    const other = new Error('other');
    expect(withTable(other, 'books')).toBe(other);
    expect(withTable(undefined, 'books')).toBeUndefined();
  });
});
