/**
 * `INSERT` (one row, many rows, chunks under the bound-value limit), `UPSERT`, `UPDATE` and
 * `DELETE` statements. Fields whose value is `undefined` are left out; `null` binds NULL.
 */
import { Bindings, readField, type FieldSql, type TableContext } from './sql-context.js';
import { returningClause } from './sql-select.js';
import { addWhere } from './sql-where.js';
import { MAX_BOUND_VALUES, type Query } from './sql-types.js';

type Loose = Readonly<Record<string, unknown>>;

function asRow(ctx: TableContext, row: unknown, what: string): Loose {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) ctx.fail(`${what}: a row must be an object`);
  return row as Loose;
}

/** The defined fields of `row`, in the table's column order; an unknown key throws. */
function fieldsOf(ctx: TableContext, row: Loose, what: string): FieldSql[] {
  const fields: FieldSql[] = [];
  let ordered = true;
  for (const key of Object.keys(row)) {
    if (row[key] === undefined) continue;
    const field = ctx.field(key, what);
    const last = fields[fields.length - 1];
    if (last !== undefined && last.index > field.index) ordered = false;
    fields.push(field);
  }
  if (!ordered) fields.sort((a, b) => a.index - b.index);
  return fields;
}

/**
 * `fieldsOf` for each row. A row whose keys are those of the row before, all defined (as in
 * rows built by a repository), shares that row's list without looking its keys up again, so
 * `sameFields` finds equal shapes by identity; any other row goes through `fieldsOf`.
 */
function shapesOf(ctx: TableContext, rows: readonly Loose[], what: string): FieldSql[][] {
  const shapes: FieldSql[][] = [];
  let lastKeys: string[] = [];
  let last: FieldSql[] | undefined;
  for (const row of rows) {
    const keys = Object.keys(row);
    if (last !== undefined && keys.length === last.length && keys.length === lastKeys.length && sameDefinedKeys(row, keys, lastKeys)) {
      shapes.push(last);
      continue;
    }
    last = fieldsOf(ctx, row, what);
    lastKeys = keys;
    shapes.push(last);
  }
  return shapes;
}

/** Whether `keys` (the row's own keys) are `previous`, in order, each with a defined value. */
function sameDefinedKeys(row: Loose, keys: readonly string[], previous: readonly string[]): boolean {
  for (let at = 0; at < keys.length; at++) {
    const key = keys[at] as string;
    if (key !== previous[at] || row[key] === undefined) return false;
  }
  return true;
}

const sameFields = (a: readonly FieldSql[], b: readonly FieldSql[]): boolean =>
  a === b || (a.length === b.length && a.every((field, at) => field === b[at]));

const columnList = (fields: readonly FieldSql[]): string => fields.map((field) => field.column).join(', ');

/** The last one-row shape `insertOne` saw per table context and `returning`: its keys, fields and text. */
interface OneRowShape {
  readonly keys: readonly string[];
  readonly fields: readonly FieldSql[];
  readonly text: string;
}
const lastOneRowShapes = new WeakMap<TableContext, [OneRowShape | undefined, OneRowShape | undefined]>();

/**
 * One row: the text is cached per (key order of the row, returning), values encoded in that
 * order. Rows a repository builds have the same keys call after call: when the row's keys are
 * the last shape's, all defined, its fields and text are reused without a lookup per key.
 */
