/** The validator comparison: agreement first, then is / validate timings per type. */
import { bookstoreContestants, type Contestant, type TypeContestants } from '../validators/contestants.js';
import { bookstoreSamples, countCategories, type Samples } from '../validators/samples.js';
import type { Category } from '../../examples/bookstore/src/models/category.js';
import { allAgree, checkAgreement, type Verdicts } from './agreement.js';
import { measure, type Budget, type Measurement, type Task } from './measure.js';
import { pairedRatio, type PairedRatio } from './paired.js';
import { formatCount, formatRatio, formatTable } from './table.js';

/** The three timings of one type; empty when the libraries disagreed and nothing was timed. */
export interface TypeResult {
  type: string;
  agreed: boolean;
  isValid: Measurement[];
  validateValid: Measurement[];
  validateInvalid: Measurement[];
  /** codegen's `isT` against the hand-written floor on valid data, timed in pairs. */
  floor?: PairedRatio;
  /** codegen's `validateT` against ajv (`allErrors`) on invalid data, timed in pairs. */
  invalidVsAjv?: PairedRatio;
}

/** Checks agreement, then times every contestant of every type, printing as it goes. */
export async function benchValidators(budget: Budget, print: (line: string) => void): Promise<TypeResult[]> {
  const samples = bookstoreSamples();
  const results: TypeResult[] = [];
  for (const entry of await bookstoreContestants()) {
    const typeSamples = samples[entry.type];
    print('');
    print(`■ ${entry.type}: ${describeSamples(entry.type, typeSamples)}`);
    for (const note of entry.notes) print(`  ${note}`);
    const verdicts = checkAgreement(entry.contestants, typeSamples);
    for (const line of formatAgreement(verdicts)) print(`  ${line}`);
    if (!allAgree(verdicts)) {
      print(`  ✗✗✗ THE LIBRARIES DISAGREE ON ${entry.type}: not timed. Fix the schemas or the samples. ✗✗✗`);
      results.push({ type: entry.type, agreed: false, isValid: [], validateValid: [], validateInvalid: [] });
      continue;
    }
    const result = await timeType(entry, typeSamples, budget);
    for (const line of formatTimings(result)) print(`  ${line}`);
    if (result.floor) print(`  ${formatFloor(result.floor)}`);
    if (result.invalidVsAjv) print(`  ${formatPaired('validateT / ajv allErrors (paired, invalid data)', result.invalidVsAjv, 1)}`);
    results.push(result);
  }
  return results;
}

async function timeType(entry: TypeContestants, samples: Samples, budget: Budget): Promise<TypeResult> {
  const tasks = (pick: (c: Contestant) => Task['run'] | undefined): Task[] =>
    entry.contestants.flatMap((c) => ((run) => (run ? [{ library: c.library, run }] : []))(pick(c)));
  return {
    type: entry.type,
    agreed: true,
    isValid: await measure(tasks((c) => c.is), samples.valid, budget),
    validateValid: await measure(tasks((c) => c.validate), samples.valid, budget),
    validateInvalid: await measure(tasks((c) => c.validate), samples.invalid, budget),
    floor: pairedRatio(contestantCall(entry, 'codegen', 'is'), entry.floor, samples.valid, budget),
    invalidVsAjv: pairedRatio(contestantCall(entry, 'codegen', 'validate'), contestantCall(entry, 'ajv', 'validate'), samples.invalid, budget),
  };
}

function contestantCall(entry: TypeContestants, library: string, call: 'is' | 'validate'): (value: unknown) => unknown {
  const run = entry.contestants.find((c) => c.library === library)?.[call];
  if (!run) throw new Error(`${entry.type}: no ${library} ${call}`);
  return run;
}

/** The floor target: codegen's `isT` at least 0.8× the hand-written `is`. */
export const FLOOR_TARGET = 0.8;

/** `isT / hand-written (paired): 0.93× ±2.1% over 40 samples ✓ (target ≥ 0.8×)`. */
export function formatFloor(floor: PairedRatio): string {
  return formatPaired('isT / hand-written is (paired, valid data)', floor, FLOOR_TARGET);
}

function formatPaired(label: string, paired: PairedRatio, least: number): string {
  const mark = paired.ratio >= least ? '✓' : '✗✗✗';
  return `${label}: ${paired.ratio.toFixed(2)}× ±${paired.spreadPercent.toFixed(1)}% over ${paired.samples} samples ${mark} (target ≥ ${least}×)`;
}

function describeSamples(type: string, samples: Samples): string {
  const trees = type === 'Category' ? ` (${countCategories(samples.valid[0] as Category)} nodes per tree)` : '';
  return `${samples.valid.length} valid, ${samples.invalid.length} invalid samples${trees}`;
}

function formatAgreement(verdicts: readonly Verdicts[]): string[] {
  const rows = verdicts.map((v) => [
    v.library,
    v.rejectedValid.length === 0 ? '✓ all' : `✗ rejected #${v.rejectedValid.join(', #')}`,
    v.acceptedInvalid.length === 0
      ? '✓ all'
      : `${v.informational ? '(informational)' : '✗'} accepted #${v.acceptedInvalid.join(', #')}`,
    v.issueCounts.join(' / '),
  ]);
  return formatTable(['agreement', 'valid accepted', 'invalid rejected', 'issues per invalid sample'], rows);
}

/** Columns: validations per second and speed relative to codegen (codegen = 1.00×, above is faster). */
function formatTimings(result: TypeResult): string[] {
  const libraries = [...new Set([...result.isValid, ...result.validateValid].map((m) => m.library))];
  const cells = (measurements: readonly Measurement[], library: string): string[] => {
    const own = measurements.find((m) => m.library === library);
    const codegen = measurements.find((m) => m.library === 'codegen');
    if (!own || !codegen) return ['—', '', ''];
    return [formatCount(own.opsPerSecond), `±${own.marginPercent.toFixed(1)}%`, formatRatio(own.opsPerSecond / codegen.opsPerSecond)];
  };
  const rows = libraries.map((library) => [
    library,
    ...cells(result.isValid, library),
    ...cells(result.validateValid, library),
    ...cells(result.validateInvalid, library),
  ]);
  const header = ['ops/s (vs codegen)', 'is, valid', '', '', 'validate, valid', '', '', 'validate, invalid', '', ''];
  return formatTable(header, rows);
}
