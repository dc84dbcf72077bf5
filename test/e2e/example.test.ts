/**
 * The bundled example is what a newcomer runs first (`npx codegen generate` at the repo root):
 * its committed output must be current and must compile with the example's own sources.
 */
import { describe, expect, it } from 'vitest';
import { runCliInProcess, withFormatWorkers } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { join } from 'node:path';
import { checkProject } from '../helpers/tsc.js';

describe('the bookstore example', () => {
  it('has its generated output committed and current (codegen check)', async () => {
    // With Prettier's worker pool, as a newcomer runs it: the suite's one real run through the pool.
    const result = await withFormatWorkers(() => runCliInProcess(['check'], REPO_ROOT));
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('generated files are up to date');
  });

  it('compiles, generated files included, under tsc --strict', async () => {
    const tsconfig = join(REPO_ROOT, 'examples', 'bookstore', 'tsconfig.json');
    expect(await checkProject(tsconfig, REPO_ROOT)).toBe('');
  });
});
