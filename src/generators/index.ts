/**
 * The built-in generators, in the order they are known (`codegen list`); the pipeline plans the
 * active ones in config order, each after the generators it `uses`.
 */
import type { GeneratorDefinition } from './kit/contract.js';
import { validateGenerator } from './validate/index.js';
import { mockGenerator } from './mock/index.js';
import { clientGenerator } from './client/index.js';
import { openapiGenerator } from './openapi/index.js';
import { sqlGenerator } from './sql/index.js';
import { crudGenerator } from './crud/index.js';

export const BUILTIN_GENERATORS: readonly GeneratorDefinition<any>[] = [validateGenerator, mockGenerator, openapiGenerator, clientGenerator, sqlGenerator, crudGenerator];

export { defineGenerator } from './kit/contract.js';
// What a plugin building on other generators needs: their exports' import paths, validators of its own types, test planning.
export { importPath, importPathBetweenOutputs, locatedOutputPath, outputPathFor } from './kit/output-paths.js';
export { compileValidators, validatorRequest } from './kit/compile-validators.js';
export type { CompiledValidators, CompileValidatorsOptions, ValidatorRequest, ValidatorSubject } from './kit/compile-validators.js';
export { createPlanContext, planGenerators } from './kit/plan-outputs.js';
export type * from './kit/contract.js';
