/**
 * Bad input the sql generator reports before anything is written: each a located diagnostic
 * with a catalogue code and a hint, instead of a schema that fails to apply (or applies and then
 * misbehaves).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import type { Diagnostic } from '../../../src/diagnostics/types.js';
import { sqlGenerator } from '../../../src/generators/sql/index.js';
import type { Model } from '../../../src/model/types.js';
import { object, property, ref } from '../kit/model-builders.js';
import { TMP_ROOT } from '../../helpers/paths.js';
import { CONTEXT } from './helpers.js';
import { column, entity, entityModel, int, num, text } from './entity-builders.js';

function check(model: Model, dialects?: Array<'postgres' | 'sqlite'>): Diagnostic[] {
  return sqlGenerator.check!(model, { split: 'file', ...(dialects ? { dialects } : {}) }, CONTEXT);
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((entry) => entry.code);
const id = column('id', int, { primaryKey: true, source: { file: 'src/models/shop.ts', line: 4, column: 3 } });

describe('sql check', () => {
  it('accepts a plain entity', () => {
    expect(check(entityModel([entity('Shop', [id, column('name', text)])]))).toEqual([]);
  });

  it('reports an entity without a primary key at the entity', () => {
    const [found] = check(entityModel([entity('Log', [column('line', text)])]));
    expect(found).toMatchObject({ code: 'CG2103', severity: 'error', file: 'src/models/shop.ts', line: 1, column: 3 });
    expect(found!.message).toContain('Log');
    expect(found!.hint).toBeTruthy();
  });

  it('reports a reference to an unknown entity or property', () => {
    const shop = entity('Shop', [id]);
    const order = entity('Order', [id, column('shopId', int, { references: { entity: 'Shop', property: 'missing' } })]);
    expect(codes(check(entityModel([shop, order])))).toEqual(['CG2102']);
  });

  it('reports a foreign key to a column that is neither key nor unique', () => {
    const shop = entity('Shop', [id, column('name', text)]);
    const order = entity('Order', [id, column('shopName', text, { references: { entity: 'Shop', property: 'name' } })]);
    const [found] = check(entityModel([shop, order]));
    expect(found).toMatchObject({ code: 'CG2307', line: 10 });
    expect(found!.hint).toContain('@unique');
    const unique = entity('Shop', [id, column('name', text, { unique: true })]);
    expect(check(entityModel([unique, order]))).toEqual([]);
  });

  it('reports a column whose type no column holds', () => {
    expect(codes(check(entityModel([entity('Shop', [id, column('nothing', { kind: 'null' }, { nullable: true })])])))).toEqual(['CG2301']);
  });

  it('reports raw SQL that is not a type or one expression', () => {
    const hostileType = column('name', text, { dbType: 'text); DROP TABLE shops; --' });
    const hostileDefault = column('note', text, { default: { kind: 'sql', sql: "'a'); DROP TABLE shops; --" } });
    const fine = column('seen', { kind: 'date' }, { default: { kind: 'sql', sql: "now() - interval '1 day'" }, dbType: 'timestamp(3) with time zone' });
    const found = check(entityModel([entity('Shop', [id, hostileType, hostileDefault, fine])]));
    expect(codes(found)).toEqual(['CG2302', 'CG2302']);
    expect(found.map((entry) => entry.message).join('\n')).toMatch(/@dbType[\s\S]*SQL default/);
  });

  it('refuses column types the runtime cannot read back: money, bytes, a scalar type for a JSON column', () => {
    const money = column('price', num, { dbType: 'money' });
    const bytes = column('photo', text, { dbType: 'longblob' });
    const list = column('nums', { kind: 'array', items: num }, { dbType: 'int' });
    const found = check(entityModel([entity('Shop', [id, money, bytes, list])]));
    expect(found).toMatchObject([
      { code: 'CG2310', severity: 'error', line: 10, message: expect.stringContaining("'$12.50'") },
      { code: 'CG2310', severity: 'error', message: expect.stringContaining('no codec for bytes') },
      { code: 'CG2310', severity: 'error', message: expect.stringContaining('stored as JSON') },
    ]);
    expect(found[0]!.hint).toContain('numeric(12, 2)');
    // The PostgreSQL type is what fails; a SQLite-only schema keeps its STRICT types.
    expect(check(entityModel([entity('Shop', [id, money])]), ['sqlite'])).toEqual([]);
  });

  it('replaces MySQL type names with a warning, and passes names it does not know', () => {
    const found = check(entityModel([entity('Shop', [id, column('small', int, { dbType: 'tinyint' }), column('home', text, { dbType: 'email_address' })])]));
    expect(found).toMatchObject([{ code: 'CG2309', severity: 'warning', message: expect.stringContaining('uses smallint') }]);
  });

  it('refuses types whose text PostgreSQL rewrites or checks its own way, at the property; ranges and domains pass (tester s12 T5)', () => {
    const names = ['interval', 'inet', 'cidr', 'macaddr', 'macaddr8', 'tsvector', 'tsquery', 'point', 'line', 'lseg', 'box', 'path', 'polygon', 'circle', 'xml', 'bit(3)', 'bit varying(8)', 'varbit', 'hstore', 'citext', 'INTERVAL DAY'];
    const columns = names.map((dbType, at) => column(`c${at}`, { kind: 'union', members: [text, { kind: 'null' }] }, { dbType, nullable: true }));
    const found = check(entityModel([entity('Shop', [id, ...columns, column('span', text, { dbType: 'int4range' }), column('mail', text, { dbType: 'email_address' })])]));
    expect(found.map((entry) => [entry.code, entry.severity, entry.line, /^sql: shops\.(\w+): @dbType "([^"]+)"/.exec(entry.message)?.slice(1).join(' ')])).toEqual(
      columns.map((entry, at) => ['CG2310', 'error', entry.source.line, `c${at} ${names[at]}`]),
    );
    expect(found[0]!.message).toContain("'1 day 2 hours' reads back '1 day 02:00:00'");
    expect(found[0]!.hint).toContain('Use `text`');
    expect(found[names.indexOf('citext')]!.hint).toContain('ilike');
    expect(found[names.indexOf('hstore')]!.message).toContain('CREATE EXTENSION hstore');
    // On a JSON property (an object) the type is refused the same way.
    expect(codes(check(entityModel([entity('Shop', [id, column('at', object(property('x', num)), { dbType: 'point' })])])))).toEqual(['CG2310']);
    // A SQLite-only schema keeps its STRICT TEXT, which stores every value as written.
    expect(check(entityModel([entity('Shop', [id, ...columns])]), ['sqlite'])).toEqual([]);
  });

  it('warns when a JSON column holds entities: copies, not relations', () => {
    const user = entity('User', [id]);
    const org = entity('Org', [id]);
    const owner = column('owner', { kind: 'union', members: [ref('User'), ref('Org')] });
    const pair = column('pair', { kind: 'tuple', elements: [{ type: ref('User'), optional: false }, { type: ref('User'), optional: false }] });
    const meta = column('meta', object(property('by', ref('User'))));
    const label = column('label', object(property('text', text)));
    const found = check(entityModel([user, org, entity('Doc', [id, owner, pair, meta, label])]));
    expect(found.map((entry) => [entry.code, entry.severity, entry.line])).toEqual([
      ['CG2312', 'warning', owner.source.line],
      ['CG2312', 'warning', pair.source.line],
      ['CG2312', 'warning', meta.source.line],
    ]);
    expect(found[0]!.message).toContain('User, Org');
    expect(found[1]!.hint).toContain('`User[]`');
  });

  it('reports generated keys the dialects cannot make', () => {
    const stringKey = column('id', text, { primaryKey: true, generated: 'increment' });
    expect(codes(check(entityModel([entity('Shop', [stringKey])])))).toEqual(['CG2303']);

    const counter = column('counter', int, { generated: 'increment' });
    expect(codes(check(entityModel([entity('Shop', [id, counter])])))).toEqual(['CG2303']);
    expect(check(entityModel([entity('Shop', [id, counter])]), ['postgres'])).toEqual([]);

    const composite = entity('Line', [column('orderId', int, { primaryKey: true }), column('position', int, { primaryKey: true, generated: 'increment' })], {
      primaryKey: ['orderId', 'position'],
    });
    const [found] = check(entityModel([composite]));
    expect(found).toMatchObject({ code: 'CG2303' });
    expect(found!.message).toContain('SQLite');
    expect(check(entityModel([composite]), ['postgres'])).toEqual([]);
  });

  it('reports two properties stored in one column, and names that collide', () => {
    const twice = entity('Shop', [id, column('name', text), column('title', text, { column: 'name' })]);
    expect(codes(check(entityModel([twice])))).toEqual(['CG2304']);

    const indexNamedLikeTable = entity('Shop', [id, column('name', text, { index: 'orders' })]);
    const orders = entity('Order', [id]);
    const [found] = check(entityModel([indexNamedLikeTable, orders]));
    expect(found).toMatchObject({ code: 'CG2304' });
    expect(found!.message).toContain('"orders"');

    const prefix = 'x'.repeat(63);
    const cut = entity('Shop', [id, column('a', text, { column: `${prefix}a` }), column('b', text, { column: `${prefix}b` })]);
    expect(codes(check(entityModel([cut])))).toEqual(['CG2304', 'CG2308', 'CG2308']);
  });

  it('keeps an integer or decimal column typed string (a TypeORM habit) as its text; refuses a float typed string', () => {
    const key = column('id', text, { primaryKey: true, generated: 'increment', dbType: 'bigint' });
    const views = column('views', text, { dbType: 'bigint', default: { kind: 'value', value: 0 } });
    const price = column('price', text, { dbType: 'decimal', precision: 10, scale: 2, default: { kind: 'value', value: 0 } });
    const rate = column('rate', text, { dbType: 'numeric', default: { kind: 'value', value: '0.5' } });
    expect(codes(check(entityModel([entity('Shop', [key, views, price, rate])])))).toEqual([]);
    // A default the column would not give back as written (PostgreSQL rounds 1.005 at scale 2, pads '1.5'), or no number at all.
    const rounded = column('cents', text, { dbType: 'decimal', precision: 10, scale: 2, default: { kind: 'value', value: 1.005 } });
    const padded = column('fee', text, { dbType: 'decimal', precision: 10, scale: 2, default: { kind: 'value', value: '1.5' } });
    const word = column('hits', text, { dbType: 'bigint', default: { kind: 'value', value: 'many' } });
    expect(codes(check(entityModel([entity('Shop', [id, rounded, padded, word])])))).toEqual(['CG2305', 'CG2305', 'CG2305']);
    // A float keeps no exact text. No CG2305 about the default of the refused column (tester s12 T7e).
    const ratio = column('ratio', text, { dbType: 'double precision', default: { kind: 'value', value: 0 } });
    const money = column('cash', num, { dbType: 'money', default: { kind: 'value', value: 'x' } });
    const found = check(entityModel([entity('Shop', [id, ratio, money])]));
    expect(codes(found)).toEqual(['CG2310', 'CG2310']);
    expect(found[0]!.message).toContain('on a string property');
    expect(found[0]!.hint).toMatch(/`number`.*`numeric`/);
    // A float on a string, increment: the identity needs an integer column, and says which types are.
    const floatKey = column('id', text, { primaryKey: true, generated: 'increment', dbType: 'real' });
    const identity = check(entityModel([entity('Shop', [floatKey])])).find((diagnostic) => diagnostic.code === 'CG2303');
    expect(identity!.message).toContain('declared real, but the property is typed string');
    // SQLite alone keeps its STRICT types, so the float column exists there and its default is judged.
    expect(codes(check(entityModel([entity('Shop', [id, ratio])]), ['sqlite']))).toEqual(['CG2305']);
  });

  it('reports a default that does not fit the column', () => {
    const wrong = column('count', int, { default: { kind: 'value', value: 'many' } });
    const clock = column('label', text, { generated: 'now' });
    expect(codes(check(entityModel([entity('Shop', [id, wrong, clock])])))).toEqual(['CG2305', 'CG2305']);
  });

  it("reads a PostgreSQL array literal as the default of a PostgreSQL array column: '{a,\"b c\"}' is the list ['a', 'b c']", () => {
    const list: Model['declarations'][number]['type'] = { kind: 'array', items: text };
    const literal = column('tags', list, { dbType: 'text[]', default: { kind: 'value', value: '{a,"b c"}' } });
    const numbers = column('nums', { kind: 'array', items: num }, { dbType: 'int[]', default: { kind: 'sql', sql: "'{1,2}'::int[]" } });
    const wrong = column('more', { kind: 'array', items: num }, { dbType: 'int[]', default: { kind: 'value', value: '{x}' } });
    const found = check(entityModel([entity('Shop', [id, literal, numbers, wrong])])).filter((d) => d.code === 'CG2305');
    expect(found.map((d) => d.message)).toEqual([expect.stringContaining('shops.more: its default "{x}" does not fit an array column')]);
  });

  // Items that may be null: stored as JSON, where a PostgreSQL array literal would be a JSON string.
  it("reports a PostgreSQL array literal as the default of an array stored as JSON, except '{}' (read as [])", () => {
    const list: Model['declarations'][number]['type'] = { kind: 'array', items: { kind: 'union', members: [text, { kind: 'null' }] } };
    const literal = column('tags', list, { dbType: 'text[]', default: { kind: 'value', value: '{a,b}' } });
    const empty = column('labels', list, { dbType: 'text[]', default: { kind: 'value', value: '{}' } });
    const found = check(entityModel([entity('Shop', [id, literal, empty])])).filter((d) => d.code === 'CG2305');
    expect(found.map((d) => d.message)).toEqual([expect.stringContaining('shops.tags: its default "{a,b}" is a PostgreSQL array literal')]);
  });

  it("reports a PostgreSQL array literal written as SQL (() => \"'{1,2}'\") on an array stored as JSON, except '{}' and a JSON array", () => {
    const list: Model['declarations'][number]['type'] = { kind: 'array', items: { kind: 'union', members: [num, { kind: 'null' }] } };
    const sql = (text: string) => ({ kind: 'sql' as const, sql: text });
    const literal = column('nums', list, { dbType: 'int[]', default: sql("'{1,2}'") });
    const cast = column('casts', list, { dbType: 'int[]', default: sql("'{3}'::int[]") });
    const empty = column('counts', list, { dbType: 'int[]', default: sql("'{}'") });
    const json = column('more', list, { dbType: 'int[]', default: sql("'[1]'") });
    const found = check(entityModel([entity('Shop', [id, literal, cast, empty, json])])).filter((d) => d.code === 'CG2305');
    expect(found.map((d) => d.message)).toEqual([
      expect.stringContaining("shops.nums: its default ('{1,2}') is a PostgreSQL array literal"),
      expect.stringContaining("shops.casts: its default ('{3}'::int[]) is a PostgreSQL array literal"),
    ]);
  });

  it("reports a JSON column's default that no engine gives back as its type: a string it does not hold, an ARRAY expression, SQL text that is not JSON", () => {
    const record: Model['declarations'][number]['type'] = { kind: 'record', key: 'string', value: num };
    const list: Model['declarations'][number]['type'] = { kind: 'array', items: { kind: 'union', members: [text, { kind: 'null' }] } };
    const sql = (text: string) => ({ kind: 'sql' as const, sql: text });
    const hello = column('meta', record, { dbType: 'jsonb', default: { kind: 'value', value: 'hello' } });
    const words = column('words', { kind: 'union', members: [text, list] }, { default: { kind: 'value', value: 'hello' } });
    const filled = column('tags', list, { dbType: 'text[]', default: sql('ARRAY[\'a\']::text[]') });
    const empty = column('marks', list, { dbType: 'text[]', default: sql('ARRAY[]::text[]') });
    const notJson = column('extra', record, { dbType: 'jsonb', default: sql("'nope'") });
    const json = column('more', record, { dbType: 'jsonb', default: sql('\'{"a":1}\'::jsonb') });
    const found = check(entityModel([entity('Shop', [id, hello, words, filled, empty, notJson, json])])).filter((d) => d.code === 'CG2305');
    expect(found.map((d) => [d.line, d.message.replace(/^sql: /, '')])).toEqual([
      [10, expect.stringContaining('shops.meta: its default "hello" is a string, which the type of meta does not hold')],
      [10, expect.stringContaining("shops.tags: its default (ARRAY['a']::text[]) is a PostgreSQL array")],
      [10, expect.stringContaining("shops.extra: its SQL default ('nope') is not JSON text")],
    ]);
    expect(found[0]!.hint).toContain('JSON text');
  });

  it('reports a foreign key typed apart from the key it references (a number for a uuid string), not a number for an integer', () => {
    const shop = entity('Shop', [column('id', text, { primaryKey: true, generated: 'uuid' }), column('code', int, { unique: true })]);
    const order = entity('Order', [
      id,
      column('shopId', num, { references: { entity: 'Shop', property: 'id' } }),
      column('shopCode', text, { references: { entity: 'Shop', property: 'code' } }),
      column('sameCode', num, { references: { entity: 'Shop', property: 'code' } }),
    ]);
    const found = check(entityModel([shop, order]));
    expect(found.map((d) => [d.code, d.severity, d.message.replace(/^sql: /, '')])).toEqual([
      ['CG2301', 'error', 'orders.shop_id: its type holds numbers, but the key it references (Shop.id) holds strings: no value fits both.'],
      ['CG2301', 'error', 'orders.shop_code: its type holds strings, but the key it references (Shop.code) holds numbers: no value fits both.'],
    ]);
    expect(found[0]!.hint).toContain("Shop['id']");
  });

  it('reports a @references property typed apart from the key (number for a uuid, bigint for a number), at the property; a brand of the key type is fine', () => {
    const dir = mkdtempSync(join(TMP_ROOT, 'sql-check-'));
    const file = join(dir, 'm.ts');
    writeFileSync(
      file,
      [
        "type Brand<T, B extends string> = T & { readonly __brand: B };",
        "export type AccId = Brand<string, 'AccId'>;",
        '/** @entity */ export interface Account { /** @primaryKey @generated uuid */ id: string }',
        '/** @entity */ export interface Counter { /** @primaryKey @generated increment */ id: number }',
        '/** @entity */ export interface Note {',
        '  /** @primaryKey @generated increment */ id: number;',
        '  /** @references Account.id */ accountRef: number;',
        '  /** @references Account.id */ brandRef: AccId;',
        '  /** @references Counter.id */ cnt: bigint;',
        '  /** @references Counter.id */ plain: number | null;',
        '}',
        '',
      ].join('\n'),
    );
    const { model } = analyze({ rootDir: dir, files: [file], defaultGenerators: ['sql'], knownGenerators: ['sql'], displayRoot: dir });
    const found = check(model);
    rmSync(dir, { recursive: true, force: true });
    expect(found.map((d) => [d.code, d.severity, d.file, d.line, d.message.replace(/^sql: /, '')])).toEqual([
      ['CG2301', 'error', 'm.ts', 7, 'notes.account_ref: its type holds numbers, but the key it references (Account.id) holds strings: no value fits both.'],
      ['CG2301', 'error', 'm.ts', 9, 'notes.cnt: its type holds bigints, but the key it references (Counter.id) holds numbers: no value fits both.'],
    ]);
    expect(found[0]!.hint).toContain("Account['id']");
  });

  it('refuses a JSON column holding a class with methods, toJSON, a getter or a private field, at the property; a class of fields only is fine', () => {
    const dir = mkdtempSync(join(TMP_ROOT, 'sql-check-'));
    const file = join(dir, 'm.ts');
    writeFileSync(
      file,
      [
        'export class Money { constructor(public cents: number) {} toJSON() { return this.cents; } }',
        'export class Point { x = 0; y = 0; norm() { return Math.hypot(this.x, this.y); } }',
        'export class Box { w = 1; get area() { return this.w * this.w; } }',
        'export class Secret { private key = 1; n = 0 }',
        'export class Plain { x = 0; label?: string }',
        'export interface Shape { sides: number; optionalHook?(): void }',
        '/** @entity */ export interface Doc {',
        '  /** @primaryKey @generated increment */ id: number;',
        '  e: Money | null;',
        '  p: Point[];',
        '  b: { box: Box };',
        '  s: Secret;',
        '  plain: Plain;',
        '  shape: Shape;',
        '  h: unknown;',
        '}',
        '',
      ].join('\n'),
    );
    const { model } = analyze({ rootDir: dir, files: [file], defaultGenerators: ['sql'], knownGenerators: ['sql'], displayRoot: dir });
    const found = check(model).filter((d) => d.code === 'CG2301');
    rmSync(dir, { recursive: true, force: true });
    expect(found.map((d) => [d.severity, d.line, d.message.replace(/^sql: docs\.(\w+): its type is stored as JSON \(jsonb; JSON text on SQLite\) but holds /, '$1: ')])).toEqual([
      ['error', 9, 'e: a Money, whose toJSON() writes its JSON text: it reads back as what toJSON returned, not as a Money.'],
      ['error', 10, 'p: a Point with norm(), which JSON text leaves out: it reads back as a plain object, which the type does not accept.'],
      ['error', 11, 'b: a Box with get area, which JSON text leaves out: it reads back as a plain object, which the type does not accept.'],
      ['error', 12, 's: a Secret with key, which JSON text leaves out: it reads back as a plain object, which the type does not accept.'],
    ]);
    expect(found[1]!.hint).toContain("Point's fields");
  });

  it('refuses a JSON column whose array or tuple items may be undefined (JSON writes them as null); optional keys are fine (recheck s8 R3)', () => {
    const dir = mkdtempSync(join(TMP_ROOT, 'sql-check-'));
    const file = join(dir, 'm.ts');
    writeFileSync(
      file,
      [
        'export type Maybe = string | undefined;',
        '/** @entity */ export interface Member {',
        '  /** @primaryKey @generated increment */ id: number;',
        '  tags: (string | undefined)[];',
        '  pair: [string, number | undefined];',
        '  nested: { list: Maybe[] };',
        '  rest: [string, ...(number | undefined)[]];',
        '  meta: { note?: string; label: string | undefined };',
        '  names: string[];',
        '  optionalTail: [string, number?];',
        '}',
        '',
      ].join('\n'),
    );
    const { model } = analyze({ rootDir: dir, files: [file], defaultGenerators: ['sql'], knownGenerators: ['sql'], displayRoot: dir });
    const found = check(model).filter((d) => d.code === 'CG2301');
    rmSync(dir, { recursive: true, force: true });
    expect(found.map((d) => [d.severity, d.line, d.message.replace(/^sql: members\.(\w+): its type is stored as JSON \(jsonb; JSON text on SQLite\) but holds /, '$1: ')])).toEqual([
      ['error', 4, 'tags: an array whose items may be undefined, which JSON text writes as null.'],
      ['error', 5, 'pair: a tuple element that may be undefined, which JSON text writes as null.'],
      ['error', 6, 'nested: an array whose items may be undefined, which JSON text writes as null.'],
      ['error', 7, 'rest: a tuple element that may be undefined, which JSON text writes as null.'],
    ]);
    expect(found[0]!.hint).toContain('`T | null`');
  });

  it('reports ON DELETE SET NULL on a column that cannot be null', () => {
    const shop = entity('Shop', [id]);
    const order = entity('Order', [id, column('shopId', int, { references: { entity: 'Shop', property: 'id', onDelete: 'set-null' } })]);
    const [found] = check(entityModel([shop, order]));
    expect(found).toMatchObject({ code: 'CG2306', line: 10 });
    const nullable = entity('Order', [id, column('shopId', int, { nullable: true, references: { entity: 'Shop', property: 'id', onDelete: 'set-null' } })]);
    expect(check(entityModel([shop, nullable]))).toEqual([]);
  });

  it('reports a many-to-many whose side has a composite key', () => {
    const tag = entity('Tag', [column('a', text, { primaryKey: true }), column('b', text, { primaryKey: true })], { primaryKey: ['a', 'b'] });
    const relationSource = { file: 'src/models/shop.ts', line: 20, column: 3 };
    const shop = entity('Shop', [id], {
      relations: [
        {
          kind: 'many-to-many',
          property: 'tags',
          target: 'Tag',
          owner: true,
          column: '',
          joinTable: { name: 'shop_tags', joinColumn: 'shop_id', inverseJoinColumn: 'tag_id', owner: 'Shop' },
          source: relationSource,
        },
      ],
    });
    expect(check(entityModel([shop, tag]))).toMatchObject([{ code: 'CG2307', line: 20 }]);
  });

  it('warns about names PostgreSQL cuts, and refuses NUL', () => {
    const long = entity('Shop', [id, column('name', text, { column: 'n'.repeat(64) })]);
    expect(check(entityModel([long]))).toMatchObject([{ code: 'CG2308', severity: 'warning' }]);
    const nul = entity('Shop', [id, column('name', text, { column: 'a\u0000b' })]);
    expect(check(entityModel([nul]))).toMatchObject([{ code: 'CG2308', severity: 'error' }]);
  });

  it('checks nothing when no entity is processed by sql', () => {
    const model = entityModel([entity('Log', [column('line', num)])]);
    model.declarations[0]!.generators = ['validate'];
    expect(check(model)).toEqual([]);
    expect(sqlGenerator.plan(model, { split: 'file' }, CONTEXT)).toEqual([]);
  });
});
