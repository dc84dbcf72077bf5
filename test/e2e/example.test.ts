/**
 * The bundled example is what a newcomer runs first (`npx codegen generate` at the repo root):
 * its committed output must be current and must compile with the example's own sources, under
 * its own tsconfig and under NestJS's default one.
 */
import { describe, expect, it } from 'vitest';
import { runCliInProcess, withFormatWorkers } from '../helpers/cli.js';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, TMP_ROOT } from '../helpers/paths.js';
import { checkProject } from '../helpers/tsc.js';
import { typecheckNestDefaults } from '../helpers/typecheck.js';

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

  // `nest new`'s tsconfig: strictNullChecks off narrows no union by `!result.success` (tester s12 T2).
  it('compiles under NestJS\'s default tsconfig (strictNullChecks off, CommonJS, declarations)', async () => {
    const dir = join(TMP_ROOT, 'example-nest-defaults');
    mkdirSync(dir, { recursive: true });
    // The generated files and the models and services they import; not demo.ts, an ES module of
    // the example's own (top-level await). The example's ambient types (Node's), as its tsconfig has them.
    expect(await typecheckNestDefaults(dir, [join(REPO_ROOT, 'examples', 'bookstore', 'src', 'generated', '**', '*.ts')], { types: undefined })).toBe('');
  });
});
