/**
 * `Where` → SQL condition terms. Each field key is checked against the table's allow-list,
 * each value bound; the terms of one object are ANDed by the caller. Case-sensitive `like` on
 * SQLite, whose `LIKE` ignores ASCII case, is a `GLOB` with the pattern translated (`likeToGlob`).
 */
import { Bindings, type FieldSql, type TableContext } from './sql-context.js';
import { SqlBuilderError, type Codec } from './sql-types.js';

type Loose = Readonly<Record<string, unknown>>;

function isPlainObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * Appends the terms of `where` to `terms` (to be joined with AND; none means no condition).
 * `qualifier` prefixes column names (`"books".` when the select joins other tables).
 */
export function addWhere(ctx: TableContext, where: unknown, bindings: Bindings, qualifier: string, terms: string[], path: string): void {
  if (!isPlainObject(where)) ctx.fail(`${path} must be an object`);
  for (const key of Object.keys(where)) {
    const value = where[key];
    if (value === undefined) continue;
    if (key === 'and') {
      for (const item of list(ctx, value, `${path}.and`)) addWhere(ctx, item, bindings, qualifier, terms, `${path}.and`);
    } else if (key === 'or') {
      addOr(ctx, list(ctx, value, `${path}.or`), bindings, qualifier, terms, `${path}.or`);
    } else if (key === 'not') {
      addNot(ctx, value, bindings, qualifier, terms, `${path}.not`);
    } else {
      addField(ctx, ctx.field(key, path), value, bindings, qualifier, terms);
    }
  }
}

/**
 * `NOT (…)`. A `not` must negate a condition: one of a filter that sets none (`{ not: {} }`,
 * `{ not: { email: undefined } }`, typically a missing value) is refused, at any depth, rather
 * than read as FALSE (no row). One of a filter that can match no row (`in: []`, `or: []`) is TRUE
 * and adds no term, as its twin `notIn: []` does, so on its own it sets no condition
 * (`deleteMany({ not: { id: { in: keptIds } } })` with no ids kept is refused, tester9 F6).
 */
function addNot(ctx: TableContext, value: unknown, bindings: Bindings, qualifier: string, terms: string[], path: string): void {
  const bound = bindings.values.length;
  const inner: string[] = [];
  addWhere(ctx, value, bindings, qualifier, inner, path);
  if (inner.length === 0) ctx.fail(`${path} sets no condition (its values are undefined, or it matches every row): a not must negate one`);
  if (isFalse(inner)) {
    bindings.values.length = bound;
    return;
  }
  // A lone OR group is already parenthesised (every term starting with "(" is wrapped whole).
  const [only] = inner as [string];
  terms.push(inner.length === 1 && only.startsWith('(') ? `NOT ${only}` : `NOT (${inner.join(' AND ')})`);
}

/** Whether terms joined with AND are FALSE: one of them is (`in: []`, `or: []`, an OR of such). */
function isFalse(terms: readonly string[]): boolean {
  return terms.includes('FALSE');
}

function list(ctx: TableContext, value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) ctx.fail(`${path} must be an array`);
  return value;
}

/**
 * `(a OR b)`. No members match nothing (`FALSE`); a member without any condition matches
 * everything, so the whole OR adds no term and binds nothing (the members' values are dropped).
 */
function addOr(ctx: TableContext, items: readonly unknown[], bindings: Bindings, qualifier: string, terms: string[], path: string): void {
  if (items.length === 0) {
    terms.push('FALSE');
    return;
  }
  const bound = bindings.values.length;
  const parts: string[] = [];
  let everything = false;
  let nothing = true;
  for (const item of items) {
    const inner: string[] = [];
    addWhere(ctx, item, bindings, qualifier, inner, path); // every member is checked, even after an empty one
    if (inner.length === 0) everything = true;
    else if (!isFalse(inner)) nothing = false;
    parts.push(inner.length === 1 ? (inner[0] as string) : `(${inner.join(' AND ')})`);
  }
  if (everything || nothing) bindings.values.length = bound;
  // Members that all match no row are FALSE as one term, so a `not` around them sees it.
  if (!everything) terms.push(nothing ? 'FALSE' : parts.length === 1 ? (parts[0] as string) : `(${parts.join(' OR ')})`);
}

