/**
 * An index on the columns of the primary key or of a unique constraint is not written (tester s12
 * T8c): each engine makes one index for those already. `@Index({ unique: true })` on a property
 * is one unique constraint (TypeORM makes one unique index), named as the index when it is named.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import { TMP_ROOT } from '../../helpers/paths.js';
import { generate } from './helpers.js';
import { openSqlite } from './engines.js';

const DECORATORS = [
  'export function Entity(name?: string): ClassDecorator { return () => {}; }',
  'export function Column(typeOrOptions?: string | object, options?: object): PropertyDecorator { return () => {}; }',
  'export function PrimaryGeneratedColumn(strategy?: string): PropertyDecorator { return () => {}; }',
  'export function Index(nameOrOptions?: string | object | string[], options?: object): PropertyDecorator & ClassDecorator { return () => {}; }',
  'export function Unique(nameOrColumns?: string | string[], columns?: string[]): ClassDecorator { return () => {}; }',
  '',
].join('\n');

const MODEL = [
  "import { Entity, Column, PrimaryGeneratedColumn, Index, Unique } from './decorators';",
  "@Entity('users')",
  "@Unique(['region', 'handle'])",
  "@Index(['region', 'handle'])",
  "@Index(['region', 'nick'])",
  'export class User {',
  '  @Index() @PrimaryGeneratedColumn() id!: number;',
  '  @Index({ unique: true }) @Column() email!: string;',
  "  @Index('users_phone_unique', { unique: true }) @Column() phone!: string;",
  '  @Index() @Column({ unique: true }) login!: string;',
  '  @Column() region!: string;',
  '  @Column() handle!: string;',
  '  @Column() nick!: string;',
  '  @Index() @Column() city!: string;',
  '}',
  '',
].join('\n');

async function schemas(): Promise<{ postgres: string; sqlite: string }> {
  const dir = mkdtempSync(join(TMP_ROOT, 'sql-unique-indexes-'));
  try {
    writeFileSync(join(dir, 'decorators.ts'), DECORATORS);
    writeFileSync(join(dir, 'm.ts'), MODEL);
    const { model, diagnostics } = analyze({ rootDir: dir, files: [join(dir, 'm.ts'), join(dir, 'decorators.ts')], defaultGenerators: ['sql'], knownGenerators: ['sql'], displayRoot: dir });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const { files } = await generate(model, { split: 'file' });
    const of = (dialect: string) => files.find((file) => file.path.endsWith(`${dialect}.sql`))!.content;
    return { postgres: of('postgres'), sqlite: of('sqlite') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('indexes the primary key or a unique constraint already makes (tester s12 T8c)', () => {
  it('are not written; a unique @Index on a property is one UNIQUE constraint, with its name', async () => {
    const { postgres, sqlite } = await schemas();
    for (const schema of [postgres, sqlite]) {
      expect(schema.match(/CONSTRAINT "\w+" UNIQUE \([^)]*\)/g)).toEqual([
        'CONSTRAINT "users_email_key" UNIQUE ("email")',
        'CONSTRAINT "users_phone_unique" UNIQUE ("phone")',
        'CONSTRAINT "users_login_key" UNIQUE ("login")',
        'CONSTRAINT "users_region_handle_key" UNIQUE ("region", "handle")',
      ]);
      expect(schema.match(/CREATE INDEX [^;]*;/g)).toEqual(['CREATE INDEX "users_city_idx" ON "users" ("city");', 'CREATE INDEX "users_region_nick_idx" ON "users" ("region", "nick");']);
    }
    // SQLite's own indexes: one per constraint (autoindexes) and the two written, nothing twice.
    const engine = openSqlite();
    try {
      await engine.exec(sqlite);
      const rows = await engine.rows("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'users' ORDER BY name");
      expect(rows.map((row) => row.name)).toEqual([
        'sqlite_autoindex_users_1',
        'sqlite_autoindex_users_2',
        'sqlite_autoindex_users_3',
        'sqlite_autoindex_users_4',
        'users_city_idx',
        'users_region_nick_idx',
      ]);
    } finally {
      await engine.close();
    }
  });
});
