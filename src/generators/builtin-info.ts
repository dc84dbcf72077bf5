/**
 * What is known of the built-in generators before a run analyses, in the order of
 * BUILTIN_GENERATORS (index.ts): their names, descriptions, options and templates, which the
 * session checks the config against. Their code loads with the analysis stage
 * (pipeline/analysis.ts), which a no-op run never loads.
 */
import type { GeneratorInfo } from './kit/contract.js';
import { CLIENT_INFO } from './client/info.js';
import { CRUD_INFO } from './crud/info.js';
import { MOCK_INFO } from './mock/info.js';
import { OPENAPI_INFO } from './openapi/info.js';
import { SQL_INFO } from './sql/info.js';
import { VALIDATE_INFO } from './validate/info.js';

export const BUILTIN_GENERATOR_INFO: readonly GeneratorInfo[] = [VALIDATE_INFO, MOCK_INFO, OPENAPI_INFO, CLIENT_INFO, SQL_INFO, CRUD_INFO];
