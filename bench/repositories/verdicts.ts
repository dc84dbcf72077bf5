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
    const ops = (library: string, operation: Operation): number | undefined =>
      result.measurements.find((m: RepositoryMeasurement) => m.library === library && m.operation === operation)?.opsPerSecond;
    for (const operation of OPERATIONS) {
      const codegen = ops('codegen repository', operation);
      const raw = ops('raw driver', operation);
      if (codegen === undefined || raw === undefined) continue;
      const ratio = codegen / raw;
      const rivals = ['Kysely', 'Drizzle', 'Drizzle .prepare()'].flatMap((library) => {
        const rival = ops(library, operation);
        return rival === undefined ? [] : [`${library} ${formatSpeedup(codegen / rival)}`];
      });
      const ahead = rivals.every((text) => text.endsWith('✓'));
      const head = `${result.engine.padEnd(6)} ${operation.padEnd(21)}`;
      lines.push(`${head} ${ratio.toFixed(2)}× raw ${ratio >= RAW_TARGET ? '✓' : '✗✗✗'} (target ≥ ${RAW_TARGET}×); ${ahead ? 'ahead of all ✓' : 'BEHIND ✗✗✗'}: ${rivals.join(', ')}`);
    }
    const one = ops('codegen repository', 'create');
    const batch = ops('codegen repository', 'createMany 1000');
    if (one !== undefined && batch !== undefined) {
      const speedup = (batch * 1000) / one;
      lines.push(
        `${result.engine.padEnd(6)} createMany(1000) vs 1,000 creates: ${speedup.toFixed(1)}× faster ${speedup >= BATCH_TARGET ? '✓' : '✗✗✗'} (target ≥ ${BATCH_TARGET}×)`,
      );
    }
  }
  return lines;
}

function formatSpeedup(speedup: number): string {
  return speedup >= 1 ? `${speedup.toFixed(2)}× faster ✓` : `${(1 / speedup).toFixed(2)}× slower ✗`;
}
