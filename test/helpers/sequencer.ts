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
 * The slowest files, slowest first: CPU seconds (the worker's own and its children's, which share
 * the same two cores) per file in a full run of 77241cb (setup file reading /proc/self/stat,
 * load ~20). The first file of each worker also pays the worker's module loading (~3-5 s). A
 * file missing here only starts later than it could, and nothing fails.
 */
export const SLOWEST = [
  'test/property/type-forms.test.ts', // 15.9
  'test/unit/crud/library.test.ts', // 14.1
  'test/unit/emit/fast-parser.test.ts', // 13.1
  'test/e2e/bin.test.ts', // 11.0
  'test/e2e/example.test.ts', // 10.3
  'test/unit/validate/extreme-types.test.ts', // 10.3
  'test/e2e/cases.test.ts', // 10.2
  'test/e2e/plugins-and-pipes.test.ts', // 9.0
  'test/unit/mock/typecheck.test.ts', // 8.7
  'test/e2e/crash-safety.test.ts', // 8.5
  'test/e2e/docs-commands.test.ts', // 8.3
  'test/unit/crud/sql-fixtures.test.ts', // 7.7
  'test/e2e/exits-by-itself.test.ts', // 7.4
  'test/unit/sql-runtime/pglite.engine.test.ts', // 7.1
  'test/unit/watch/incremental-fixtures.test.ts', // 9.2, ~6.5 once it stopped analysing each fixture cold
  'test/unit/mock/property-schema.test.ts', // 6.4
  'test/unit/type-forms/mapped-templates.test.ts', // 5.7
  'test/e2e/crash-safety-projects.test.ts', // 5.6
  'test/unit/validate/class-validator-differential.test.ts', // 5.2
  'test/unit/db-runtime/postgres.test.ts', // 5.1
  'test/unit/mock/built-forms.test.ts', // 4.9
  'test/unit/analyzer/fixtures.test.ts', // 4.6
  'test/e2e/line-endings.test.ts', // 4.5
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
