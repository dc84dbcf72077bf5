/**
 * Repositories with little to check compile under @tsconfig/strictest's flags (tester s13 T-G),
 * on the strictest fixture: an entity holding only its key and a many-to-many (its update patch is
 * `never`, so `isTagUpdate` and `collectTagUpdateIssues` read none of their parameters), one whose
 * every column is generated (an empty create input), one holding only its key. An unread
 * parameter is TS6133 under `noUnusedParameters`; the generated files and the models are compiled
 * together with every flag of STRICTEST_COMPILER_OPTIONS that applies to a project (its `lib`
 * and `types` are the runtime-only check's).
 */
import { expect, it } from 'vitest';
import { STRICTEST_COMPILER_OPTIONS } from '../../helpers/strict-compile.js';
import { typecheck } from '../../helpers/typecheck.js';
import { generateProject, PROJECT_COMPILE_TIMEOUT } from './generated-project.js';

const { lib: _lib, types: _types, ...strictest } = STRICTEST_COMPILER_OPTIONS;

const project = await generateProject('strictest');

it(
  'compiles under noUnusedLocals, noUnusedParameters and the other strictest flags',
  async () => {
    expect(project.schema('sqlite')).toContain('CREATE TABLE "counters"');
    expect(await typecheck(project.root, ['models/**/*.ts', 'generated/**/*.ts'], strictest)).toBe('');
  },
  PROJECT_COMPILE_TIMEOUT,
);

it('refuses every update of an entity with nothing to update, whatever the input', async () => {
  const lib = await project.load<{ isTagUpdate(value: unknown): boolean; validateTagUpdate(value: unknown): { success: boolean } }>('index.ts');
  for (const value of [{}, { name: 'x' }, null]) {
    expect(lib.isTagUpdate(value)).toBe(false);
    expect(lib.validateTagUpdate(value).success).toBe(false);
  }
});
