/**
 * TypeORM's constructor column types (`@Column({ type: String, nullable: true })`, tester9 F2) are
 * read as TypeORM reads them: the fixture `typeorm-constructors` writes each beside a twin table
 * in the types TypeORM maps them to, and the two tables are alike on both dialects (the fixture's
 * schemas are applied on SQLite, PGlite and PostgreSQL by apply.test.ts). A constructor TypeORM
 * does not map, and `@Column(String)` (an embedded type to TypeORM: no column), are CG2101 at the
 * decorator, naming the string to write.
 */
import { expect, it } from 'vitest';
import { analyzeTypeormSource, fixtureSchema } from './helpers.js';

/** The `CREATE TABLE` statement of `table` with its name taken out. */
function tableBody(schema: string, table: string): string {
  const statement = new RegExp(`^CREATE TABLE "${table}" \\(\\n[\\s\\S]*?\\n\\)`, 'm').exec(schema);
  expect(statement, table).not.toBeNull();
  return statement![0].replaceAll(table, 'T');
}

for (const dialect of ['postgres', 'sqlite'] as const) {
  it(`makes the columns of the types TypeORM maps String, Number, Boolean and Date to (${dialect})`, async () => {
    const schema = await fixtureSchema('typeorm-constructors', dialect);
    expect(tableBody(schema, 'notes')).toBe(tableBody(schema, 'twin_notes'));
  });
}

const BAD = [
  "import { Entity, Column, PrimaryGeneratedColumn } from './decorators';",
  'class Address { street = ""; }',
  "@Entity('things')",
  'export class Thing {',
  '  @PrimaryGeneratedColumn() id!: number;', // 5
  '  @Column({ type: Uint8Array }) data!: Uint8Array;',
  '  @Column({ type: Object, nullable: true }) meta!: object | null;',
  '  @Column({ type: Address }) address!: Address;',
  '  @Column(String) s!: string;',
  '}', // 10
  '',
].join('\n');

it('is CG2101 naming the string to write for another constructor, and for @Column(String)', () => {
  const found = analyzeTypeormSource(BAD, 'sql-constructors').diagnostics.filter((d) => d.severity === 'error');
  expect(found.map((d) => [d.code, d.line])).toEqual([
    ['CG2101', 6],
    ['CG2101', 7],
    ['CG2101', 8],
    ['CG2101', 9],
  ]);
  expect(found[0]!.message).toContain("option type 'Uint8Array' is a constructor codegen cannot read as a column type");
  expect(found[0]!.hint).toContain("'bytea' (PostgreSQL; 'blob' on SQLite)");
  expect(found[1]!.hint).toContain("'jsonb' or 'simple-json'");
  expect(found[2]!.message).toContain("'Address' is a constructor");
  expect(found[3]!.message).toContain('`@Column(String)` makes no column');
  expect(found[3]!.hint).toContain('`@Column({ type: String })`');
  expect(found.map((d) => d.message).join('\n')).not.toContain('cannot be read statically');
});
