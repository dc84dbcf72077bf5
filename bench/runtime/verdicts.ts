/** The two targets of the issue, judged on the measured results. */
import type { Measurement } from './measure.js';
import type { TypeResult } from './validator-bench.js';

/** One target on one type: how many times faster codegen is than the rival (below 1: slower). */
export interface Verdict {
  target: string;
  type: string;
  speedup: number | undefined;
  /** The least speedup that meets the target (default 1: at least as fast). */
  least?: number;
}

/** isT against typia's is (its equivalent), validateT on invalid data against ajv with allErrors. */
export function judgeTargets(results: readonly TypeResult[]): Verdict[] {
  return results.flatMap((result) => [
    { target: 'isT vs typia is', type: result.type, speedup: speedup(result.isValid, 'typia') },
    { target: 'validateT (invalid) vs ajv allErrors', type: result.type, speedup: speedup(result.validateInvalid, 'ajv') },
    { target: 'validateT (invalid) vs ajv (paired)', type: result.type, speedup: result.invalidVsAjv?.ratio, least: 1 },
    { target: 'isT vs hand-written (≥ 0.8×, paired)', type: result.type, speedup: result.floor?.ratio, least: 0.8 },
  ]);
}

/** Lines for the end of the report; a missed target is printed loudly. */
export function formatVerdicts(verdicts: readonly Verdict[]): string[] {
  return verdicts.map(({ target, type, speedup, least }) => {
    if (speedup === undefined) return `✗✗ ${target} on ${type}: not measured (libraries disagreed)`;
    if (least !== undefined) return `${target.padEnd(38)} ${type.padEnd(9)} ${speedup.toFixed(2)}× ${speedup >= least ? '✓' : '✗✗✗'}`;
    const how = speedup >= 1 ? `${speedup.toFixed(2)}× faster ✓` : `${(1 / speedup).toFixed(2)}× SLOWER ✗✗✗`;
    return `${target.padEnd(38)} ${type.padEnd(9)} ${how}`;
  });
}

function speedup(measurements: readonly Measurement[], rival: string): number | undefined {
  const codegen = measurements.find((m) => m.library === 'codegen');
  const other = measurements.find((m) => m.library === rival);
  return codegen && other ? codegen.opsPerSecond / other.opsPerSecond : undefined;
}
