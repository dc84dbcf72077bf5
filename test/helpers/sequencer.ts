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
 * The slowest files, slowest first (seconds on a quiet 2-core machine, CI run of d763113; a file
 * missing here only starts later than it could, and nothing fails).
 */
export const SLOWEST = [
  'test/unit/emit/fast-parser.test.ts', // 15.6 s CPU (added after that CI run; run of 7f11a08)
  'test/property/type-forms.test.ts', // 16
  'test/e2e/bin.test.ts', // 15
  'test/e2e/cases.test.ts', // 15
  'test/unit/crud/library.test.ts', // 15
  'test/e2e/plugins-and-pipes.test.ts', // 13
  'test/unit/mock/property.test.ts', // 12
  'test/unit/crud/sql-fixtures.test.ts', // 11
  'test/unit/mock/fixtures.test.ts', // 11
  'test/e2e/crash-safety.test.ts', // 10
  'test/e2e/docs-commands.test.ts', // 9
  'test/unit/db-runtime/adapters.test.ts', // 8.5
  'test/unit/mock/typecheck.test.ts', // 8
  'test/unit/mock/property-schema.test.ts', // 8
  'test/unit/validate/extreme-types.test.ts', // 7.7
  'test/unit/validate/class-validator-differential.test.ts', // 7.4
  'test/e2e/example.test.ts', // 7.2
  'test/unit/sql-runtime/pglite.engine.test.ts', // 6.7
  'test/example/swagger-ui.test.ts', // 6.5
  'test/e2e/crash-safety-projects.test.ts', // 6
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
