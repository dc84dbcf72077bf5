/** The built-in generators, in the order their outputs are planned. */
import type { GeneratorDefinition } from './kit/contract.js';
import { validateGenerator } from './validate/index.js';
import { mockGenerator } from './mock/index.js';
import { clientGenerator } from './client/index.js';
import { openapiGenerator } from './openapi/index.js';
import { sqlGenerator } from './sql/index.js';

export const BUILTIN_GENERATORS: readonly GeneratorDefinition<any>[] = [validateGenerator, mockGenerator, openapiGenerator, clientGenerator, sqlGenerator];

export { defineGenerator } from './kit/contract.js';
export type * from './kit/contract.js';
