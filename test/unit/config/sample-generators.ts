/**
 * Sample generator option tables for the config tests: the config stage validates whatever
 * generators it is given, so these stand in for built-in ones and plugins alike.
 */
import type { GeneratorOption } from '../../../src/generators/kit/contract.js';

export interface GeneratorOptionTable {
  name: string;
  description: string;
  options: GeneratorOption[];
}

const dialect = { enum: ['postgres', 'sqlite'] };

export const BUILTIN_GENERATOR_OPTIONS: readonly GeneratorOptionTable[] = [
  {
    name: 'crud',
    description: 'A typed repository class per entity over a minimal Db interface.',
    options: [{ name: 'dialect', description: 'The SQL dialect the repositories speak.', schema: dialect }],
  },
  {
    name: 'validate',
    description: 'isT, validateT and assertT runtime validators for each type.',
    options: [
      {
        name: 'coerce',
        description: 'Accept ISO date strings where a Date is expected.',
        schema: { type: 'boolean' },
        default: false,
      },
    ],
  },
  {
    name: 'sql',
    description: 'SQL schema per dialect and typed query builders per entity.',
    options: [
      {
        name: 'dialects',
        description: 'The SQL dialects to emit a schema and query builders for.',
        schema: { type: 'array', items: dialect, minItems: 1, uniqueItems: true },
      },
    ],
  },
  {
    name: 'mock',
    description: 'Deterministic mock factories that pass the generated validators.',
    options: [
      { name: 'seed', description: 'Default seed of the generated mock factories.', schema: { type: 'number' }, default: 42 },
    ],
  },
  {
    name: 'client',
    description: 'A typed fetch client class per service.',
    options: [
      {
        name: 'validateResponses',
        description: 'Check responses with the generated validators.',
        schema: { type: 'boolean' },
      },
    ],
  },
  {
    name: 'openapi',
    description: 'One OpenAPI 3.1 document for the whole project.',
    options: [
      { name: 'title', description: 'The document title (info.title).', schema: { type: 'string' } },
      { name: 'version', description: 'The API version (info.version).', schema: { type: 'string' } },
      { name: 'servers', description: 'Server URLs.', schema: { type: 'array', items: { type: 'string' } } },
      {
        name: 'formats',
        description: 'Write the document as JSON, YAML or both.',
        schema: { type: 'array', items: { enum: ['json', 'yaml'] }, minItems: 1, uniqueItems: true },
      },
      { name: 'resources', description: 'Add REST resource paths for entities.', schema: { type: 'boolean' } },
    ],
  },
];
