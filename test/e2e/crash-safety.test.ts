/**
 * All or nothing, even under kill -9: the real CLI is killed (SIGKILL, through the test-only
 * hook `CODEGEN_TEST_CRASH_AT=<step>[:<n>]`, see src/emit/crash-point.ts) in each phase of the
 * commit described in src/emit/apply.ts. After each kill, `check` must not call the folder up
 * to date (CG4010, exit 1, nothing written), and the next `generate` must repair it by itself:
 * no CG4001, no temp or journal left, exactly the tree an uninterrupted run gives.
 *
 * Only the killed runs spawn the bin (a kill needs a process of its own); every other run is
 * the same CLI in-process. Every instant of the commit, not only these steps, is covered in
 * memory by test/unit/emit/journal.test.ts and multi-folder.test.ts.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runCliInProcess } from '../helpers/cli.js';
import { REPO_ROOT, TMP_ROOT } from '../helpers/paths.js';
import { copyProject, readTree, removeProject } from '../helpers/workspace.js';

const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'crash-safety');
const OUTPUT = join('src', 'generated');
const created: string[] = [];
/** A project generated from `project/`, copied for each case. */
let generated: string;
/** The output folder of an uninterrupted run of the next version. */
let expected: Record<string, string>;

/** A copy of the generated project, moved on to the next version of its models (not yet generated). */
function nextVersion(name: string): string {
  const project = mkdtempSync(join(TMP_ROOT, `crash-${name.replace(/\W/g, '-')}-`));
  created.push(project);
  cpSync(generated, project, { recursive: true });
  cpSync(join(FIXTURE, 'next'), project, { recursive: true });
  rmSync(join(project, 'src', 'models', 'tag.ts'));
  return project;
}

const isTemp = (path: string) => /(^|\/)\.[^/]+\.codegen-tmp-[0-9a-f]{12}$/.test(path);

beforeAll(async () => {
  generated = copyProject(join(FIXTURE, 'project'), 'crash-generated');
  created.push(generated);
  expect((await runCliInProcess(['generate'], generated)).exitCode).toBe(0);
  const reference = nextVersion('reference');
  const run = await runCliInProcess(['generate'], reference);
  expect(run).toMatchObject({ exitCode: 0, stderr: '' });
  expected = readTree(join(reference, OUTPUT));
  // The killed run has every kind of work: an update, a creation in a new folder, a deletion.
  expect(Object.keys(expected)).toContain('shop/book.validate.ts');
  expect(Object.keys(expected)).not.toContain('tag.validate.ts');
}, 120_000);

afterAll(() => created.forEach(removeProject));

// Each case spawns the CLI once (the killed run); on a loaded machine a spawn can take seconds.
describe('generate killed in each phase of its commit', { timeout: 180_000 }, () => {
  it.concurrent.each([
    // One kill in each phase of the commit: before its journal (temps only), after it (renames
    // half done), and in its deletions. `journal`, `manifest`, `commit` and every other instant
    // between two file operations: test/unit/emit/journal.test.ts, in memory.
    ['stage:2', 'while its temp files are written'],
    ['rename:2', 'in the middle of the renames'],
    ['delete:1', 'in the middle of the deletions'],
  ])('%s (%s): check does not trust it, the next generate repairs it', async (point) => {
    const project = nextVersion(point);
    const output = join(project, OUTPUT);
    const killed = await runCli(['generate'], project, { CODEGEN_TEST_CRASH_AT: point });
    expect(killed).toMatchObject({ exitCode: -1 }); // killed by SIGKILL, no exit code (on failure: its output)

    const afterKill = readTree(output);
    const temps = Object.keys(afterKill).filter(isTemp);
    if (point.startsWith('stage')) expect({ journal: '.codegen-journal.json' in afterKill, temps: temps.length }).toEqual({ journal: false, temps: 2 });
    else expect('.codegen-journal.json' in afterKill).toBe(true);

    const check = await runCliInProcess(['check'], project);
    expect(check.exitCode).toBe(1);
    expect(check.stdout).not.toContain('up to date');
    expect(check.stderr).toContain('CG4010');
    expect(readTree(output)).toEqual(afterKill); // check repairs nothing

    const repair = await runCliInProcess(['generate'], project);
    expect(repair.stderr).toBe('');
    expect(repair.exitCode).toBe(0);
    expect(readTree(output)).toEqual(expected);
  });
});

describe('a hand edit between a kill and the next generate', { timeout: 180_000 }, () => {
  it('is kept: recovery does not rename over it (CG4008), generate refuses it (CG4001), --force restores', async () => {
    const project = nextVersion('hand-edit-after-kill');
    const output = join(project, OUTPUT);
    expect(await runCli(['generate'], project, { CODEGEN_TEST_CRASH_AT: 'rename:1' })).toMatchObject({ exitCode: -1 }); // killed: no exit code
    const afterKill = readTree(output);
    // An output that was there before and is not renamed yet: its temp is still beside it.
    const pending = Object.keys(afterKill).find((path) => !isTemp(path) && !path.startsWith('.codegen-') && Object.keys(afterKill).some((temp) => isTemp(temp) && temp.includes(`.${path.split('/').pop()}.codegen-tmp-`)));
    expect(pending).toBeDefined();
    const edited = `${afterKill[pending!]}// my edit\n`;
    writeFileSync(join(output, pending!), edited);

    const next = await runCliInProcess(['generate'], project);
    expect(next.exitCode).toBe(2);
    expect(next.stderr).toContain(`warning CG4008: ${OUTPUT}/${pending} was changed by hand after a codegen run was interrupted`);
    expect(next.stderr).toContain('CG4001');
    const tree = readTree(output);
    expect(tree[pending!]).toBe(edited);
    expect(Object.keys(tree).filter((path) => isTemp(path) || path === '.codegen-journal.json')).toEqual([]);

    expect((await runCliInProcess(['generate', '--force'], project)).exitCode).toBe(0);
    expect(readTree(output)).toEqual(expected);
  });
});

describe('clean killed in the middle of its deletions', { timeout: 120_000 }, () => {
  it('is finished by the next clean', async () => {
    const project = copyProject(join(FIXTURE, 'project'), 'crash-clean');
    created.push(project);
    cpSync(generated, project, { recursive: true });
    const killed = await runCli(['clean'], project, { CODEGEN_TEST_CRASH_AT: 'delete:1' });
    expect(killed).toMatchObject({ exitCode: -1 });
    const again = await runCliInProcess(['clean'], project);
    expect(again).toMatchObject({ exitCode: 0, stderr: '' });
    const output = readTree(join(project, OUTPUT));
    expect(Object.keys(output)).toEqual(['.codegen-manifest.json']);
    expect(JSON.parse(readFileSync(join(project, OUTPUT, '.codegen-manifest.json'), 'utf8'))).toMatchObject({ files: {} });
  });
});
