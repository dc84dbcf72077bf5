/**
 * The one boundary between what every run loads and what only a run that analyses needs.
 *
 * A run starts with the config, the plugins, the build-info record and the manifests (the CLI's
 * own modules and a few small libraries). Analysing, planning, rendering and formatting bring the
 * analyzer with ts-morph and TypeScript, the built-in generators' code and Handlebars, which cost
 * more to load than a no-op run costs in all: they are in analysis-stage.ts, which a run loads
 * (`await loadAnalysis()`) once it has decided it must analyse. A run the fast path skips
 * (build-info.ts) never loads it; test/e2e/no-op-imports.test.ts holds that line.
 */
import type * as Stage from './analysis-stage.js';

export type AnalysisStage = typeof Stage;

let loaded: AnalysisStage | undefined;

/** The analysis stage, loaded on the first call. */
export async function loadAnalysis(): Promise<AnalysisStage> {
  loaded ??= await import('./analysis-stage.js');
  return loaded;
}

/** The analysis stage if a run of this process has loaded it (a sync reader that must not load it itself). */
export function loadedAnalysis(): AnalysisStage | undefined {
  return loaded;
}
