/**
 * The programmatic API. The CLI is a thin reporter over these functions: they return structured
 * results (diagnostics as data, exit codes) and never print or exit.
 */
export { inspect, list, clean, init, eject } from './pipeline/index.js';
export type { RunOptions as GenerateOptions, RunResult as GenerateResult, RunMode, ProjectRun } from './pipeline/index.js';
export { loadConfig } from './config/index.js';
export type { ResolvedConfig, ProjectConfig } from './config/types.js';
export { analyze, createAnalyzer } from './analyzer/index.js';
export type { AnalyzeInput, AnalyzeResult } from './analyzer/index.js';
export { defineGenerator } from './generators/kit/contract.js';
export type * from './generators/kit/contract.js';
export { BUILTIN_GENERATORS } from './generators/index.js';
export {
  compileValidators,
  validatorRequest,
  importPath,
  importPathBetweenOutputs,
  locatedOutputPath,
  outputPathFor,
  createPlanContext,
  planGenerators,
} from './generators/index.js';
export type { CompiledValidators, CompileValidatorsOptions, ValidatorRequest, ValidatorSubject } from './generators/index.js';
export type * from './model/types.js';
export { MODEL_VERSION, STRING_FORMATS, NUMERIC_TYPES } from './model/types.js';
export * from './model/naming.js';
export type { Diagnostic, Severity } from './diagnostics/types.js';
export { CATALOGUE } from './diagnostics/catalogue.js';

import { loadAnalysis } from './pipeline/analysis.js';
import { run, type RunOptions, type RunResult } from './pipeline/index.js';

/**
 * `codegen generate` as a function. A project the no-op fast path skipped (nothing changed since
 * the last run) has its `model` analysed when read, so the analysis stage is loaded first (the
 * CLI, which never reads that model, loads it only when a run analyses).
 */
export async function generate(options: RunOptions = {}): Promise<RunResult> {
  await loadAnalysis();
  return run(options);
}

/** `codegen check` as a function: a run that writes nothing and reports outdated outputs (exit code 1). */
export function check(options: Omit<RunOptions, 'mode'> = {}): Promise<RunResult> {
  return run({ ...options, mode: 'check' });
}