function insertOne(ctx: TableContext, row: Loose, returning: boolean): Query {
  const keys = Object.keys(row);
  let slots = lastOneRowShapes.get(ctx);
  if (slots === undefined) lastOneRowShapes.set(ctx, (slots = [undefined, undefined]));
  const slot = returning ? 1 : 0;
  const last = slots[slot];
  if (last !== undefined && last.keys.length === keys.length && sameDefinedKeys(row, keys, last.keys)) {
    const values: unknown[] = new Array(keys.length);
    for (let at = 0; at < keys.length; at++) {
      const field = last.fields[at] as FieldSql;
      values[at] = field.encode(row[field.field]);
    }
    return { text: last.text, values };
  }
  const values: unknown[] = [];
  const fields: FieldSql[] = [];
  let shape = returning ? 'insert+r' : 'insert';
  for (const key of keys) {
    const value = row[key];
    if (value === undefined) continue;
    const field = ctx.field(key, 'insert');
    values.push(field.encode(value));
    fields.push(field);
    shape += `,${field.index}`;
  }
  const text = ctx.text(shape, () => {
    const head = fields.length === 0 ? `INSERT INTO ${ctx.table} DEFAULT VALUES` : insertHead(ctx, fields) + valuesTuple(fields, new Bindings(ctx.pg), () => null);
    return head + (returning ? returningClause(ctx) : '');
  });
  // Only a row whose every key is defined can be matched by keys alone next time.
  if (fields.length === keys.length) slots[slot] = { keys, fields, text };
  return { text, values };
}

function insertHead(ctx: TableContext, fields: readonly FieldSql[]): string {
  return `INSERT INTO ${ctx.table} (${columnList(fields)}) VALUES `;
}

/** `($1, DEFAULT, $2::jsonb)`: `value` gives each field's value, `undefined` meaning DEFAULT. */
function valuesTuple(fields: readonly FieldSql[], bindings: Bindings, value: (field: FieldSql) => unknown): string {
  let tuple = '';
  for (const field of fields) {
    const item = value(field);
    tuple += (tuple === '' ? '(' : ', ') + (item === undefined ? 'DEFAULT' : bindings.add(item) + field.cast);
  }
  return `${tuple})`;
}

/**
 * One `INSERT` of `rows[start, end)` with the columns `fields`; `suffix` follows `VALUES`. On
 * PostgreSQL a row lacking a field gets `DEFAULT`; SQLite has no `DEFAULT` in `VALUES`, so its
 * callers pass rows that all have exactly `fields`, and every tuple is the same `(?, ?, …)`.
 */
function insertRows(ctx: TableContext, fields: readonly FieldSql[], rows: readonly Loose[], start: number, end: number, suffix: string): Query {
  if (fields.length === 0) return { text: `INSERT INTO ${ctx.table} DEFAULT VALUES${suffix}`, values: [] };
  // Sized once (a row missing a field leaves the array shorter: it is cut at the end).
  const values: unknown[] = new Array((end - start) * fields.length);
  let n = 0;
  for (let at = start; at < end; at++) {
    const row = rows[at] as Loose;
    for (let column = 0; column < fields.length; column++) {
      const field = fields[column] as FieldSql;
      const value = readField(row, field);
      if (value !== undefined) values[n++] = field.encode(value);
    }
  }
  const dense = n === values.length;
  if (!dense) values.length = n;
  // Every tuple binds every field (always so on SQLite): the text depends only on the row
  // count, the fields and the suffix, and the same string each time lets the adapter find its
  // prepared statement without hashing a new text.
  if (dense) {
    const key = `insert*${end - start}:${fields.map((field) => field.index).join(',')}:${suffix}`;
    return { text: ctx.text(key, () => insertHead(ctx, fields) + denseTuples(ctx, fields, end - start) + suffix), values };
  }
  let text = insertHead(ctx, fields);
  n = 0;
  for (let at = start; at < end; at++) {
    const row = rows[at] as Loose;
    let tuple = at === start ? '(' : ', (';
    for (let column = 0; column < fields.length; column++) {
      const field = fields[column] as FieldSql;
      if (column > 0) tuple += ', ';
      if (readField(row, field) === undefined) tuple += 'DEFAULT';
      else tuple += `$${++n}${field.cast}`;
    }
    text += `${tuple})`;
  }
  return { text: text + suffix, values };
}

/** `(?, ?), (?, ?)` or `($1, $2::jsonb), ($3, $4::jsonb)`: `count` tuples binding every field. */
function denseTuples(ctx: TableContext, fields: readonly FieldSql[], count: number): string {
  if (!ctx.pg) {
    const tuple = `(${fields.map(() => '?').join(', ')})`;
    return Array.from({ length: count }, () => tuple).join(', ');
  }
  const bindings = new Bindings(true);
  const tuples: string[] = [];
  for (let at = 0; at < count; at++) tuples.push(valuesTuple(fields, bindings, () => null));
  return tuples.join(', ');
}

