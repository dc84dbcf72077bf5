/**
 * When watch mode builds: changes are collected for `debounceMs` after the last one (an editor's
 * save is often several events: write, rename, chmod), then one build runs with all of them.
 * Changes that arrive while a build runs are queued: they make exactly one more build once it
 * ends, however many there were. Builds never overlap, the first (full) one included: it runs
 * through `exclusive`, so changes seen while it runs wait for it. The timer is injectable for tests.
 */

export interface Timer {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimer: Timer = { set: (run, ms) => setTimeout(run, ms), clear: (handle) => clearTimeout(handle as NodeJS.Timeout) };

export interface RebuildQueue {
  /** Notes a changed file (absolute path); a build follows once the changes settle. */
  add(file: string): void;
  /**
   * Runs `task` (the first build) in the build slot: changes noted meanwhile build once it ends.
   * Its errors are the caller's.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  /** Resolves once no build is running or due (pending changes are dropped). */
  stop(): Promise<void>;
  /** Whether a build is running or waiting for its quiet period to end. */
  busy(): boolean;
}

/** `build` receives the changed files; its errors are its own to report (they never stop the queue). */
export function createRebuildQueue(
  build: (files: string[]) => Promise<void>,
  /** Read at each change: a reloaded config may set another `debounce`. */
  debounceMs: () => number,
  timer: Timer = realTimer,
): RebuildQueue {
  let pending = new Set<string>();
  let waiting: unknown;
  let running: Promise<void> | undefined;
  let stopped = false;

  /** Holds the build slot while `work` runs. */
  const occupy = (work: Promise<unknown>) => {
    running = work
      .then(() => undefined, () => undefined)
      .finally(() => {
        running = undefined;
        // Changes that came in meanwhile: one more build, after the same quiet period.
        if (pending.size > 0 && !stopped) waiting = timer.set(start, debounceMs());
      });
  };

  const start = () => {
    waiting = undefined;
    if (stopped || running || pending.size === 0) return;
    const files = [...pending].sort();
    pending = new Set();
    occupy(build(files));
  };

  return {
    add(file) {
      if (stopped) return;
      pending.add(file);
      if (running) return; // the build's end schedules the next one
      if (waiting !== undefined) timer.clear(waiting);
      waiting = timer.set(start, debounceMs());
    },
    async exclusive(task) {
      while (running) await running;
      const work = task();
      occupy(work);
      return work;
    },
    busy: () => running !== undefined || waiting !== undefined,
    async stop() {
      stopped = true;
      if (waiting !== undefined) timer.clear(waiting);
      waiting = undefined;
      pending.clear();
      await running;
    },
  };
}
