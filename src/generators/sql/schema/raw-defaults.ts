/**
 * Raw SQL defaults (TypeORM's `default: () => 'expression'`) judged per dialect. Projects write
 * them for the one engine they run (`'{}'::jsonb`, `uuid_generate_v4()`, `now() + interval '1 day'`
 * for PostgreSQL; `datetime('now')` for SQLite), and copied as written they break the other
 * schema: SQLite cannot parse a `::` cast, and a function it lacks fails only at the first insert.
 *
 * `portableDefault` turns the known forms into what both engines run; `rawDefaultProblem` says
 * why what is left does not run on a dialect. SQLite is judged by what it has (its built-in
 * functions: a schema file cannot bring others), PostgreSQL by what it lacks (SQLite's own
 * functions), since a PostgreSQL database may hold extensions and functions of its own.
 */
import type { Codec } from '../column-types.js';
import type { Dialect } from '../options.js';
import type { DefaultSpec } from './model.js';
import { sqliteNowIso } from './now-sql.js';

/** A string literal, or a number, cast to a type that keeps its text: `'{}'::jsonb`, `'a'::character varying`, `0::bigint`. */
const CAST_LITERAL = /^\s*\(?\s*('(?:[^']|'')*'|-?\d+(?:\.\d+)?)\s*\)?\s*::\s*([a-z][a-z ]*?)\s*(?:\(\s*\d+(?:\s*,\s*\d+)?\s*\))?\s*\)?\s*$/is;
const TEXT_TYPES = new Set(['text', 'varchar', 'character varying', 'char', 'character', 'bpchar', 'json', 'jsonb', 'uuid', 'citext']);
const NUMBER_TYPES = new Set(['smallint', 'integer', 'int', 'int2', 'int4', 'int8', 'bigint', 'numeric', 'decimal', 'real', 'double precision', 'float4', 'float8']);
const NUMBER_CODECS = new Set<Codec>(['integer', 'bigint', 'real', 'decimal']);
/** The texts PostgreSQL's boolean input reads (unique prefixes of these too, which are left to CG2313). */
const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = { true: true, false: false, t: true, f: false, yes: true, no: false, on: true, off: false, '1': true, '0': false };
const RANDOM_UUID = /^\s*\(?\s*(?:gen_random_uuid|uuid_generate_v4)\s*\(\s*\)\s*\)?\s*$/i;
/** SQLite's current time as text: on a Date or date column it is the runtime's `now` (ISO text, not SQLite's `YYYY-MM-DD HH:MM:SS`). */
const SQLITE_NOW = /^\s*\(?\s*(?:datetime|date)\s*\(\s*'now'\s*\)\s*\)?\s*$/i;
const EMPTY_JSON_CALL = /^\s*\(?\s*(json_array|json_object)\s*\(\s*\)\s*\)?\s*$/i;

/**
 * The raw default `sql` of a column with `codec` in a form both engines run, or undefined when
 * it has none (it is then judged as written by `rawDefaultProblem`).
 */
export function portableDefault(sql: string, codec: Codec, fraction?: number): DefaultSpec | undefined {
  const cast = CAST_LITERAL.exec(sql);
  if (cast) {
    const [, literal, type] = cast as unknown as [string, string, string];
    const name = type.trim().toLowerCase().replace(/\s+/g, ' ');
    // PostgreSQL reads the literal as the type anyway: the column's own type does the cast.
    if (literal.startsWith("'") ? TEXT_TYPES.has(name) : NUMBER_TYPES.has(name)) return { kind: 'sql', sql: literal };
    // `'0'::integer`, `'1.5'::numeric` (as pg_dump and TypeORM's migrations write defaults): the number, on a number column.
    const quoted = literal.startsWith("'") ? literal.slice(1, -1) : undefined;
    if (quoted !== undefined && NUMBER_TYPES.has(name) && NUMBER_CODECS.has(codec) && /^\s*-?\d+(?:\.\d+)?\s*$/.test(quoted)) return { kind: 'sql', sql: quoted.trim() };
    // On a string in an integer or numeric column: the quoted text, which both engines read as the column holds it.
    if (quoted !== undefined && NUMBER_TYPES.has(name) && (codec === 'integer-text' || codec === 'decimal-text') && /^\s*-?\d+(?:\.\d+)?\s*$/.test(quoted)) {
      return { kind: 'sql', sql: `'${quoted.trim()}'` };
    }
    // `'false'::boolean`: PostgreSQL's boolean words, as the value (SQLite's 0 or 1).
    const truth = quoted !== undefined && (name === 'boolean' || name === 'bool') && codec === 'boolean' ? BOOLEAN_WORDS[quoted.trim().toLowerCase()] : undefined;
    if (truth !== undefined) return { kind: 'value', value: truth };
  }
  // Both are a random version-4 UUID; gen_random_uuid() is built into PostgreSQL 13 and later, uuid_generate_v4() needs uuid-ossp.
  if (RANDOM_UUID.test(sql) && (codec === 'uuid' || codec === 'text')) return { kind: 'uuid' };
  if (SQLITE_NOW.test(sql)) {
    if (codec === 'timestamp' || codec === 'date') return { kind: 'now' };
    if (codec === 'text' && /datetime/i.test(sql)) return { kind: 'nowText' };
  }
  const later = codec === 'timestamp' ? nowPlusInterval(sql, fraction) : undefined;
  if (later) return { kind: 'sql', sql, sqlite: later };
  const empty = EMPTY_JSON_CALL.exec(sql);
  if (empty && codec === 'json') return { kind: 'value', value: empty[1]!.toLowerCase() === 'json_array' ? [] : {} };
  return undefined;
}

