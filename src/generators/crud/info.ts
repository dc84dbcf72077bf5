/**
 * What is known of the `crud` generator before a run analyses (generators/builtin-info.ts): its
 * name, description, options and templates. Its code (index.ts) loads with the analysis stage.
 */
import type { GeneratorInfo } from '../kit/contract.js';
import { builtinTemplatesDir } from '../kit/templates-dir.js';
import { GENERATOR_NAME, CRUD_OPTIONS } from './options.js';

export const CRUD_INFO = {
  name: GENERATOR_NAME,
  description: 'A typed repository per entity over SQLite or PostgreSQL: create, find, include relations, update, upsert, delete, transactions.',
  options: CRUD_OPTIONS,
  templatesDir: builtinTemplatesDir(GENERATOR_NAME),
} satisfies GeneratorInfo;