function union(ctx: TableContext, shapes: readonly (readonly FieldSql[])[]): FieldSql[] {
  const present = new Set<FieldSql>();
  let previous: readonly FieldSql[] | undefined;
  for (const shape of shapes) {
    // Consecutive rows of one shape share its list (`shapesOf`): each list is read once.
    if (shape === previous) continue;
    previous = shape;
    for (const field of shape) present.add(field);
  }
  return ctx.list.filter((field) => present.has(field));
}

/** `insert`: one row, or several in one statement. */
export function buildInsert(ctx: TableContext, rows: unknown, returning: boolean): Query {
  if (!Array.isArray(rows)) return insertOne(ctx, asRow(ctx, rows, 'insert'), returning);
  if (rows.length === 0) ctx.fail('insert needs at least one row');
  if (rows.length === 1) return insertOne(ctx, asRow(ctx, rows[0], 'insert'), returning);
  const list = rows.map((row: unknown) => asRow(ctx, row, 'insert'));
  const shapes = shapesOf(ctx, list, 'insert');
  const first = shapes[0] as FieldSql[];
  if (!ctx.pg && shapes.some((shape) => !sameFields(shape, first))) {
    ctx.fail('SQLite has no DEFAULT in VALUES: rows with different field sets need insertChunks');
  }
  const fields = ctx.pg ? union(ctx, shapes) : first;
  if (fields.length === 0) ctx.fail('several rows without any field need insertChunks (one DEFAULT VALUES each)');
  const query = insertRows(ctx, fields, list, 0, list.length, returning ? returningClause(ctx) : '');
  ctx.checkBound(query.values.length, 'insert (insertChunks splits rows under the limit)');
  return query;
}

/**
 * `insert` in statements binding at most `maxValues` values each. PostgreSQL: every chunk has
 * the union of all rows' fields (the same text for chunks of equal size). SQLite: each run of
 * consecutive rows with one field set is chunked on its own, so input order is kept.
 */
export function buildInsertChunks(ctx: TableContext, rows: unknown, returning: boolean, maxValues: unknown): Query[] {
  const max = maxValues ?? MAX_BOUND_VALUES[ctx.dialect];
  if (typeof max !== 'number' || !Number.isSafeInteger(max) || max < 1) ctx.fail(`maxValues must be a positive safe integer, not ${String(max)}`);
  if (!Array.isArray(rows)) ctx.fail('insertChunks takes an array of rows');
  const list = rows.map((row: unknown) => asRow(ctx, row, 'insert'));
  const shapes = shapesOf(ctx, list, 'insert');
  const suffix = returning ? returningClause(ctx) : '';
  const queries: Query[] = [];
  const chunk = (fields: readonly FieldSql[], start: number, end: number): void => {
    if (fields.length > max) ctx.fail(`one row binds ${fields.length} values, more than maxValues ${max}`);
    const step = fields.length === 0 ? 1 : Math.floor(max / fields.length);
    for (let at = start; at < end; at += step) queries.push(insertRows(ctx, fields, list, at, Math.min(end, at + step), suffix));
  };
  if (ctx.pg) {
    chunk(union(ctx, shapes), 0, list.length);
    return queries;
  }
  let start = 0;
  for (let at = 1; at <= list.length; at++) {
    if (at === list.length || !sameFields(shapes[at] as FieldSql[], shapes[start] as FieldSql[])) {
      chunk(shapes[start] as FieldSql[], start, at);
      start = at;
    }
  }
  return queries;
}

/** `upsert`'s options with the type parameters erased. */
export interface LooseUpsert {
  readonly values: unknown;
  readonly conflict: unknown;
  readonly update?: readonly string[] | undefined;
  readonly returning?: boolean | undefined;
}

