/**
 * The `crud` generator: a repository class per entity (`BookRepository`) over a minimal `Db`
 * interface with adapters for better-sqlite3, node-postgres and PGlite; inputs checked with
 * validators compiled by validate, statements built by sql's query builders. Built on the
 * generator contract exactly as a plugin would be: it `uses` validate and sql and finds their
 * exports through the plan context.
 */
import { defineGenerator } from '../kit/contract.js';
import { validatorRequest } from '../kit/compile-validators.js';
import { checkCrud } from './check.js';
import { crudEntities } from './entities.js';
import { CRUD_INFO } from './info.js';
import { withDefaults, type CrudOptions } from './options.js';
import { planCrud } from './plan.js';
import { inputSubjects } from './subjects.js';

export type { CrudOptions } from './options.js';

export const crudGenerator = defineGenerator<Partial<CrudOptions>>({
  ...CRUD_INFO,
  uses: ['validate', 'sql'],
  requests: (model, options) =>
    withDefaults(options).validateInputs ? { validate: validatorRequest(crudEntities(model).flatMap((entity) => inputSubjects(entity, model))) } : {},
  check: (model, options, context) => checkCrud(model, options, context),
  plan: (model, options, context) => planCrud(model, { ...options, ...withDefaults(options) }, context),
});
