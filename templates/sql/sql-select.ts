/**
 * `SELECT` statements: column lists, to-one joins, sort keys completed by the primary key,
 * keyset cursors, limit and offset; also `count` and the primary-key lookup.
 */
import { Bindings, hasOwn, orderedColumn, readColumn, resultAlias, type FieldSql, type TableContext } from './sql-context.js';
import { addWhere, isJsonLike } from './sql-where.js';
import { quoteIdentifier, type Query } from './sql-types.js';

/** `select`'s options with the type parameters erased. */
export interface LooseSelect {
  readonly columns?: readonly string[] | undefined;
  readonly where?: unknown;
  readonly orderBy?: unknown;
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
  readonly after?: unknown;
  readonly join?: unknown;
}

interface SortKey {
  readonly field: FieldSql;
  readonly desc: boolean;
}

const NO_VALUES: readonly unknown[] = Object.freeze([]);

/** `"c" AS "field"` for each field, comma-separated; `qualifier` is `''` or `"table".`. */
function selectItems(fields: readonly FieldSql[], qualifier: string): string {
  let items = '';
  for (const field of fields) items += `${items === '' ? '' : ', '}${readColumn(field, qualifier + field.column)} AS ${quoteIdentifier(field.alias)}`;
  return items;
}

/** Every column of the table, aliased (cached per table and qualifier). */
export function allItems(ctx: TableContext, qualifier: string): string {
  return ctx.text(`items:${qualifier}`, () => selectItems(ctx.list, qualifier));
}

/** ` RETURNING` every column aliased to its field (cached). */
export function returningClause(ctx: TableContext): string {
  return ctx.text('returning', () => ` RETURNING ${allItems(ctx, '')}`);
}

function columnItems(ctx: TableContext, columns: readonly string[] | undefined, qualifier: string): string {
  if (columns === undefined) return allItems(ctx, qualifier);
  if (!Array.isArray(columns) || columns.length === 0) ctx.fail('columns must list at least one field');
  return selectItems(
    columns.map((key) => ctx.field(key, 'columns')),
    qualifier,
  );
}

/**
 * The qualifier of a sort column: the table's for a column read through an expression (a
 * PostgreSQL timestamp's `to_json`, FieldSql.read), since a bare name in ORDER BY is first the
 * select item of that name, and json has no order; else `qualifier`.
 */
function sortQualifier(ctx: TableContext, field: FieldSql, qualifier: string): string {
  return field.read === undefined ? qualifier : `${ctx.table}.`;
}

/** The `SELECT` of `options` (all rows and columns without options). */
export function buildSelect(ctx: TableContext, options: LooseSelect | undefined): Query {
  if (options === undefined) return { text: ctx.text('select', () => `SELECT ${allItems(ctx, '')} FROM ${ctx.table}`), values: NO_VALUES };
  const bindings = new Bindings(ctx.pg);
  const joins = options.join === undefined ? undefined : planJoins(ctx, options.join);
  const qualifier = joins === undefined ? '' : `${ctx.table}.`;
  let text = `SELECT ${columnItems(ctx, options.columns, qualifier)}${joins?.items ?? ''} FROM ${ctx.table}${joins?.from ?? ''}`;
  const terms: string[] = [];
  if (options.where !== undefined) addWhere(ctx, options.where, bindings, qualifier, terms, 'where');
  const { limit, offset, after } = options;
  let order = '';
  if (options.orderBy !== undefined || limit !== undefined || offset !== undefined || after !== undefined) {
    const keys = sortKeys(ctx, options.orderBy);
    if (after !== undefined) terms.push(cursorTerm(ctx, keys, after, bindings, qualifier));
    for (const key of keys) order += `${order === '' ? ' ORDER BY ' : ', '}${orderedColumn(key.field, sortQualifier(ctx, key.field, qualifier) + key.field.column)}${direction(key)}`;
  }
  if (terms.length > 0) text += ` WHERE ${terms.join(' AND ')}`;
  text += order;
  if (limit !== undefined) text += ` LIMIT ${bindings.add(count(ctx, limit, 'limit'))}`;
  if (offset !== undefined) {
    // SQLite has no OFFSET without LIMIT; -1 means no limit there.
    if (limit === undefined && !ctx.pg) text += ' LIMIT -1';
    text += ` OFFSET ${bindings.add(count(ctx, offset, 'offset'))}`;
  }
  ctx.checkBound(bindings.values.length, 'select');
  return { text, values: bindings.values };
}

function count(ctx: TableContext, value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) ctx.fail(`${name} must be a non-negative safe integer, not ${String(value)}`);
  return value;
}

