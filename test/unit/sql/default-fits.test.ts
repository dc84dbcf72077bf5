/**
 * A column's default is checked by the rules the column's other values obey (tester s11 T8): the
 * SQL type's range, length, fixed width, real day, uuid form, numeric(p, s) digits and scale, the
 * property's own CHECK (enum members, literal union, @minimum, @maxLength) and bigint's 64 bits.
 * Each misfit is CG2305 at its property; a default of each kind that fits passes.
 */
import { describe, expect, it } from 'vitest';
import { sqlGenerator } from '../../../src/generators/sql/index.js';
import { findPostgres } from '../../helpers/databases.js';
import { CONTEXT, generate, analyzeTypeormSource } from './helpers.js';
import { storageIssues } from '../../../templates/crud/repository-values.js';
import { unstorableJson } from '../../../src/generators/sql/schema/default-fits.js';
import { openPglite, openServer, openSqlite, type Engine } from './engines.js';

const server = await findPostgres();

const MODEL = [
  "import { Entity, Column, PrimaryGeneratedColumn } from './decorators';",
  "export enum Level { Low = 'low', High = 'high' }",
  "@Entity('posts')",
  'export class Post {',
  '  @PrimaryGeneratedColumn() id!: number;',
  "  @Column({ type: 'smallint', default: 40000 }) big!: number;", // 6
  "  @Column({ type: 'int', default: 2147483648 }) wide!: number;",
  "  @Column({ type: 'varchar', length: 3, default: 'abcdef' }) code!: string;",
  "  @Column('varchar(2)', { default: 'abc' }) written!: string;",
  "  @Column({ type: 'date', default: '2024-02-30' }) d!: string;", // 10
  "  @Column({ type: 'uuid', default: 'nope' }) u!: string;",
  "  @Column({ type: 'decimal', precision: 5, scale: 2, default: 1234.5 }) price!: number;",
  "  @Column({ type: 'decimal', precision: 5, scale: 2, default: 1.005 }) fine!: number;",
  "  @Column({ type: 'char', length: 2, default: 'a' }) c2!: string;",
  "  @Column({ type: 'bigint', default: '9223372036854775808' }) bi!: bigint;", // 15
  "  @Column({ type: 'enum', enum: Level, default: 'medium' }) level!: Level;",
  "  @Column({ type: 'varchar', default: 'x' }) kind!: 'a' | 'b';",
  '  /** @minimum 0 */',
  "  @Column({ type: 'int', default: -5 }) qty!: number;", // 19
  '  /** @maxLength 2 @default "abcd" */',
  "  @Column({ type: 'varchar' }) short!: string;", // 21
  "  @Column({ type: 'varchar', default: 'a\\u0000b' }) nul!: string;",
  "  @Column({ type: 'varchar', default: 'a\\uD800b' }) lone!: string;",
  '}',
  "@Entity('fines')",
  'export class Fine {',
  '  @PrimaryGeneratedColumn() id!: number;',
  "  @Column({ type: 'smallint', default: -32768 }) big!: number;",
  "  @Column({ type: 'int', default: 2147483647 }) wide!: number;",
  "  @Column({ type: 'varchar', length: 3, default: 'abc' }) code!: string;",
  "  @Column({ type: 'date', default: '2024-02-29' }) d!: string;",
  "  @Column({ type: 'uuid', default: '0b7e3c4a-1f2d-4c5e-8a9b-0c1d2e3f4a5b' }) u!: string;",
  "  @Column({ type: 'decimal', precision: 5, scale: 2, default: 999.99 }) price!: number;",
  "  @Column({ type: 'char', length: 2, default: 'ab' }) c2!: string;",
  "  @Column({ type: 'bigint', default: '9223372036854775807' }) bi!: bigint;",
  "  @Column({ type: 'bigint', default: '-9223372036854775808' }) low!: bigint;",
  "  @Column({ type: 'enum', enum: Level, default: Level.High }) level!: Level;",
  "  @Column({ type: 'varchar', default: 'b' }) kind!: 'a' | 'b';",
  '  /** @minimum 0 */',
  "  @Column({ type: 'int', default: 0 }) qty!: number;",
  '  /** @maxLength 2 @default "ab" */',
  "  @Column({ type: 'varchar' }) short!: string;",
  "  @Column({ type: 'varchar', nullable: true, default: null }) empty!: string | null;",
  "  @Column({ type: 'varchar', default: 'a\\uD83D\\uDE00b' }) astral!: string;",
  '}',
  '',
].join('\n');

function modelOf(source: string) {
  return analyzeTypeormSource(source, 'sql-default-fits').model;
}

function check(source: string) {
  return sqlGenerator.check!(modelOf(source), { split: 'file' }, CONTEXT);
}

/** The Fine entity alone: each default of each kind, applied and inserted. */
const FINE = MODEL.replace(/@Entity\('posts'\)\nexport class Post \{[\s\S]*?\n\}\n/, '');
const FINE_ROW = { big: -32768, wide: 2147483647, code: 'abc', d: '2024-02-29', u: '0b7e3c4a-1f2d-4c5e-8a9b-0c1d2e3f4a5b', price: 999.99, c2: 'ab', level: 'high', kind: 'b', qty: 0, short: 'ab', empty: null, astral: 'a\u{1F600}b' };

