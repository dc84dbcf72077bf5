/**
 * What the sql generator cannot write faithfully, reported before anything is written, each
 * located at the property, relation or entity it comes from (see schema/ for the rules).
 */
import { diagnostic } from '../../diagnostics/create.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Model } from '../../model/types.js';
import { sqlEntities } from './entities.js';
import type { SqlOptions } from './options.js';
import { buildSchema } from './schema/index.js';

/** Every diagnostic of the sql generator for this model. */
export function checkSql(model: Model, options: Pick<SqlOptions, 'dialects'>): Diagnostic[] {
  const entities = sqlEntities(model);
  if (entities.entities.length === 0) return [];
  return buildSchema(model, entities, options.dialects).problems.map((problem) =>
    diagnostic(problem.code, {
      message: problem.message,
      file: problem.source.file,
      line: problem.source.line,
      column: problem.source.column,
      ...(problem.hint ? { hint: problem.hint } : {}),
      ...(problem.severity ? { severity: problem.severity } : {}),
    }),
  );
}
