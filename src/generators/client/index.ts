/**
 * The `client` generator: a typed `fetch` client class per HTTP service (`BookServiceClient`),
 * one file per source file, plus a small runtime file (errors, options, wire encoding,
 * `Date` revivers). Built on the generator contract exactly as a plugin would be.
 */
import { diagnostic } from '../../diagnostics/create.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Model } from '../../model/types.js';
import { builtinTemplatesDir } from '../kit/templates-dir.js';
import { defineGenerator, type CommonGeneratorOptions } from '../kit/contract.js';
import { createDeclarationIndex } from '../kit/declaration-index.js';
import { validatedDeclarations } from '../validate/view-model.js';
import { validatorCode } from './response-validators.js';
import { buildClientPlan, clientServices, GENERATOR_NAME, RUNTIME_EXPORTS, RUNTIME_FILE, type ClientOptions } from './view-model.js';

const TEMPLATES_DIR = builtinTemplatesDir(GENERATOR_NAME);

export const clientGenerator = defineGenerator<ClientOptions>({
  name: GENERATOR_NAME,
  description: 'A typed fetch client class per HTTP service, with typed errors and Date revival.',
  options: [
    {
      name: 'validateResponses',
      description:
        "Check response bodies with the validate generator's `validateT` (the types must be processed by `validate`); a client turns it off with its `validateResponses: false` option.",
      schema: { type: 'boolean' },
      default: false,
    },
    {
      name: 'validateOutput',
      description: "Where the validate generator writes: its `split`, `fileName` and `output`, when they differ from the defaults.",
      schema: {
        type: 'object',
        properties: { split: { enum: ['file', 'type'] }, fileName: { type: 'string' }, output: { type: 'string' } },
        additionalProperties: false,
      },
      default: {},
    },
  ],
  templatesDir: TEMPLATES_DIR,
  check: (model, options) => checkClient(model, withDefaults(options)),
  plan(model, options, context) {
    const files = buildClientPlan(model, withDefaults(options), context);
    if (files.length === 0) return [];
    return [
      ...files.map((file) => ({ path: file.path, template: 'file.hbs', data: { ...file.view }, source: file.source })),
      { path: RUNTIME_FILE, template: 'runtime.hbs', data: {}, source: context.configSource, indexExports: RUNTIME_EXPORTS },
    ];
  },
});

/** The options with their defaults filled in (the pipeline does it too; tests and plugins may not). */
export function withDefaults(options: Partial<ClientOptions> & Partial<CommonGeneratorOptions>): ClientOptions & CommonGeneratorOptions {
  const validateOutput = { split: 'file' as const, ...options.validateOutput };
  return { ...options, split: options.split ?? 'file', validateResponses: options.validateResponses ?? false, validateOutput };
}

/**
 * With `validateResponses`: every named response type must have validators (processed by
 * `validate`), an error otherwise; an anonymous shape the client cannot compose is a warning
 * (that response goes unchecked).
 */
function checkClient(model: Model, options: ClientOptions): Diagnostic[] {
  if (!options.validateResponses) return [];
  const index = createDeclarationIndex(model);
  const validated = new Set(validatedDeclarations(index).map((declaration) => declaration.id));
  const diagnostics: Diagnostic[] = [];
  for (const service of clientServices(model)) {
    for (const operation of service.operations) {
      if (!operation.response.type) continue;
      const used = new Set<string>();
      const result = validatorCode(operation.response.type, { index, used });
      const where = { file: operation.source.file, line: operation.source.line, column: operation.source.column };
      for (const id of used) {
        if (validated.has(id)) continue;
        diagnostics.push(
          diagnostic('CG5001', {
            ...where,
            message: `client cannot validate the response of ${service.name}.${operation.name}: ${index.get(id).name} is not processed by the validate generator`,
            hint: `Add validate to the type's @codegen tag or to the config's generators, or turn validateResponses off.`,
          }),
        );
      }
      if (result.kind === 'unsupported') {
        diagnostics.push(
          diagnostic('CG5001', {
            ...where,
            severity: 'warning',
            message: `client does not validate the response of ${service.name}.${operation.name}: it is ${result.shape}`,
            hint: 'Give the response type a name (an exported interface or type alias) to have it validated.',
          }),
        );
      }
    }
  }
  return diagnostics;
}
