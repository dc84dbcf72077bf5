/**
 * Typed constraint-violation errors that read the same on PostgreSQL (node-postgres, PGlite) and
 * SQLite (better-sqlite3), and the mapping from each driver's error to them. Emitted as it is
 * (`db-errors.ts`, re-exported by `db.ts`).
 */

/**
 * A constraint violation, with what the engine tells about it. The message is built from the
 * fields, so it reads the same on every dialect, e.g.
 * `Unique constraint books_isbn_key violated on books (isbn)`; on SQLite, which does not name
 * unique, not-null or foreign key constraints, `Unique constraint violated on books (isbn)`.
 * `cause` is the driver's error.
 */
export class DatabaseError extends Error {
  override name = 'DatabaseError';
  /** The table the constraint belongs to, when known (SQLite does not say it for foreign key and check violations). */
  readonly table: string | undefined;
  /** The violated constraint's name, when the engine says it (PostgreSQL always; SQLite only for named `CHECK`s). */
  readonly constraint: string | undefined;
  /** The columns of `table` involved, when known; `[]` otherwise. */
  readonly columns: readonly string[];

  // Fields are assigned, not parameter properties, so that the file is erasable TypeScript.
  constructor(
    message: string,
    table: string | undefined,
    constraint: string | undefined,
    columns: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(message);
    // As `new Error(message, { cause })` sets it (an own, non-enumerable property), without the
    // ES2022 constructor overload: the file compiles from target ES2020 up (docs/getting-started.md).
    if (options !== undefined && 'cause' in options) Object.defineProperty(this, 'cause', { value: options.cause, writable: true, enumerable: false, configurable: true });
    this.table = table;
    this.constraint = constraint;
    this.columns = columns;
  }
}

/** A `UNIQUE` or primary key constraint was violated (PostgreSQL 23505, SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY). */
export class UniqueViolationError extends DatabaseError {
  override name = 'UniqueViolationError';
}
/**
 * A foreign key constraint was violated (PostgreSQL 23503, SQLITE_CONSTRAINT_FOREIGNKEY). On
 * PostgreSQL `table` is the referencing table; `columns` are its foreign key columns when a row
 * pointed at a missing key, and `[]` when a referenced row was deleted or changed. SQLite tells
 * nothing but the kind: use {@link withTable} to name the table written to.
 */
export class ForeignKeyViolationError extends DatabaseError {
  override name = 'ForeignKeyViolationError';
}
/** A `NOT NULL` constraint was violated (PostgreSQL 23502, SQLITE_CONSTRAINT_NOTNULL). `constraint` is unknown. */
export class NotNullViolationError extends DatabaseError {
  override name = 'NotNullViolationError';
}
/**
 * A `CHECK` constraint was violated (PostgreSQL 23514, SQLITE_CONSTRAINT_CHECK). `columns` is
 * `[]`; SQLite names the constraint when it has a name and gives no table.
 */
export class CheckViolationError extends DatabaseError {
  override name = 'CheckViolationError';
}

/**
 * A transaction's work resolved, but PostgreSQL rolled the transaction back at `COMMIT`: a
 * statement in it had failed, which aborts the whole transaction (SQLSTATE 25P02 for every later
 * statement), even when the work caught that statement's error. Nothing of the work was committed.
 * To go on after a failed statement, run it in a nested transaction (a savepoint) and catch there.
 * PGlite and node-postgres both raise it; SQLite has no such state (a failed statement undoes itself).
 */
export class TransactionAbortedError extends Error {
  override name = 'TransactionAbortedError';
  constructor(options?: { cause?: unknown }) {
    super('The transaction was rolled back instead of committed: a statement in it failed, which aborts a PostgreSQL transaction (run the statement in a nested transaction and catch there to go on)');
    if (options !== undefined && 'cause' in options) Object.defineProperty(this, 'cause', { value: options.cause, writable: true, enumerable: false, configurable: true });
  }
}

type ViolationClass = new (...args: ConstructorParameters<typeof DatabaseError>) => DatabaseError;

const KINDS = new Map<ViolationClass, string>([
  [UniqueViolationError, 'Unique'],
  [ForeignKeyViolationError, 'Foreign key'],
  [NotNullViolationError, 'Not-null'],
  [CheckViolationError, 'Check'],
]);

/** Builds the error of class `Kind` with the dialect-independent message. */
function violation(
  Kind: ViolationClass,
  table: string | undefined,
  constraint: string | undefined,
  columns: readonly string[],
  cause: unknown,
): DatabaseError {
  let message = `${KINDS.get(Kind) ?? 'Database'} constraint`;
  if (constraint !== undefined) message += ` ${constraint}`;
  message += ' violated';
  if (table !== undefined) message += ` on ${table}`;
  if (columns.length > 0) message += ` (${columns.join(', ')})`;
  return new Kind(message, table, constraint, columns, { cause });
}

/**
 * Returns `error` with what its engine did not say filled in: `table` when it is a
 * {@link DatabaseError} that does not know its table (SQLite's foreign key and check
 * violations), and `constraint` when `constraintOf` can name it from the error's columns (SQLite
 * names no unique constraint; repositories know their tables' constraints). Any other value is
 * returned unchanged.
 */
