/**
 * A `@default` that is no value of its property (warning CG2024 from the analyzer) on an entity's
 * column is judged again by the sql generator, and the two diagnostics say the same thing (tester3
 * G-3): on a scalar column every such default is error CG2305, so no schema carries it, and
 * CG2024's hint says so rather than "SQL still uses it"; on a JSON column too, whose rows are read
 * back as the property's type.
 */
import { describe, expect, it } from 'vitest';
import { sqlGenerator } from '../../../src/generators/sql/index.js';
import { CATALOGUE } from '../../../src/diagnostics/catalogue.js';
import { CONTEXT, analyzeTypeormSource } from './helpers.js';

const MODEL = [
  "import { Entity, Column, PrimaryGeneratedColumn } from './decorators';",
  "@Entity('settings')",
  'export class Setting {',
  '  @PrimaryGeneratedColumn() id!: number;',
  '  /** @default 200 @maximum 100 */ @Column() level!: number;', // 5
  '  /** @default "x" */ @Column() count!: number;',
  "  /** @default red */ @Column({ type: 'varchar' }) color!: 'green' | 'blue';",
  "  /** @default \"abc\" @pattern ^[0-9]+$ */ @Column({ type: 'varchar' }) digits!: string;",
  "  /** @default \"toolong\" @maxLength 3 */ @Column({ type: 'varchar' }) short!: string;",
  '  /** @default 1.5 @type integer */ @Column() whole!: number;', // 10
  "  /** @default {\"a\": \"x\"} */ @Column({ type: 'jsonb' }) meta!: { a: number };",
  '}',
  '',
].join('\n');

describe('a @default no value of its type, on an entity column (tester3 G-3)', () => {
  const { model, diagnostics } = analyzeTypeormSource(MODEL, 'sql-documented-defaults');
  const documented = diagnostics.filter((d) => d.code === 'CG2024');
  const refused = sqlGenerator.check!(model, { split: 'file' }, CONTEXT).filter((d) => d.code === 'CG2305');

  it('is CG2024 from the analyzer and CG2305 from sql on every column, JSON too, at the same line', () => {
    expect(documented.map((d) => d.line)).toEqual([5, 6, 7, 8, 9, 10, 11]);
    expect(refused.map((d) => d.line ?? 0).sort((a, b) => a - b)).toEqual([5, 6, 7, 8, 9, 10, 11]);
    expect(refused.every((d) => d.severity === 'error')).toBe(true);
  });

  it('has texts that say so: the hint and the catalogue name CG2305, never "SQL still uses it"', () => {
    for (const d of documented) expect(d.hint).toContain('refuses a default the column cannot hold (CG2305)');
    const entry = CATALOGUE.find((item) => item.code === 'CG2024')!;
    expect(entry.fix).toContain('is error CG2305');
    expect(entry.fix).toContain('on a JSON or array column too');
    expect([...documented.map((d) => d.hint), entry.fix].join('\n')).not.toMatch(/still uses/);
  });
});
