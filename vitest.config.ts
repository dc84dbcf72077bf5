import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['node_modules/**', 'test/.tmp/**', 'test/fixtures/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Spawned CLIs and tsc runs are heavy; two workers match the CI machine's two cores.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    maxConcurrency: 3,
    pool: 'forks',
  },
});
