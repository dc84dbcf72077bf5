/**
 * `tsc -p <tsconfig>` without emitting, run by one TypeScript worker thread per test worker
 * (test/helpers/tsc-worker.mjs) instead of a spawned tsc: the same compiler, options and
 * messages, without paying Node's start, TypeScript's load and lib.d.ts's parse on every check.
 * `emitProject` also writes tsc's output files, for tests that then run them. Tests that need
 * tsc's exit code as a process spawn tsc themselves.
 */
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, (output: string) => void>();

/** The worker thread, started on first use; it keeps the process alive only while a check runs. */
function tscWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./tsc-worker.mjs', import.meta.url));
  started.on('message', ({ id, output }: { id: number; output: string }) => {
    pending.get(id)?.(output);
    pending.delete(id);
    if (pending.size === 0) started.unref();
  });
  started.on('error', (error) => {
    for (const done of pending.values()) done(`tsc worker failed: ${error.stack ?? error.message}`);
    pending.clear();
    worker = undefined;
  });
  worker = started;
  return started;
}

/**
 * Type-checks the project of `configPath` as `tsc -p configPath` does (its `noEmit` is implied);
 * resolves to tsc's messages, paths relative to `cwd` ('' when clean).
 */
export function checkProject(configPath: string, cwd: string = process.cwd()): Promise<string> {
  return ask(configPath, cwd, false);
}

/**
 * Compiles the project of `configPath` as `tsc -p configPath` does, writing its JavaScript (and
 * whatever else its options emit) where tsc would, even when there are errors unless the project
 * says `noEmitOnError`; resolves to tsc's messages, paths relative to `cwd` ('' when clean).
 * Costs a spawned tsc's work minus Node's start, TypeScript's load and the libs' parse (~1.5 s CPU).
 */
export function emitProject(configPath: string, cwd: string = process.cwd()): Promise<string> {
  return ask(configPath, cwd, true);
}

function ask(configPath: string, cwd: string, emit: boolean): Promise<string> {
  const thread = tscWorker();
  const id = nextId++;
  thread.ref();
  return new Promise((done) => {
    pending.set(id, done);
    thread.postMessage({ id, configPath: resolve(cwd, configPath), cwd, emit });
  });
}