/** `now() + interval '1 day'`, `CURRENT_TIMESTAMP - '2 hours'::interval`. */
const NOW_PLUS_INTERVAL = /^\s*\(?\s*(?:now\s*\(\s*\)|current_timestamp)\s*([+-])\s*(?:interval\s*'([^']*)'|'([^']*)'\s*::\s*interval)\s*\)?\s*$/i;
/** Units of a fixed length, in SQLite's modifier names. Months and years are left out: at a month's end the engines disagree (PostgreSQL clamps Jan 31 + 1 month to Feb 28, SQLite goes on to Mar 2). */
const INTERVAL_UNITS: Record<string, { unit: string; times: number }> = {
  week: { unit: 'days', times: 7 }, day: { unit: 'days', times: 1 }, hour: { unit: 'hours', times: 1 }, minute: { unit: 'minutes', times: 1 }, second: { unit: 'seconds', times: 1 },
};

/**
 * The SQLite expression of `now() ± interval '…'` in the runtime's ISO form, rounded to the
 * `fraction` digits the column keeps as PostgreSQL rounds, or undefined when the interval is not
 * one of fixed units.
 */
function nowPlusInterval(sql: string, fraction: number | undefined): string | undefined {
  const match = NOW_PLUS_INTERVAL.exec(sql);
  if (!match) return undefined;
  const text = (match[2] ?? match[3] ?? '').trim().toLowerCase();
  const parts = [...text.matchAll(/([+-]?\d+(?:\.\d+)?)\s*(week|day|hour|minute|second)s?(?=\s|$)/g)];
  // Every character of the interval read as a part: '1 day 2 hours', not '1 day ago' or '1 mon'.
  if (parts.length === 0 || parts.map((part) => part[0]).join(' ') !== text.replace(/\s+/g, ' ')) return undefined;
  const sign = match[1] === '-' ? -1 : 1;
  const modifiers = parts.map(([, amount, unit]) => {
    const { unit: name, times } = INTERVAL_UNITS[unit!]!;
    const value = sign * Number(amount) * times;
    return `'${value < 0 ? '' : '+'}${value} ${name}'`;
  });
  return sqliteNowIso(fraction, modifiers);
}

/** SQLite's built-in scalar, date and JSON functions (those a DEFAULT may call). */
const SQLITE_FUNCTIONS = new Set([
  ...['abs', 'char', 'coalesce', 'concat', 'concat_ws', 'format', 'glob', 'hex', 'ifnull', 'iif', 'instr', 'length', 'like', 'likelihood', 'likely', 'lower', 'ltrim'],
  ...['max', 'min', 'nullif', 'octet_length', 'printf', 'quote', 'random', 'randomblob', 'replace', 'round', 'rtrim', 'sign', 'substr', 'substring', 'trim', 'typeof'],
  ...['unhex', 'unicode', 'unlikely', 'upper', 'zeroblob', 'date', 'time', 'datetime', 'julianday', 'unixepoch', 'strftime', 'timediff', 'cast'],
  ...['json', 'jsonb', 'json_array', 'jsonb_array', 'json_object', 'jsonb_object', 'json_quote', 'json_extract', 'jsonb_extract', 'json_insert', 'jsonb_insert'],
  ...['json_replace', 'jsonb_replace', 'json_set', 'jsonb_set', 'json_remove', 'jsonb_remove', 'json_patch', 'jsonb_patch', 'json_type', 'json_valid', 'json_array_length'],
  // Math functions (SQLITE_ENABLE_MATH_FUNCTIONS: on in better-sqlite3 and in the sqlite3 shell).
  ...['acos', 'acosh', 'asin', 'asinh', 'atan', 'atan2', 'atanh', 'ceil', 'ceiling', 'cos', 'cosh', 'degrees', 'exp', 'floor', 'ln', 'log', 'log10', 'log2'],
  ...['mod', 'pi', 'pow', 'power', 'radians', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'trunc'],
]);
/** Words SQLite reads inside an expression without a call. */
const SQLITE_WORDS = new Set([
  ...['null', 'true', 'false', 'current_timestamp', 'current_date', 'current_time', 'and', 'or', 'not', 'is', 'in', 'like', 'glob', 'between'],
  ...['case', 'when', 'then', 'else', 'end', 'collate', 'escape', 'isnull', 'notnull', 'nocase', 'binary', 'rtrim'],
]);
/** SQLite functions PostgreSQL has not. */
const SQLITE_ONLY_FUNCTIONS = new Set([
  ...['datetime', 'julianday', 'unixepoch', 'strftime', 'timediff', 'randomblob', 'zeroblob', 'hex', 'unhex', 'ifnull', 'iif', 'instr', 'printf'],
  ...['typeof', 'unicode', 'glob', 'likely', 'unlikely', 'likelihood', 'last_insert_rowid', 'changes', 'total_changes', 'json_quote', 'json_extract'],
  ...['json_insert', 'json_replace', 'json_set', 'json_remove', 'json_patch', 'json_valid', 'json_type'],
]);

