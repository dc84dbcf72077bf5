/**
 * Checking `generators:` once the generators are known (built-in ones and plugins): unknown
 * generator names (CG1002, with a suggestion) and unknown or ill-typed options (CG5002).
 */
import { posix } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { unsafeInOutputName } from '../generators/kit/output-paths.js';
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
  /** `false`: the generator names its files itself, so `split` and `fileName` do nothing (see the generator contract). */
  namesFilesByPattern?: boolean;
  /** The generator writes TypeScript modules named by `fileName`: the pattern must end in `.ts`, `.mts` or `.cts`. */
  writesTypeScript?: boolean;
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
    const problems = checkValue(value, option.schema, [key]);
    if (problems.length === 0) {
      const wrong = pathOptionProblem(generator, key, value);
      if (wrong === undefined) return [];
      const message = wrong.unused ? `Option "${key}" of generator "${generator.name}" ${wrong.message}` : `Invalid value for "generators.${generator.name}.${key}": ${wrong.message}`;
      return [diagnostic('CG5002', { message, hint: wrong.hint, ...at([key], wrong.unused ? 'key' : 'value') })];
    }
    return problems.map((problem) => {
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

/** Options naming files and folders below the output folder, by generator (`*`: every generator). */
const PATH_OPTIONS: Record<string, Record<string, 'file' | 'folder'>> = {
  '*': { fileName: 'file', output: 'folder' },
  sql: { schemaFileName: 'file' },
};

const OUTSIDE_HINT = 'Paths of generated files are relative to the output folder and stay inside it: give the generator its own folder with `output` (a folder below the project\'s output), or move the project\'s `output`.';

/**
 * What is wrong with a path option the option table accepted: one that leaves the output folder
 * (`../x.ts`, an absolute path), names no file, holds a character an import cannot carry, or
 * (for a generator of TypeScript modules) does not end in a TypeScript extension; and `split` or
 * `fileName` given to a generator that names its files itself. Checked when the config is
 * validated, at the option's position, so nothing is planned or written with it.
 */
function pathOptionProblem(generator: KnownGenerator, key: string, value: unknown): { message: string; hint: string; unused?: true } | undefined {
  if ((key === 'split' || key === 'fileName') && generator.namesFilesByPattern === false) {
    return {
      message: `would do nothing: ${generator.name} names its files itself.`,
      unused: true,
      hint: `Remove "${key}"; "output" chooses the folder of the generator's files (see docs/config.md).`,
    };
  }
  const kind = PATH_OPTIONS['*']![key] ?? PATH_OPTIONS[generator.name]?.[key];
  if (kind === undefined || typeof value !== 'string') return undefined;
  const shown = JSON.stringify(value);
  if (/^[\\/]/.test(value) || /^[A-Za-z]:/.test(value)) {
    return { message: `${shown} is an absolute path; it must be relative to the output folder.`, hint: OUTSIDE_HINT };
  }
  const unsafe = unsafeInOutputName(value);
  if (unsafe) {
    return { message: `${shown} holds ${unsafe}, which an import of the file cannot carry.`, hint: 'Use letters, digits, `-`, `_`, `.` and `/` in output names.' };
  }
  // `{dir}` is `.` for a file at the input base, so a pattern that climbs from there leaves the folder.
  const filled = value.replace(/\{dir\}/g, '.').replace(/\{(name|dialect)\}/g, 'x');
  const normalised = posix.normalize(filled);
  if (normalised === '..' || normalised.startsWith('../')) {
    return { message: `${shown} leads outside the output folder.`, hint: OUTSIDE_HINT };
  }
  if (kind === 'folder') return undefined;
  if (normalised === '.' || value.endsWith('/') || /(^|\/)\.{1,2}$/.test(value)) {
    return { message: `${shown} names a folder, not a file.`, hint: `Give a file name pattern such as "{dir}/{name}.${generator.name}.ts".` };
  }
  if (key === 'fileName' && generator.writesTypeScript && (!/\.[cm]?ts$/.test(value) || /\.d\.[cm]?ts$/.test(value))) {
    return {
      message: `${shown} does not end in .ts, .mts or .cts, but the file holds TypeScript (a .js or .d.ts name would hold code tsc reads as JavaScript or refuses).`,
      hint: `End the pattern in ".ts", e.g. "{dir}/{name}.${generator.name}.ts".`,
    };
  }
  return undefined;
}