/** The `orderBy` keys in priority order, then the primary key fields not among them (ascending). */
function sortKeys(ctx: TableContext, orderBy: unknown): SortKey[] {
  const keys: SortKey[] = [];
  const add = (item: unknown): void => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) ctx.fail('orderBy must be an object or a list of objects');
    const directions = item as Readonly<Record<string, unknown>>;
    for (const key of Object.keys(directions)) {
      const direction = directions[key];
      if (direction === undefined) continue;
      const field = ctx.field(key, 'orderBy');
      // PostgreSQL orders jsonb by its own rules, SQLite the JSON text: no order both engines give.
      if (isJsonLike(field.codec)) ctx.fail(`json field ${JSON.stringify(key)} cannot be an orderBy key: the engines order JSON differently`);
      if (direction !== 'asc' && direction !== 'desc') ctx.fail(`orderBy ${JSON.stringify(key)}: direction must be 'asc' or 'desc'`);
      if (keys.some((known) => known.field === field)) ctx.fail(`orderBy names ${JSON.stringify(key)} twice`);
      keys.push({ field, desc: direction === 'desc' });
    }
  };
  if (Array.isArray(orderBy)) for (const item of orderBy as readonly unknown[]) add(item);
  else if (orderBy !== undefined) add(orderBy);
  for (const field of ctx.primaryKey) if (!keys.some((known) => known.field === field)) keys.push({ field, desc: false });
  return keys;
}

/**
 * ` ASC` / ` DESC`, with PostgreSQL's default NULL placement spelled out for a nullable column
 * (` ASC NULLS LAST`, ` DESC NULLS FIRST`): SQLite puts NULLs first ascending, so without it the
 * same query would order differently on the two engines. (SQLite reads `NULLS` since 3.30.)
 */
function direction(key: SortKey): string {
  if (!key.field.nullable) return key.desc ? ' DESC' : ' ASC';
  return key.desc ? ' DESC NULLS FIRST' : ' ASC NULLS LAST';
}

/**
 * Rows after the cursor in the sort order, NULL being greater than every value (as `direction`
 * sorts it): `("a" > $1 OR ("a" = $1 AND "b" > $2))`, with `<` for descending keys. A nullable
 * key's comparisons gain NULL branches: after a non-null value ascending comes
 * `("a" > $1 OR "a" IS NULL)`; after NULL descending, `"a" IS NOT NULL`; nothing comes after NULL
 * ascending (that alternative is dropped; none left is `FALSE`); equality with NULL is `IS NULL`.
 * PostgreSQL binds each cursor value once and reuses `$n`; SQLite's `?` binds it at each use.
 * Over several keys, a bound on the first one leads where it holds (`seekBound`):
 * `"a" >= $1 AND ("a" > $1 OR ("a" = $1 AND "b" > $2))`, so an index on `a` is sought, not walked.
 */
function cursorTerm(ctx: TableContext, keys: readonly SortKey[], after: unknown, bindings: Bindings, qualifier: string): string {
  if (typeof after !== 'object' || after === null || Array.isArray(after)) ctx.fail('after must be an object');
  const cursor = after as Readonly<Record<string, unknown>>;
  for (const key of Object.keys(cursor)) {
    if (!ctx.hasField(key) && !hasOwn(ctx.meta.relations, key)) ctx.field(key, 'after');
  }
  const values = keys.map(({ field }) => {
    const value = hasOwn(cursor, field.field) ? cursor[field.field] : undefined;
    if (value === undefined) ctx.fail(`after needs a value for sort key ${JSON.stringify(field.field)}`);
    if (value === null && !field.nullable) ctx.fail(`after needs a non-null value for sort key ${JSON.stringify(field.field)} (the column is not nullable)`);
    if (value === null) return null;
    // A column with an order key (decimal text on SQLite) is compared by it, equality included.
    return field.order ? field.order.key(field.encode(value)) : field.encode(value);
  });
  const numbered: (string | undefined)[] = [];
  const placeholder = (at: number): string => {
    const known = numbered[at];
    if (known !== undefined) return known;
    const made = bindings.add(values[at]) + (keys[at] as SortKey).field.cast;
    if (ctx.pg) numbered[at] = made;
    return made;
  };
  const column = (at: number): string => orderedColumn((keys[at] as SortKey).field, qualifier + (keys[at] as SortKey).field.column);
  const equal = (at: number): string => (values[at] === null ? `${column(at)} IS NULL` : `${column(at)} = ${placeholder(at)}`);
  /** The rows strictly after the cursor on key `at` alone; `undefined` for none. */
  const beyond = (at: number): string | undefined => {
    const { field, desc } = keys[at] as SortKey;
    if (values[at] === null) return desc ? `${column(at)} IS NOT NULL` : undefined;
    if (desc) return `${column(at)} < ${placeholder(at)}`;
    return field.nullable ? `(${column(at)} > ${placeholder(at)} OR ${column(at)} IS NULL)` : `${column(at)} > ${placeholder(at)}`;
  };
  // Placed first in the text: on SQLite its `?` must be bound before the alternatives' own.
  const bound = keys.length > 1 ? seekBound(keys[0] as SortKey, values[0], column(0), placeholder) : '';
  const alternatives: string[] = [];
  keys.forEach((_key, at) => {
    if (values[at] === null && !(keys[at] as SortKey).desc) return;
    let term = '';
    for (let before = 0; before < at; before++) term += `${equal(before)} AND `;
    term += beyond(at) as string;
    alternatives.push(at === 0 ? term : `(${term})`);
  });
  if (alternatives.length === 0) return 'FALSE';
  if (alternatives.length === 1) return `${bound}${alternatives[0] as string}`;
  return `${bound}(${alternatives.join(' OR ')})`;
}

