/**
 * The repository comparison: per engine, agreement first, then every operation timed for every
 * contestant in paired samples. One iteration runs a batch of calls one after the other (each
 * awaited), so the cost of reading the clock does not flatten the ratios;
 * ops/s count calls (a `createMany` call writes 1,000 rows).
 */
import type { Budget } from '../runtime/measure.js';
import { formatCount, formatRatio, formatTable } from '../runtime/table.js';
import { allAgree, checkAgreement, type Agreement } from './agreement.js';
import { OPERATIONS, type EngineName, type Operation, type RepositoryContestant } from './contestant.js';
import { openEngines, type BenchEngine } from './engines.js';
import { BATCH, newBooks, type BookCreate } from './fixture.js';

/** Calls per second of one contestant on one operation. */
export interface RepositoryMeasurement {
  library: string;
  operation: Operation;
  opsPerSecond: number;
  /** Median of the per-sample ratios to the raw driver's time (above 1: faster than raw). */
  ratioToRaw: number;
  marginPercent: number;
}

/** The timings on one engine; empty when the contestants disagreed. */
export interface EngineResult {
  engine: EngineName;
  agreed: boolean;
  measurements: RepositoryMeasurement[];
}

/** Calls per timed iteration: enough that one iteration takes well over the timer's overhead. */
const CALLS: Record<Operation, number> = {
  findById: 100,
  'findMany 50': 10,
  create: 20,
  'createMany 1000': 1,
  'findMany 50 + include': 10,
};

let sink = 0;

/** Opens both engines, checks agreement, times every operation, prints as it goes. */
export async function benchRepositories(budget: Budget, print: (line: string) => void): Promise<EngineResult[]> {
  const results: EngineResult[] = [];
  for (const engine of await openEngines()) {
    print('');
    print(`■ Repositories on ${engine.name} (${engine.storage}): ${engine.bookIds.length} books by ${engine.authorIds.length} authors`);
    const agreements = await checkAgreement(engine);
    for (const line of formatAgreement(agreements)) print(`  ${line}`);
    if (!allAgree(agreements)) {
      print(`  ✗✗✗ THE CONTESTANTS DISAGREE ON ${engine.name}: not timed. Fix the contestants or the fixture. ✗✗✗`);
      results.push({ engine: engine.name, agreed: false, measurements: [] });
      await engine.close();
      continue;
    }
    const measurements: RepositoryMeasurement[] = [];
    for (const operation of OPERATIONS) measurements.push(...(await timeOperation(engine, operation, budget)));
    for (const line of formatTimings(engine.contestants, measurements)) print(`  ${line}`);
    results.push({ engine: engine.name, agreed: true, measurements });
    await engine.close();
  }
  return results;
}

/**
 * Paired samples: one sample runs one iteration of every contestant back to back, in an order
 * rotated by one each sample, and is repeated until the time budget is spent. On a shared
 * machine the load changes within fractions of a second; contestants timed side by side see the
 * same load, so a contestant's ratio to the raw driver is the median of its per-sample ratios
 * (robust to a slow moment), and its ops/s the median of its samples. The ± is half the
 * interquartile range of those ratios, relative to their median.
 */
const MIN_SAMPLES = 12;
const WARMUP_SAMPLES = 3;

async function timeOperation(engine: BenchEngine, operation: Operation, budget: Budget): Promise<RepositoryMeasurement[]> {
  const calls = CALLS[operation];
  const tasks = engine.contestants.flatMap((contestant) => {
    const task = taskOf(engine, contestant, operation, calls);
    return task === undefined ? [] : [task];
  });
  const seconds = new Map<string, number[]>(tasks.map((task) => [task.library, []]));
  const ratios = new Map<string, number[]>(tasks.map((task) => [task.library, []]));
  const deadline = performance.now() + budget.warmupMs + budget.timeMs * tasks.length;
  for (let sample = 0; sample < WARMUP_SAMPLES + MIN_SAMPLES || performance.now() < deadline; sample++) {
    const took = new Map<string, number>();
    for (let at = 0; at < tasks.length; at++) {
      const task = tasks[(at + sample) % tasks.length] as Task;
      took.set(task.library, await task.time());
    }
    if (sample < WARMUP_SAMPLES) continue;
    const raw = took.get('raw driver') as number;
    for (const [library, time] of took) {
      seconds.get(library)?.push(time);
      ratios.get(library)?.push(raw / time);
    }
  }
  for (const task of tasks) await task.done();
  return tasks.map(({ library }) => {
    const ratio = quartiles(ratios.get(library) as number[]);
    return {
      library,
      operation,
      opsPerSecond: calls / quartiles(seconds.get(library) as number[]).median,
      ratioToRaw: ratio.median,
      marginPercent: (100 * (ratio.upper - ratio.lower)) / 2 / ratio.median,
    };
  });
}

