/**
 * The bin itself, spawned as a user runs it: `node bin/codegen.js` passes the real process to the
 * CLI (bin/codegen.js, src/cli/process-io.ts) and turns its result into the process's exit code.
 * Every other e2e test runs the same built CLI in-process (test/helpers/cli.ts); here a few
 * commands run both ways, and the spawned bin must print, exit and write exactly what the
 * in-process run does. (Kills, closed pipes and signals spawn in their own tests.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliResult, normaliseOutput, runCli, runCliInProcess } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { copyProject, readTree, removeProject, withSmallLibs, writeFile } from '../helpers/workspace.js';

const E2E = join(REPO_ROOT, 'test', 'fixtures', 'e2e');
const created: string[] = [];
afterAll(() => created.forEach(removeProject));

function project(fixture: string): string {
  // Small libs for both sessions: what is compared is the bin against the in-process CLI.
  const root = withSmallLibs(copyProject(join(E2E, fixture, 'project'), `bin-${fixture}`));
  created.push(root);
  return root;
}

/** A run as text that does not depend on where the project was copied or how long it took. */
const shown = (result: CliResult, root: string) => ({
  exitCode: result.exitCode,
  stdout: normaliseOutput(result.stdout).split(root).join('<project>'),
  stderr: normaliseOutput(result.stderr).split(root).join('<project>'),
});

type Step = { run: string[] } | { write: string; content: string };

/** Runs `steps` in a fresh copy of `fixture`, each command with `runner`; the runs and the output folder afterwards. */
async function session(fixture: string, steps: Step[], runner: typeof runCli) {
  const root = project(fixture);
  const runs = [];
  for (const step of steps) {
    if ('write' in step) writeFile(root, step.write, step.content);
    else runs.push(shown(await runner(step.run, root), root));
  }
  return { runs, output: readTree(join(root, 'src', 'generated')) };
}

const MODEL = 'src/models/user.ts';
const changedModel = () => `${readFileSync(join(E2E, 'generate-basic', 'project', MODEL), 'utf8')}\nexport interface Team {\n  name: string;\n}\n`;

describe('the spawned bin', { timeout: 180_000 }, () => {
  it('prints its version and exits 0', async () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await runCli(['--version'], REPO_ROOT)).toEqual({ exitCode: 0, stdout: `${version}\n`, stderr: '' });
  });

  it.concurrent.each<[string, string, Step[], number[]]>([
    // Each exit code once through the spawned bin (2: the next two cases), and the longest output
    // (--dry-run's plan) that the bin must let drain before it exits. `check` up to date (exit 0)
    // differs from a stale one only inside the CLI: test/e2e/cases.test.ts and example.test.ts.
    ['generate; a model changes: --dry-run, check', 'generate-basic', [
      { run: ['generate'] },
      { write: MODEL, content: changedModel() },
      { run: ['generate', '--dry-run'] },
      { run: ['check'] },
    ], [0, 0, 1]],
    ['a config that does not parse', 'config-malformed-yaml', [{ run: ['generate'] }], [2]],
    ['an unknown flag', 'generate-basic', [{ run: ['generate', '--bogus'] }], [2]],
  ])('%s: exit codes, messages and files as in-process', async (_name, fixture, steps, exitCodes) => {
    const [spawned, inProcess] = await Promise.all([session(fixture, steps, runCli), session(fixture, steps, runCliInProcess)]);
    expect(spawned.runs.map((run) => run.exitCode)).toEqual(exitCodes);
    expect(spawned.runs.every((run) => run.stdout + run.stderr !== '')).toBe(true);
    expect(spawned).toEqual(inProcess);
  });
});