/**
 * Whether the filter `where` gives at least one SQL condition, exactly as the builders read it.
 * `undefined`, `{}`, `{ email: undefined }`, `{ title: { gt: undefined } }`, `{ id: { notIn: [] } }`,
 * `{ and: [{}] }`, `{ or: [{}, { id: 1 }] }` (an OR with a member without condition) and
 * `{ not: { id: { in: [] } } }` (the negation of a filter matching no row, as `notIn: []`) give
 * none: a select or count with them reads every row, and `update`/`delete` refuse them without
 * `all: true`. `{ or: [] }` and `{ id: { in: [] } }` give one (`FALSE`). Something the builders
 * refuse counts as a condition, for them to refuse: what is not a filter object, and a `not` of
 * a filter without condition (`{ not: { email: undefined } }`). Use it to refuse filters whose
 * conditions are all `undefined` where reading every row would be a mistake.
 */
export function hasCondition(where: unknown): boolean {
  return where !== undefined && reach(where) !== 'all';
}

/** What a filter matches as the builders write it: every row (no condition), no row (`FALSE`), or some. */
type Reach = 'all' | 'none' | 'some';

/** The rows of conditions joined with AND: none if one matches none, some if one is a condition. */
function conjunction(reaches: Iterable<Reach>): Reach {
  let result: Reach = 'all';
  for (const one of reaches) {
    if (one === 'none') return 'none';
    if (one === 'some') result = 'some';
  }
  return result;
}

function reach(where: unknown): Reach {
  if (!isPlainObject(where)) return 'some'; // not a filter: addWhere refuses it
  const reaches: Reach[] = [];
  for (const key of Object.keys(where)) {
    const value = where[key];
    if (value === undefined) continue;
    if (key === 'and') reaches.push(Array.isArray(value) ? conjunction(value.map(reach)) : 'some');
    else if (key === 'or') reaches.push(Array.isArray(value) ? disjunction(value.map(reach)) : 'some');
    else if (key === 'not') {
      const inner = reach(value);
      // A not of nothing is refused by the builders (a condition here); NOT FALSE is every row.
      reaches.push(inner === 'all' ? 'some' : inner === 'none' ? 'all' : 'some');
    } else reaches.push(fieldReach(value));
  }
  return conjunction(reaches);
}

/** An OR: every row if a member sets no condition, no row if it has none or all match none. */
function disjunction(reaches: readonly Reach[]): Reach {
  if (reaches.includes('all')) return 'all';
  return reaches.every((one) => one === 'none') ? 'none' : 'some';
}

/** A field's value: a value, `null` or an array (refused) is a condition; an operator object joins its operators (`in: []` none, `notIn: []` all). */
function fieldReach(value: unknown): Reach {
  if (!isPlainObject(value)) return 'some';
  const reaches: Reach[] = [];
  for (const op of Object.keys(value)) {
    const operand = value[op];
    if (operand === undefined) continue;
    const empty = Array.isArray(operand) && operand.length === 0;
    reaches.push(empty && op === 'notIn' ? 'all' : empty && op === 'in' ? 'none' : 'some');
  }
  return conjunction(reaches);
}

function addField(ctx: TableContext, field: FieldSql, value: unknown, bindings: Bindings, qualifier: string, terms: string[]): void {
  const column = qualifier + field.column;
  if (value === null) {
    terms.push(nullTerm(ctx, field, column, true));
  } else if (typeof value === 'object' && !(value instanceof Date)) {
    if (Array.isArray(value)) ctx.fail(`field ${JSON.stringify(field.field)}: an array is not a value (use { in: [...] })`);
    addOperators(ctx, field, column, value as Loose, bindings, terms);
  } else {
    if (isJsonLike(field.codec)) ctx.fail(`json field ${JSON.stringify(field.field)} can only be tested with isNull`);
    terms.push(equalityTerm(field, column, ' = ', value, bindings));
  }
}

