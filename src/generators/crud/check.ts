/**
 * What crud cannot handle, reported before anything is written: the repository runtime imports
 * the query-builder runtime from its own folder, so sql's runtime must land beside crud's.
 */
import { posix } from 'node:path';
import { diagnostic } from '../../diagnostics/create.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Model } from '../../model/types.js';
import type { CommonGeneratorOptions, PlanContext } from '../kit/contract.js';
import { locatedOutputPath } from '../kit/output-paths.js';
import { crudEntities } from './entities.js';
import { REPOSITORY_FILE } from './options.js';

/** Diagnostics for a project crud cannot generate for. */
export function checkCrud(model: Model, options: Partial<CommonGeneratorOptions>, context: PlanContext): Diagnostic[] {
  if (crudEntities(model).length === 0) return [];
  const sqlRuntime = context.findExport('sql', { role: 'createTableSql' });
  const repository = locatedOutputPath(REPOSITORY_FILE, options);
  if (!sqlRuntime || posix.dirname(sqlRuntime.path) === posix.dirname(repository)) return [];
  return [
    diagnostic('CG5001', {
      message: `crud writes ${repository}, which imports ./sql-runtime.js, but sql writes its runtime to ${sqlRuntime.path}.`,
      hint: 'Give the sql and crud generators the same `output` option (or none).',
      file: context.configSource,
    }),
  ];
}