async function insertsDefaults(engine: Engine, schema: string): Promise<void> {
  await engine.exec(schema);
  await engine.exec('INSERT INTO fines DEFAULT VALUES');
  const [row] = await engine.rows('SELECT *, CAST(bi AS TEXT) AS bi, CAST(low AS TEXT) AS low FROM fines');
  const { id: _id, bi, low, d, price, ...rest } = row!;
  const { d: _d, price: _price, ...expected } = FINE_ROW;
  expect(rest).toEqual(expected);
  expect(Number(price)).toBe(999.99);
  expect(d instanceof Date ? d.toISOString().slice(0, 10) : d).toBe('2024-02-29');
  expect(bi).toBe('9223372036854775807');
  expect(low).toBe('-9223372036854775808');
}

/** JSON defaults holding a NUL or a lone surrogate (tester s12 T4): values, keys, array items, any depth; TypeORM json/jsonb/simple-json/array columns, a JSDoc @default, a raw SQL literal. */
const JSON_MODEL = [
  "import { Entity, Column, PrimaryGeneratedColumn } from './decorators';",
  "@Entity('docs')",
  'export class Doc {',
  '  @PrimaryGeneratedColumn() id!: number;',
  "  @Column({ type: 'jsonb', default: { note: 'a\\u0000b' } }) value!: { note: string };", // 5
  "  @Column({ type: 'json', default: { 'k\\u0000': 1 } }) key!: Record<string, number>;",
  "  @Column({ type: 'jsonb', default: ['\\ud800'] }) item!: string[];",
  "  @Column({ type: 'simple-json', default: { a: [{ b: 'x\\udc00' }] } }) deep!: { a: { b: string }[] };",
  "  @Column({ type: 'text', array: true, default: ['ok', 'a\\u0000'] }) tags!: string[];",
  '  /** @default {"k": "v\\u0000"} */', // 10
  "  @Column({ type: 'jsonb' }) jsdoc!: Record<string, string>;",
  "  @Column({ type: 'jsonb', default: () => `'{\"a\":\"\\\\ud83d\"}'` }) raw!: Record<string, string>;",
  "  @Column({ type: 'jsonb', default: { ok: 'a\\ud83d\\ude00b', nested: { list: [1, 'fine'] } } }) fine!: Record<string, unknown>;",
  '}',
  '',
].join('\n');

describe('a JSON default holding a NUL or a lone surrogate (tester s12 T4)', () => {
  it('is CG2305 at its default, wherever the string is: value, key, array item, any depth', () => {
    const found = check(JSON_MODEL).filter((d) => d.code === 'CG2305' || d.severity === 'error');
    expect(found.map((d) => [d.code, d.line, d.message.replace(/^sql: docs\.(\w+): its (?:SQL )?default .* is not a value the column holds: it should be /, '$1: ')])).toEqual([
      ['CG2305', 5, 'value: JSON without a NUL character at /note (no engine stores one).'],
      ['CG2305', 6, 'key: JSON without a NUL character in the key at /k\u0000 (no engine stores one).'],
      ['CG2305', 7, 'item: JSON without a lone UTF-16 surrogate at /0 (UTF-8 cannot store one).'],
      ['CG2305', 8, 'deep: JSON without a lone UTF-16 surrogate at /a/0/b (UTF-8 cannot store one).'],
      ['CG2305', 9, 'tags: JSON without a NUL character at /1 (no engine stores one).'],
      ['CG2305', 10, 'jsdoc: JSON without a NUL character at /k (no engine stores one).'],
      ['CG2305', 12, 'raw: JSON without a lone UTF-16 surrogate at /a (UTF-8 cannot store one).'],
    ]);
  });

  it("judges as the repository's input check does (one rule: templates/crud/repository-values.ts)", () => {
    const values: unknown[] = ['a', 'a\u0000', '\ud800', '\udc00x', '\ud83d\ude00', '\ude00\ud83d', { 'k\u0000': 1 }, { k: ['x', { y: '\ud800' }] }, { '\udfff': null }, [1, true, null, 'ok'], { a: { b: { c: 'fine\u{1F600}' } } }, 12];
    for (const value of values) {
      const runtime = storageIssues({ field: value }, { field: { codec: 'json' } });
      expect([value, unstorableJson(value) !== undefined]).toEqual([value, runtime.length > 0]);
    }
  });
});

