/**
 * What crud cannot handle, reported before anything is written: the repository runtime imports
 * the query-builder runtime from its own folder, so sql's runtime must land beside crud's; and a
 * type named like crud's input shapes (`UserCreate`, `UserUpdate`) is refused (kit/name-clashes.ts).
 */
import { posix } from 'node:path';
import { diagnostic } from '../../diagnostics/create.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Model } from '../../model/types.js';
import type { CommonGeneratorOptions, PlanContext } from '../kit/contract.js';
import { generatedNameClashes } from '../kit/name-clashes.js';
import { locatedOutputPath } from '../kit/output-paths.js';
import { crudEntities } from './entities.js';
import { REPOSITORY_FILE } from './options.js';
import { inputNames } from './subjects.js';

/** Diagnostics for a project crud cannot generate for. */
export function checkCrud(model: Model, options: Partial<CommonGeneratorOptions>, context: PlanContext): Diagnostic[] {
  const entities = crudEntities(model);
  if (entities.length === 0) return [];
  const clashes = generatedNameClashes(
    entities.map((entity) => {
      const names = inputNames(entity);
      // Only the input shapes meet a user's type: validate and crud would both export isUserCreate… (the
      // barrel's TS2308). UserKey and UserRepository are aliased where imported, and compile (recheck s9 R8).
      return { subject: `crud for ${entity.name}`, names: [names.create, names.update], source: entity.source };
    }),
    model.declarations,
    'Rename the type, or leave the entity out of crud with `@codegen`.',
  );
  const sqlRuntime = context.findExport('sql', { role: 'createTableSql' });
  const repository = locatedOutputPath(REPOSITORY_FILE, options);
  if (!sqlRuntime || posix.dirname(sqlRuntime.path) === posix.dirname(repository)) return clashes;
  return [
    ...clashes,
    diagnostic('CG5001', {
      message: `crud writes ${repository}, which imports ./sql-runtime.js, but sql writes its runtime to ${sqlRuntime.path}.`,
      hint: 'Give the sql and crud generators the same `output` option (or none).',
      file: context.configSource,
    }),
  ];
}