/**
 * `column = value` (or `<>`): the column's order key against the value's where equal values may
 * be written as different texts (`OrderKey.equality`: a timestamp on SQLite, which other programs
 * write with an offset or a space), so `eq` finds the rows read as that value.
 */
function equalityTerm(field: FieldSql, column: string, operator: ' = ' | ' <> ', value: unknown, bindings: Bindings): string {
  if (field.order?.equality === true) return field.order.sql(column) + operator + bindings.add(field.order.key(field.encode(value)));
  return column + operator + bindings.add(field.encode(value)) + field.cast;
}

/**
 * `column IS NULL` (or `IS NOT NULL`). A JSON column (`json`, TypeORM's `simple-json`) may also hold
 * the JSON literal `null`, which another program can store and which reads as `null`: the test
 * finds the rows that read as `null`, so it matches that text too (JSON's insignificant whitespace
 * around it included, RFC 8259 §2). Written as `NOT (…)` for `isNull: false`, which is TRUE or
 * FALSE, never NULL, whatever the column holds.
 */
function nullTerm(ctx: TableContext, field: FieldSql, column: string, isNull: boolean): string {
  if (field.codec !== 'json' && field.codec !== 'simple-json') return isNull ? `${column} IS NULL` : `${column} IS NOT NULL`;
  const text = ctx.dialect === 'postgres' ? `btrim((${column})::text, E' \\t\\n\\r')` : `trim(${column}, ' ' || char(9, 10, 13))`;
  const test = `(${column} IS NULL OR ${text} = 'null')`;
  return isNull ? test : `NOT ${test}`;
}

/** A JSON column, one of TypeORM's text forms of a JSON value (`simple-json`, `simple-array`) or a PostgreSQL array (`array`): tested with isNull only. */
export function isJsonLike(codec: Codec): boolean {
  return codec === 'json' || codec === 'simple-json' || codec === 'simple-array' || codec === 'array';
}

const COMPARISONS: Readonly<Record<string, string>> = { gt: ' > ', gte: ' >= ', lt: ' < ', lte: ' <= ' };

function addOperators(ctx: TableContext, field: FieldSql, column: string, operators: Loose, bindings: Bindings, terms: string[]): void {
  const name = JSON.stringify(field.field);
  for (const op of Object.keys(operators)) {
    const value = operators[op];
    if (value === undefined) continue;
    if (isJsonLike(field.codec) && op !== 'isNull') ctx.fail(`json field ${name} can only be tested with isNull, not ${JSON.stringify(op)}`);
    switch (op) {
      case 'isNull':
        if (typeof value !== 'boolean') ctx.fail(`field ${name}: isNull takes a boolean`);
        terms.push(nullTerm(ctx, field, column, value));
        break;
      case 'eq':
        terms.push(value === null ? `${column} IS NULL` : equalityTerm(field, column, ' = ', value, bindings));
        break;
      case 'ne':
        terms.push(value === null ? `${column} IS NOT NULL` : equalityTerm(field, column, ' <> ', value, bindings));
        break;
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
        if (value === null) ctx.fail(`field ${name}: ${op} cannot compare with null`);
        if (field.order) terms.push(field.order.sql(column) + COMPARISONS[op] + bindings.add(field.order.key(field.encode(value))));
        else terms.push(column + COMPARISONS[op] + bindings.add(field.encode(value)) + field.cast);
        break;
      case 'in':
      case 'notIn':
        addIn(ctx, field, column, op, value, bindings, terms);
        break;
      case 'like':
      case 'ilike':
        terms.push(likeTerm(ctx, field, column, op, value, bindings));
        break;
      default:
        ctx.fail(`field ${name}: unknown operator ${JSON.stringify(op)}`);
    }
  }
}

