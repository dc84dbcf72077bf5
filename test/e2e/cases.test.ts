/**
 * End-to-end cases: each folder of test/fixtures/e2e is a user's project (`project/`), the
 * commands they run (`case.json`), and what they must see: exit codes, the messages of the
 * last command (`expected/stdout.txt`, `expected/stderr.txt`) and the output folder afterwards
 * (`expected/output/`). `UPDATE=1 npm test` rewrites the expected files; review them with git diff.
 * Every case that ends with generated code also type-checks it with `tsc --strict`: all of them
 * in one tsc run after the cases (one run per case cost more than the cases themselves).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { normaliseOutput, runCliInProcess } from '../helpers/cli.js';
import { REPO_ROOT, TMP_ROOT } from '../helpers/paths.js';
import { typecheck } from '../helpers/typecheck.js';
import { copyProject, readTree, removeProject, writeFile, writeTree } from '../helpers/workspace.js';

type Step =
  | { run: string[]; exitCode: number; env?: Record<string, string> }
  | { write: string; content: string }
  | { append: string; content: string }
  /** A symbolic link at `link` (relative to the project) pointing at `to` (as written): git checkouts on some systems drop links, so cases make them. */
  | { link: string; to: string };

interface Case {
  description: string;
  steps: Step[];
  /** The output folder to snapshot, relative to the project (default src/generated). */
  output?: string;
  /** Type-check the project after the last step (default: when the last run exited 0). */
  typecheck?: boolean;
}

const CASES_DIR = join(REPO_ROOT, 'test', 'fixtures', 'e2e');
const UPDATE = process.env['UPDATE'] === '1';
const created: string[] = [];
/** Projects whose final state must compile, type-checked together at the end. */
const compiled: string[] = [];
afterAll(() => created.forEach(removeProject));

function expectText(file: string, actual: string): void {
  if (UPDATE) writeFile(join(file, '..'), file.split('/').pop()!, actual);
  else expect(actual).toBe(existsSync(file) ? readFileSync(file, 'utf8') : '');
}

describe.each(readdirSync(CASES_DIR).sort())('e2e %s', (name) => {
  const folder = join(CASES_DIR, name);
  const spec = JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8')) as Case;

  it.concurrent(spec.description, async () => {
    const project = copyProject(join(folder, 'project'), name);
    created.push(project);
    let last = { exitCode: 0, stdout: '', stderr: '' };
    for (const step of spec.steps) {
      if ('write' in step) writeFile(project, step.write, step.content);
      else if ('append' in step) writeFile(project, step.append, readFileSync(join(project, step.append), 'utf8') + step.content);
      else if ('link' in step) {
        mkdirSync(dirname(join(project, step.link)), { recursive: true });
        symlinkSync(step.to, join(project, step.link), 'dir');
      }
      else {
        last = await runCliInProcess(step.run, project, step.env);
        expect({ args: step.run, exitCode: last.exitCode, stderr: last.stderr }).toMatchObject({ args: step.run, exitCode: step.exitCode });
      }
    }
    const expected = join(folder, 'expected');
    expectText(join(expected, 'stdout.txt'), normaliseOutput(last.stdout));
    expectText(join(expected, 'stderr.txt'), normaliseOutput(last.stderr));
    const output = readTree(join(project, spec.output ?? 'src/generated'));
    if (UPDATE) writeTree(join(expected, 'output'), output);
    else expect(output).toEqual(readTree(join(expected, 'output')));
    if (spec.typecheck ?? last.exitCode === 0) compiled.push(project);
  });
});

describe('e2e projects after their last command', () => {
  it('compile under tsc --strict, sources and generated code together', async () => {
    expect(compiled.length).toBeGreaterThan(10);
    const include = compiled.map((project) => `${relative(TMP_ROOT, project)}/**/*.ts`);
    expect(await typecheck(TMP_ROOT, include)).toBe('');
  });
});
