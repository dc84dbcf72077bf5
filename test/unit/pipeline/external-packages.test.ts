/**
 * Types a model imports from installed packages (test/fixtures/pipeline/external-packages: a
 * package with `types`, a DefinitelyTyped `@types/…` package, a scoped package with `exports`
 * subpaths, a deep file of a package without `exports`). Their outputs go under
 * `_external/packages/`, never below a folder named `node_modules` (tsc does not emit `.ts` files
 * there, so the built app failed to load its own barrel), and import the packages by the
 * specifiers user code imports them by. The fixture keeps its packages in `packages/` (git
 * ignores `node_modules`); the test installs them by renaming the folder.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, renameSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import * as prettier from 'prettier';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/pipeline/run.js';
import { REPO_ROOT } from '../../helpers/paths.js';
import { emitProject } from '../../helpers/tsc.js';
import { copyProject, readTree, removeProject } from '../../helpers/workspace.js';

const run$ = promisify(execFile);
const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'pipeline', 'external-packages', 'project');
const created: string[] = [];
afterAll(() => created.forEach(removeProject));

function installedProject(): string {
  const root = copyProject(FIXTURE, 'external-packages');
  created.push(root);
  renameSync(join(root, 'packages'), join(root, 'node_modules'));
  return root;
}

const EXPECTED_OUTPUTS = [
  '_external/packages/@acme/shapes/lib/index.mock.ts',
  '_external/packages/@acme/shapes/lib/index.validate.ts',
  '_external/packages/@acme/shapes/lib/internal/hidden.mock.ts',
  '_external/packages/@acme/shapes/lib/internal/hidden.validate.ts',
  '_external/packages/@acme/shapes/lib/round.mock.ts',
  '_external/packages/@acme/shapes/lib/round.validate.ts',
  '_external/packages/@acme/shapes/lib/sub/thing.mock.ts',
  '_external/packages/@acme/shapes/lib/sub/thing.validate.ts',
  '_external/packages/@types/geojson/index.mock.ts',
  '_external/packages/@types/geojson/index.validate.ts',
  '_external/packages/mylib/extra/deep.mock.ts',
  '_external/packages/mylib/extra/deep.validate.ts',
  '_external/packages/mylib/index.mock.ts',
  '_external/packages/mylib/index.validate.ts',
];

describe('types from installed packages', () => {
  it('are generated under _external/packages/, import each package by the specifier user code uses, and the built app loads them', async () => {
    const root = installedProject();
    const result = await run({ cwd: root });
    expect(result.diagnostics).toEqual([]);
    expect(result.exitCode).toBe(0);

    const output = readTree(join(root, 'src', 'generated'));
    expect(Object.keys(output).filter((path) => path.startsWith('_external/'))).toEqual(EXPECTED_OUTPUTS);
    expect(Object.keys(output).some((path) => path.split('/').includes('node_modules'))).toBe(false);

    const importLines = (path: string) => output[path]!.split('\n').filter((line) => /^import .* from "(?!\.)/.test(line));
    expect(importLines('_external/packages/mylib/index.validate.ts')).toEqual(['import type { Color, Ext } from "mylib";']);
    expect(importLines('_external/packages/mylib/extra/deep.validate.ts')).toEqual(['import type { Deep } from "mylib/extra/deep.js";']);
    expect(importLines('_external/packages/@types/geojson/index.validate.ts')).toEqual(['import type { Point } from "geojson";']);
    expect(importLines('_external/packages/@acme/shapes/lib/index.validate.ts')).toEqual(['import type { Shape } from "@acme/shapes";']);
    expect(importLines('_external/packages/@acme/shapes/lib/sub/thing.validate.ts')).toEqual(['import type { Thing } from "@acme/shapes/sub";']);
    // A file the entry re-exports whole (`export * from './round.js'`) is imported from the entry.
    expect(importLines('_external/packages/@acme/shapes/lib/round.validate.ts')).toEqual(['import type { Round } from "@acme/shapes";']);
    // Formatted like every output (Prettier skips paths through node_modules, so they were left as rendered).
    for (const path of EXPECTED_OUTPUTS) expect(await prettier.check(output[path]!, { filepath: join(root, 'src', 'generated', path) }), path).toBe(true);
    // A type no specifier of its package exports (Hidden: exported by its file, which no entry
    // re-exports) is never imported, by a relative path into node_modules or otherwise: its shape is printed.
    const relativeIntoPackages = Object.keys(output).filter((path) => /from "\.[^"]*node_modules\//.test(output[path]!));
    expect(relativeIntoPackages).toEqual([]);
    expect(output['_external/packages/@acme/shapes/lib/internal/hidden.validate.ts']).not.toMatch(/^import type \{ Hidden \}/m);
    expect(output['_external/packages/@acme/shapes/lib/internal/hidden.validate.ts']).toContain('value is { secret: boolean }');

    // tsc emits every output (it would skip .ts files under a node_modules folder), and Node loads the barrel.
    expect(await emitProject(join(root, 'tsconfig.json'), root)).toBe('');
    for (const path of EXPECTED_OUTPUTS) expect(existsSync(join(root, 'dist', 'generated', path.replace(/\.ts$/, '.js')))).toBe(true);
    const { stdout } = await run$(process.execPath, [join(root, 'dist', 'main.js')], { cwd: root });
    expect(JSON.parse(stdout)).toEqual({ mock: true, wrongExt: false, wrongColor: false });
  }, 120_000);

  it('removes what an earlier version wrote below _external/node_modules/: check reports it, generate deletes it', async () => {
    const root = installedProject();
    expect((await run({ cwd: root })).exitCode).toBe(0);
    // The layout codegen wrote before: the same file, recorded in the manifest, under _external/node_modules/.
    const generated = join(root, 'src', 'generated');
    const current = '_external/packages/mylib/index.validate.ts';
    const old = '_external/node_modules/mylib/index.validate.ts';
    mkdirSync(dirname(join(generated, old)), { recursive: true });
    writeFileSync(join(generated, old), readFileSync(join(generated, current), 'utf8'));
    const manifestPath = join(generated, '.codegen-manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: Record<string, unknown> };
    manifest.files[old] = manifest.files[current];
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);

    const check = await run({ cwd: root, mode: 'check' });
    expect(check.exitCode).toBe(1);
    expect(check.diagnostics.map((d) => ({ code: d.code, file: d.file }))).toEqual([{ code: 'CG4005', file: `src/generated/${old}` }]);

    expect((await run({ cwd: root })).exitCode).toBe(0);
    expect(existsSync(join(generated, '_external', 'node_modules'))).toBe(false);
    expect(JSON.parse(readFileSync(manifestPath, 'utf8')).files).not.toHaveProperty([old]);
    expect((await run({ cwd: root, mode: 'check' })).exitCode).toBe(0);
  }, 120_000);
});
