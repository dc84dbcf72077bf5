/**
 * A written `@dbType` (TypeORM's `type`) checked against PostgreSQL and the runtime's codecs
 * before it is copied into the PostgreSQL schema. A type PostgreSQL lacks but means something
 * known (MySQL's `tinyint`, `datetime`, `longtext`…) is replaced by its PostgreSQL equivalent;
 * a type that would shift or garble values (`timestamp` without time zone for a Date, `money`)
 * is replaced or refused; each with a note saying why. Names this file does not know (domains,
 * extensions' types) pass as written.
 */
import type { Codec } from './column-types.js';

/** What happened to a written type: a warning when it was replaced, an error when it cannot work. */
export interface DbTypeNote {
  code: 'CG2309' | 'CG2310';
  message: string;
  hint: string;
}

export interface PostgresType {
  /** The type the PostgreSQL schema gets. */
  postgres: string;
  note?: DbTypeNote;
}

/** `timestamp(3) without time zone` → `{ name: 'timestamp without time zone', modifier: '(3)', array: false }`. */
export function parseDbType(written: string): { name: string; modifier: string; array: boolean } {
  const array = /\[\]\s*$/.test(written);
  const bare = written.replace(/(\s*\[\])+\s*$/, '');
  const modifier = /\(\s*\d+(?:\s*,\s*-?\d+)?\s*\)/.exec(bare)?.[0].replace(/\s+/g, '') ?? '';
  const name = bare.replace(/\(.*?\)/g, ' ').trim().replace(/\s+/g, ' ').toLowerCase();
  return { name, modifier, array };
}

/** Timestamps without a zone: a JavaScript Date (an instant) does not survive them. */
export const ZONELESS_TIMESTAMPS = ['timestamp', 'timestamp without time zone', 'datetime', 'datetime2', 'smalldatetime'];
export const ZONED_TIMESTAMPS = ['timestamptz', 'timestamp with time zone', 'datetimeoffset'];

/** The PostgreSQL type for a written `@dbType` on a column of `codec`, and what was changed or refused. */
export function postgresTypeOf(written: string, codec: Codec): PostgresType {
  const { name, modifier } = parseDbType(written);
  const quoted = `@dbType "${written}"`;
  if (ZONELESS_TIMESTAMPS.includes(name) && codec === 'timestamp') {
    const postgres = `timestamptz${modifier}`;
    return {
      postgres,
      note: warning(
        `${quoted} stores a time without a time zone, which cannot round-trip a JavaScript Date (an instant): drivers shift it by the session's or the process's offset, and now() is stored in local time. PostgreSQL gets ${postgres} instead.`,
        `Write \`${postgres}\` (\`@Column({ type: 'timestamptz' })\`) to silence this; on SQLite the column is ISO 8601 text in UTC either way.`,
      ),
    };
  }
  return { postgres: written };
}

const warning = (message: string, hint: string): DbTypeNote => ({ code: 'CG2309', message, hint });
