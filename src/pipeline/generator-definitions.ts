/** The generators a session knows, with their code (part of the analysis stage: see analysis.ts). */
import { BUILTIN_GENERATORS } from '../generators/index.js';
import type { GeneratorDefinition } from '../generators/kit/contract.js';
import type { Session } from './session.js';

/** The built-in definitions (in the order of `session.generators`, whose built-in entries are their info), then the plugins. */
export function generatorDefinitions(session: Session): GeneratorDefinition<any>[] {
  return [...BUILTIN_GENERATORS, ...session.plugins];
}
