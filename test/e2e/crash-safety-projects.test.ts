/**
 * A run over several projects commits all their output folders together, even under kill -9
 * (src/emit/apply.ts): killed before its last journal, no folder changes; killed after it, every
 * folder is rolled forward, even when the next run is for one project only. Only the killed
 * runs spawn the bin; every other run is the same CLI in-process.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runCliInProcess } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { copyProject, readTree, removeProject, withSmallLibs, writeFile } from '../helpers/workspace.js';

const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'e2e', 'projects', 'project');
const FOLDERS = { users: join('src', 'generated', 'users'), tags: join('src', 'generated', 'tags') };
const created: string[] = [];
afterAll(() => created.forEach(removeProject));

const isRecord = (path: string) => path === '.codegen-journal.json' || /(^|\/)\.[^/]+\.codegen-tmp-[0-9a-f]{12}$/.test(path);
const withoutRecords = (tree: Record<string, string>) => Object.fromEntries(Object.entries(tree).filter(([path]) => !isRecord(path)));

/** A generated copy of the fixture whose models then changed, in both projects. */
async function changedProject(name: string): Promise<string> {
  // Small libs: the killed runs are about the commit over two projects, not the models' libs.
  const root = withSmallLibs(copyProject(FIXTURE, name));
  created.push(root);
  expect((await runCliInProcess(['generate'], root)).exitCode).toBe(0);
  for (const model of ['user', 'tag']) {
    writeFile(root, `src/models/${model}-extra.ts`, `export interface ${model === 'user' ? 'Profile' : 'Label'} {\n  note: string;\n}\n`);
  }
  writeFile(root, 'codegen.config.yaml', 'generators:\n  validate: {}\nprojects:\n  users:\n    input: ["src/models/user*.ts"]\n    output: src/generated/users\n  tags:\n    input: ["src/models/tag*.ts"]\n    output: src/generated/tags\n');
  return root;
}

let old: Record<string, Record<string, string>>;
let next: Record<string, Record<string, string>>;
beforeAll(async () => {
  const reference = await changedProject('projects-reference');
  old = { users: readTree(join(reference, FOLDERS.users)), tags: readTree(join(reference, FOLDERS.tags)) };
  expect(await runCliInProcess(['generate'], reference)).toMatchObject({ exitCode: 0, stderr: '' });
  next = { users: readTree(join(reference, FOLDERS.users)), tags: readTree(join(reference, FOLDERS.tags)) };
  expect(next.users).not.toEqual(old.users);
  expect(next.tags).not.toEqual(old.tags);
}, 120_000);

describe('a run over two projects killed while committing', { timeout: 180_000 }, () => {
  it.concurrent('before its last journal: neither folder changes, whichever project runs next', async () => {
    const root = await changedProject('projects-journal-1');
    expect(await runCli(['generate'], root, { CODEGEN_TEST_CRASH_AT: 'journal:1' })).toMatchObject({ exitCode: -1 }); // killed: no exit code
    expect(withoutRecords(readTree(join(root, FOLDERS.users)))).toEqual(old.users);
    expect(withoutRecords(readTree(join(root, FOLDERS.tags)))).toEqual(old.tags);
    expect((await runCliInProcess(['check'], root)).stderr).toContain('CG4010');

    // `generate tags` completes nothing of users: the run never reached its commit point.
    expect(await runCliInProcess(['generate', 'tags'], root)).toMatchObject({ exitCode: 0, stderr: '' });
    expect(readTree(join(root, FOLDERS.tags))).toEqual(next.tags);
    expect(withoutRecords(readTree(join(root, FOLDERS.users)))).toEqual(old.users);
    expect(await runCliInProcess(['generate', 'users'], root)).toMatchObject({ exitCode: 0, stderr: '' });
    expect(readTree(join(root, FOLDERS.users))).toEqual(next.users);
  });

  it.concurrent('after its last journal: the next run of either project rolls both forward', async () => {
    const root = await changedProject('projects-journal-2');
    expect(await runCli(['generate'], root, { CODEGEN_TEST_CRASH_AT: 'journal:2' })).toMatchObject({ exitCode: -1 });
    expect(readTree(join(root, FOLDERS.users))).toHaveProperty(['.codegen-journal.json']);
    expect(readTree(join(root, FOLDERS.tags))).toHaveProperty(['.codegen-journal.json']);

    // `check tags` on the committed run: the next `generate tags` finishes users too.
    expect((await runCliInProcess(['check', 'tags'], root)).stderr).toContain('CG4010');
    expect(await runCliInProcess(['generate', 'tags'], root)).toMatchObject({ exitCode: 0, stderr: '' });
    expect(readTree(join(root, FOLDERS.users))).toEqual(next.users);
    expect(readTree(join(root, FOLDERS.tags))).toEqual(next.tags);
    expect(await runCliInProcess(['check'], root)).toMatchObject({ exitCode: 0, stderr: '' });
  });
});
