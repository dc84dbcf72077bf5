/** `codegen inspect`: the analysed model of each project, as templates see it. */
import { hasErrors, type Diagnostic } from '../diagnostics/types.js';
import type { Model } from '../model/types.js';
import { unknownTypeDiagnostics } from './select-outputs.js';
import { loadAnalysis } from './analysis.js';
import { openSession } from './session.js';
import { Timings } from './timings.js';

export interface InspectOptions {
  cwd?: string;
  config?: string;
  projects?: string[];
  /** Only these declarations and services (by name). */
  types?: string[];
  env?: Record<string, string | undefined>;
}

export interface InspectResult {
  exitCode: 0 | 2;
  models: { project: string; model: Model }[];
  diagnostics: Diagnostic[];
}

/** Analyses each project and returns its model (filtered by `types` when given). */
export async function inspect(options: InspectOptions = {}): Promise<InspectResult> {
  const diagnostics: Diagnostic[] = [];
  const timings = new Timings();
  const cwd = options.cwd ?? process.cwd();
  const session = await openSession({ cwd, config: options.config, projects: options.projects, env: options.env }, timings, diagnostics);
  if (!session) return { exitCode: 2, models: [], diagnostics };
  const { analyzeProject } = await loadAnalysis();
  const models: InspectResult['models'] = [];
  for (const project of session.projects) {
    const analysed = await analyzeProject(session, project, timings, diagnostics);
    if (!analysed) continue;
    const unknown = unknownTypeDiagnostics(analysed.analysis.model, options.types ?? [], project.name);
    diagnostics.push(...unknown);
    // A misspelt --type prints its error, not a model with the type missing.
    if (unknown.length === 0) models.push({ project: project.name, model: onlyTypes(analysed.analysis.model, options.types ?? []) });
  }
  return { exitCode: hasErrors(diagnostics) ? 2 : 0, models, diagnostics };
}

function onlyTypes(model: Model, names: readonly string[]): Model {
  if (names.length === 0) return model;
  const wanted = new Set(names);
  return {
    ...model,
    declarations: model.declarations.filter((d) => wanted.has(d.name)),
    entities: model.entities.filter((e) => wanted.has(e.name)),
    services: model.services.filter((s) => wanted.has(s.name)),
  };
}
