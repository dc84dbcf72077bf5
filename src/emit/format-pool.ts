/**
 * Prettier in worker threads, for runs with many outputs to format: formatting is CPU-bound and
 * independent per file, so a pool of `os.availableParallelism()` workers, each with its own
 * Prettier, formats several files at once. The main thread keeps everything else (Prettier's
 * config lookup, the format cache, error reports): a job that fails in a worker is formatted
 * again in the main thread, so a failure is reported exactly as without the pool.
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LayoutOptions } from './layout/options.js';

/**
 * The compiled layout printer the workers import (dist/emit/layout/entry.js); absent when codegen
 * runs from its TypeScript sources (tests), where the workers use Prettier alone.
 */
function layoutModuleUrl(): string | undefined {
  const url = new URL('./layout/entry.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url.href : undefined;
}

/**
 * The worker: loads Prettier from the URL it is given and formats what it is sent. Inline (eval)
 * source, so the pool works from `dist/` and from the TypeScript sources (tests) alike.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const loading = import(workerData.prettier).then((module) => (typeof module.format === 'function' ? module : module.default));
const layoutLoading = workerData.layout
  ? import(workerData.layout)
      .then((module) => {
        if (workerData.preload) module.preload?.();
        return module;
      })
      .catch(() => undefined)
  : Promise.resolve(undefined);
parentPort.on('message', async ({ id, text, options, layout }) => {
  try {
    const prettier = await loading;
    const printer = layout && prettier.doc ? await layoutLoading : undefined;
    const printed = printer ? await printer.printWithLayout(text, layout, prettier.doc) : undefined;
    if (printed !== undefined) return parentPort.postMessage({ id, formatted: printed, layout: true });
    parentPort.postMessage({ id, formatted: await prettier.format(text, options) });
  } catch (error) {
    parentPort.postMessage({ id, failed: String((error && error.message) || error) });
  }
});
`;

export interface FormatPool {
  /**
   * Prettier's output for `text`, or undefined when the worker failed (the caller formats it
   * in-thread). `layout`: the options of the layout printer (layout/), tried first where given.
   */
  format(text: string, options: Record<string, unknown>, layout?: LayoutOptions): Promise<string | undefined>;
  /** How many texts the workers' layout printer printed (the rest went to Prettier). */
  readonly printedByLayout: number;
  /**
   * Stops the workers and waits until each has exited. Jobs still queued or in flight resolve
   * undefined (the caller formats them in-thread), and so does every `format` after it: a closed
   * pool never starts or keeps a worker. Safe to call more than once.
   */
  close(): Promise<void>;
  /** The pool's worker threads (tests watch them exit). */
  readonly workers: readonly Worker[];
}

/** How many workers a pool gets on this machine: one per core, none on a single core. */
export function poolSize(): number {
  const cores = availableParallelism();
  return cores > 1 ? cores : 0;
}

/**
 * How much text (characters) may wait in one worker beyond the job it is on: enough for about a
 * second of work, so the workers go on while the main thread is busy (planning the next
 * generator) and cannot send them more, and little enough that the pool still evens out the load.
 */
const WORKER_BACKLOG = 400_000;

interface Slot {
  worker: Worker;
  /** The jobs sent and not yet answered, by id, with their length. */
  pending: Map<number, { resolve: (formatted: string | undefined) => void; length: number }>;
  /** The characters of the pending jobs. */
  backlog: number;
  /** Set once the worker died: it takes no more jobs. */
  dead: boolean;
}

export interface FormatPoolOptions {
  /**
   * The workers load what printing TypeScript needs (the layout printer's TypeScript) as they
   * start, not with their first text: for a pool started ahead of its texts (a cold run starts
   * it before analysing, so the loading runs on a core the analysis leaves idle).
   */
  preload?: boolean;
}

/**
 * Starts `size` workers that import Prettier from `prettierUrl`. A job goes to the worker with
 * the least text pending, up to `WORKER_BACKLOG` characters beyond its first job; the others wait
 * here, so a text is copied to a worker shortly before it is formatted there.
 */