/** `IN (…)`; `in: []` is FALSE and `notIn: []` adds no term (TRUE), never an invalid `IN ()`. */
function addIn(ctx: TableContext, field: FieldSql, column: string, op: 'in' | 'notIn', value: unknown, bindings: Bindings, terms: string[]): void {
  if (!Array.isArray(value)) ctx.fail(`field ${JSON.stringify(field.field)}: ${op} takes an array`);
  if (value.length === 0) {
    if (op === 'in') terms.push('FALSE');
    return;
  }
  let placeholders = '';
  const byKey = field.order?.equality === true ? field.order : undefined;
  for (const item of value as readonly unknown[]) {
    if (item === null || item === undefined) ctx.fail(`field ${JSON.stringify(field.field)}: ${op} cannot hold null (use isNull)`);
    const bound = byKey === undefined ? bindings.add(field.encode(item)) + field.cast : bindings.add(byKey.key(field.encode(item)));
    placeholders += (placeholders === '' ? '' : ', ') + bound;
  }
  terms.push(`${byKey === undefined ? column : byKey.sql(column)}${op === 'in' ? ' IN (' : ' NOT IN ('}${placeholders})`);
}

const STRING_CODECS = new Set(['text', 'uuid', 'date']);

/**
 * `like`: PostgreSQL `LIKE` (case-sensitive, `\` escapes); SQLite `GLOB` with the translated
 * pattern (SQLite's `LIKE` ignores ASCII case). `ilike`: PostgreSQL `ILIKE`; SQLite
 * `LIKE … ESCAPE '\'` (ASCII case folding only). Non-text columns are cast to text on PostgreSQL.
 */
function likeTerm(ctx: TableContext, field: FieldSql, column: string, op: 'like' | 'ilike', value: unknown, bindings: Bindings): string {
  if (typeof value !== 'string') ctx.fail(`field ${JSON.stringify(field.field)}: ${op} takes a string pattern`);
  if (!STRING_CODECS.has(field.codec)) ctx.fail(`field ${JSON.stringify(field.field)}: ${op} needs a string column, not ${field.codec}`);
  // PostgreSQL refuses a pattern ending in a lone escape when it runs; refuse it on both dialects here.
  if (/(^|[^\\])(\\\\)*\\$/.test(value)) ctx.fail(`field ${JSON.stringify(field.field)}: ${op} pattern ends with the escape character \\`);
  if (ctx.pg) {
    const text = field.codec === 'text' && !field.castToText ? column : `${column}::text`;
    return `${text} ${op === 'like' ? 'LIKE' : 'ILIKE'} ${bindings.add(value)}`;
  }
  return op === 'like' ? `${column} GLOB ${bindings.add(likeToGlob(value))}` : `${column} LIKE ${bindings.add(value)} ESCAPE '\\'`;
}

const GLOB_SPECIAL = new Set(['*', '?', '[']);

/**
 * A `LIKE` pattern (`%`, `_`, `\` escaping the next character, as PostgreSQL reads it) as the
 * equivalent SQLite `GLOB` pattern: `%` → `*`, `_` → `?`, and GLOB's own `*`, `?`, `[` matched
 * literally as `[*]`, `[?]`, `[[]`. Both match `_`/`?` against one character (not byte).
 * @throws SqlBuilderError for a pattern ending in a lone `\` (PostgreSQL refuses it too).
 */
export function likeToGlob(pattern: string): string {
  let glob = '';
  for (let at = 0; at < pattern.length; at++) {
    let char = pattern[at] as string;
    if (char === '\\') {
      at++;
      if (at === pattern.length) throw new SqlBuilderError(`LIKE pattern ${JSON.stringify(pattern)} ends with the escape character`);
      char = pattern[at] as string;
      glob += GLOB_SPECIAL.has(char) ? `[${char}]` : char;
    } else if (char === '%') glob += '*';
    else if (char === '_') glob += '?';
    else glob += GLOB_SPECIAL.has(char) ? `[${char}]` : char;
  }
  return glob;
}
