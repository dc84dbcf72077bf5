/**
 * A written `@dbType` (TypeORM's `type`) checked against PostgreSQL and the runtime's codecs
 * before it is copied into the PostgreSQL schema. A type PostgreSQL lacks but means something
 * known (MySQL's `tinyint`, `datetime`, `longtext`…) is replaced by its PostgreSQL equivalent;
 * a type that would shift or garble values (`timestamp` without time zone for a Date, `money`)
 * is replaced or refused, and so is a type whose text PostgreSQL rewrites (`interval`, `inet`,
 * `tsvector`, the geometric types…); each with a note saying why. Names this file does not know
 * (domains, ranges) pass as written.
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

/** MySQL and SQL Server names PostgreSQL lacks, with the PostgreSQL type that stores the same values. */
const FOREIGN_NAMES: Readonly<Record<string, { postgres: string; keepModifier: boolean; from: string }>> = {
  tinyint: { postgres: 'smallint', keepModifier: false, from: 'MySQL' },
  mediumint: { postgres: 'integer', keepModifier: false, from: 'MySQL' },
  double: { postgres: 'double precision', keepModifier: false, from: 'MySQL' },
  'double precision unsigned': { postgres: 'double precision', keepModifier: false, from: 'MySQL' },
  tinytext: { postgres: 'text', keepModifier: false, from: 'MySQL' },
  mediumtext: { postgres: 'text', keepModifier: false, from: 'MySQL' },
  longtext: { postgres: 'text', keepModifier: false, from: 'MySQL' },
  year: { postgres: 'smallint', keepModifier: false, from: 'MySQL' },
  nvarchar: { postgres: 'varchar', keepModifier: true, from: 'SQL Server' },
  nchar: { postgres: 'char', keepModifier: true, from: 'SQL Server' },
  ntext: { postgres: 'text', keepModifier: false, from: 'SQL Server' },
};

/** MySQL's display widths (`int(11)`) are not PostgreSQL modifiers: these integer types take none. */
const INTEGER_NAMES = ['smallint', 'int2', 'integer', 'int', 'int4', 'bigint', 'int8'];

/** Scalar types: a JSON column (an array, object or union) cannot be one. */
const SCALAR_NAMES = [
  ...INTEGER_NAMES, 'real', 'float4', 'float8', 'float', 'double precision', 'numeric', 'decimal', 'text', 'varchar', 'character varying',
  'char', 'character', 'uuid', 'boolean', 'bool', 'date', ...['timestamp', 'timestamptz', 'timestamp with time zone', 'timestamp without time zone'],
];

/** Numeric type names; on a string property only the floating-point ones are refused (integers and `numeric` keep the exact text). */
export const NUMBER_NAMES = [...INTEGER_NAMES, 'numeric', 'decimal', 'real', 'float4', 'float8', 'float', 'double precision', 'serial', 'bigserial', 'smallserial'];

/** Binary types: the runtime has no codec for bytes. */
const BINARY_NAMES = ['bytea', 'blob', 'tinyblob', 'mediumblob', 'longblob', 'binary', 'varbinary', 'image'];

/**
 * PostgreSQL types whose text PostgreSQL rewrites to its own normal form (and checks), which
 * SQLite keeps as written (tester s12 T5): the same row would read back differently per engine,
 * a filter on the written value would match on one engine only, and a value PostgreSQL refuses
 * would be its raw error there and stored on SQLite. Each with an example of the rewrite.
 */
const REWRITTEN_NAMES: Readonly<Record<string, string>> = {
  interval: "'1 day 2 hours' reads back '1 day 02:00:00', 'P1D' as '1 day'",
  inet: "'10.0.0.1/32' reads back '10.0.0.1'",
  cidr: "'10.1' reads back '10.1.0.0/16'",
  macaddr: "'08:00:2B:01:02:03' reads back '08:00:2b:01:02:03'",
  macaddr8: "'08:00:2B:01:02:03:04:05' reads back '08:00:2b:01:02:03:04:05'",
  tsvector: "'a fat cat' reads back \"'a' 'cat' 'fat'\"",
  tsquery: "'fat & cat' reads back \"'fat' & 'cat'\"",
  point: "'(1, 2)' reads back '(1,2)'",
  line: "'{1, -1, 0}' reads back '{1,-1,0}'",
  lseg: "'[(0,0), (1,1)]' reads back '[(0,0),(1,1)]'",
  box: "'(0,0),(1,1)' reads back '(1,1),(0,0)'",
  path: "'(0,0), (1,1)' reads back '((0,0),(1,1))'",
  polygon: "'(0,0), (1,1), (1,0)' reads back '((0,0),(1,1),(1,0))'",
  circle: "'<(0,0), 1>' reads back '<(0,0),1>'",
  xml: "'<a>' is refused as not well-formed",
  bit: "'1' on bit(3) is refused, or padded to '100' when cast",
  'bit varying': "'12' is refused, being no bits",
  varbit: "'12' is refused, being no bits",
  hstore: "'a=>1' reads back '\"a\"=>\"1\"' (and needs CREATE EXTENSION hstore)",
  citext: "compares case-insensitively on PostgreSQL only (and needs CREATE EXTENSION citext)",
};

