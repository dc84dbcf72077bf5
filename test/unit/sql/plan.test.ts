/** What the plan holds for a given model and options: file names, dialects, exports for other generators. */
import { describe, expect, it } from 'vitest';
import { sqlGenerator } from '../../../src/generators/sql/index.js';
import { withDefaults } from '../../../src/generators/sql/options.js';
import { createPlanContext } from '../../../src/generators/kit/plan-outputs.js';
import { column, entity, entityModel, int, text } from './entity-builders.js';

const CONTEXT = createPlanContext({ inputRoot: 'src/models', outputDir: 'src/generated', outputToRoot: '../..', importExtension: '.js', configSource: 'codegen.config.yaml' });
const model = entityModel([entity('Shop', [column('id', int, { primaryKey: true }), column('name', text)])]);
const paths = (options: Record<string, unknown>) => sqlGenerator.plan(model, { split: 'file', ...options }, CONTEXT).map((file) => file.path);

describe('sql plan', () => {
  it('writes both schemas by default, one table module per source file, and the runtime', () => {
    expect(paths({})).toEqual([
      'schema.postgres.sql',
      'schema.sqlite.sql',
      'shop.sql.ts',
      'sql-runtime.ts',
      'sql-types.ts',
      'sql-codecs.ts',
      'sql-context.ts',
      'sql-where.ts',
      'sql-select.ts',
      'sql-write.ts',
      'sql-decode.ts',
    ]);
  });

  it('writes the dialects asked for, in a fixed order, under the file name pattern', () => {
    expect(paths({ dialects: ['sqlite'] }).filter((path) => path.endsWith('.sql'))).toEqual(['schema.sqlite.sql']);
    expect(paths({ dialects: ['sqlite', 'postgres'], schemaFileName: 'db/{dialect}/schema.sql' }).filter((path) => path.endsWith('.sql'))).toEqual([
      'db/postgres/schema.sql',
      'db/sqlite/schema.sql',
    ]);
    expect(withDefaults({ dialects: ['sqlite', 'postgres'] }).dialects).toEqual(['postgres', 'sqlite']);
  });

  it('describes each entity export by role, for generators built on sql', () => {
    const module = sqlGenerator.plan(model, { split: 'file' }, CONTEXT).find((file) => file.path === 'shop.sql.ts')!;
    expect(module.exports).toEqual([
      { name: 'ShopRow', role: 'row', declaration: 'Shop', typeOnly: true },
      { name: 'ShopRelations', role: 'relations', declaration: 'Shop', typeOnly: true },
      { name: 'shopTable', role: 'table', declaration: 'Shop' },
      { name: 'shopSql', role: 'sql', declaration: 'Shop' },
    ]);
    const runtime = sqlGenerator.plan(model, { split: 'file' }, CONTEXT).find((file) => file.path === 'sql-runtime.ts')!;
    expect(runtime.template).toBe('sql-runtime.ts');
    expect(runtime.exports).toContainEqual({ name: 'createTableSql', role: 'createTableSql' });
  });
});
