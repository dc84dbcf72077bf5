/** The openapi generator's options: one table feeding docs, the config schema and the defaults. */
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

export const DEFAULT_OPTIONS: OpenapiOptions = {
  formats: ['json'],
  title: 'API',
  version: '1.0.0',
  servers: [],
  resources: false,
};

export const OPENAPI_OPTIONS: GeneratorOption[] = [
  {
    name: 'formats',
    description: 'Which documents to write: `json` (`openapi.json`), `yaml` (`openapi.yaml`) or both.',
    schema: { type: 'array', items: { enum: ['json', 'yaml'] }, minItems: 1, uniqueItems: true },
    default: DEFAULT_OPTIONS.formats,
  },
  { name: 'title', description: 'The document\'s `info.title`.', schema: { type: 'string', minLength: 1 }, default: DEFAULT_OPTIONS.title },
  { name: 'version', description: 'The API version, `info.version`.', schema: { type: 'string', minLength: 1 }, default: DEFAULT_OPTIONS.version },
  { name: 'description', description: 'The document\'s `info.description` (Markdown).', schema: { type: 'string' } },
  {
    name: 'servers',
    description: 'Server URLs (`servers[].url`), in order.',
    schema: { type: 'array', items: { type: 'string', minLength: 1 } },
    default: DEFAULT_OPTIONS.servers,
  },
  {
    name: 'resources',
    description:
      'Also describe REST paths for every entity: `GET`/`POST /{table}` and `GET`/`PUT`/`PATCH`/`DELETE /{table}/{key}`, with `<Entity>Create` and `<Entity>Update` input schemas.',
    schema: { type: 'boolean' },
    default: DEFAULT_OPTIONS.resources,
  },
];

/** The options with defaults filled in for keys the config left out. */
export function withDefaults(options: Partial<OpenapiOptions>): OpenapiOptions {
  const filled: OpenapiOptions = {
    formats: options.formats ?? DEFAULT_OPTIONS.formats,
    title: options.title ?? DEFAULT_OPTIONS.title,
    version: options.version ?? DEFAULT_OPTIONS.version,
    servers: options.servers ?? DEFAULT_OPTIONS.servers,
    resources: options.resources ?? DEFAULT_OPTIONS.resources,
  };
  if (options.description !== undefined) filled.description = options.description;
  return filled;
}
