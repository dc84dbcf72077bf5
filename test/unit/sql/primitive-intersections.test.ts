/**
 * A column typed as an intersection of one primitive's constrained members (`StartsA & EndsZ`,
 * or a property's own `@multipleOf 0.05` beside its alias's `0.01`, which the model keeps as two
 * members) is a column of that primitive, with the tightest bounds and the finest scale: not a
 * JSON column. Checked as column types and on SQLite (the generated schema applies, and its CHECK
 * refuses a value outside the met bounds).
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDeclarationIndex } from '../../../src/generators/kit/declaration-index.js';
import { columnType } from '../../../src/generators/sql/column-types.js';
import type { TypeNode } from '../../../src/model/types.js';
import { column, entity, entityModel, int } from './entity-builders.js';
import { generate } from './helpers.js';

const index = createDeclarationIndex({ declarations: [] });
const typeOf = (type: TypeNode) => columnType(column('c', type), index);

describe('an intersection of one primitive', () => {
  it('of two patterns is a text column, its lengths met', () => {
    const type: TypeNode = {
      kind: 'intersection',
      members: [
        { kind: 'string', constraints: { pattern: { source: '^a', flags: '' }, maxLength: 10 } },
        { kind: 'string', constraints: { pattern: { source: 'z$', flags: '' }, maxLength: 20, minLength: 2 } },
      ],
    };
    expect(typeOf(type)).toEqual({
      codec: 'text',
      postgres: 'varchar(10)',
      sqlite: 'TEXT',
      checks: [
        { kind: 'length', operator: '>=', value: 2 },
        { kind: 'length', operator: '<=', value: 10, dialect: 'sqlite' },
      ],
    });
  });

  it('of two steps is a decimal column at the finer scale, its bounds the tighter', () => {
    const type: TypeNode = {
      kind: 'intersection',
      members: [
        { kind: 'number', constraints: { multipleOf: '0.01', minimum: 0 } },
        { kind: 'number', constraints: { multipleOf: '0.5', minimum: -10, maximum: 100 } },
      ],
    };
    const found = typeOf(type);
    expect(found).toMatchObject({ codec: 'decimal', postgres: 'numeric(18,2)' });
    expect(found.checks).toEqual([
      { kind: 'compare', operator: '>=', value: '0' },
      { kind: 'compare', operator: '<=', value: '100' },
    ]);
  });

  it('of bigints keeps the tighter decimal bounds', () => {
    const type: TypeNode = {
      kind: 'intersection',
      members: [
        { kind: 'bigint', constraints: { minimum: '5', maximum: '100' } },
        { kind: 'bigint', constraints: { minimum: '-5', maximum: '90000000000000000000' } },
      ],
    };
    expect(typeOf(type).checks).toEqual([
      { kind: 'compare', operator: '>=', value: '5' },
      { kind: 'compare', operator: '<=', value: '100' },
    ]);
  });

  it('nullable, stays that column', () => {
    const both: TypeNode = { kind: 'intersection', members: [{ kind: 'string' }, { kind: 'string', constraints: { format: 'uuid' } }] };
    expect(typeOf({ kind: 'union', members: [both, { kind: 'null' }] })).toMatchObject({ codec: 'uuid', postgres: 'uuid' });
  });

  it('of different kinds, or of objects, is still a JSON column', () => {
    expect(typeOf({ kind: 'intersection', members: [{ kind: 'string' }, { kind: 'number' }] }).codec).toBe('json');
    expect(typeOf({ kind: 'intersection', members: [{ kind: 'object', properties: [], strict: false }, { kind: 'string' }] }).codec).toBe('json');
  });

  it('is the generated SQLite schema, whose CHECK refuses a value outside the met bounds', async () => {
    const type: TypeNode = {
      kind: 'intersection',
      members: [
        { kind: 'number', constraints: { minimum: 0 } },
        { kind: 'number', constraints: { minimum: -10, maximum: 100 } },
      ],
    };
    const model = entityModel([entity('Shop', [column('id', int), column('score', type)], { source: { file: 'input/shop.ts', line: 1, column: 1 } })]);
    const { files, diagnostics } = await generate(model, { split: 'file', dialects: ['sqlite'] });
    expect(diagnostics).toEqual([]);
    const db = new Database(':memory:');
    db.exec(files.find((file) => file.path === 'schema.sqlite.sql')!.content);
    const insert = db.prepare('INSERT INTO shops (id, score) VALUES (?, ?)');
    expect(() => insert.run(1, 50)).not.toThrow();
    expect(() => insert.run(2, -5)).toThrow(/CHECK/);
    expect(() => insert.run(3, 101)).toThrow(/CHECK/);
    expect(() => insert.run(4, 'fifty')).toThrow();
    db.close();
  });
});
