/** The openapi generator's options: one table feeding docs, the config schema and the defaults. */
import { withOptionDefaults } from '../kit/common-options.js';
import type { GeneratorOption } from '../kit/contract.js';

export const GENERATOR_NAME = 'openapi';

export type DocumentFormat = 'json' | 'yaml';

export interface OpenapiOptions {
  /** Which files to write: `openapi.json`, `openapi.yaml` or both. */
  formats: DocumentFormat[];
  title: string;
  version: string;
  description?: string;
  /** Server URLs, in order. */
  servers: string[];
  /** Also describe REST resource paths for every entity. */
  resources: boolean;
}

export const OPENAPI_OPTIONS: GeneratorOption[] = [
  {
    name: 'formats',
    description: 'Which documents to write: `json` (`openapi.json`), `yaml` (`openapi.yaml`) or both.',
    schema: { type: 'array', items: { enum: ['json', 'yaml'] }, minItems: 1, uniqueItems: true },
    default: ['json'],
  },
  { name: 'title', description: 'The document\'s `info.title`.', schema: { type: 'string', minLength: 1 }, default: 'API' },
  { name: 'version', description: 'The API version, `info.version`.', schema: { type: 'string', minLength: 1 }, default: '1.0.0' },
  { name: 'description', description: 'The document\'s `info.description` (Markdown).', schema: { type: 'string' } },
  {
    name: 'servers',
    description: 'Server URLs (`servers[].url`), in order.',
    schema: { type: 'array', items: { type: 'string', minLength: 1 } },
    default: [],
  },
  {
    name: 'resources',
    description:
      'Also describe REST paths for every entity: `GET`/`POST /{table}` and `GET`/`PUT`/`PATCH`/`DELETE /{table}/{key}`, with `<Entity>Create` and `<Entity>Update` input schemas.',
    schema: { type: 'boolean' },
    default: false,
  },
];

/** The options with the option table's defaults filled in for keys the config left out. */
export function withDefaults(options: Partial<OpenapiOptions>): OpenapiOptions {
  return withOptionDefaults<OpenapiOptions>(OPENAPI_OPTIONS, options);
}
