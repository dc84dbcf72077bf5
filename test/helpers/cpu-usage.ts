/**
 * Per-file CPU of a test run, for the suite's time budget (2 cores, CI): a setup file that
 * vitest.config.ts adds when `CODEGEN_TEST_CPU_LOG=<file>` is set, appending one line per test
 * file to that file:
 *
 * ```
 * CODEGEN_TEST_CPU_LOG=/tmp/cpu.tsv npx vitest run test/unit/mock
 * sort -t$'\t' -k2 -nr /tmp/cpu.tsv | head   # the costliest files first
 * ```
 *
 * Columns: the test file, then CPU seconds of its worker process while the file ran (from the
 * setup of the file to its last afterAll): all of it, its main thread (the tests, the analyzer,
 * Prettier), its other threads (the tsc worker of test/helpers/tsc.ts and V8's own threads,
 * which mark the heap and compile hot code concurrently: mock/typecheck alone spent 10 s on its
 * main thread, 21 s in the tsc worker and 24 s in V8's four threads), the child processes it
 * waited for (spawned CLIs, tsc), and wall seconds. CPU, not wall:
 * the two workers, and other programs, share the cores. Files share their worker (isolate: false):
 * the first file of each worker also pays for loading the modules, and a collection that a file
 * leaves behind may be paid by the next one.
 *
 * Linux only (it reads /proc); elsewhere it writes nothing.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { afterAll } from 'vitest';

const LOG = process.env['CODEGEN_TEST_CPU_LOG'];

/** CPU seconds of a /proc stat file: [own user+system, waited-for children's user+system]. */
function cpuOf(statPath: string): [number, number] {
  const text = readFileSync(statPath, 'utf8');
  // The fields after the command name (which may hold spaces), from field 3 (state) on.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ').map(Number);
  const ticksPerSecond = 100; // USER_HZ, 100 on every Linux ABI Node runs on
  return [(fields[11]! + fields[12]!) / ticksPerSecond, (fields[13]! + fields[14]!) / ticksPerSecond];
}

if (LOG && existsSync('/proc/thread-self/stat')) {
  const [processStart, childrenStart] = cpuOf('/proc/self/stat');
  const [mainStart] = cpuOf('/proc/thread-self/stat');
  const wallStart = performance.now();
  afterAll((suite) => {
    const [processEnd, childrenEnd] = cpuOf('/proc/self/stat');
    const [mainEnd] = cpuOf('/proc/thread-self/stat');
    const total = processEnd - processStart;
    const main = mainEnd - mainStart;
    const file = relative(process.cwd(), (suite as { filepath?: string }).filepath ?? '?');
    const figures = [total, main, total - main, childrenEnd - childrenStart, (performance.now() - wallStart) / 1000];
    appendFileSync(LOG, `${file}\t${figures.map((figure) => figure.toFixed(2)).join('\t')}\n`);
  });
}
