/**
 * Keys that are not fields never reach SQL: the types reject them at compile time (each
 * `@ts-expect-error` below fails the type-check if the types let the key through) and the
 * run-time allow-list rejects them with a SqlBuilderError naming the table and the key. Keys
 * inherited from Object.prototype (`__proto__`, `constructor`, `toString`) are unknown too.
 */
import { describe, expect, test } from 'vitest';
import { createTableSql, SqlBuilderError, type TableMeta } from '../../../templates/sql/sql-runtime.js';
import { authors, books } from './tables.js';

const PAYLOAD = 'title" = \'\' OR 1=1; DROP TABLE books; --';
const HOSTILE_KEYS = [PAYLOAD, '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'author_id', ''];

/** An object whose only own key is `key` (a literal `{ __proto__: v }` would set the prototype instead). */
function only(key: string, value: unknown): Record<string, unknown> {
  return Object.defineProperty({}, key, { value, enumerable: true, configurable: true, writable: true });
}

const pg = createTableSql(books, 'postgres');
const lite = createTableSql(books, 'sqlite');

function refuses(build: () => unknown, key: string, table = 'books'): void {
  let error: unknown;
  try {
    build();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(SqlBuilderError);
  expect((error as Error).message).toContain(`table "${table}"`);
  expect((error as Error).message).toContain(JSON.stringify(key));
}

describe.each(HOSTILE_KEYS)('the key %j', (key) => {
  for (const sql of [pg, lite]) {
    test(`is refused in every position (${sql.dialect})`, () => {
      refuses(() => sql.select({ where: only(key, 1) }), key);
      refuses(() => sql.select({ where: { or: [only(key, 1)] } }), key);
      refuses(() => sql.select({ where: { not: only(key, { isNull: true }) } }), key);
      refuses(() => sql.count(only(key, null)), key);
      refuses(() => sql.select({ orderBy: only(key, 'asc') }), key);
      refuses(() => sql.select({ orderBy: [{ title: 'asc' }, only(key, 'desc')] }), key);
      refuses(() => sql.select({ columns: [key as 'id'] }), key);
      refuses(() => sql.select({ after: { ...only(key, 1), id: 'x' } }), key);
      refuses(() => sql.select({ join: only(key, true) }), key);
      refuses(() => sql.select({ join: { author: [key as 'name'] } }), key, 'authors');
      refuses(() => sql.insert(only(key, 'x')), key);
      refuses(() => sql.insert([{ id: 'a' }, only(key, 'x')]), key);
      refuses(() => sql.insertChunks([only(key, 'x')]), key);
      refuses(() => sql.update({ set: only(key, 'x'), where: { id: 'a' } }), key);
      refuses(() => sql.update({ set: { title: 'x' }, where: only(key, 'a') }), key);
      refuses(() => sql.delete({ where: only(key, 'a') }), key);
      refuses(() => sql.upsert({ values: only(key, 'x'), conflict: 'primaryKey' }), key);
      refuses(() => sql.upsert({ values: { id: 'a', title: 'b' }, conflict: [key as 'id'] }), key);
      refuses(() => sql.upsert({ values: { id: 'a', title: 'b' }, conflict: 'primaryKey', update: [key as 'id'] }), key);
      refuses(() => sql.selectByKey({ id: 'a', ...only(key, 1) }), key);
    });
  }
});

describe('relation names are own properties of the metadata: an inherited name is an unknown relation, never a TypeError', () => {
  const inherited = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'];
  test.each(inherited)('%s', (name) => {
    for (const sql of [pg, lite]) {
      refuses(() => sql.select({ join: only(name, true) as never }), name);
      refuses(() => sql.select({ join: only(name, ['id']) as never }), name);
      refuses(() => sql.select({ join: JSON.parse(`{${JSON.stringify(name)}: true}`) }), name);
      refuses(() => sql.select({ after: JSON.parse(`{${JSON.stringify(name)}: 1, "id": "x"}`) }), name);
    }
  });

  test('literal objects, as a caller would write them', () => {
    expect(() => pg.select({ join: { toString: true } as never })).toThrow(new SqlBuilderError('table "books": unknown relation "toString" in join'));
    expect(() => lite.select({ join: JSON.parse('{"__proto__": true}') })).toThrow(new SqlBuilderError('table "books": unknown relation "__proto__" in join'));
    expect(() => pg.select({ join: { author: true, constructor: true } as never })).toThrow(/unknown relation "constructor" in join/);
  });

  test('a relation inherited by the metadata relations object is unknown too, and never joined or nested', () => {
    const meta: TableMeta<any, any> = { ...books, relations: Object.create(books.relations) };
    const sql = createTableSql(meta, 'postgres');
    expect(() => sql.select({ join: { author: true } })).toThrow(/unknown relation "author" in join/);
    expect(sql.decode({ id: 'x', 'author.id': 1 })).toEqual({ id: 'x', 'author.id': 1 });
  });

  test('metadata naming a field or a relation __proto__ is refused (decode would set the prototype)', () => {
    const field: TableMeta<any, any> = { table: 't', columns: only('__proto__', { name: 'p', codec: 'text', nullable: true }) as never, primaryKey: [], uniques: {}, relations: {} };
    expect(() => createTableSql(field, 'sqlite')).toThrow(new SqlBuilderError('table "t": a field cannot be named "__proto__"'));
    const relation: TableMeta<any, any> = { ...authors, relations: only('__proto__', authors.relations.books) as never };
    expect(() => createTableSql(relation, 'postgres')).toThrow(new SqlBuilderError('table "authors": a relation cannot be named "__proto__"'));
  });
});

test('operators are allow-listed too', () => {
  expect(() => pg.select({ where: { title: only('toString', 'x') } })).toThrow('table "books": field "title": unknown operator "toString"');
  expect(() => pg.select({ where: { title: only(PAYLOAD, 'x') } })).toThrow(SqlBuilderError);
  expect(() => pg.select({ orderBy: { title: 'asc; DROP TABLE books' as 'asc' } })).toThrow(/direction must be 'asc' or 'desc'/);
});

test('the types reject unknown keys at compile time', () => {
  // Each line is a type error (checked by tsc) and a run-time error (checked here).
  // @ts-expect-error: not a field
  expect(() => pg.select({ where: { nope: 1 } })).toThrow(SqlBuilderError);
  // @ts-expect-error: the column name is not the field name
  expect(() => pg.select({ where: { author_id: 1 } })).toThrow(SqlBuilderError);
  // @ts-expect-error: not a field
  expect(() => pg.select({ orderBy: { 'title; DROP TABLE books': 'asc' } })).toThrow(SqlBuilderError);
  // @ts-expect-error: not a field
  expect(() => pg.select({ columns: ['title', 'nope'] })).toThrow(SqlBuilderError);
  // @ts-expect-error: not a field
  expect(() => pg.update({ set: { nope: 1 }, where: { id: 'a' } })).toThrow(SqlBuilderError);
  // @ts-expect-error: not a field
  expect(() => pg.insert({ id: 'a', nope: 1 })).toThrow(SqlBuilderError);
  // @ts-expect-error: not a relation
  expect(() => pg.select({ join: { nope: true } })).toThrow(SqlBuilderError);
  // @ts-expect-error: a to-many relation cannot be joined
  expect(() => pg.select({ join: { tags: true } })).toThrow(/only to-one relations/);
  // @ts-expect-error: not a field of the target
  expect(() => pg.select({ join: { author: ['nope'] } })).toThrow('table "authors": unknown field "nope" in join "author"');
  // @ts-expect-error: not an operator
  expect(() => pg.select({ where: { title: { contains: 'x' } } })).toThrow(/unknown operator "contains"/);
  // @ts-expect-error: like is for strings
  expect(() => pg.select({ where: { pages: { like: '1%' } } })).toThrow(/needs a string column/);
  // @ts-expect-error: JSON can only be tested for null
  expect(() => pg.select({ where: { meta: { eq: { a: 1 } } } })).toThrow(/can only be tested with isNull/);
  // @ts-expect-error: not a direction
  expect(() => pg.select({ orderBy: { title: 'up' } })).toThrow(SqlBuilderError);
  // @ts-expect-error: not a field
  expect(() => pg.upsert({ values: { id: 'a' }, conflict: ['nope'] })).toThrow(SqlBuilderError);
});

test('the result type is narrowed to the columns read and the relations joined', () => {
  const query = pg.select({ columns: ['id', 'title'], join: { author: ['name'] } });
  type Result = NonNullable<(typeof query)['__result']>;
  const row: Result = { id: 'a', title: 't', author: { name: 'n' } };
  const missing: Result = { id: 'a', title: 't', author: null };
  // @ts-expect-error: copies was not read
  expect(row.copies).toBeUndefined();
  // @ts-expect-error: the author's email was not read
  expect(row.author?.email).toBeUndefined();
  expect(missing.author).toBeNull();
});

describe('invalid values and options', () => {
  test.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, '10'])('limit %j', (limit) => {
    expect(() => pg.select({ limit: limit as number })).toThrow(/limit must be a non-negative safe integer/);
    expect(() => lite.select({ offset: limit as number })).toThrow(/offset must be a non-negative safe integer/);
  });

  test('an escaped backslash at the end of a like pattern is fine', () => {
    expect(lite.select({ columns: ['id'], where: { title: { like: 'a\\\\' } } }).values).toEqual(['a\\']);
    expect(pg.select({ columns: ['id'], where: { title: { ilike: '\\\\' } } }).values).toEqual(['\\\\']);
  });

  test('other refusals, each naming the table', () => {
    const cases: [() => unknown, RegExp][] = [
      [() => pg.select({ columns: [] }), /columns must list at least one field/],
      [() => pg.select({ where: { authorId: { in: [1, null as unknown as number] } } }), /in cannot hold null/],
      [() => pg.select({ where: { authorId: [1, 2] as unknown as number } }), /an array is not a value/],
      [() => pg.select({ where: { pages: { gt: null as unknown as number } } }), /cannot compare with null/],
      [() => pg.select({ where: { title: { isNull: 'yes' as unknown as boolean } } }), /isNull takes a boolean/],
      [() => pg.select({ where: { or: { title: 'x' } as never } }), /where.or must be an array/],
      [() => pg.select({ where: 'title = 1' as never }), /where must be an object/],
      [() => pg.select({ orderBy: [{ title: 'asc' }, { title: 'desc' }] }), /names "title" twice/],
      [() => pg.select({ orderBy: { title: 'asc' }, after: { title: 'x' } }), /after needs a value for sort key "id"/],
      [() => pg.select({ after: { id: null as unknown as string } }), /non-null value for sort key "id" \(the column is not nullable\)/],
      [() => pg.select({ where: { title: { like: 'ends with \\' } } }), /ends with the escape character/],
      [() => lite.select({ where: { title: { ilike: 'ends with \\\\\\' } } }), /ends with the escape character/],
      [() => pg.insert({ id: 'a', publishedAt: new Date(Number.NaN) }), /books.publishedAt: invalid Date/],
      [() => pg.insert({ id: 'a', meta: { big: 1n } as never }), /books.meta: value is not JSON-serialisable/],
      [() => pg.selectByKey({}), /selectByKey needs a value for key field "id"/],
      [() => pg.decodeCount({ count: undefined }), /not a count row/],
    ];
    for (const [build, message] of cases) {
      expect(build).toThrow(message);
      expect(build).toThrow(/^table "books": |^books\./);
    }
  });
});

