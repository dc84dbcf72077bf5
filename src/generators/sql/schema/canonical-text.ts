/**
 * The SQLite CHECK that holds a timestamp or date column of codegen's own tables to the one text
 * the runtime writes for its values: `'2024-01-01T08:00:00.000Z'` (ISO 8601 in UTC with
 * milliseconds, `isoString`, and every `now` or value default of `sql-text.ts`) and
 * `'2024-01-01'`. SQLite stores a timestamp as TEXT, and other programs write other texts of one
 * instant there (`'2024-01-01T10:00:00+02:00'`, `'2024-01-01 08:00:00'`), which sort apart from
 * the instants they name; where the schema admits the one text only, text order is time order,
 * so the repositories compare, sort and page the column itself and its index serves them
 * (`ColumnMeta.canonicalText`, the runtime's `orderOf`). A TypeORM entity's table is TypeORM's
 * (or the user's migrations'), whose columns hold what TypeORM writes: no such CHECK, and its
 * timestamps keep the order key computed from any text (`timestampOrderSql`).
 */
import type { Entity } from '../../../model/types.js';
import type { ColumnCheck, ColumnType } from '../column-types.js';

/** `type` with the canonical-text CHECK where the column is a timestamp or date of a table codegen's schema makes. */
export function withCanonicalText(entity: Pick<Entity, 'typeorm'>, type: ColumnType): ColumnType {
  if (entity.typeorm === true || type.problem !== undefined || type.datetimeText === true) return type;
  if (type.codec !== 'timestamp' && type.codec !== 'date') return type;
  const check: ColumnCheck = { kind: 'canonical-text', codec: type.codec, dialect: 'sqlite' };
  return { ...type, checks: [...type.checks, check] };
}

/** Whether the schema holds the column to the runtime's own text (`withCanonicalText` gave it the CHECK). */
export function holdsCanonicalText(type: Pick<ColumnType, 'checks'>): boolean {
  return type.checks.some((check) => check.kind === 'canonical-text');
}

/**
 * The SQLite condition on the quoted `column`: the text is what SQLite's own `strftime` (or
 * `date`) writes for the instant (day) it reads there, so any other form of it (an offset, a
 * space, no milliseconds, more digits, a lower-case `z`), a day that does not exist
 * (`'2024-02-30…'`, which SQLite reads as March 1st) and text that is no time at all (for which
 * `strftime` gives NULL, hence `IS`, not `=`) are refused. Two guards beside it: `>= '0001'`
 * refuses the year 0000, and the hour below `'24'` refuses `T24:00:00.000Z`, which SQLite's
 * `strftime` writes back as it is (3.53), while JavaScript reads it as the next day; the reads
 * refuse both. NULL passes, as in every CHECK (NOT NULL is said apart).
 */
export function canonicalTextSql(column: string, codec: 'timestamp' | 'date'): string {
  if (codec === 'date') return `${column} >= '0001' AND ${canonicalTextOf(column, codec)} IS ${column}`;
  return `${column} >= '0001' AND substr(${column}, 12, 2) < '24' AND ${canonicalTextOf(column, codec)} IS ${column}`;
}

/**
 * SQLite's canonical text of the time (day) the SQL `expression` gives, in the form the CHECK of
 * `canonicalTextSql` admits: `strftime('%Y-%m-%dT%H:%M:%fZ', …)` (`date(…)`). Text without an
 * offset is read as UTC, as the runtime reads it; an expression that is no time gives NULL.
 */
export function canonicalTextOf(expression: string, codec: 'timestamp' | 'date'): string {
  return codec === 'date' ? `date(${expression})` : `strftime('%Y-%m-%dT%H:%M:%fZ', ${expression})`;
}