/**
 * `"a" >= $1 AND ` before a cursor's alternatives where every row after it has the first key on
 * that side of its value (`<=` descending): implied by the alternatives, but an engine seeks an
 * index of the column to such a bound and not to an `OR` (SQLite walked the index from its start
 * to the cursor: 7 ms against 0.03 ms in the middle of 100,000 rows, bench/README.md). Nothing
 * where NULLs may follow (a nullable key ascending: NULL is last) or the cursor's value is NULL.
 */
function seekBound(key: SortKey, value: unknown, column: string, placeholder: (at: number) => string): string {
  if (value === null || (key.field.nullable && !key.desc)) return '';
  return `${column} ${key.desc ? '<=' : '>='} ${placeholder(0)} AND `;
}

/** The select items and `LEFT JOIN`s of `join`, or `undefined` when it joins nothing. */
function planJoins(ctx: TableContext, join: unknown): { items: string; from: string } | undefined {
  if (typeof join !== 'object' || join === null || Array.isArray(join)) ctx.fail('join must be an object');
  const spec = join as Readonly<Record<string, unknown>>;
  let items = '';
  let from = '';
  for (const name of Object.keys(spec)) {
    const wanted = spec[name];
    if (wanted === undefined) continue;
    const relation = ctx.relation(name, 'join');
    if (relation.through !== undefined || (relation.kind !== 'many-to-one' && relation.kind !== 'one-to-one')) {
      ctx.fail(`join ${JSON.stringify(name)}: only to-one relations can be joined (include loads the others)`);
    }
    if (name === ctx.meta.table) ctx.fail(`join ${JSON.stringify(name)}: a relation named like the table cannot be joined`);
    const { local, remote, target } = ctx.relationFields(name);
    let fields: FieldSql[];
    if (wanted === true) fields = [...target.list];
    else if (Array.isArray(wanted)) fields = (wanted as readonly unknown[]).map((key) => target.field(String(key), `join ${JSON.stringify(name)}`));
    else ctx.fail(`join ${JSON.stringify(name)}: give true or a list of fields`);
    // The join key is always read: its NULL is how decode tells "no row" from a row of NULLs.
    for (const field of remote) if (!fields.includes(field)) fields.push(field);
    const alias = quoteIdentifier(name);
    for (const field of fields) items += `, ${readColumn(field, `${alias}.${field.column}`)} AS ${quoteIdentifier(resultAlias(`${name}.${field.field}`))}`;
    const on = remote.map((field, at) => `${alias}.${field.column} = ${ctx.table}.${(local[at] as FieldSql).column}`).join(' AND ');
    from += ` LEFT JOIN ${target.table} AS ${alias} ON ${on}`;
  }
  return from === '' ? undefined : { items, from };
}

/**
 * `SELECT count(*) AS "count" …`. PostgreSQL's count is int8, which node-postgres returns as a
 * string: it is cast to float8 (exact to 2^53, returned as a number by every driver) rather than
 * to integer, which would overflow past 2^31 rows.
 */
export function buildCount(ctx: TableContext, where: unknown): Query {
  const head = ctx.text('count', () => `SELECT ${ctx.pg ? 'count(*)::float8' : 'count(*)'} AS "count" FROM ${ctx.table}`);
  if (where === undefined) return { text: head, values: NO_VALUES };
  const bindings = new Bindings(ctx.pg);
  const terms: string[] = [];
  addWhere(ctx, where, bindings, '', terms, 'where');
  ctx.checkBound(bindings.values.length, 'count');
  return { text: terms.length === 0 ? head : `${head} WHERE ${terms.join(' AND ')}`, values: bindings.values };
}

/** The row with this primary key; the text is built once per table. */
export function buildSelectByKey(ctx: TableContext, key: unknown): Query {
  const primaryKey = ctx.primaryKey;
  if (primaryKey.length === 0) ctx.fail('selectByKey needs a primary key');
  if (typeof key !== 'object' || key === null) ctx.fail('selectByKey takes an object of key fields');
  const given = key as Readonly<Record<string, unknown>>;
  for (const name of Object.keys(given)) ctx.field(name, 'selectByKey');
  const values: unknown[] = [];
  for (const field of primaryKey) {
    const value = hasOwn(given, field.field) ? given[field.field] : undefined;
    if (value === undefined || value === null) ctx.fail(`selectByKey needs a value for key field ${JSON.stringify(field.field)}`);
    values.push(field.encode(value));
  }
  const text = ctx.text('byKey', () => {
    const bindings = new Bindings(ctx.pg);
    const terms = primaryKey.map((field) => `${field.column} = ${bindings.add(undefined)}${field.cast}`);
    return `SELECT ${allItems(ctx, '')} FROM ${ctx.table} WHERE ${terms.join(' AND ')}`;
  });
  return { text, values };
}
