/**
 * What is known of the `validate` generator before a run analyses (generators/builtin-info.ts): its
 * name, description, options and templates. Its code (index.ts) loads with the analysis stage.
 */
import type { GeneratorInfo, GeneratorOption } from '../kit/contract.js';
import { builtinTemplatesDir } from '../kit/templates-dir.js';

/** The option table: documentation, config schema and defaults in one place. */
const OPTIONS: GeneratorOption[] = [
  {
    name: 'coerce',
    description:
      'Accept ISO date-time strings where a Date is expected, and decimal strings where a bigint is (isT accepts them too); validateT and assertT return the data with those strings turned into Dates and bigints, Map and Set entries included, copying only what changes (class instances are converted in place).',
    schema: { type: 'boolean' },
    default: false,
  },
];

export const VALIDATE_INFO = {
  name: 'validate',
  description: 'isT, validateT and assertT runtime validators for each type.',
  options: OPTIONS,
  templatesDir: builtinTemplatesDir('validate'),
} satisfies GeneratorInfo;
