/**
 * What one generator sees of the others' plans: the planned files of the generators it `uses`,
 * with their final paths and exports, and the lookup of one export by role. The pipeline fills
 * it as it plans in dependency order; tests and plugins' tests build it with `planGenerators`.
 */
import type { PlanMemo } from './plan-memo.js';
import { posix } from 'node:path';
import type {
  CommonGeneratorOptions,
  ExportQuery,
  FoundExport,
  GeneratorDefinition,
  PlanContext,
  PlannedFile,
  PlannedOutput,
  PlanPaths,
} from './contract.js';
import type { Model } from '../../model/types.js';

/** The planned outputs of generators by name, final paths (their `output` option applied). */
export type PlannedOutputs = ReadonlyMap<string, readonly PlannedOutput[]>;

/**
 * A plan context for a generator that may look up the outputs of `uses` (none by default). A
 * lookup of a generator outside `uses` throws: its plan may not exist yet, and a silent
 * `undefined` would hide a missing `uses` entry until the order happened to change.
 */
export function createPlanContext(
  paths: PlanPaths,
  outputs: PlannedOutputs = new Map(),
  uses: readonly string[] = [...outputs.keys()],
  requests: readonly unknown[] = [],
  memo?: PlanMemo,
): PlanContext {
  const outputsOf = (generator: string): readonly PlannedOutput[] => {
    if (!uses.includes(generator)) {
      throw new Error(`looked up the outputs of "${generator}", which is not among the generators it uses (${uses.join(', ') || 'none'}); add it to \`uses\``);
    }
    return outputs.get(generator) ?? [];
  };
  return {
    inputRoot: paths.inputRoot,
    outputDir: paths.outputDir,
    outputToRoot: paths.outputToRoot,
    importExtension: paths.importExtension,
    configSource: paths.configSource,
    ...(paths.packageSpecifiers ? { packageSpecifiers: paths.packageSpecifiers } : {}),
    outputs: outputsOf,
    findExport: (generator, query) => findExport(outputsOf(generator), query),
    requests,
    ...(memo ? { memo } : {}),
  };
}

/** The export matching `query` (same role, same declaration or service, both absent for runtime exports). */
export function findExport(outputs: readonly PlannedOutput[], query: ExportQuery): FoundExport | undefined {
  for (const output of outputs) {
    for (const entry of output.exports) {
      if (entry.role !== query.role || entry.declaration !== query.declaration || entry.service !== query.service) continue;
      return { name: entry.name, path: output.path, typeOnly: entry.typeOnly ?? false };
    }
  }
  return undefined;
}

/** A generator's planned files as others see them: `output` prefixed, exports only. */
export function plannedOutputs(files: readonly PlannedFile[], options: Pick<CommonGeneratorOptions, 'output'>): PlannedOutput[] {
  return files.map((file) => ({ path: options.output ? posix.join(options.output, file.path) : file.path, exports: file.exports ?? [] }));
}

/** The generators a definition uses with these options. */
export function usedGenerators(definition: Pick<GeneratorDefinition<any>, 'uses'>, options: CommonGeneratorOptions & Record<string, unknown>): readonly string[] {
  const uses = definition.uses;
  return typeof uses === 'function' ? uses(options) : (uses ?? []);
}

/** What the generators among `runs` that use `generator` ask of it (their `requests()[generator]`). */
export function requestsFor(generator: string, model: Model, runs: readonly GeneratorRun[]): unknown[] {
  return runs.flatMap(({ generator: user, options }) => {
    if (!user.requests || !usedGenerators(user, options).includes(generator)) return [];
    let request: unknown;
    try {
      request = user.requests(model, options)[generator];
    } catch (error) {
      // Reported while planning `generator`: name the generator whose `requests` failed.
      throw new Error(`the requests of "${user.name}" failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    return request === undefined ? [] : [request];
  });
}

/** One generator with the options it runs with. */
export interface GeneratorRun {
  generator: GeneratorDefinition<any>;
  options: CommonGeneratorOptions & Record<string, unknown>;
}

/**
 * Plans `runs` in the order given (each one's used generators must come before it), each with a
 * context that sees what it uses: the pipeline's planning without its diagnostics, for tests
 * and for plugins' own tests. Returns the planned files by generator name, paths as planned.
 */
export function planGenerators(model: Model, runs: readonly GeneratorRun[], paths: PlanPaths): Map<string, PlannedFile[]> {
  const planned = new Map<string, PlannedFile[]>();
  const outputs = new Map<string, PlannedOutput[]>();
  for (const { generator, options } of runs) {
    const context = createPlanContext(paths, outputs, usedGenerators(generator, options), requestsFor(generator.name, model, runs));
    const files = generator.plan(model, options, context);
    planned.set(generator.name, files);
    outputs.set(generator.name, plannedOutputs(files, options));
  }
  return planned;
}
