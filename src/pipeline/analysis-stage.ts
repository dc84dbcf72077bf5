/**
 * What a run needs once it analyses (see analysis.ts, which loads this module): the analysis of
 * each project, the generators' code and plans, the compiled templates, the emit plan's inputs.
 */
export { analyzeFiles, analyzeProject, analyzeWarm, projectRenderer } from './analyze-project.js';
export { buildProject } from './build-project.js';
export { generatorDefinitions } from './generator-definitions.js';
export { planContextFor } from './plan-context.js';
export { unknownTypeDiagnostics } from './select-outputs.js';
