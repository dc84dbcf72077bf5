/**
 * A test-only hook to prove crash safety without relying on timing: with
 * `CODEGEN_TEST_CRASH_AT=<step>[:<n>]` in the environment, the process kills itself with SIGKILL
 * (as `kill -9` would) the n-th time (default: the first) it passes `step`. Without the variable
 * it does nothing. The steps are named in apply.ts.
 */
const passages = new Map<string, number>();

/** Marks a point between two steps of the commit; may not return when a test asked for a kill here. */
export function crashPoint(step: string): void {
  const wanted = process.env['CODEGEN_TEST_CRASH_AT'];
  if (wanted === undefined || wanted === '') return;
  const [name, nth = '1'] = wanted.split(':');
  if (name !== step) return;
  const count = (passages.get(step) ?? 0) + 1;
  passages.set(step, count);
  if (count === Number(nth)) process.kill(process.pid, 'SIGKILL');
}
