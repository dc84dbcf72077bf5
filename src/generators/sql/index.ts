/**
 * The `sql` generator: a schema per dialect (`schema.postgres.sql`, `schema.sqlite.sql`) with
 * tables in dependency order, and per source file a `<name>.sql.ts` module describing each
 * entity's table (row type, relations, column codecs) and binding it to the query-builder
 * runtime, which is emitted as it is (`sql-runtime.ts`). Built on the generator contract exactly
 * as a plugin would be.
 */
import { defineGenerator } from '../kit/contract.js';
import { checkSql } from './check.js';
import { SQL_INFO } from './info.js';
import { withDefaults, type SqlOptions } from './options.js';
import { planSql } from './plan.js';

export type { SqlOptions, Dialect } from './options.js';
export { entityNames } from './table-module.js';

export const sqlGenerator = defineGenerator<Partial<SqlOptions>>({
  ...SQL_INFO,
  check: (model, options) => checkSql(model, withDefaults(options)),
  plan: (model, options, context) => planSql(model, { ...options, ...withDefaults(options) }, context),
});
