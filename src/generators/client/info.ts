/**
 * What is known of the `client` generator before a run analyses (generators/builtin-info.ts): its
 * name, description, options and templates. Its code (index.ts) loads with the analysis stage.
 */
import type { GeneratorInfo, GeneratorOption } from '../kit/contract.js';
import { builtinTemplatesDir } from '../kit/templates-dir.js';

/** The option table: documentation, config schema and defaults in one place. */
const OPTIONS: GeneratorOption[] = [
  {
    name: 'validateResponses',
    description:
      "Check response bodies with the validate generator's `validateT`. The client then uses `validate` (enabled with its defaults if the config does not list it) and the services' types get validators; a client instance turns checking off with its own `validateResponses: false` option.",
    schema: { type: 'boolean' },
    default: false,
  },
];

export const CLIENT_INFO = {
  name: 'client',
  description: 'A typed fetch client class per HTTP service, with typed errors and Date revival.',
  options: OPTIONS,
  templatesDir: builtinTemplatesDir('client'),
} satisfies GeneratorInfo;
