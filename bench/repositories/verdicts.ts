/** The three repository targets, judged per engine and operation on the measured results. */
import { OPERATIONS, type Operation } from './contestant.js';
import type { EngineResult, RepositoryMeasurement } from './repository-bench.js';

/** Throughput through the repository against the raw driver's, measured in the same run. */
const RAW_TARGET = 0.9;
/** createMany(1000) against 1,000 creates. */
const BATCH_TARGET = 10;

/** Lines for the end of the report; a missed target is printed loudly. */
export function formatRepositoryVerdicts(results: readonly EngineResult[]): string[] {
  const lines: string[] = [];
  for (const result of results) {
    if (!result.agreed) {
      lines.push(`✗✗ repositories on ${result.engine}: not measured (the contestants disagreed)`);
      continue;
    }
    const find = (library: string, operation: Operation): RepositoryMeasurement | undefined =>
      result.measurements.find((m) => m.library === library && m.operation === operation);
    const ops = (library: string, operation: Operation): number | undefined => find(library, operation)?.opsPerSecond;
    const ratio = (library: string, operation: Operation): number | undefined => find(library, operation)?.ratioToRaw;
    for (const operation of OPERATIONS) {
      const codegen = ratio('codegen repository', operation);
      if (codegen === undefined) continue;
      const rivals = ['Kysely', 'Drizzle', 'Drizzle .prepare()'].flatMap((library) => {
        const rival = ratio(library, operation);
        return rival === undefined ? [] : [`${library} ${formatSpeedup(codegen / rival)}`];
      });
      const ahead = rivals.every((text) => text.endsWith('✓'));
      const head = `${result.engine.padEnd(11)} ${operation.padEnd(21)}`;
      lines.push(`${head} ${codegen.toFixed(2)}× raw ${codegen >= RAW_TARGET ? '✓' : '✗✗✗'} (target ≥ ${RAW_TARGET}×); ${ahead ? 'ahead of all ✓' : 'BEHIND ✗✗✗'}: ${rivals.join(', ')}`);
    }
    const batchSpeedup = (library: string): number | undefined => {
      const one = ops(library, 'create');
      const batch = ops(library, 'createMany 1000');
      return one === undefined || batch === undefined ? undefined : (batch * 1000) / one;
    };
    const speedup = batchSpeedup('codegen repository');
    const rawSpeedup = batchSpeedup('raw driver');
    if (speedup !== undefined && rawSpeedup !== undefined) {
      // The raw driver's own multi-row INSERT against its own single INSERTs is the most any
      // library can reach on this engine: shown beside the target so a miss can be told apart.
      lines.push(
        `${result.engine.padEnd(11)} createMany(1000) vs 1,000 creates: ${speedup.toFixed(1)}× faster ${speedup >= BATCH_TARGET ? '✓' : '✗✗✗'} (target ≥ ${BATCH_TARGET}×; the raw driver's own multi-row INSERT: ${rawSpeedup.toFixed(1)}×)`,
      );
    }
  }
  return lines;
}

function formatSpeedup(speedup: number): string {
  return speedup >= 1 ? `${speedup.toFixed(2)}× faster ✓` : `${(1 / speedup).toFixed(2)}× slower ✗`;
}
