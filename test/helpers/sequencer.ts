/**
 * The order test files start in (vitest.config.ts `sequence.sequencer`): the slowest first.
 *
 * Two workers take files from one queue. Without a cache of last durations (a fresh clone, CI)
 * vitest starts the largest files first, and some of the slowest files are small: the example's
 * check, PGlite's engine suite. Started last, such a file runs alone while the other worker has
 * nothing left to do. Starting the slowest first leaves the short files to fill the end.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The slowest files, slowest first: CPU seconds (the worker's own, its threads' and its children's,
 * which share the same two cores) per file in a run of the working tree at c6f5a0a
 * (CODEGEN_TEST_CPU_LOG, test/helpers/cpu-usage.ts) stopped after its first 47 files, at a load
 * of 20-26 on the two cores with another full run beside it: 1.3 to 3.8 times ac9e452's figures
 * for the same files; the order is what counts. Files below 3.9 s are left out, among them
 * mock/property-schema (0.7) and db-runtime/postgres (0.5), listed before. The first file of each
 * worker also pays the worker's module loading (~3-5 s). A file missing here only starts later
 * than it could, and nothing fails.
 */
export const SLOWEST = [
  'test/unit/mock/typecheck.test.ts', // 35.9
  'test/unit/watch/incremental-fixtures.test.ts', // 24.2
  'test/e2e/example.test.ts', // 23.8
  'test/property/type-forms.test.ts', // 23.8
  'test/unit/emit/fast-parser.test.ts', // 22.5
  'test/e2e/plugins-and-pipes.test.ts', // 21.9 (17.4 of it spawned CLIs)
  'test/unit/crud/library.test.ts', // 21.7
  'test/e2e/cases.test.ts', // 21.1
  'test/unit/emit/layout.test.ts', // 19.7
  'test/unit/crud/sql-fixtures.test.ts', // 18.6
  'test/e2e/crash-safety.test.ts', // 18.5 (14.2 of it spawned CLIs)
  'test/unit/db-runtime/adapters.test.ts', // 17.3
  'test/e2e/bin.test.ts', // 17.2 (13.6 of it spawned CLIs)
  'test/unit/sql-runtime/pglite.engine.test.ts', // 15.7
  'test/unit/mock/local-brands-project.test.ts', // 12.7
  'test/unit/validate/extreme-types.test.ts', // 12.3
  'test/e2e/crash-safety-projects.test.ts', // 12.2 (9.3 of it spawned CLIs)
  'test/unit/analyzer/fixtures.test.ts', // 12.0
  'test/e2e/docs-commands.test.ts', // 10.9 (6.0 of it spawned CLIs)
  'test/unit/type-forms/mapped-templates.test.ts', // 9.4
  'test/e2e/line-endings.test.ts', // 8.7
  'test/unit/crud/exact-optional.test.ts', // 7.2
  'test/unit/crud/engine-values.test.ts', // 7.2
  'test/unit/emit/chunked-format.test.ts', // 5.6
  'test/unit/validate/class-validator-differential.test.ts', // 5.1
  'test/e2e/exits-by-itself.test.ts', // 4.9 (4.7 of it spawned CLIs)
  'test/unit/mock/built-forms.test.ts', // 4.4
  'test/unit/watch/watch.test.ts', // 4.0
];

/** vitest's order (last durations when cached, else size), with the files of SLOWEST moved to the front in its order. */
export class SlowestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification): number => {
      const path = file.moduleId.replaceAll('\\', '/');
      const index = SLOWEST.findIndex((slow) => path.endsWith(`/${slow}`));
      return index === -1 ? SLOWEST.length : index;
    };
    // Array.prototype.sort is stable: the other files keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
