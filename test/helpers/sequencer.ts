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
 * which share the same two cores) per file in a full run of ac9e452 (setup file reading
 * /proc/self/stat, load ~25). The first file of each worker also pays the worker's module loading
 * (~3-5 s). A file missing here only starts later than it could, and nothing fails.
 */
export const SLOWEST = [
  'test/unit/crud/library.test.ts', // 17.2
  'test/property/type-forms.test.ts', // 16.3
  'test/e2e/example.test.ts', // 13.4
  'test/unit/emit/fast-parser.test.ts', // 13.2
  'test/e2e/bin.test.ts', // 12.8
  'test/e2e/plugins-and-pipes.test.ts', // 10.9
  'test/e2e/crash-safety.test.ts', // 10.1
  'test/unit/emit/layout.test.ts', // 9.8
  'test/e2e/exits-by-itself.test.ts', // 11.5, ~9.5 with one spawned run fewer
  'test/unit/mock/typecheck.test.ts', // 9.5
  'test/unit/validate/extreme-types.test.ts', // 9.3
  'test/unit/sql-runtime/pglite.engine.test.ts', // 8.4
  'test/unit/watch/incremental-fixtures.test.ts', // 8.1
  'test/unit/crud/sql-fixtures.test.ts', // 7.8
  'test/e2e/docs-commands.test.ts', // 7.5
  'test/e2e/cases.test.ts', // 7.0
  'test/unit/type-forms/mapped-templates.test.ts', // 6.7
  'test/unit/mock/property-schema.test.ts', // 6.6
  'test/e2e/crash-safety-projects.test.ts', // 6.2
  'test/unit/analyzer/fixtures.test.ts', // 6.0
  'test/unit/mock/local-brands-project.test.ts', // 5.4
  'test/unit/db-runtime/adapters.test.ts', // 5.0
  'test/unit/db-runtime/postgres.test.ts', // 4.5
  'test/e2e/line-endings.test.ts', // 4.2
  'test/unit/validate/class-validator-differential.test.ts', // 3.8
  'test/unit/mock/built-forms.test.ts', // 2.5
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