/** `INSERT … ON CONFLICT (…) DO UPDATE SET "c" = excluded."c"` (or `DO NOTHING`). */
export function buildUpsert(ctx: TableContext, options: LooseUpsert): Query {
  const list = (Array.isArray(options.values) ? options.values : [options.values]).map((row: unknown) => asRow(ctx, row, 'upsert'));
  if (list.length === 0) ctx.fail('upsert needs at least one row');
  const shapes = shapesOf(ctx, list, 'upsert');
  const fields = shapes[0] as FieldSql[];
  if (shapes.some((shape) => !sameFields(shape, fields))) ctx.fail('upsert rows must all have the same fields');
  if (fields.length === 0) ctx.fail('upsert needs at least one field');
  const target = conflictTarget(ctx, options.conflict);
  let update: readonly FieldSql[];
  if (options.update === undefined) update = fields.filter((field) => !target.includes(field) && !ctx.primaryKey.includes(field));
  else {
    const listed = options.update;
    if (!Array.isArray(listed)) ctx.fail('upsert update must be a list of fields');
    update = listed.map((key, at) => {
      const field = ctx.field(key, 'upsert update');
      if (!fields.includes(field)) ctx.fail(`upsert update names ${JSON.stringify(key)}, which no row gives`);
      // PostgreSQL refuses a column set twice (`multiple assignments to same column`), SQLite takes the last.
      if (listed.indexOf(key) !== at) ctx.fail(`upsert update names ${JSON.stringify(key)} twice`);
      return field;
    });
  }
  if (update.length > 0 && list.length > 1) refuseRepeatedTargets(ctx, list, target);
  let suffix = ` ON CONFLICT (${columnList(target)}) `;
  suffix += update.length === 0 ? 'DO NOTHING' : `DO UPDATE SET ${update.map((field) => `${field.column} = excluded.${field.column}`).join(', ')}`;
  if (options.returning === true) suffix += returningClause(ctx);
  const query = insertRows(ctx, fields, list, 0, list.length, suffix);
  ctx.checkBound(query.values.length, 'upsert');
  return query;
}

/**
 * Refuses rows of one DO UPDATE upsert that share a conflict target value: PostgreSQL refuses
 * the statement (`ON CONFLICT DO UPDATE command cannot affect row a second time`) where SQLite
 * updates the first row with the second. Values are compared as bound (encoded), so only rows
 * the engines surely take for one are refused; a row with a NULL or no value in the target
 * conflicts with none.
 */
function refuseRepeatedTargets(ctx: TableContext, rows: readonly Loose[], target: readonly FieldSql[]): void {
  const seen = new Map<string, number>();
  rows.forEach((row, at) => {
    const values = target.map((field) => readField(row, field));
    // A NULL (or a default: a generated key) conflicts with no other row.
    if (values.some((value) => value === undefined || value === null)) return;
    const key = JSON.stringify(values.map((value, index) => {
      const encoded = (target[index] as FieldSql).encode(value);
      return typeof encoded === 'bigint' ? `${encoded}n` : encoded;
    }));
    const first = seen.get(key);
    if (first !== undefined) ctx.fail(`upsert rows ${first} and ${at} have the same conflict target (${target.map((field) => field.field).join(', ')}) value: one statement cannot update a row twice`);
    seen.set(key, at);
  });
}

function conflictTarget(ctx: TableContext, conflict: unknown): readonly FieldSql[] {
  let target: readonly FieldSql[];
  if (conflict === 'primaryKey') target = ctx.primaryKey;
  else if (typeof conflict === 'string') {
    const unique = Object.prototype.hasOwnProperty.call(ctx.meta.uniques, conflict) ? ctx.meta.uniques[conflict] : undefined;
    if (unique === undefined) ctx.fail(`unknown unique constraint ${JSON.stringify(conflict)} in upsert conflict`);
    target = unique.map((key) => ctx.field(key, 'upsert conflict'));
  } else if (Array.isArray(conflict)) {
    target = conflict.map((key: unknown) => ctx.field(String(key), 'upsert conflict'));
    // A repeated field passes the set comparison below, and SQLite then refuses the target (tester4 F5c).
    const repeated = target.find((field, index) => target.findIndex((other) => other.field === field.field) !== index);
    if (repeated !== undefined) ctx.fail(`upsert conflict (${target.map((field) => field.field).join(', ')}) names ${repeated.field} twice (${uniqueTargets(ctx)})`);
    if (target.length > 0 && !isUniqueTarget(ctx, target)) {
      ctx.fail(`upsert conflict (${target.map((field) => field.field).join(', ')}) is neither the primary key nor a unique constraint's fields: ON CONFLICT needs one (${uniqueTargets(ctx)})`);
    }
  } else ctx.fail('upsert conflict must be "primaryKey", a unique constraint name or a list of fields');
  if (target.length === 0) ctx.fail('upsert conflict target has no fields');
  return target;
}

