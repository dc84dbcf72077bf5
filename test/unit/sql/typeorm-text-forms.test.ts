/**
 * TypeORM's `simple-array` reads every item back as a string (its text split at each ','), so the
 * sql generator stores it only for a list of strings: another type is CG2301 at the property,
 * naming the column type to use instead (tester s13 T-N; docs/sql.md, column types).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import { sqlGenerator } from '../../../src/generators/sql/index.js';
import { TMP_ROOT } from '../../helpers/paths.js';
import { CONTEXT, TYPEORM_DECORATOR_STUBS } from './helpers.js';

const MODEL = [
  "import { Entity, Column, PrimaryGeneratedColumn } from './decorators';",
  "type Colour = 'red' | 'green';",
  "@Entity('lists')",
  'export class List {',
  '  @PrimaryGeneratedColumn() id!: number;', // 5
  "  @Column('simple-array') words!: string[];",
  "  @Column({ type: 'simple-array', nullable: true }) colours!: Colour[] | null;",
  "  @Column('simple-array') counts!: number[];",
  "  @Column('simple-array') flags!: boolean[];",
  "  @Column('simple-json') data!: { counts: number[] };", // 10
  '}',
  '',
].join('\n');

function check(source: string) {
  const dir = mkdtempSync(join(TMP_ROOT, 'sql-text-forms-'));
  try {
    writeFileSync(join(dir, 'decorators.ts'), TYPEORM_DECORATOR_STUBS);
    writeFileSync(join(dir, 'm.ts'), source);
    const { model } = analyze({ rootDir: dir, files: [join(dir, 'm.ts'), join(dir, 'decorators.ts')], defaultGenerators: ['sql'], knownGenerators: ['sql'], displayRoot: dir });
    return sqlGenerator.check!(model, { split: 'file' }, CONTEXT);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

it('is CG2301 for a simple-array of anything but strings, at its line; lists of strings and simple-json are stored silently', () => {
  const found = check(MODEL).filter((d) => d.severity === 'error' || d.code === 'CG2301');
  expect(found.map((d) => [d.code, d.line])).toEqual([
    ['CG2301', 8],
    ['CG2301', 9],
  ]);
  expect(found[0]!.message).toContain('lists.counts: it is a simple-array');
  expect(found[0]!.hint).toContain("type: 'simple-json'");
});
