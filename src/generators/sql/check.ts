/**
 * What the sql generator cannot write faithfully, reported before anything is written, each
 * located at the property, relation or entity it comes from (see schema/ for the rules).
 */
import { diagnostic } from '../../diagnostics/create.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Model } from '../../model/types.js';
import { generatedNameClashes, referencedDeclarationIds } from '../kit/name-clashes.js';
import { sqlEntities } from './entities.js';
import type { SqlOptions } from './options.js';
import { buildSchema } from './schema/index.js';
import { entityNames } from './table-module.js';

/** Every diagnostic of the sql generator for this model. */
export function checkSql(model: Model, options: Pick<SqlOptions, 'dialects'>): Diagnostic[] {
  const entities = sqlEntities(model);
  if (entities.entities.length === 0) return [];
  // A type named like a table module's export (`BookRow`) breaks the module only when a column's type
  // names it, so the module imports it beside its own declaration (TS2440); unused, it compiles (recheck s9 R8).
  const imported = referencedDeclarationIds(entities.entities.flatMap((entity) => entity.columns.map((column) => column.type)), model.declarations);
  const clashes = generatedNameClashes(
    entities.entities.map((entity) => ({ subject: `sql for ${entity.name}`, names: Object.values(entityNames(entity)), source: entity.source })),
    model.declarations.filter((declaration) => imported.has(declaration.id)),
    'Rename the type, or leave the entity out of sql with `@codegen`.',
  );
  return [...clashes, ...buildSchema(model, entities, options.dialects).problems.map((problem) =>
    diagnostic(problem.code, {
      message: problem.message,
      file: problem.source.file,
      line: problem.source.line,
      column: problem.source.column,
      ...(problem.hint ? { hint: problem.hint } : {}),
      ...(problem.severity ? { severity: problem.severity } : {}),
    }),
  )];
}