describe('invalid metadata is refused when the builders are created', () => {
  const base = (): TableMeta<any, any> => ({
    table: 'things',
    columns: { id: { name: 'id', codec: 'integer', nullable: false } },
    primaryKey: ['id'],
    uniques: {},
    relations: {},
  });
  test.each<[string, (meta: TableMeta<any, any>) => TableMeta<any, any>, RegExp]>([
    ['an empty table name', (meta) => ({ ...meta, table: '' }), /invalid SQL identifier ""/],
    ['a NUL in a column name', (meta) => ({ ...meta, columns: { id: { name: 'i\0d', codec: 'integer', nullable: false } } }), /invalid SQL identifier/],
    ['a field with a dot', (meta) => ({ ...meta, columns: { 'a.b': { name: 'ab', codec: 'text', nullable: false } }, primaryKey: [] }), /contains "."/],
    ['no columns', (meta) => ({ ...meta, columns: {}, primaryKey: [] }), /no columns/],
    ['a primary key naming no field', (meta) => ({ ...meta, primaryKey: ['nope'] }), /unknown field "nope" in primaryKey/],
    ['a unique naming no field', (meta) => ({ ...meta, uniques: { u: ['nope'] } }), /unknown field "nope" in unique "u"/],
    ['a relation named like a field', (meta) => ({ ...meta, relations: { id: authors.relations.books } }), /relation name "id"/],
  ])('%s', (_name, change, message) => {
    expect(() => createTableSql(change(base()), 'postgres')).toThrow(message);
  });

  test('an unknown dialect', () => {
    expect(() => createTableSql(base(), 'mysql' as never)).toThrow(/unknown dialect "mysql"/);
  });
});
