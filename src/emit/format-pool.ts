/**
 * Prettier in worker threads, for runs with many outputs to format: formatting is CPU-bound and
 * independent per file, so a pool of `os.availableParallelism()` workers, each with its own
 * Prettier, formats several files at once. The main thread keeps everything else (Prettier's
 * config lookup, the format cache, error reports): a job that fails in a worker is formatted
 * again in the main thread, so a failure is reported exactly as without the pool.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * The worker: loads Prettier from the URL it is given and formats what it is sent. Inline (eval)
 * source, so the pool works from `dist/` and from the TypeScript sources (tests) alike.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const loading = import(workerData.prettier).then((module) => (typeof module.format === 'function' ? module : module.default));
parentPort.on('message', async ({ id, text, options }) => {
  try {
    const prettier = await loading;
    parentPort.postMessage({ id, formatted: await prettier.format(text, options) });
  } catch (error) {
    parentPort.postMessage({ id, failed: String((error && error.message) || error) });
  }
});
`;

export interface FormatPool {
  /** Prettier's output for `text`, or undefined when the worker failed (the caller formats it in-thread). */
  format(text: string, options: Record<string, unknown>): Promise<string | undefined>;
  /** Stops the workers. */
  close(): Promise<void>;
}

/** How many workers a pool gets on this machine: one per core, none on a single core. */
export function poolSize(): number {
  const cores = availableParallelism();
  return cores > 1 ? cores : 0;
}

interface Slot {
  worker: Worker;
  /** Jobs sent and not yet answered, by id. */
  pending: Map<number, (formatted: string | undefined) => void>;
  /** Set once the worker died: it takes no more jobs. */
  dead: boolean;
}

/** Starts `size` workers that import Prettier from `prettierUrl`. */
export function createFormatPool(prettierUrl: string, size: number): FormatPool {
  let nextId = 0;
  const slots: Slot[] = Array.from({ length: size }, () => startSlot(prettierUrl));
  return {
    async format(text, options) {
      const slot = slots.filter((candidate) => !candidate.dead).sort((a, b) => a.pending.size - b.pending.size)[0];
      if (!slot) return undefined;
      const id = nextId++;
      return new Promise((resolve) => {
        slot.pending.set(id, resolve);
        // A job in flight keeps the process alive; an idle pool does not (see startSlot).
        slot.worker.ref();
        try {
          slot.worker.postMessage({ id, text, options });
        } catch {
          // Options that cannot be sent (a plugin given as an object): formatted in-thread.
          slot.pending.delete(id);
          if (slot.pending.size === 0) slot.worker.unref();
          resolve(undefined);
        }
      });
    },
    async close() {
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}

function startSlot(prettierUrl: string): Slot {
  // The main thread's default stack (V8's ~1 MB), so a text too deep for Prettier fails the same way in both.
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { prettier: prettierUrl }, resourceLimits: { stackSizeMb: 1 } });
  const slot: Slot = { worker, pending: new Map(), dead: false };
  worker.unref();
  worker.on('message', ({ id, formatted }: { id: number; formatted?: string }) => {
    const resolve = slot.pending.get(id);
    slot.pending.delete(id);
    if (slot.pending.size === 0) worker.unref();
    resolve?.(formatted);
  });
  const fail = () => {
    slot.dead = true;
    for (const resolve of slot.pending.values()) resolve(undefined);
    slot.pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', fail);
  return slot;
}
