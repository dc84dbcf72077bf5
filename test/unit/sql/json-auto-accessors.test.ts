/**
 * A JSON column whose type is a class with auto-accessors (`accessor name = ''`) is refused
 * (CG2301 at the property), as one with a getter is: the values live in private slots, so
 * JSON.stringify of an instance is `{}` and the column would give back an object without them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import { sqlGenerator } from '../../../src/generators/sql/index.js';
import { TMP_ROOT } from '../../helpers/paths.js';
import { CONTEXT } from './helpers.js';

const SOURCE = [
  "export class Auto { accessor name = ''; accessor count = 0; }",
  "export class Half { id = 1; accessor note?: string = 'n'; }",
  "export class Mixed { accessor label = ''; get upper() { return this.label.toUpperCase(); } }",
  'export class Plain { name = ""; count = 0 }',
  '/** @entity */ export interface Doc {',
  '  /** @primaryKey @generated increment */ id: number;',
  '  auto: Auto;',
  '  half: Half | null;',
  '  list: { items: Mixed[] };',
  '  plain: Plain;',
  '}',
  '',
].join('\n');

describe('auto-accessors in a JSON column', () => {
  it('JSON.stringify leaves their values out (what the refusal is about)', () => {
    class Auto {
      accessor name = 'a';
    }
    expect(JSON.stringify(new Auto())).toBe('{}');
  });

  it('refuses each JSON column holding a class with one, at the property, with the hint', () => {
    const dir = mkdtempSync(join(TMP_ROOT, 'sql-auto-accessors-'));
    const file = join(dir, 'm.ts');
    writeFileSync(file, SOURCE);
    const { model } = analyze({ rootDir: dir, files: [file], defaultGenerators: ['sql'], knownGenerators: ['sql'], displayRoot: dir });
    const found = sqlGenerator.check!(model, { split: 'file' }, CONTEXT).filter((entry) => entry.code === 'CG2301');
    rmSync(dir, { recursive: true, force: true });
    expect(found.map((entry) => [entry.severity, entry.line, entry.message.replace(/^sql: docs\.(\w+): its type is stored as JSON \(jsonb; JSON text on SQLite\) but holds /, '$1: ')])).toEqual([
      ['error', 7, 'auto: a Auto with accessor name, accessor count, which JSON text leaves out: it reads back as a plain object, which the type does not accept.'],
      ['error', 8, 'half: a Half with accessor note, whose value JSON text leaves out (it lives in a private slot): it reads back without it.'],
      ['error', 9, 'list: a Mixed with get upper, accessor label, which JSON text leaves out: it reads back as a plain object, which the type does not accept.'],
    ]);
    expect(found[0]!.hint).toContain("Auto's fields");
  });
});