/** JSON and array defaults that are stored fine but are no value of the property's type: the repository would read them back as that type. */
const JSON_TYPE_MODEL = [
  "import { Entity, Column, PrimaryGeneratedColumn } from './decorators';",
  "@Entity('prefs')",
  'export class Prefs {',
  '  @PrimaryGeneratedColumn() id!: number;',
  "  @Column({ type: 'jsonb', default: { a: 'x' } }) wrongField!: { a: number };", // 5
  "  @Column({ type: 'jsonb', default: {} }) missingField!: { a: number };",
  "  @Column({ type: 'simple-json', default: [1, 'two'] }) wrongItem!: number[];",
  "  @Column({ type: 'int', array: true, default: [1, 2.5] }) fraction!: number[];",
  '  /** @default {"theme": "blue"} */',
  "  @Column({ type: 'jsonb' }) literal!: { theme: 'dark' | 'light' };", // 10
  "  @Column({ type: 'jsonb', default: { a: 1, b: [true] } }) fits!: { a: number; b?: boolean[] };",
  "  @Column({ type: 'text', array: true, default: [] }) empty!: string[];",
  '}',
  '',
].join('\n');

describe("a JSON or array default of another type than the property's", () => {
  it('is CG2305 at its default, saying what the value should be; a default of the type is fine', () => {
    const found = check(JSON_TYPE_MODEL).filter((d) => d.code === 'CG2305' || d.severity === 'error');
    expect(found.map((d) => [d.code, d.line, d.message.replace(/^sql: prefs\.(\w+): its (?:SQL )?default .* is not a value the column holds: it should be /, '$1: ')])).toEqual([
      ['CG2305', 5, expect.stringMatching(/^wrongField: .*number/)],
      ['CG2305', 6, expect.stringMatching(/^missingField: /)],
      ['CG2305', 7, expect.stringMatching(/^wrongItem: .*number/)],
      ['CG2305', 8, expect.stringMatching(/^fraction: .*integer/)],
      ['CG2305', 9, expect.stringMatching(/^literal: /)],
    ]);
  });
});

describe('a column default the column cannot hold (tester s11 T8)', () => {
  it('is CG2305 at its default (the default: option, the @default tag) for every kind of rule; a default of each kind that fits is fine', () => {
    const found = check(MODEL).filter((d) => d.code === 'CG2305');
    expect(found.map((d) => [d.severity, d.file, d.line, d.message.replace(/^sql: posts\.(\w+): its default (.*) is not a value the column holds: it should be /, '$1 $2: ')])).toEqual([
      ['error', 'm.ts', 6, 'big 40000: at most 32767.'],
      ['error', 'm.ts', 7, 'wide 2147483648: at most 2147483647.'],
      ['error', 'm.ts', 8, 'code "abcdef": a string of at most 3 characters.'],
      ['error', 'm.ts', 9, 'written "abc": a string of at most 2 characters.'],
      ['error', 'm.ts', 10, 'd "2024-02-30": a string of format date.'],
      ['error', 'm.ts', 11, 'u "nope": a string of format uuid.'],
      ['error', 'm.ts', 12, 'price 1234.5: less than 1000.'],
      ['error', 'm.ts', 13, 'fine 1.005: a number with at most 2 decimals.'],
      ['error', 'm.ts', 14, 'c2 "a": a string of at least 2 characters.'],
      ['error', 'm.ts', 15, 'bi "9223372036854775808": an integer from -9223372036854775808 to 9223372036854775807 (bigint\'s 64 bits).'],
      ['error', 'm.ts', 16, 'level "medium": one of "low", "high".'],
      ['error', 'm.ts', 17, 'kind "x": "a" or "b".'],
      ['error', 'm.ts', 19, 'qty -5: at least 0.'],
      ['error', 'm.ts', 20, 'short "abcd": a string of at most 2 characters.'],
      ['error', 'm.ts', 22, 'nul "a\\u0000b": a string without a NUL character (no engine stores one).'],
      ['error', 'm.ts', 23, 'lone "a\\ud800b": a string without a lone UTF-16 surrogate (UTF-8 cannot store one).'],
    ]);
    // The column of `default:` in the decorator's options, or of the `@default` tag (issue 9, L9a 4), never the property's.
    const lines = MODEL.split('\n');
    for (const d of found) {
      const text = lines[(d.line ?? 0) - 1]!;
      expect([d.line, d.column]).toEqual([d.line, text.includes('@default') ? text.indexOf('@default') + 1 : text.indexOf('default:') + 1]);
    }
    expect(found[0]!.hint).toContain('Write a default the column holds');
  });

  describe('a default of each kind that fits applies and is inserted as written', async () => {
    const { files } = await generate(modelOf(FINE), { split: 'file' });
    const schema = (dialect: string) => files.find((file) => file.path.endsWith(`${dialect}.sql`))!.content;
    it('on SQLite', async () => {
      const engine = openSqlite();
      await insertsDefaults(engine, schema('sqlite')).finally(() => engine.close());
    });
    it('on PGlite', async () => {
      const pglite = await openPglite();
      await insertsDefaults(await pglite.schema('default_fits'), schema('postgres')).finally(() => pglite.close());
    });
    it.skipIf(server.url === undefined)(`on the PostgreSQL server${server.skipNote}`, async () => {
      const engine = await openServer();
      await insertsDefaults(engine, schema('postgres')).finally(() => engine.close());
    });
  });
});