export function withTable<E>(error: E, table: string, constraintOf?: (error: DatabaseError) => string | undefined): E {
  if (!(error instanceof DatabaseError)) return error;
  const constraint = error.constraint ?? constraintOf?.(error);
  if (error.table !== undefined && constraint === error.constraint) return error;
  const Kind = error.constructor as ViolationClass;
  return violation(Kind, error.table ?? table, constraint, error.columns, (error as { cause?: unknown }).cause) as E;
}

/** The fields node-postgres and PGlite errors carry (PostgreSQL's ErrorResponse). */
interface PostgresErrorFields {
  code?: unknown;
  table?: unknown;
  constraint?: unknown;
  column?: unknown;
  detail?: unknown;
}

/**
 * Maps a driver's error to a {@link DatabaseError} subclass when it is a unique, foreign key,
 * not-null or check violation (PostgreSQL SQLSTATE 23505, 23503, 23502, 23514; better-sqlite3's
 * `SQLITE_CONSTRAINT_*` codes); returns every other value unchanged.
 */
export function toDatabaseError(error: unknown): unknown {
  if (typeof error !== 'object' || error === null || error instanceof DatabaseError) return error;
  const code = (error as PostgresErrorFields).code;
  if (typeof code !== 'string') return error;
  if (code.startsWith('SQLITE_CONSTRAINT')) return fromSqlite(code, error);
  if (code.length === 5 && code.startsWith('23')) return fromPostgres(code, error as PostgresErrorFields);
  return error;
}

function fromPostgres(code: string, error: PostgresErrorFields): unknown {
  const table = optionalString(error.table);
  const constraint = optionalString(error.constraint);
  const detail = optionalString(error.detail) ?? '';
  switch (code) {
    case '23505':
      return violation(UniqueViolationError, table, constraint, keyColumns(detail), error);
    case '23001': // restrict_violation: ON DELETE/UPDATE RESTRICT (PGlite reports it; PostgreSQL 15 says 23503)
    case '23503':
      // "Key (id)=(1) is still referenced from table …" (NO ACTION) and "… is referenced from
      // table …" (RESTRICT, PostgreSQL 16+) name the referenced table's columns, not the table's.
      return violation(ForeignKeyViolationError, table, constraint, / is (still )?referenced from table /.test(detail) ? [] : keyColumns(detail), error);
    case '23502': {
      const column = optionalString(error.column);
      return violation(NotNullViolationError, table, constraint, column === undefined ? [] : [column], error);
    }
    case '23514':
      return violation(CheckViolationError, table, constraint, [], error);
    default:
      return error;
  }
}

/** The columns of PostgreSQL's `Key (a, "b c")=(…)` detail; identifiers are quoted when needed. */
function keyColumns(detail: string): string[] {
  if (!detail.startsWith('Key (')) return [];
  const end = detail.indexOf(')=(');
  if (end < 0) return [];
  const list = detail.slice('Key ('.length, end);
  const columns: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < list.length; i++) {
    const char = list[i];
    if (char === '"') {
      if (quoted && list[i + 1] === '"') {
        current += '"';
        i++;
      } else {
        quoted = !quoted;
      }
    } else if (char === ',' && !quoted && list[i + 1] === ' ') {
      columns.push(current);
      current = '';
      i++;
    } else {
      current += char;
    }
  }
  columns.push(current);
  return columns;
}

function fromSqlite(code: string, error: object): unknown {
  const message = (error as { message?: unknown }).message;
  const text = typeof message === 'string' ? message : '';
  // "UNIQUE constraint failed: books.isbn, books.x" → what follows the first ": ".
  const colon = text.indexOf(': ');
  const subject = colon < 0 ? '' : text.slice(colon + 2);
  switch (code) {
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY': {
      // A unique index on expressions: "UNIQUE constraint failed: index 'books_lower_title'".
      const index = /^index '(.*)'$/.exec(subject);
      if (index !== null) return violation(UniqueViolationError, undefined, index[1], [], error);
      const { table, columns } = qualifiedColumns(subject);
      return violation(UniqueViolationError, table, undefined, columns, error);
    }
    case 'SQLITE_CONSTRAINT_NOTNULL': {
      const { table, columns } = qualifiedColumns(subject);
      return violation(NotNullViolationError, table, undefined, columns, error);
    }
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return violation(ForeignKeyViolationError, undefined, undefined, [], error);
    case 'SQLITE_CONSTRAINT_TRIGGER':
      // ON DELETE/UPDATE RESTRICT fires as a trigger, with the foreign key's own message.
      return text.startsWith('FOREIGN KEY constraint failed') ? violation(ForeignKeyViolationError, undefined, undefined, [], error) : error;
    case 'SQLITE_CONSTRAINT_CHECK':
      // A named CHECK gives its name; an unnamed one its expression, which is no name.
      return violation(CheckViolationError, undefined, /^[A-Za-z_][\w$]*$/.test(subject) ? subject : undefined, [], error);
    default:
      return error;
  }
}

/** `books.isbn, books.x` → `{ table: 'books', columns: ['isbn', 'x'] }`. */
function qualifiedColumns(subject: string): { table: string | undefined; columns: string[] } {
  let table: string | undefined;
  const columns: string[] = [];
  for (const item of subject === '' ? [] : subject.split(', ')) {
    const dot = item.indexOf('.');
    if (dot < 0) {
      columns.push(item);
    } else {
      table ??= item.slice(0, dot);
      columns.push(item.slice(dot + 1));
    }
  }
  return { table, columns };
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
