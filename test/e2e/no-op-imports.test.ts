/**
 * A no-op `codegen generate` (nothing changed since the last run: src/pipeline/build-info.ts)
 * loads nothing that only analysing needs: not the analyzer with ts-morph and TypeScript, not the
 * built-in generators' code, not Handlebars or Prettier. Loading those costs more than all the
 * rest of such a run (issue 12: a no-op run ≤ 0.5× a bare ts-morph walk); the line between the
 * two is src/pipeline/analysis.ts.
 *
 * The bin is spawned as a user runs it, with a module hook (`module.register`, through
 * NODE_OPTIONS) that records every module Node's ESM loader loads: codegen's own modules and the
 * packages they import (a CommonJS package's own `require`s, such as ts-morph's of TypeScript, are
 * not seen, so the package imported is what is checked). The analysing run before the no-op shows
 * that the hook sees what the no-op run must not load.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeProject, removeProject, withSmallLibs } from '../helpers/workspace.js';

const HOOKS = `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (process.env.CODEGEN_TEST_LOADED) appendFileSync(process.env.CODEGEN_TEST_LOADED, url + '\\n');
  return next(url, context);
}
`;

const REGISTER = `import { register } from 'node:module';
register('./hooks.mjs', import.meta.url);
`;

const FILES = {
  'package.json': '{ "name": "no-op", "private": true, "type": "module" }\n',
  'tsconfig.json': '{ "compilerOptions": { "strict": true, "target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext" } }\n',
  'codegen.config.yaml': 'input: ["src/models/**/*.ts"]\noutput: src/generated\ngenerators:\n  validate: {}\n',
  'src/models/book.ts': 'export interface Book {\n  /** @minLength 1 */\n  title: string;\n}\n',
  'hooks/hooks.mjs': HOOKS,
  'hooks/register.mjs': REGISTER,
};

/** What only a run that analyses needs: a no-op run loads none of it. */
const ANALYSIS_ONLY: [string, RegExp][] = [
  ['ts-morph', /\/node_modules\/ts-morph\//],
  ['TypeScript', /\/node_modules\/typescript\//],
  ['Handlebars', /\/node_modules\/handlebars\//],
  ['Prettier', /\/node_modules\/prettier\//],
  ['the analyzer', /\/dist\/analyzer\//],
  ['the renderer', /\/dist\/render\//],
  ['a built-in generator', /\/dist\/generators\/(validate|mock|openapi|client|sql|crud)\/index\.js$/],
];

let root: string;
afterAll(() => removeProject(root));

/** Runs `codegen generate` in the project; its exit code, stdout and the modules it loaded. */
async function generate(args: string[] = []): Promise<{ exitCode: number; stdout: string; loaded: string[] }> {
  const log = join(root, 'loaded.txt');
  rmSync(log, { force: true });
  const register = pathToFileURL(join(root, 'hooks', 'register.mjs')).href;
  const result = await runCli(['generate', ...args], root, { NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --import=${register}`.trim(), CODEGEN_TEST_LOADED: log });
  expect(result.stderr).toBe('');
  let loaded: string[] = [];
  try {
    loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  } catch {
    // nothing recorded: the assertions below say what is missing
  }
  return { exitCode: result.exitCode, stdout: result.stdout, loaded };
}

const found = (loaded: readonly string[]) => ANALYSIS_ONLY.filter(([, pattern]) => loaded.some((url) => pattern.test(url))).map(([name]) => name);

describe('a no-op run', () => {
  // Two spawned runs, the first analysing and formatting, each module load through the hook. That
  // --force bypasses the no-op is build-info/fast-path's 'is bypassed by --force' (and e2e
  // crash-safety's `generate --force`, which restores a file only an analysing run writes).
  it('loads none of the analysis stage, which the run before it (analysing) loaded', { timeout: 240_000 }, async () => {
    root = withSmallLibs(makeProject('no-op-imports', FILES));
    const first = await generate();
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toMatch(/✓ \d+ created, 0 updated, 0 deleted, 0 unchanged/);
    // TypeScript is required by ts-morph (CommonJS), which the hook does not see; Prettier may be skipped by the format cache.
    expect(found(first.loaded)).toEqual(expect.arrayContaining(['ts-morph', 'Handlebars', 'the analyzer', 'the renderer', 'a built-in generator']));

    const noOp = await generate();
    expect(noOp.exitCode).toBe(0);
    expect(noOp.stdout).toMatch(/✓ 0 created, 0 updated, 0 deleted, \d+ unchanged/);
    expect(noOp.loaded.some((url) => url.endsWith('/dist/cli/main.js'))).toBe(true);
    expect(found(noOp.loaded)).toEqual([]);
  });
});
