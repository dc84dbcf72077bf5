import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { builtSources } from './test/helpers/built-sources.js';
import { SlowestFirstSequencer } from './test/helpers/sequencer.js';

const SRC_DIR = fileURLToPath(new URL('./src/', import.meta.url));
const DIST_DIR = fileURLToPath(new URL('./dist/', import.meta.url));
/** Files of the built CLI (dist/), which e2e tests run in-process (test/helpers/cli.ts). */
const DIST = new RegExp(`^${DIST_DIR.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

export default defineConfig({
  // Tests' imports of src/ load dist/ when the build is up to date (test/helpers/built-sources.ts):
  // one copy of each module per worker, loaded by Node, shared with the in-process CLI.
  plugins: [builtSources(SRC_DIR, DIST_DIR)],
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['node_modules/**', 'test/.tmp/**', 'test/fixtures/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Spawned CLIs and tsc runs are heavy; two workers match the CI machine's two cores. Test
    // files share their worker's modules (isolate: false): loading TypeScript, ts-morph and
    // Prettier once per worker rather than once per file saves a third of the suite's time, and
    // no test relies on fresh module state (each makes its own folders, databases and servers).
    //
    // --single-threaded-gc: V8 collects on the thread that allocates instead of handing marking and
    // scavenging to helper threads. The two workers already keep both cores busy, so a helper
    // thread mostly waits for a core while the main thread waits for it (and it competes with the
    // other worker): same CPU, less wall time. Four heavy files (cases, sql-fixtures, analyzer and
    // incremental fixtures) and two others (mock/typecheck, emit/layout), alternating, load 2-13.
    //
    // --interrupt-budget=1000000 (Node 20's V8: 67,584 bytes of bytecode run): a function is
    // compiled by TurboFan (on background threads) after about 15 times as much work. A test worker runs
    // much code (TypeScript's checker, the analyzer, Prettier, every generator) a moderate number
    // of times, and a quarter to a third of its CPU was that background compilation (/proc per
    // thread: 23 of 98 s over test/unit/type-forms); code that stays hot is still optimized, a
    // little later. An optimization threshold only: same semantics. Spawned CLIs are not affected.
    poolOptions: { forks: { maxForks: 2, minForks: 1, isolate: false, execArgv: ['--single-threaded-gc', '--interrupt-budget=1000000'] } },
    maxConcurrency: 3,
    // Prettier's worker pool off (src/emit/format-pool.ts): in a CLI run with 8+ outputs it starts
    // one thread per core, each loading Prettier cold (~0.4 s CPU apiece), while the two test
    // workers already keep both cores busy and their own Prettier is loaded and warm. Same output
    // (same Prettier, same options): format-pool.test.ts compares the pool with the main thread,
    // and the bundled example's `codegen check` runs with the pool (withFormatWorkers).
    env: { CODEGEN_FORMAT_WORKERS: '0' },
    pool: 'forks',
    // CODEGEN_TEST_CPU_LOG=<file>: each test file's CPU (main thread, other threads, children)
    // appended to <file> (test/helpers/cpu-usage.ts), to find where the suite's time goes.
    setupFiles: process.env['CODEGEN_TEST_CPU_LOG'] ? ['./test/helpers/cpu-usage.ts'] : [],
    // The slowest files first, so none starts last while the other worker idles (test/helpers/sequencer.ts).
    sequence: { sequencer: SlowestFirstSequencer },
    // The built CLI runs in-process as the bin runs it: loaded by Node itself, not transformed by
    // Vite, so its dynamic imports (plugins, the project's own Prettier) behave as in the bin.
    server: { deps: { external: [DIST] } },
  },
});
