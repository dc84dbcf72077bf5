/**
 * Class property initializers are no column defaults (issue 9, T8b). TypeORM puts only `default:`
 * into the schema (its maintainers: "`default` in `@Column` is all about change in the database
 * schema", typeorm#6846); an initializer is a value the class constructor sets, which reaches the
 * database only through an instance (`new User()`, `repository.create()`), never through a plain
 * object given to `insert` or `save`. codegen's repositories take plain objects, so an initialized
 * property is read as TypeORM reads it for one: no SQL DEFAULT, and the create input requires
 * the column unless a `default:` (or `@default`) makes it optional. Nothing is made up from the
 * initializer: the schema, the create input and the entity's validator say the same.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import { createFields } from '../../../src/generators/crud/inputs.js';
import type { Model } from '../../../src/model/types.js';
import { TMP_ROOT } from '../../helpers/paths.js';
import { generate, TYPEORM_DECORATOR_STUBS } from './helpers.js';

const MODEL = [
  "import { Entity, Column, PrimaryGeneratedColumn } from './decorators';",
  "export enum Role { User = 'user', Admin = 'admin' }",
  "@Entity('members')",
  'export class Member {',
  '  @PrimaryGeneratedColumn() id!: number;',
  '  @Column() name!: string;',
  "  @Column({ type: 'varchar' }) role: Role = Role.User;",
  '  @Column() active = true;',
  '  @Column() visits: number = 0;',
  "  @Column({ default: 'free' }) plan: string = 'pro';",
  '}',
  '/** @entity */',
  'export class Counter {',
  '  /** @primaryKey */ id!: number;',
  '  count = 0;',
  '  /** @default 5 */ limit = 10;',
  '}',
  '',
].join('\n');

let once: Promise<{ model: Model; postgres: string; sqlite: string }> | undefined;
const generated = () => (once ??= generateOnce());

async function generateOnce(): Promise<{ model: Model; postgres: string; sqlite: string }> {
  const dir = mkdtempSync(join(TMP_ROOT, 'sql-initializers-'));
  try {
    writeFileSync(join(dir, 'decorators.ts'), TYPEORM_DECORATOR_STUBS);
    writeFileSync(join(dir, 'm.ts'), MODEL);
    const { model, diagnostics } = analyze({ rootDir: dir, files: [join(dir, 'm.ts'), join(dir, 'decorators.ts')], defaultGenerators: ['sql'], knownGenerators: ['sql'], displayRoot: dir });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const { files, diagnostics: planned } = await generate(model, { split: 'file' });
    expect(planned).toEqual([]);
    const of = (dialect: string) => files.find((file) => file.path.endsWith(`${dialect}.sql`))!.content;
    return { model, postgres: of('postgres'), sqlite: of('sqlite') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('class property initializers (issue 9, T8b)', () => {
  it('give no SQL DEFAULT: only default: and @default do, as in TypeORM', async () => {
    const { postgres, sqlite } = await generated();
    for (const schema of [postgres, sqlite]) {
      for (const column of ['role', 'active', 'visits', 'count']) expect(schema).toMatch(new RegExp(`"${column}" [^,\\n]*NOT NULL,?\\n`));
      expect(schema).not.toMatch(/"(role|active|visits|count)" [^\n]*DEFAULT/);
      expect(schema).toMatch(/"plan" [^\n]*DEFAULT 'free'/);
      expect(schema).toMatch(/"limit" [^\n]*DEFAULT 5/);
    }
  });

  it('leave the column required in the create input; a default: makes it optional', async () => {
    const { model } = await generated();
    const fields = (name: string) => Object.fromEntries(createFields(model.entities.find((entity) => entity.name === name)!).map((field) => [field.field, field.optional]));
    expect(fields('Member')).toEqual({ name: false, role: false, active: false, visits: false, plan: true });
    expect(fields('Counter')).toEqual({ id: false, count: false, limit: true });
  });
});
