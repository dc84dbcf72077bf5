/** The sequencer's list of slowest files names files that exist (a renamed file would quietly start late). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/paths.js';
import { SLOWEST } from '../../helpers/sequencer.js';

it('names only existing test files, each once', () => {
  expect(SLOWEST.filter((file) => !existsSync(join(REPO_ROOT, file)))).toEqual([]);
  expect(new Set(SLOWEST).size).toBe(SLOWEST.length);
});
