/**
 * The repository comparison: per engine, agreement first, then every operation timed for every
 * contestant with tinybench, in rounds. One iteration runs a batch of calls one after the other (each
 * awaited), so the per-iteration cost of timing an async task does not flatten the ratios;
 * ops/s count calls (a `createMany` call writes 1,000 rows).
 */
import { Bench } from 'tinybench';
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
    print(`■ Repositories on ${engine.name} (in memory): ${engine.bookIds.length} books by ${engine.authorIds.length} authors`);
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
 * Rounds per operation: each runs every contestant for a share of the time budget, in an order
 * rotated by one each round, and a contestant's result is the median of its rounds. On a shared
 * machine the load changes within seconds; rotating spreads it over everyone, and the spread of
 * the rounds (shown as ±) says how far a ratio can be trusted.
 */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));

async function timeOperation(engine: BenchEngine, operation: Operation, budget: Budget): Promise<RepositoryMeasurement[]> {
  const calls = CALLS[operation];
  const rounds = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round++) {
    // Few iterations suffice for the slow operations; the time budget decides for the fast ones.
    const bench = new Bench({
      time: budget.timeMs / ROUNDS,
      warmup: round === 0,
      warmupTime: budget.warmupMs,
      iterations: 4,
      warmupIterations: 4,
      throws: true,
    });
    const order = engine.contestants.map((_, at) => engine.contestants[(at + round) % engine.contestants.length] as RepositoryContestant);
    for (const contestant of order) addTask(bench, engine, contestant, operation, calls);
    await bench.run();
    for (const task of bench.tasks) {
      const result = task.result;
      if (result.state !== 'completed') throw new Error(`${engine.name} ${operation} ${task.name}: ${result.state}`);
      const list = rounds.get(task.name) ?? [];
      list.push(result.throughput.mean * calls);
      rounds.set(task.name, list);
    }
  }
  return [...rounds].map(([library, values]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] as number;
    const spread = ((sorted[sorted.length - 1] as number) - (sorted[0] as number)) / 2;
    return { library, operation, opsPerSecond: median, marginPercent: (100 * spread) / median };
  });
}

function addTask(bench: Bench, engine: BenchEngine, contestant: RepositoryContestant, operation: Operation, calls: number): void {
  let inputs: BookCreate[] = [];
  let next = 0;
  const ids = engine.bookIds;
  const writes = operation === 'create' || operation === 'createMany 1000';
  const prepareInputs = (): void => {
    if (operation === 'create') inputs = newBooks(engine.authorIds, calls);
    else if (operation === 'createMany 1000') inputs = newBooks(engine.authorIds, BATCH);
  };
  const iteration = iterationOf(contestant, operation, calls, () => inputs, () => ids[next++ % ids.length] as string);
  if (iteration === undefined) return;
  bench.add(contestant.library, iteration, {
    beforeEach: writes ? prepareInputs : undefined,
    // Every 1,000-row batch is removed again, so each one is written into the seeded table.
    afterEach: operation === 'createMany 1000' ? () => engine.clearWritten() : undefined,
    afterAll: writes ? () => engine.clearWritten() : undefined,
  });
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
    const raw = measurements.find((m) => m.library === 'raw driver' && m.operation === operation);
    if (!own || !raw) return ['—', '', ''];
    return [formatCount(own.opsPerSecond), `±${own.marginPercent.toFixed(1)}%`, formatRatio(own.opsPerSecond / raw.opsPerSecond)];
  };
  const rows = contestants.map((c) => [c.library, ...OPERATIONS.flatMap((operation) => cells(c.library, operation))]);
  const header = ['calls/s (vs raw driver)', ...OPERATIONS.flatMap((operation) => [operation, '', ''])];
  return formatTable(header, rows);
}