function quartiles(values: readonly number[]): { lower: number; median: number; upper: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return { lower: at(0.25), median: at(0.5), upper: at(0.75) };
}

/** One contestant's iteration on one operation, timed in seconds with its set-up and clean-up outside the timing. */
interface Task {
  library: string;
  time(): Promise<number>;
  done(): Promise<void>;
}

function taskOf(engine: BenchEngine, contestant: RepositoryContestant, operation: Operation, calls: number): Task | undefined {
  let inputs: BookCreate[] = [];
  let next = 0;
  const ids = engine.bookIds;
  const writes = operation === 'create' || operation === 'createMany 1000';
  const iteration = iterationOf(contestant, operation, calls, () => inputs, () => ids[next++ % ids.length] as string);
  if (iteration === undefined) return undefined;
  return {
    library: contestant.library,
    time: async () => {
      if (operation === 'create') inputs = newBooks(engine.authorIds, calls);
      else if (operation === 'createMany 1000') inputs = newBooks(engine.authorIds, BATCH);
      const start = performance.now();
      await iteration();
      const seconds = (performance.now() - start) / 1000;
      // Every 1,000-row batch is removed again, so each one is written into the seeded table.
      if (operation === 'createMany 1000') await engine.clearWritten();
      return seconds;
    },
    done: async () => {
      if (writes) await engine.clearWritten();
    },
  };
}

function iterationOf(
  contestant: RepositoryContestant,
  operation: Operation,
  calls: number,
  inputs: () => readonly BookCreate[],
  nextId: () => string,
): (() => Promise<void>) | undefined {
  switch (operation) {
    case 'findById':
      return async () => {
        for (let i = 0; i < calls; i++) if ((await contestant.findById(nextId())) !== undefined) sink++;
      };
    case 'findMany 50':
      return async () => {
        for (let i = 0; i < calls; i++) sink += (await contestant.findPage()).length;
      };
    case 'create':
      return async () => {
        for (const input of inputs()) if ((await contestant.create(input)).id) sink++;
      };
    case 'createMany 1000': {
      const createMany = contestant.createMany;
      if (createMany === undefined) return undefined;
      return async () => {
        sink += (await createMany(inputs())).length;
      };
    }
    case 'findMany 50 + include':
      return async () => {
        for (let i = 0; i < calls; i++) sink += (await contestant.findPageWithAuthor()).length;
      };
  }
}

/** Read by the report so the sink stays live. */
export function repositorySinkValue(): number {
  return sink;
}

function formatAgreement(agreements: readonly Agreement[]): string[] {
  const rows = agreements.map((agreement) => [
    agreement.library,
    ...OPERATIONS.map((operation) => (agreement.differences[operation] === undefined ? '✓' : '✗')),
  ]);
  const lines = formatTable(['agreement with the raw driver', ...OPERATIONS], rows);
  for (const agreement of agreements) {
    for (const operation of OPERATIONS) {
      const difference = agreement.differences[operation];
      if (difference !== undefined) lines.push(`✗ ${agreement.library}, ${operation}: ${difference}`);
    }
  }
  return lines;
}

/** Rows: contestants; columns: per operation, calls/s and the ratio to the raw driver (above 1: faster than raw). */
export function formatTimings(contestants: readonly { library: string }[], measurements: readonly RepositoryMeasurement[]): string[] {
  const cells = (library: string, operation: Operation): string[] => {
    const own = measurements.find((m) => m.library === library && m.operation === operation);
    if (!own) return ['—', '', ''];
    return [formatCount(own.opsPerSecond), `±${own.marginPercent.toFixed(1)}%`, formatRatio(own.ratioToRaw)];
  };
  const rows = contestants.map((c) => [c.library, ...OPERATIONS.flatMap((operation) => cells(c.library, operation))]);
  const header = ['calls/s (vs raw driver)', ...OPERATIONS.flatMap((operation) => [operation, '', ''])];
  return formatTable(header, rows);
}
