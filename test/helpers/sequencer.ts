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
 * which share the same two cores) per file in a full run of d0a301c (CODEGEN_TEST_CPU_LOG,
 * test/helpers/cpu-usage.ts) on a machine at load 8-21 (other runs beside it), so the figures are
 * inflated; the order is what counts. Files below 5.5 s are left out. Chromium's CPU (the two
 * swagger-ui files) is not all counted: each takes ~13 s of wall time on a quiet machine. The
 * first file of each worker also pays the worker's module loading (~3-5 s). A file missing here
 * only starts later than it could, and nothing fails.
 */
export const SLOWEST = [
  'test/unit/crud/library.test.ts', // 29.6
  'test/unit/mock/typecheck.test.ts', // 27.4
  'test/unit/crud/sql-fixtures.test.ts', // 25.2
  'test/e2e/example.test.ts', // 22.8
  'test/e2e/plugins-and-pipes.test.ts', // 19.9 (14.4 of it spawned CLIs)
  'test/unit/watch/incremental-fixtures.test.ts', // 18.1
  'test/e2e/crash-safety.test.ts', // 16.3 (12.5 of it spawned CLIs)
  'test/unit/emit/fast-parser.test.ts', // 14.9
  'test/unit/analyzer/fixtures.test.ts', // 14.8
  'test/property/type-forms.test.ts', // 13.8
  'test/e2e/cases.test.ts', // 13.3
  'test/unit/emit/layout.test.ts', // 13.2
  'test/unit/openapi/swagger-ui.test.ts', // 7.7 (4.8 of it Chromium), placed by its ~13 s of wall time
  'test/example/swagger-ui.test.ts', // 6.8 (3.6 of it Chromium), placed by its ~13 s of wall time
  'test/unit/crud/runtime-compile.test.ts', // 12.7
  'test/unit/client/typecheck.test.ts', // 12.4
  'test/e2e/bin.test.ts', // 12.2 (11.2 of it spawned CLIs)
  'test/unit/validate/extreme-types.test.ts', // 11.8
  'test/e2e/crash-safety-projects.test.ts', // 10.2 (7.4 of it spawned CLIs)
  'test/unit/crud/unique-mocks.test.ts', // 9.8
  'test/unit/pipeline/package-type-exports.test.ts', // 9.4
  'test/e2e/docs-commands.test.ts', // 8.9 (4.8 of it spawned CLIs)
  'test/unit/crud/nullable-inputs.test.ts', // 8.4
  'test/unit/mock/built-forms.test.ts', // 8.1
  'test/unit/crud/typeorm-naming.test.ts', // 8.1
  'test/unit/mock/local-brands-project.test.ts', // 8.0
  'test/unit/mock/property.test.ts', // 7.8
  'test/unit/validate/class-validator-differential.test.ts', // 7.5
  'test/unit/type-forms/mapped-templates.test.ts', // 7.3
  'test/e2e/hostile-names.test.ts', // 7.0 (0.6 of it spawned CLIs)
  'test/unit/sql-runtime/pglite.engine.test.ts', // 7.0
  'test/unit/crud/exact-values.test.ts', // 6.9
  'test/unit/crud/engine-values.test.ts', // 6.9
  'test/unit/db-runtime/adapters.test.ts', // 6.7
  'test/unit/suite/fresh-pglite.test.ts', // 6.3
  'test/unit/sql/apply.test.ts', // 6.2
  'test/unit/mock/function-name-clashes.test.ts', // 5.8
  'test/e2e/line-endings.test.ts', // 5.8
  'test/e2e/no-op-imports.test.ts', // 5.6 (5.0 of it spawned CLIs)
  'test/unit/crud/exact-optional.test.ts', // 5.5
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