type Token = { kind: 'string' | 'number' | 'word' | 'quoted' | 'symbol'; text: string };
const TOKEN = /\s+|'(?:[^']|'')*'|"(?:[^"]|"")*"|\d+(?:\.\d+)?(?:e[+-]?\d+)?|\.\d+|[A-Za-z_][\w$]*|::|\|\||<=|>=|<>|!=|==|->>|->|./gis;

function tokens(sql: string): Token[] {
  const result: Token[] = [];
  for (const [text] of sql.matchAll(TOKEN)) {
    if (/^\s+$/.test(text)) continue;
    const first = text[0]!;
    const kind = first === "'" ? 'string' : first === '"' ? 'quoted' : /[\d.]/.test(first) && text !== '.' ? 'number' : /[A-Za-z_]/.test(first) ? 'word' : 'symbol';
    result.push({ kind, text });
  }
  return result;
}

/** Why the raw default `sql` does not run on `dialect` (the end of a sentence), or undefined when it does. */
export function rawDefaultProblem(sql: string, dialect: Dialect): string | undefined {
  return dialect === 'sqlite' ? sqliteProblem(tokens(sql)) : postgresProblem(tokens(sql));
}

function sqliteProblem(list: Token[]): string | undefined {
  return sqliteSyntaxProblem(list) ?? sqliteNameProblem(list);
}

/** PostgreSQL's own syntax, named first since it says most about what was meant. */
function sqliteSyntaxProblem(list: Token[]): string | undefined {
  for (const token of list) {
    if (token.text === '::') return 'a PostgreSQL cast (`::`), which SQLite cannot parse';
    if (token.kind === 'quoted') return `the identifier ${token.text}, which a default cannot read`;
    const word = token.kind === 'word' ? token.text.toLowerCase() : '';
    if (word === 'interval') {
      return NOW_PLUS_INTERVAL.test(list.map((each) => each.text).join(' '))
        ? 'a PostgreSQL interval SQLite is not given: now() plus weeks, days, hours, minutes or seconds is translated, months and years are not (at a month\'s end the engines add them differently)'
        : 'a PostgreSQL interval, which SQLite lacks';
    }
    if (word === 'array') return 'a PostgreSQL ARRAY, which SQLite lacks';
  }
  return undefined;
}

/** A function SQLite has not, or a word it cannot read without one. */
function sqliteNameProblem(list: Token[]): string | undefined {
  // Type names follow AS inside CAST(… AS type) until its parenthesis closes.
  let typeNameDepth: number | undefined;
  let depth = 0;
  for (let position = 0; position < list.length; position += 1) {
    const token = list[position]!;
    const next = list[position + 1];
    if (token.text === '(') depth += 1;
    if (token.text === ')') {
      if (typeNameDepth === depth) typeNameDepth = undefined;
      depth -= 1;
    }
    if (token.kind !== 'word') continue;
    const word = token.text.toLowerCase();
    if (word === 'as') {
      typeNameDepth = depth;
      continue;
    }
    if (next?.text === '(') {
      if (!SQLITE_FUNCTIONS.has(word)) return `the function ${token.text}(), which SQLite lacks`;
      continue;
    }
    if (typeNameDepth === undefined && !SQLITE_WORDS.has(word)) return `${token.text}, which SQLite does not know`;
  }
  return undefined;
}

function postgresProblem(list: Token[]): string | undefined {
  for (let position = 0; position < list.length; position += 1) {
    const token = list[position]!;
    if (token.kind === 'word' && list[position + 1]?.text === '(' && SQLITE_ONLY_FUNCTIONS.has(token.text.toLowerCase())) {
      return `the SQLite function ${token.text}(), which PostgreSQL lacks`;
    }
    // PostgreSQL reads date('now') as the cast of the text 'now', made once: every row would get the day the table was created.
    if (token.kind === 'word' && /^(date|time)$/i.test(token.text) && list[position + 1]?.text === '(' && /^'now'$/i.test(list[position + 2]?.text ?? '')) {
      return `SQLite's ${token.text}('now'), which PostgreSQL reads as a constant: the time the table was created`;
    }
  }
  return undefined;
}
