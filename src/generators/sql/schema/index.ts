/**
 * The schema of the written entities: tables in dependency order with every name decided, the
 * problems found on the way, and the SQL text per dialect.
 */
import type { Model } from '../../../model/types.js';
import { createDeclarationIndex } from '../../kit/declaration-index.js';
import type { EntityIndex } from '../entities.js';
import type { Dialect } from '../options.js';
import { createColumnResolver } from './column-resolver.js';
import { columnProblems } from './column-problems.js';
import { entityTable } from './entity-table.js';
import { joinTables } from './join-tables.js';
import type { SchemaProblem } from './model.js';
import { nameProblems } from './names.js';
import { orderTables, type OrderedSchema } from './order.js';

export { renderSchema } from './render.js';
export type * from './model.js';
export type { OrderedSchema } from './order.js';

export interface BuiltSchema {
  schema: OrderedSchema;
  problems: SchemaProblem[];
}

/** Builds the schema of `entities`; `dialects` decides which dialect-specific problems count. */
export function buildSchema(model: Model, entities: EntityIndex, dialects: readonly Dialect[]): BuiltSchema {
  const problems: SchemaProblem[] = [];
  const declarations = createDeclarationIndex(model);
  const inputs = { entities, columns: createColumnResolver(entities, declarations), problems, declarations };
  const tables = [...entities.entities.map((entity) => entityTable(entity, inputs)), ...joinTables(inputs)];
  problems.push(...nameProblems(tables), ...tables.flatMap((table) => columnProblems(table, dialects)));
  return { schema: orderTables(tables), problems: withoutDefaultsOfRefused(problems) };
}

/**
 * The problems without a CG2305 about the default of a column whose type is refused (CG2310,
 * tester s12 T7e): the fix is the column's type, and the default is judged against a column
 * that will not exist as written (`decimal` on a string: "0 does not fit a text column").
 */
function withoutDefaultsOfRefused(problems: SchemaProblem[]): SchemaProblem[] {
  // By table.column and file: a CG2305 is located at the default, a CG2310 at the property.
  const column = (problem: SchemaProblem) => `${/^sql: [^:]*:/.exec(problem.message)?.[0]}\0${problem.source.file}`;
  const refused = new Set(problems.filter((problem) => problem.code === 'CG2310').map(column));
  return refused.size === 0 ? problems : problems.filter((problem) => problem.code !== 'CG2305' || !refused.has(column(problem)));
}
