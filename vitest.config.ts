import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['node_modules/**', 'test/.tmp/**', 'test/fixtures/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Spawned CLIs and tsc runs are heavy; two workers match the CI machine's two cores. Test
    // files share their worker's modules (isolate: false): loading TypeScript, ts-morph and
    // Prettier once per worker rather than once per file saves a third of the suite's time, and
    // no test relies on fresh module state (each makes its own folders, databases and servers).
    poolOptions: { forks: { maxForks: 2, minForks: 1, isolate: false } },
    maxConcurrency: 3,
    pool: 'forks',
  },
});
