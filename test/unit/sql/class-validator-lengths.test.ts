/**
 * Columns of properties bounded by class-validator's `@MaxLength`/`@MinLength` (tester T-A): the
 * library counts as validator.js's `isLength` (a character and its variation selector count one,
 * `"❤️"` is 1), columns count code points (`"❤️"` is 2). A `@MaxLength(n)` column is sized 2n,
 * so every string the library accepts is stored; `@MinLength(n)` is a `>= n` check, which no
 * accepted string fails (a string counts at most its code points).
 */
import { describe, expect, it } from 'vitest';
import { analyzeTypeormSource, generate } from './helpers.js';
import { openSqlite } from './engines.js';

const MODEL = [
  "import { Entity, Column, PrimaryGeneratedColumn } from './decorators';",
  "import { MaxLength, MinLength } from 'class-validator';",
  "@Entity('hearts')",
  'export class Heart {',
  '  @PrimaryGeneratedColumn() id!: number;',
  '  @MinLength(2) @MaxLength(3) @Column() row!: string;',
  '  /** @maxLength 3 */',
  '  @Column() points!: string;',
  '}',
  '',
].join('\n');

function modelOf(source: string) {
  return analyzeTypeormSource(source, 'sql-class-validator-lengths').model;
}

async function schemaOf(dialect: 'postgres' | 'sqlite'): Promise<string> {
  const { files } = await generate(modelOf(MODEL), { split: 'file' });
  return files.find((file) => file.path.endsWith(`schema.${dialect}.sql`))!.content;
}

describe('a column under class-validator length decorators', () => {
  it('is sized for the longest string the library accepts: @MaxLength(3) is varchar(6), @maxLength 3 stays varchar(3)', async () => {
    const postgres = await schemaOf('postgres');
    expect(postgres).toMatch(/"row" varchar\(6\)/);
    expect(postgres).toContain('char_length("row") >= 2');
    expect(postgres).toMatch(/"points" varchar\(3\)/);
  });

  it('stores "❤️❤️❤️" (3 for class-validator, 6 code points) and refuses what no count accepts', async () => {
    const engine = openSqlite();
    try {
      await engine.exec(await schemaOf('sqlite'));
      await engine.exec(`INSERT INTO hearts ("row", "points") VALUES ('❤️❤️❤️', 'abc')`);
      expect(await engine.rows('SELECT "row" FROM hearts')).toEqual([{ row: '❤️❤️❤️' }]);
      await expect(engine.exec(`INSERT INTO hearts ("row", "points") VALUES ('abcdefg', 'abc')`)).rejects.toThrow(/CHECK/);
    } finally {
      await engine.close();
    }
  });
});
