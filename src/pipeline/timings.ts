/** Phase timings for `-v` and the summary line; the clock is injectable for tests. */

export type Phase = 'config' | 'analyze' | 'plan' | 'render' | 'format' | 'emit';

/** Where a run is, for a progress line on a terminal: `done` of `total` items of a phase. */
export interface Progress {
  phase: Phase;
  done: number;
  total: number;
}

export type ProgressListener = (progress: Progress) => void;

export class Timings {
  readonly phases: Partial<Record<Phase, number>> = {};

  constructor(private readonly now: () => number = () => performance.now()) {}

  measure<T>(phase: Phase, run: () => T): T {
    const start = this.now();
    try {
      return run();
    } finally {
      this.add(phase, this.now() - start);
    }
  }

  async measureAsync<T>(phase: Phase, run: () => Promise<T>): Promise<T> {
    const start = this.now();
    try {
      return await run();
    } finally {
      this.add(phase, this.now() - start);
    }
  }

  total(): number {
    return Object.values(this.phases).reduce((sum, value) => sum + value, 0);
  }

  private add(phase: Phase, elapsed: number): void {
    this.phases[phase] = (this.phases[phase] ?? 0) + elapsed;
  }
}
