/**
 * SQL identifiers: always quoted (table and column names come from user annotations and may
 * hold anything), and constraint names made the way PostgreSQL makes them (`users_pkey`,
 * `users_email_key`, `posts_author_id_fkey`), kept within PostgreSQL's 63-byte limit so that
 * both dialects name every constraint the same, which is what typed database errors report.
 */
import { createHash } from 'node:crypto';

/** PostgreSQL's NAMEDATALEN - 1: longer identifiers are silently truncated by the server. */
export const MAX_IDENTIFIER_BYTES = 63;

/** `"name"`, with embedded quotes doubled: an identifier quoted for both dialects. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export type ConstraintSuffix = 'pkey' | 'key' | 'fkey' | 'check' | 'idx';

/**
 * `<table>_<columns…>_<suffix>`, PostgreSQL's own naming. A name longer than 63 bytes keeps a
 * prefix and ends in a short hash of the full name, so it stays unique and stable.
 */
export function constraintName(table: string, columns: readonly string[], suffix: ConstraintSuffix): string {
  return fitIdentifier([table, ...columns, suffix].join('_'));
}

/** The name itself when it fits in 63 bytes; else a UTF-8-safe prefix, `_` and 8 hex digits of its hash. */
export function fitIdentifier(name: string): string {
  if (byteLength(name) <= MAX_IDENTIFIER_BYTES) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  let prefix = '';
  for (const character of name) {
    if (byteLength(prefix + character) > MAX_IDENTIFIER_BYTES - hash.length - 1) break;
    prefix += character;
  }
  return `${prefix}_${hash}`;
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