/** The PostgreSQL type for a written `@dbType` on a column of `codec`, and what was changed or refused. */
export function postgresTypeOf(written: string, codec: Codec): PostgresType {
  const { name, modifier, array } = parseDbType(written);
  const quoted = `@dbType "${written}"`;
  if (array && codec === 'json') {
    return {
      postgres: 'jsonb',
      // A list of strings, numbers or booleans is a PostgreSQL array (typeorm-forms.ts) before this point.
      note: warning(`${quoted} is a PostgreSQL array of items the runtime reads from no PostgreSQL array (a Date, a bigint, an item that may be null); the column is stored as JSON (jsonb).`, 'The runtime binds arrays as JSON text, which a PostgreSQL array column refuses. Write `jsonb` as the type (`@Column({ type: \'jsonb\' })`, without `array: true`) to silence this; on SQLite the column is JSON text either way.'),
    };
  }
  if (codec === 'json' && !array && (SCALAR_NAMES.includes(name) || name in FOREIGN_NAMES)) {
    return {
      postgres: written,
      note: error(`${quoted} is a scalar type, but the property's type (an array, an object, a union or unknown) is stored as JSON.`, 'Write `jsonb`, or drop the type: such a column is jsonb on PostgreSQL and JSON text on SQLite. For a PostgreSQL array of scalars write TypeORM\'s `array: true` (stored as JSON too).'),
    };
  }
  // Integer and numeric types on a string are the codecs integer-text and decimal-text by now
  // (column-types.ts): what is left is a floating-point type, whose text is no exact value.
  if (codec === 'text' && NUMBER_NAMES.includes(name)) {
    return {
      postgres: written,
      note: error(
        `${quoted} on a string property: a floating-point column keeps a binary approximation of the text (SQLite's REAL and PostgreSQL's ${name} read '0.10000000000000001' back as '0.1'), so the row's string would not hold as written.`,
        "Type the property `number` to keep a floating-point column, or write `numeric` (`@Column('decimal', { precision, scale })`) to keep the exact decimal text in a string.",
      ),
    };
  }
  // `interval day to second` and the other field-limited intervals are intervals too.
  const rewritten = array ? undefined : REWRITTEN_NAMES[/^interval\b/.test(name) ? 'interval' : name];
  if (rewritten !== undefined) {
    return {
      postgres: written,
      note: error(
        `${quoted}: PostgreSQL reads and checks ${name.split(' ')[0] === 'interval' ? 'interval' : name} text in its own way (${rewritten}), while SQLite keeps the text as written, so the same row would read back, and filters would match, differently per engine.`,
        name === 'citext'
          ? 'Use `text` and compare case-insensitively with the `ilike` filter (or store the text lower-cased), which every engine does alike.'
          : `Use \`text\` and keep one form of the value (a \`@pattern\` for it, or convert in your code); PostgreSQL's ${name} operators can then run on a cast in your own SQL.`,
      ),
    };
  }
  if (name === 'money') {
    return { postgres: written, note: error(`${quoted}: PostgreSQL reads money back as text in the server's currency format ('$12.50'), which is not a number.`, 'Use `numeric(12, 2)` (`@Column({ type: \'numeric\', precision: 12, scale: 2 })`) and keep the currency in another column.') };
  }
  if (BINARY_NAMES.includes(name)) {
    return { postgres: written, note: error(`${quoted} is a binary type; the generated runtime has no codec for bytes.`, 'Store the bytes elsewhere (a file store) and keep a key in a text column, or encode them as base64 text in a `text` column.') };
  }
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
  if (name === 'date' && !array && codec === 'timestamp') {
    return {
      postgres: 'timestamptz',
      note: warning(
        `${quoted} on a Date property: PostgreSQL would keep only the day (read back as midnight), while SQLite keeps the instant, so the same row would read back differently per engine. PostgreSQL gets timestamptz instead.`,
        'To keep a date column, type the property `string` (`YYYY-MM-DD`, read back as written on every engine); to keep the Date, write `timestamptz` to silence this.',
      ),
    };
  }
  if (codec === 'real' && !array && isSinglePrecision(name, modifier)) {
    return {
      postgres: 'double precision',
      note: warning(
        `${quoted} is a 4-byte float: PostgreSQL would round a number to 24 bits (0.123456789 reads back as 0.12345679) and refuse one past ±3.4e38 or below 1.4e-45 with its own error, while SQLite's REAL keeps the JavaScript number as it is. PostgreSQL gets double precision instead, which holds every number exactly.`,
        'Write `double precision` (`@Column({ type: \'double precision\' })`) to silence this; on SQLite the column is REAL (8 bytes) either way.',
      ),
    };
  }
  const foreign = FOREIGN_NAMES[name];
  if (foreign) {
    const postgres = codec === 'boolean' && name === 'tinyint' ? 'boolean' : `${foreign.postgres}${foreign.keepModifier ? modifier : ''}`;
    return { postgres, note: renamed(quoted, foreign.from, postgres) };
  }
  if (INTEGER_NAMES.includes(name) && modifier !== '') {
    const postgres = codec === 'boolean' ? 'boolean' : name;
    return { postgres, note: renamed(quoted, 'MySQL', postgres, `PostgreSQL's integer types take no display width (\`${written}\` fails to apply)`) };
  }
  return { postgres: written };
}

function renamed(quoted: string, from: string, postgres: string, why = `PostgreSQL has no such type (the schema would fail to apply)`): DbTypeNote {
  return warning(`${quoted} is ${from}'s name; ${why}, so the PostgreSQL schema uses ${postgres}.`, `Write \`${postgres}\` to silence this: it stores the same values on every engine codegen writes.`);
}

/** `real`, `float4`, `float(1)` to `float(24)`: PostgreSQL's 4-byte float (`float` alone and `float(25)` up are double precision). */
function isSinglePrecision(name: string, modifier: string): boolean {
  if (name === 'real' || name === 'float4') return true;
  const bits = /^\((\d+)\)$/.exec(modifier)?.[1];
  return name === 'float' && bits !== undefined && Number(bits) >= 1 && Number(bits) <= 24;
}

const warning = (message: string, hint: string): DbTypeNote => ({ code: 'CG2309', message, hint });
const error = (message: string, hint: string): DbTypeNote => ({ code: 'CG2310', message, hint });
