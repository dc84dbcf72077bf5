/**
 * What is known of the `openapi` generator before a run analyses (generators/builtin-info.ts): its
 * name, description, options and templates. Its code (index.ts) loads with the analysis stage.
 */
import type { GeneratorInfo } from '../kit/contract.js';
import { builtinTemplatesDir } from '../kit/templates-dir.js';
import { GENERATOR_NAME, OPENAPI_OPTIONS } from './options.js';

export const OPENAPI_INFO = {
  name: GENERATOR_NAME,
  description: 'One OpenAPI 3.1 document (JSON and/or YAML): schemas for every type, paths from services and entities.',
  options: OPENAPI_OPTIONS,
  templatesDir: builtinTemplatesDir(GENERATOR_NAME),
  namesFilesByPattern: false,
} satisfies GeneratorInfo;
