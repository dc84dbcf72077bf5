/**
 * Checking `generators:` once the generators are known (built-in ones and plugins): unknown
 * generator names (CG1002, with a suggestion) and unknown or ill-typed options (CG5002).
 */
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { GeneratorOption } from '../generators/kit/contract.js';
import { checkValue, describeValue, type KeyPath } from './check-value.js';
import { COMMON_GENERATOR_OPTIONS, withOptionDefaults } from '../generators/kit/common-options.js';
import { formatKeyPath, locateInProject, type Locate, type Position } from './locate.js';
import { didYouMean } from './suggest.js';
import type { ResolvedConfig } from './types.js';
import { uniqueDiagnostics } from './unique-diagnostics.js';

export interface KnownGenerator {
  name: string;
  options: GeneratorOption[];
}

/** Diagnostics for unknown generators and unknown or ill-typed generator options, with positions. */
export function validateGenerators(config: ResolvedConfig, known: readonly KnownGenerator[], locate: Locate): Diagnostic[] {
  const names = known.map((g) => g.name);
  const diagnostics = config.projects.flatMap((project) =>
    Object.entries(project.generators).flatMap(([name, options]) => {
      const at = (keyPath: KeyPath, target: 'key' | 'value' = 'key') =>
        locateInProject(locate, project.name, ['generators', name, ...keyPath], target) ??
        locateInProject(locate, project.name, ['generators']);
      const generator = known.find((g) => g.name === name);
      if (!generator) {
        return [diagnostic('CG1002', { message: `Unknown generator "${name}".${didYouMean(name, names)}`, ...at([]) })];
      }
      return checkGeneratorOptions(generator, options, at);
    }),
  );
  return uniqueDiagnostics(diagnostics);
}

function checkGeneratorOptions(
  generator: KnownGenerator,
  options: Record<string, unknown>,
  at: (keyPath: KeyPath, target?: 'key' | 'value') => Position | undefined,
): Diagnostic[] {
  const table = [...COMMON_GENERATOR_OPTIONS, ...generator.options];
  const optionNames = table.map((o) => o.name);
  return Object.entries(options).flatMap(([key, value]) => {
    const option = table.find((o) => o.name === key);
    if (!option) {
      const message = `Unknown option "${key}" of generator "${generator.name}".${didYouMean(key, optionNames)}`;
      return [diagnostic('CG5002', { message, ...at([key]) })];
    }
    return checkValue(value, option.schema, [key]).map((problem) => {
      const where = `generators.${generator.name}.${formatKeyPath(problem.path)}`;
      const message =
        problem.kind === 'invalid'
          ? `Invalid value for "${where}": expected ${problem.expected}, got ${describeValue(problem.actual)}.`
          : problem.kind === 'unknown-key'
            ? `Unknown key "${where}".${didYouMean(String(problem.path[problem.path.length - 1]), problem.allowed)}`
            : `Missing key "${where}.${problem.key}".`;
      return diagnostic('CG5002', { message, ...at(problem.path, problem.kind === 'unknown-key' ? 'key' : 'value') });
    });
  });
}

/** The options a generator runs with: its own and the common defaults, overridden by the config. */
export function withGeneratorDefaults(generator: KnownGenerator, options: Record<string, unknown>): Record<string, unknown> {
  return withOptionDefaults<Record<string, unknown>>(generator.options, options);
}