/**
 * Whether `target` is the primary key's or a unique constraint's set of fields, in any order:
 * PostgreSQL and SQLite take only such a target for ON CONFLICT and refuse any other with their own
 * error (PostgreSQL's `there is no unique or exclusion constraint matching`), tester s16 T-9.
 */
function isUniqueTarget(ctx: TableContext, target: readonly FieldSql[]): boolean {
  const names = new Set(target.map((field) => field.field));
  const same = (fields: readonly string[]): boolean => fields.length === names.size && fields.every((field) => names.has(field));
  return same(ctx.meta.primaryKey) || Object.keys(ctx.meta.uniques).some((name) => same(ctx.meta.uniques[name] ?? []));
}

/** The conflict targets a table has, for an error message: `primary key (id); orgs_slug_key (slug)`. */
function uniqueTargets(ctx: TableContext): string {
  const unique = Object.keys(ctx.meta.uniques).map((name) => `${name} (${(ctx.meta.uniques[name] ?? []).join(', ')})`);
  return [`primary key (${ctx.meta.primaryKey.join(', ')})`, ...unique].join('; ');
}

/** `update` / `delete` filter with the type parameters erased. */
export interface LooseFilter {
  readonly where?: unknown;
  readonly all?: boolean | undefined;
  readonly returning?: boolean | undefined;
}

/** ` WHERE …`, or `''` for `all: true`; a filter without any condition needs `all: true`. */
function filterClause(ctx: TableContext, options: LooseFilter, bindings: Bindings, what: string): string {
  const terms: string[] = [];
  if (options.where !== undefined) addWhere(ctx, options.where, bindings, '', terms, 'where');
  if (terms.length === 0 && options.all !== true) {
    // `{ id: undefined }` has no condition; `{ or: [{}, { id: 1 }] }` has keys but matches every row.
    const given = options.where !== undefined && Object.values(options.where as object).some((value) => value !== undefined);
    const why = given ? 'matches every row' : 'has no condition';
    ctx.fail(`${what} where ${why}: pass { all: true } to ${what} every row`);
  }
  return terms.length === 0 ? '' : ` WHERE ${terms.join(' AND ')}`;
}

/** `UPDATE "t" SET "c" = $1, … WHERE …`. */
export function buildUpdate(ctx: TableContext, options: LooseFilter & { readonly set: unknown }): Query {
  const set = asRow(ctx, options.set, 'update set');
  const bindings = new Bindings(ctx.pg);
  let assignments = '';
  for (const key of Object.keys(set)) {
    const value = set[key];
    if (value === undefined) continue;
    const field = ctx.field(key, 'set');
    assignments += `${assignments === '' ? '' : ', '}${field.column} = ${bindings.add(field.encode(value))}${field.cast}`;
  }
  if (assignments === '') ctx.fail('update needs at least one defined field in set');
  const where = filterClause(ctx, options, bindings, 'update');
  ctx.checkBound(bindings.values.length, 'update');
  return { text: `UPDATE ${ctx.table} SET ${assignments}${where}${options.returning === true ? returningClause(ctx) : ''}`, values: bindings.values };
}

/** `DELETE FROM "t" WHERE …`. */
export function buildDelete(ctx: TableContext, options: LooseFilter): Query {
  const bindings = new Bindings(ctx.pg);
  const where = filterClause(ctx, options, bindings, 'delete');
  ctx.checkBound(bindings.values.length, 'delete');
  return { text: `DELETE FROM ${ctx.table}${where}${options.returning === true ? returningClause(ctx) : ''}`, values: bindings.values };
}
