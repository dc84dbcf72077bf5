/**
 * Defaults of TypeORM's `array: true` columns. On a PostgreSQL array column (a list of scalars) a
 * literal (`'{a,b}'::text[]`) is the list it denotes, written on both dialects, and an `ARRAY[…]`
 * expression runs on PostgreSQL only (CG2313 for SQLite). On an array stored as JSON (items that
 * may be null) a PostgreSQL array is CG2305 (an error), and only that: not also CG2313 for the `::`
 * or `ARRAY` SQLite cannot read.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import { sqlGenerator } from '../../../src/generators/sql/index.js';
import { TMP_ROOT } from '../../helpers/paths.js';
import { CONTEXT } from './helpers.js';

const SOURCE = [
  'type Decorator = (...args: any[]) => void;',
  'const decorator = (..._args: any[]): Decorator => () => {};',
  'export const Entity = decorator;',
  'export const Column = decorator;',
  'export const PrimaryGeneratedColumn = decorator;',
  "@Entity('lists')",
  'export class List {',
  '  @PrimaryGeneratedColumn() id!: number;',
  "  @Column({ type: 'text', array: true, default: () => \"'{a,b}'::text[]\" }) letters!: string[];",
  "  @Column({ type: 'int', array: true, default: () => 'ARRAY[1, 2]::int[]' }) numbers!: number[];",
  "  @Column({ type: 'int', nullable: true, default: () => 'floor(random() * 10)::int' }) lucky!: number | null;",
  "  @Column({ type: 'text', array: true, default: () => \"'{a,b}'::text[]\" }) maybe!: (string | null)[];",
  "  @Column({ type: 'int', array: true, default: () => 'ARRAY[1, NULL]::int[]' }) gaps!: (number | null)[];",
  '}',
  '',
].join('\n');

describe('PostgreSQL array defaults', () => {
  it('are the list on an array column (ARRAY[…] CG2313 on SQLite), CG2305 only on a JSON column; a cast elsewhere is CG2313', () => {
    const dir = mkdtempSync(join(TMP_ROOT, 'sql-raw-arrays-'));
    const file = join(dir, 'm.ts');
    writeFileSync(file, SOURCE);
    const { model } = analyze({ rootDir: dir, files: [file], defaultGenerators: ['sql'], knownGenerators: ['sql'], displayRoot: dir });
    const found = sqlGenerator.check!(model, { split: 'file' }, CONTEXT).filter((entry) => entry.code === 'CG2305' || entry.code === 'CG2313');
    rmSync(dir, { recursive: true, force: true });
    expect(found.map((entry) => [entry.code, entry.line]).sort()).toEqual([
      ['CG2305', 12],
      ['CG2305', 13],
      ['CG2313', 10],
      ['CG2313', 11],
    ]);
  });
});