export function createFormatPool(prettierUrl: string, size: number, options: FormatPoolOptions = {}): FormatPool {
  let nextId = 0;
  let closing: Promise<void> | undefined;
  const counts = { layout: 0 };
  const layoutUrl = layoutModuleUrl();
  const slots: Slot[] = Array.from({ length: size }, () => startSlot({ prettier: prettierUrl, layout: layoutUrl, preload: options.preload === true }, counts, () => dispatch()));
  const queue: { text: string; options: Record<string, unknown>; layout?: LayoutOptions; resolve: (formatted: string | undefined) => void }[] = [];
  const dispatch = (): void => {
    if (closing) {
      for (const job of queue.splice(0)) job.resolve(undefined);
      return;
    }
    while (queue.length > 0) {
      let slot: Slot | undefined;
      for (const candidate of slots) if (!candidate.dead && (!slot || candidate.backlog < slot.backlog)) slot = candidate;
      if (!slot || (slot.pending.size > 0 && slot.backlog + queue[0]!.text.length > WORKER_BACKLOG)) break;
      const job = queue.shift()!;
      const id = nextId++;
      slot.pending.set(id, { resolve: job.resolve, length: job.text.length });
      slot.backlog += job.text.length;
      // A job in flight keeps the process alive; an idle pool does not (see startSlot).
      slot.worker.ref();
      try {
        slot.worker.postMessage({ id, text: job.text, options: job.options, layout: job.layout });
      } catch {
        // Options that cannot be sent (a plugin given as an object): formatted in-thread.
        slot.pending.delete(id);
        slot.backlog -= job.text.length;
        if (slot.pending.size === 0) slot.worker.unref();
        job.resolve(undefined);
      }
    }
    // Every worker died: what waits is formatted in-thread.
    if (slots.every((slot) => slot.dead)) for (const job of queue.splice(0)) job.resolve(undefined);
  };
  return {
    format(text, options, layout) {
      if (closing) return Promise.resolve(undefined);
      return new Promise((resolve) => {
        queue.push({ text, options, layout, resolve });
        dispatch();
      });
    },
    close() {
      closing ??= (async () => {
        dispatch();
        // terminate() ends a worker even mid-job; its 'exit' resolves what it held (startSlot).
        await Promise.all(slots.map((slot) => slot.worker.terminate()));
      })();
      return closing;
    },
    workers: slots.map((slot) => slot.worker),
    get printedByLayout() {
      return counts.layout;
    },
  };
}

/**
 * Each worker's young generation: 64 MB semi-spaces (V8 sizes it at three semi-spaces), four times
 * Node's default, as watch mode's process has (src/watch/node-flags.ts). Prettier's documents and
 * printed strings are short-lived; with smaller semi-spaces more of them are promoted and then
 * collected again in the old generation. A worker's heap is set up when it starts, so the one-shot
 * `generate` gets it here without a second process. Costs up to ~100 MB more memory per worker.
 */
const WORKER_YOUNG_GENERATION_MB = 192;

function startSlot(workerData: { prettier: string; layout: string | undefined; preload: boolean }, counts: { layout: number }, onIdle: () => void): Slot {
  // The main thread's default stack (V8's ~1 MB), so a text too deep for Prettier fails the same way in both.
  const resourceLimits = { stackSizeMb: 1, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB };
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData, resourceLimits });
  const slot: Slot = { worker, pending: new Map(), backlog: 0, dead: false };
  worker.on('message', ({ id, formatted, layout }: { id: number; formatted?: string; layout?: boolean }) => {
    if (layout) counts.layout += 1;
    const job = slot.pending.get(id);
    slot.pending.delete(id);
    if (job) slot.backlog -= job.length;
    if (slot.pending.size === 0) worker.unref();
    job?.resolve(formatted);
    onIdle();
  });
  const fail = () => {
    slot.dead = true;
    for (const job of slot.pending.values()) job.resolve(undefined);
    slot.pending.clear();
    slot.backlog = 0;
    onIdle();
  };
  worker.on('error', fail);
  worker.on('exit', fail);
  // Only after the listeners: Node refs a worker's message port again when its first 'message'
  // listener is added, so a worker unref'd before it and never given a job (a pool of two that
  // got one job) kept the process alive after a run had finished: `codegen generate` never exited.
  worker.unref();
  return slot;
}
