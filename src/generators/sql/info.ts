/**
 * What is known of the `sql` generator before a run analyses (generators/builtin-info.ts): its
 * name, description, options and templates. Its code (index.ts) loads with the analysis stage.
 */
import type { GeneratorInfo } from '../kit/contract.js';
import { builtinTemplatesDir } from '../kit/templates-dir.js';
import { GENERATOR_NAME, SQL_OPTIONS } from './options.js';

export const SQL_INFO = {
  name: GENERATOR_NAME,
  description: 'SQL schemas per dialect (PostgreSQL, SQLite) and typed query builders for each entity.',
  options: SQL_OPTIONS,
  templatesDir: builtinTemplatesDir(GENERATOR_NAME),
} satisfies GeneratorInfo;
