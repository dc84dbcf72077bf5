/**
 * A `bigint` column's default past 2^53 (tester9 F1). A JSDoc `@default` on a `bigint` property
 * keeps its digits as written, bare or as a bigint literal (`9223372036854775807n`), where JSON
 * would read the nearest double (…776000) and the schema then refused it as "does not fit a
 * bigint column"; the schema applies and the engines store those digits. A TypeORM
 * `default: 9007199254740993` is a number literal JavaScript itself rounds before TypeORM sees it:
 * CG2108 at the default says so and how to write the digits (a string).
 */
import { describe, expect, it } from 'vitest';
import { sqlGenerator } from '../../../src/generators/sql/index.js';
import { findPostgres } from '../../helpers/databases.js';
import { CONTEXT, analyzeTypeormSource, generate } from './helpers.js';
import { openPglite, openServer, openSqlite, type Engine } from './engines.js';

const server = await findPostgres();

const JSDOC = [
  '/** @entity */',
  'export interface Counter {',
  '  id: number;',
  '  /** @default 9223372036854775807 */',
  '  max: bigint;', // 5
  '  /** @default -9223372036854775808n */',
  '  min: bigint;',
  '  /** @default 9007199254740993 */',
  '  odd: bigint | null;',
  '  /** @default "9223372036854775807" */', // 10
  '  quoted: bigint;',
  '  /** @default 12n */',
  '  small: bigint;',
  '}',
  '',
].join('\n');

const DIGITS = { max: '9223372036854775807', min: '-9223372036854775808', odd: '9007199254740993', quoted: '9223372036854775807', small: '12' };

function analyzed(source: string) {
  return analyzeTypeormSource(source, 'sql-bigint-defaults');
}

async function insertsDigits(engine: Engine, schema: string): Promise<void> {
  await engine.exec(schema);
  await engine.exec('INSERT INTO counters (id) VALUES (1)');
  const columns = Object.keys(DIGITS).map((name) => `CAST(${name} AS TEXT) AS ${name}`).join(', ');
  const [row] = await engine.rows(`SELECT ${columns} FROM counters`);
  expect(row).toEqual(DIGITS);
}

describe('a JSDoc @default on a bigint property', async () => {
  const { model, diagnostics } = analyzed(JSDOC);
  const { files, diagnostics: problems } = await generate(model, { split: 'file' });
  const schema = (dialect: string) => files.find((file) => file.path.endsWith(`${dialect}.sql`))!.content;

  it('keeps the digits as written (bare, n-suffixed, quoted), with no warning or error', () => {
    expect([...diagnostics, ...problems].map((d) => `${d.code} ${d.message}`)).toEqual([]);
    const defaults = Object.fromEntries(model.entities[0]!.columns.map((column) => [column.property, column.default && 'value' in column.default ? column.default.value : undefined]));
    expect(defaults).toEqual({ id: undefined, max: DIGITS.max, min: DIGITS.min, odd: DIGITS.odd, quoted: DIGITS.quoted, small: 12 });
    for (const dialect of ['postgres', 'sqlite']) {
      expect(schema(dialect)).toContain('"max" ');
      expect(schema(dialect)).toMatch(/"max" \w+ NOT NULL DEFAULT 9223372036854775807,/);
      expect(schema(dialect)).toMatch(/"min" \w+ NOT NULL DEFAULT -9223372036854775808,/);
    }
  });
  it('applies on SQLite, which stores those digits', async () => {
    const engine = openSqlite();
    await insertsDigits(engine, schema('sqlite')).finally(() => engine.close());
  });
  it('applies on PGlite, which stores those digits', async () => {
    const pglite = await openPglite();
    await insertsDigits(await pglite.schema('bigint_defaults'), schema('postgres')).finally(() => pglite.close());
  });
  it.skipIf(server.url === undefined)(`applies on the PostgreSQL server${server.skipNote}`, async () => {
    const engine = await openServer();
    await insertsDigits(engine, schema('postgres')).finally(() => engine.close());
  });
});

const TYPEORM = [
  "import { Entity, Column, PrimaryGeneratedColumn } from './decorators';",
  "@Entity('rounded')",
  'export class Rounded {',
  '  @PrimaryGeneratedColumn() id!: number;',
  "  @Column('bigint', { default: 9007199254740993 }) b!: bigint;", // 5
  "  @Column('double precision', { default: -9007199254740993 }) d!: number;",
  "  @Column('bigint', { default: 9223372036854775807 }) max!: bigint;",
  "  @Column('bigint', { default: '9223372036854775807' }) written!: bigint;",
  "  @Column('bigint', { default: 12 }) small!: bigint;",
  "  @Column('double precision', { default: 0.1 }) tenth!: number;", // 10
  '}',
  '',
].join('\n');

describe('a TypeORM number default a double cannot hold as written', () => {
  it('is CG2108 at the default, naming the double it is read as and how to write the digits', () => {
    const { model, diagnostics } = analyzed(TYPEORM);
    const rounded = diagnostics.filter((d) => d.code === 'CG2108');
    const lines = TYPEORM.split('\n');
    const at = (line: number) => ['warning', line, lines[line - 1]!.indexOf('default:') + 1];
    expect(rounded.map((d) => [d.severity, d.line, d.column])).toEqual([at(5), at(6), at(7)]);
    expect(rounded[0]!.message).toBe('@Column() on Rounded.b: default 9007199254740993 has more digits than a double keeps: JavaScript (and so TypeORM) reads it as 9007199254740992, the nearest double, and so does codegen.');
    expect(rounded[0]!.hint).toContain("`default: '9007199254740993'`");
    expect(rounded[1]!.hint).toContain('Write -9007199254740992 (or another value a double holds), or type the property `bigint`');
    // Past int8's range once rounded: the schema's CG2305 follows; the string form fits.
    const errors = sqlGenerator.check!(model, { split: 'file' }, CONTEXT).filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.line])).toEqual([['CG2305', 7]]);
    expect(errors[0]!.message).toBe("sql: rounded.max: its default \"9223372036854775808\" is not a value the column holds: it should be an integer from -9223372036854775808 to 9223372036854775807 (bigint's 64 bits).");
  });
});
