/** The built-in generators, in the order their outputs are planned. */
import type { GeneratorDefinition } from './kit/contract.js';
import { validateGenerator } from './validate/index.js';

export const BUILTIN_GENERATORS: readonly GeneratorDefinition<any>[] = [validateGenerator];

export { defineGenerator } from './kit/contract.js';
export type * from './kit/contract.js';
