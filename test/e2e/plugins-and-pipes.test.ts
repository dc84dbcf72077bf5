/**
 * Templates, plugins and pipes as a user meets them, through the built CLI: in-process for the
 * cases, the spawned bin for the pipes (a closed pipe is the process's own).
 *
 * Each folder of test/fixtures/plugins-and-pipes with a `case.json` is a project and the
 * commands run in it (as in test/fixtures/e2e): strict templates, error locations and plugin
 * results. `UPDATE=1` rewrites the expected files; review them with git diff.
 *
 * The pipe tests close the reading end of a real pipe before codegen writes to it (a reader
 * that stopped early, like `head`): codegen must end quietly, with its usual exit code.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { normaliseOutput, runCliInProcess } from '../helpers/cli.js';
import { BIN, REPO_ROOT } from '../helpers/paths.js';
import { copyProject, readTree, removeProject, withSmallLibs, writeFile, writeTree } from '../helpers/workspace.js';

type Step = { run: string[]; exitCode: number } | { write: string; content: string } | { append: string; content: string };

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'plugins-and-pipes');
const UPDATE = process.env['UPDATE'] === '1';
const created: string[] = [];
afterAll(() => created.forEach(removeProject));

function project(name: string): string {
  const root = copyProject(join(FIXTURES, name, 'project'), name);
  created.push(root);
  return root;
}

function expectText(file: string, actual: string): void {
  if (UPDATE) writeFile(join(file, '..'), file.split('/').pop()!, actual);
  else expect(actual).toBe(existsSync(file) ? readFileSync(file, 'utf8') : '');
}

const cases = readdirSync(FIXTURES).filter((name) => existsSync(join(FIXTURES, name, 'case.json'))).sort();

describe.each(cases)('%s', (name) => {
  const folder = join(FIXTURES, name);
  const spec = JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8')) as {
    description: string;
    steps: Step[];
    /** Compare only these output files (others belong to other generators' tests). */
    outputFiles?: string[];
  };

  it.concurrent(spec.description, async () => {
    const root = project(name);
    let last = { exitCode: 0, stdout: '', stderr: '' };
    for (const step of spec.steps) {
      if ('write' in step) writeFile(root, step.write, step.content);
      else if ('append' in step) writeFile(root, step.append, readFileSync(join(root, step.append), 'utf8') + step.content);
      else {
        last = await runCliInProcess(step.run, root);
        expect({ args: step.run, exitCode: last.exitCode, stderr: last.stderr }).toMatchObject({ args: step.run, exitCode: step.exitCode });
      }
    }
    expectText(join(folder, 'expected', 'stdout.txt'), normaliseOutput(last.stdout));
    expectText(join(folder, 'expected', 'stderr.txt'), normaliseOutput(last.stderr));
    const tree = existsSync(join(root, 'src/generated')) ? readTree(join(root, 'src/generated')) : {};
    const output = spec.outputFiles ? Object.fromEntries(Object.entries(tree).filter(([path]) => spec.outputFiles!.includes(path))) : tree;
    if (UPDATE) writeTree(join(folder, 'expected', 'output'), output);
    else expect(output).toEqual(existsSync(join(folder, 'expected', 'output')) ? readTree(join(folder, 'expected', 'output')) : {});
  });
});

interface PipedRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the bin with `closed` ('stdout' or 'stderr') a pipe whose reading end is closed at once,
 * before codegen can have written anything, so its first write meets a reader that has gone.
 */
function runWithClosedPipe(args: string[], cwd: string, closed: 'stdout' | 'stderr'): Promise<PipedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const open = closed === 'stdout' ? child.stderr : child.stdout;
    child[closed].destroy();
    let text = '';
    open.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ exitCode, signal, stdout: closed === 'stdout' ? '' : text, stderr: closed === 'stderr' ? '' : text });
    });
  });
}

describe('a closed pipe ends codegen quietly', () => {
  // Spawned runs whose point is the pipe, not the models' libs.
  const pipeProject = (name: string) => withSmallLibs(project(name));

  it('`codegen list` whose stdout reader has gone: no EPIPE stack, exit 0', async () => {
    const result = await runWithClosedPipe(['list'], pipeProject('pipes'), 'stdout');
    expect(result).toEqual({ exitCode: 0, signal: null, stdout: '', stderr: '' });
  });

  it('`codegen generate -v` whose stdout reader has gone still writes every file, exit 0', async () => {
    const root = pipeProject('pipes');
    const result = await runWithClosedPipe(['generate', '-v'], root, 'stdout');
    expect(result.stderr).not.toMatch(/EPIPE|Error|node:events/);
    expect(result).toMatchObject({ exitCode: 0, signal: null });
    expect(Object.keys(readTree(join(root, 'src/generated'))).sort()).toEqual(['.codegen-manifest.json', 'index.ts', 'names.ts', 'tag.validate.ts', 'user.validate.ts', 'validation.ts']);
  });

  it('a closed stderr keeps the exit code of the run (2 for a template error)', async () => {
    const result = await runWithClosedPipe(['generate'], pipeProject('plugin-missing-partial'), 'stderr');
    expect(result).toEqual({ exitCode: 2, signal: null, stdout: '', stderr: '' });
  });

  it('`codegen list | head -2` in a shell prints two lines and nothing else', () => {
    const root = pipeProject('pipes');
    const shell = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" list | head -2; echo "codegen exited \${PIPESTATUS[0]}" >&2`], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(shell.stdout.split('\n')).toEqual(['Generators', expect.stringMatching(/^ {2}validate/), '']);
    expect(shell.stderr).toBe('codegen exited 0\n');
  });
});
