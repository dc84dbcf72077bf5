/**
 * What the sql generator cannot write faithfully, reported before anything is written, each
 * located at the property, relation or entity it comes from (see schema/ for the rules).
 */
import { diagnostic } from '../../diagnostics/create.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Model } from '../../model/types.js';
import { generatedNameClashes } from '../kit/name-clashes.js';
import { sqlEntities } from './entities.js';
import type { SqlOptions } from './options.js';
import { buildSchema } from './schema/index.js';
import { entityNames } from './table-module.js';

/** Every diagnostic of the sql generator for this model. */
export function checkSql(model: Model, options: Pick<SqlOptions, 'dialects'>): Diagnostic[] {
  const entities = sqlEntities(model);
  if (entities.entities.length === 0) return [];
  // A type named like a table module's export (`BookRow`) is refused, as crud's and openapi's names are (kit/name-clashes.ts).
  const clashes = generatedNameClashes(
    entities.entities.map((entity) => ({ subject: `sql for ${entity.name}`, names: Object.values(entityNames(entity)), source: entity.source })),
    model.declarations,
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
