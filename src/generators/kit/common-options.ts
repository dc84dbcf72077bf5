/**
 * Options every generator accepts on top of its own (see `CommonGeneratorOptions` in the
 * generator contract), as documented option rows for validation and the JSON Schema.
 */
import type { CommonGeneratorOptions, GeneratorOption } from './contract.js';

export const COMMON_GENERATOR_OPTIONS: readonly GeneratorOption[] = [
  {
    name: 'split',
    description: '`file`: one output file per source file; `type`: one per type. Not for `openapi` (one document per project) nor a manifest plugin (its `output` pattern names its files).',
    schema: { enum: ['file', 'type'] },
    default: 'file',
  },
  {
    name: 'fileName',
    description:
      'Output file name pattern relative to the output folder; `{dir}` is the source folder relative to the input root, `{name}` the kebab-case file (or type) name (the `_` of a type name stays: `Mut_Src`, the name codegen gives `Mut<Src>`, is `mut_src`, apart from `mut-src` of `MutSrc`); both keep letters and digits of any script (NFC) and turn `#`, `%`, spaces and other characters an import cannot carry into `-` (docs/validate.md#file-names). Default: `{dir}/{name}.<generator>.ts`. It stays inside the output folder (no absolute path, no `..` leading out), and for the built-in generators ends in `.ts`, `.mts` or `.cts` (the generated `index.ts` re-exports `.ts` outputs only: `.mts` and `.cts` ones are left out, with a CG4012 warning); not for `openapi` nor a manifest plugin.',
    schema: { type: 'string', minLength: 1 },
  },
  {
    name: 'output',
    description: "Output folder for this generator, relative to the project's `output` and inside it.",
    schema: { type: 'string', minLength: 1 },
  },
];

/**
 * The options a generator runs with: the defaults of its option table and of the common
 * options, overridden by what was given. The pipeline applies it to the config's options;
 * generators apply it too, so that tests and other callers may pass only what they change.
 */
export function withOptionDefaults<Options extends object>(
  table: readonly GeneratorOption[],
  options: Partial<Options> & Partial<CommonGeneratorOptions>,
): Options & CommonGeneratorOptions {
  const defaults = [...COMMON_GENERATOR_OPTIONS, ...table]
    .filter((option) => option.default !== undefined)
    .map((option) => [option.name, structuredClone(option.default)] as const);
  return { ...Object.fromEntries(defaults), ...options } as Options & CommonGeneratorOptions;
}
