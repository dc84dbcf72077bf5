/**
 * A 4-byte float column on a `number` (TypeORM `type: 'real'`, `'float4'`, `'float'` with
 * `precision` up to 24, `@dbType real`) is `double precision` on PostgreSQL with a warning
 * (CG2309), as the other written types that would shift values are (tester s11 T4): PostgreSQL's
 * real rounds 0.123456789 to 0.12345679 and refuses 1e39 with its own error, where SQLite's REAL
 * (8 bytes) keeps the number. `float` alone and `float(25)` up are double precision already.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import { freshPglite } from '../../helpers/databases.js';
import { TMP_ROOT } from '../../helpers/paths.js';
import { generate, TYPEORM_DECORATOR_STUBS } from './helpers.js';

const MODEL = [
  "import { Entity, Column, PrimaryGeneratedColumn } from './decorators';",
  "@Entity('readings')",
  'export class Reading {',
  '  @PrimaryGeneratedColumn() id!: number;',
  "  @Column({ type: 'real' }) a!: number;", // 5
  "  @Column({ type: 'float4', nullable: true }) b!: number | null;",
  "  @Column({ type: 'float', precision: 10 }) c!: number;",
  "  @Column('float4') d!: number;",
  '  /** @dbType real */',
  '  @Column() e!: number;', // 10
  "  @Column({ type: 'float', precision: 24 }) f!: number;",
  "  @Column({ type: 'float', precision: 25 }) wide!: number;",
  "  @Column({ type: 'float' }) plain!: number;",
  "  @Column({ type: 'double precision' }) double!: number;",
  '}',
  '',
].join('\n');

describe('a 4-byte float column (tester s11 T4)', async () => {
  const dir = mkdtempSync(join(TMP_ROOT, 'sql-real-'));
  writeFileSync(join(dir, 'decorators.ts'), TYPEORM_DECORATOR_STUBS);
  writeFileSync(join(dir, 'm.ts'), MODEL);
  const { model } = analyze({ rootDir: dir, files: [join(dir, 'm.ts'), join(dir, 'decorators.ts')], defaultGenerators: ['sql'], knownGenerators: ['sql'], displayRoot: dir });
  rmSync(dir, { recursive: true, force: true });
  const { diagnostics, files } = await generate(model, { split: 'file' });
  const schema = (dialect: string) => files.find((file) => file.path.endsWith(`${dialect}.sql`))!.content;

  it('is double precision on PostgreSQL with CG2309 at each property; float(25) up and double precision stay quiet', () => {
    expect(diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([5, 6, 7, 8, 10, 11].map((line) => ['CG2309', 'warning', line]));
    expect(diagnostics[0]!.message).toContain('PostgreSQL gets double precision instead');
    expect(diagnostics[0]!.hint).toContain('double precision');
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f', 'double']) expect(schema('postgres')).toMatch(new RegExp(`"${name}" double precision`));
    expect(schema('postgres')).toMatch(/"wide" float\(25\)/);
    expect(schema('postgres')).toMatch(/"plain" float NOT NULL/);
    expect(schema('sqlite')).toMatch(/"a" REAL NOT NULL/);
  });

  it('keeps every number as written on PostgreSQL (PGlite), as SQLite does', async () => {
    const db = await freshPglite();
    try {
      await db.exec(schema('postgres'));
      const values = [0.123456789, 16777217, 1e39, 3.4028235677973366e38, 1e-46];
      for (const value of values) {
        await db.query('INSERT INTO readings (a, b, c, d, e, f, wide, plain, double) VALUES ($1, $1, $1, $1, $1, $1, $1, $1, $1)', [value]);
      }
      const rows = await db.query<Record<string, number>>('SELECT a, b, c, d, e, f FROM readings ORDER BY id');
      expect(rows.rows.map((row) => Object.values(row))).toEqual(values.map((value) => Array(6).fill(value)));
    } finally {
      await db.close();
    }
  });
});
