/** Timing with tinybench: each task validates a whole batch of samples per iteration. */
import { Bench } from 'tinybench';

/** A function timed over a batch of samples. */
export interface Task {
  library: string;
  run: (value: unknown) => unknown;
}

/** Validations per second of one task, with its relative margin of error (%). */
export interface Measurement {
  library: string;
  opsPerSecond: number;
  marginPercent: number;
}

/** Per-task budgets: long enough to be stable on a loaded 2-core machine. */
export interface Budget {
  timeMs: number;
  warmupMs: number;
}

// Results land here so the JIT cannot discard a validation whose answer nobody reads.
let sink = 0;

/** Times each task over `samples`; ops/s counts single validations, not batches. */
export async function measure(tasks: readonly Task[], samples: readonly unknown[], budget: Budget): Promise<Measurement[]> {
  const bench = new Bench({ time: budget.timeMs, warmupTime: budget.warmupMs, throws: true });
  for (const task of tasks) {
    const run = task.run;
    bench.add(task.library, () => {
      for (let i = 0; i < samples.length; i++) if (run(samples[i])) sink++;
    });
  }
  await bench.run();
  return bench.tasks.map((task) => {
    const result = task.result;
    if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`);
    return { library: task.name, opsPerSecond: result.throughput.mean * samples.length, marginPercent: result.throughput.rme };
  });
}

/** Read by the report so the sink stays live. */
export function sinkValue(): number {
  return sink;
}
