/**
 * The bundled example's TypeScript outputs of every built-in generator as rendered, before
 * formatting (`run` with `format: false`): what the formatter, the statement scan and the layout
 * printer meet in a real run. test/unit/emit/layout.test.ts and scan-cuts.test.ts both check
 * themselves against these texts; each used to run the pipeline over its own copy of the example.
 *
 * ```ts
 * const outputs = await renderedExample(); // [['src/generated/index.ts', '…'], …], sorted by path
 * ```
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { run } from '../../src/pipeline/run.js';
import { REPO_ROOT, TMP_ROOT } from './paths.js';

let rendering: Promise<[string, string][]> | undefined;

/**
 * The rendered outputs (path from the project root, text), made once per test process: test files
 * share their worker's modules (vitest.config.ts, `isolate: false`), so a second file in the same
 * worker reads the same texts instead of analysing and rendering the example again. The texts are
 * read into memory and the folder removed, so no caller can change what another one reads. A
 * failed run is not kept: the next caller sees the failure again.
 */
export function renderedExample(): Promise<[string, string][]> {
  rendering ??= renderExample();
  rendering.catch(() => (rendering = undefined));
  return rendering;
}

async function renderExample(): Promise<[string, string][]> {
  mkdirSync(TMP_ROOT, { recursive: true });
  const project = mkdtempSync(join(TMP_ROOT, 'rendered-example-'));
  try {
    for (const folder of ['models', 'services', 'lib']) cpSync(join(REPO_ROOT, 'examples/bookstore/src', folder), join(project, 'src', folder), { recursive: true });
    cpSync(join(REPO_ROOT, 'examples/bookstore/tsconfig.json'), join(project, 'tsconfig.json'));
    writeFileSync(join(project, 'package.json'), '{ "name": "rendered-example", "private": true, "type": "module" }\n');
    writeFileSync(join(project, 'codegen.config.yaml'), readFileSync(join(REPO_ROOT, 'codegen.config.yaml'), 'utf8').replaceAll('examples/bookstore/', ''));
    const result = await run({ cwd: project, format: false });
    if (result.exitCode !== 0) throw new Error(`the bundled example did not render (exit ${result.exitCode}): ${JSON.stringify(result.diagnostics)}`);
    return globSync('src/generated/**/*.ts', { cwd: project })
      .sort()
      .map((file) => [file, readFileSync(join(project, file), 'utf8')]);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}
