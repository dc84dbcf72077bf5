/**
 * A PostgreSQL array written as the default of an array stored as JSON is CG2305 (an error),
 * and only that: not also CG2313 for the `::` or `ARRAY` SQLite cannot read.
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
  '}',
  '',
].join('\n');

describe('PostgreSQL array defaults on JSON columns', () => {
  it('are CG2305 only; a cast elsewhere is CG2313', () => {
    const dir = mkdtempSync(join(TMP_ROOT, 'sql-raw-arrays-'));
    const file = join(dir, 'm.ts');
    writeFileSync(file, SOURCE);
    const { model } = analyze({ rootDir: dir, files: [file], defaultGenerators: ['sql'], knownGenerators: ['sql'], displayRoot: dir });
    const found = sqlGenerator.check!(model, { split: 'file' }, CONTEXT).filter((entry) => entry.code === 'CG2305' || entry.code === 'CG2313');
    rmSync(dir, { recursive: true, force: true });
    expect(found.map((entry) => [entry.code, entry.line])).toEqual([
      ['CG2305', 10],
      ['CG2305', 9],
      ['CG2313', 11],
    ]);
  });
});
