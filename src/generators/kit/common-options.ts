/**
 * Options every generator accepts on top of its own (see `CommonGeneratorOptions` in the
 * generator contract), as documented option rows for validation and the JSON Schema.
 */
import type { GeneratorOption } from '../generators/kit/contract.js';

export const COMMON_GENERATOR_OPTIONS: readonly GeneratorOption[] = [
  {
    name: 'split',
    description: '`file`: one output file per source file; `type`: one per type.',
    schema: { enum: ['file', 'type'] },
    default: 'file',
  },
  {
    name: 'fileName',
    description:
      'Output file name pattern relative to the output folder; `{dir}` is the source folder relative to the input root, `{name}` the kebab-case file (or type) name. Default: `{dir}/{name}.<generator>.ts`.',
    schema: { type: 'string', minLength: 1 },
  },
  {
    name: 'output',
    description: "Output folder for this generator, relative to the project's `output`.",
    schema: { type: 'string', minLength: 1 },
  },
];
