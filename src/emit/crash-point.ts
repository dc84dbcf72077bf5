/**
 * A test-only hook to prove crash safety without relying on timing: with
 * `CODEGEN_TEST_CRASH_AT=<step>[:<n>]` in the environment of a CLI run, the process kills itself
 * with SIGKILL (as `kill -9` would) the n-th time (default: the first) that run passes `step`.
 * Without the variable it does nothing. The steps are named in apply.ts.
 *
 * The environment is the run's, not the process's: the CLI's `main` runs each command inside
 * `withCrashPoints(env, …)` (an AsyncLocalStorage, so apply.ts needs no parameter for a test
 * hook), which lets a test run the CLI in-process with its own environment, and gives each run
 * its own count of passages. Outside such a run (the programmatic API) no step ever kills.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

interface CrashContext {
  /** The step and passage to die at (`rename:2`), or undefined. */
  wanted: string | undefined;
  passages: Map<string, number>;
}

const context = new AsyncLocalStorage<CrashContext>();

/** Runs `body` with the crash hook of `env` (`CODEGEN_TEST_CRASH_AT`). */
export function withCrashPoints<T>(env: Record<string, string | undefined>, body: () => T): T {
  return context.run({ wanted: env['CODEGEN_TEST_CRASH_AT'], passages: new Map() }, body);
}

/** Marks a point between two steps of the commit; may not return when a test asked for a kill here. */
export function crashPoint(step: string): void {
  const run = context.getStore();
  const wanted = run?.wanted;
  if (run === undefined || wanted === undefined || wanted === '') return;
  const [name, nth = '1'] = wanted.split(':');
  if (name !== step) return;
  const count = (run.passages.get(step) ?? 0) + 1;
  run.passages.set(step, count);
  if (count === Number(nth)) process.kill(process.pid, 'SIGKILL');
}
