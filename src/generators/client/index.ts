/**
 * The `client` generator: a typed `fetch` client class per HTTP service (`BookServiceClient`),
 * one file per source file, plus a small runtime file (errors, options, wire encoding,
 * `Date` revivers). Built on the generator contract exactly as a plugin would be.
 */
import { diagnostic } from '../../diagnostics/create.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Model } from '../../model/types.js';
import { withOptionDefaults } from '../kit/common-options.js';
import { defineGenerator, type CommonGeneratorOptions, type PlanContext } from '../kit/contract.js';
import { CLIENT_INFO } from './info.js';
import { createDeclarationIndex } from '../kit/declaration-index.js';
import { validatorCode } from './response-validators.js';
import { wireLimits } from './wire-limits.js';
import { buildClientPlan, clientServices, GENERATOR_NAME, RUNTIME_EXPORTS, RUNTIME_FILE, VALIDATE_GENERATOR, type ClientOptions } from './view-model.js';

export const clientGenerator = defineGenerator<ClientOptions>({
  ...CLIENT_INFO,
  uses: (options) => (options.validateResponses ? [VALIDATE_GENERATOR] : []),
  check: (model, options, context) => checkClient(model, withDefaults(options), context),
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
  return withOptionDefaults(CLIENT_INFO.options, options);
}

/** What the client cannot honour (wire-limits.ts), then what its response validation needs. */
function checkClient(model: Model, options: ClientOptions, context: PlanContext): Diagnostic[] {
  const index = createDeclarationIndex(model);
  const limits = clientServices(model, index).flatMap((service) => wireLimits(service, index));
  return [...limits, ...checkValidators(model, options, context, index)];
}

/**
 * With `validateResponses`: every named response type must have validators (a `validate` export
 * of the validate generator), an error otherwise; an anonymous shape the client cannot compose
 * is a warning (that response goes unchecked).
 */
function checkValidators(model: Model, options: ClientOptions, context: PlanContext, index: ReturnType<typeof createDeclarationIndex>): Diagnostic[] {
  if (!options.validateResponses) return [];
  const validatorOf = (id: string) => context.findExport(VALIDATE_GENERATOR, { declaration: id, role: 'validate' });
  const diagnostics: Diagnostic[] = [];
  for (const service of clientServices(model, index)) {
    for (const operation of service.operations) {
      diagnostics.push(...uncheckedErrors(service.name, operation, validatorOf, index));
      if (!operation.response.type) continue;
      const missing = new Set<string>();
      const result = validatorCode(operation.response.type, { validatorOf, used: new Map(), missing, runtime: 'runtime' });
      const where = { file: operation.source.file, line: operation.source.line, column: operation.source.column };
      for (const id of missing) {
        diagnostics.push(
          diagnostic('CG5001', {
            ...where,
            message: `client cannot validate the response of ${service.name}.${operation.name}: ${index.get(id).name} is not processed by the validate generator`,
            hint: `Add validate to the type's @codegen tag or to the config's generators, or turn validateResponses off.`,
          }),
        );
      }
      if (result.kind === 'unsupported' && missing.size === 0) {
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

/**
 * A documented error body the client cannot check (its type has no validator, or is a shape the
 * combinators cannot check as it says) is a warning: `is(status)` then never narrows that body,
 * which the error type gives as `unknown` (tester3 T-2).
 */
function uncheckedErrors(
  serviceName: string,
  operation: Model['services'][number]['operations'][number],
  validatorOf: (id: string) => ReturnType<PlanContext['findExport']>,
  index: ReturnType<typeof createDeclarationIndex>,
): Diagnostic[] {
  return operation.errors.flatMap((error) => {
    if (!error.type) return [];
    const missing = new Set<string>();
    const result = validatorCode(error.type, { validatorOf, used: new Map(), missing, runtime: 'runtime' });
    if (result.kind !== 'unsupported') return [];
    const reason = missing.size > 0 ? `${[...missing].map((id) => index.get(id).name).join(', ')} is not processed by the validate generator` : `it is ${result.shape}`;
    return [
      diagnostic('CG5001', {
        file: operation.source.file,
        line: operation.source.line,
        column: operation.source.column,
        severity: 'warning',
        message: `client does not check the ${error.status} error body of ${serviceName}.${operation.name}: ${reason}; its error type gives that body as unknown`,
        hint: 'Process the type with validate (or give a shape written in place a name) to have error.is(status) check the body and narrow it.',
      }),
    ];
  });
}
