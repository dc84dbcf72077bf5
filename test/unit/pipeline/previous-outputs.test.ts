/**
 * A project whose `output` changed (tester9 F5): the first run into the new folder deletes what
 * it generated in the old one, in the same commit, and only that: a hand-edited file is kept (and
 * the folder with it), a folder another config or an earlier version wrote is left alone, one
 * that holds the new folder is reported (CG4013); `--dry-run` lists the deletions and `check`
 * reports them (CG4005), writing nothing; a partial run (`--type`) deletes nothing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { check, generate, type GenerateResult as RunResult } from '../../../src/index.js';
import { makeProject, readTree, removeProject } from '../../helpers/workspace.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) removeProject(folder);
});

const MODELS = {
  'src/models/user.ts': 'export interface User {\n  /** @minLength 1 */\n  name: string;\n}\n',
  'src/models/tag.ts': 'export interface Tag {\n  label: string;\n}\n',
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'ESNext', moduleResolution: 'Bundler', target: 'ES2022' } }),
  'package.json': '{ "type": "module" }\n',
};
const config = (output: string, extra = '') => `input: ["src/models/**/*.ts"]\noutput: ${output}\ngenerators:\n  validate: {}\n  mock: { output: mocks }\n${extra}`;

/** A project generated into `src/generated`, its config then pointed at `output`. */
async function movedProject(output: string, files: Record<string, string> = {}): Promise<string> {
  const root = makeProject('previous-outputs', { ...MODELS, 'codegen.config.yaml': config('src/generated'), ...files });
  folders.push(root);
  expect((await generate({ cwd: root, format: false })).exitCode).toBe(0);
  writeFileSync(join(root, 'codegen.config.yaml'), config(output));
  return root;
}

const files = (root: string, folder: string) => Object.keys(readTree(join(root, folder))).sort();
const deletedIn = (result: RunResult) => result.projects.flatMap((project) => (project.previous ?? []).map((previous) => [previous.outputDir, previous.deleted.sort()]));

describe('a project whose output folder changed', () => {
  it('deletes what it generated in the old folder, and the folder, in the run that writes the new one', async () => {
    const root = await movedProject('src/gen');
    const old = files(root, 'src/generated');
    expect(old).toContain('.codegen-manifest.json');
    const result = await generate({ cwd: root, format: false });
    expect(result.exitCode).toBe(0);
    expect(result.diagnostics).toEqual([]);
    expect(deletedIn(result)).toEqual([[join(root, 'src/generated'), old.filter((path) => path !== '.codegen-manifest.json')]]);
    expect(existsSync(join(root, 'src/generated'))).toBe(false);
    expect(files(root, 'src/gen')).toEqual(old);
    // The new folder has its manifest: the next run is a run like any other.
    const again = await generate({ cwd: root, format: false });
    expect(again.projects[0]!.previous).toBeUndefined();
    expect(again.projects[0]!.plan.entries.every((entry) => entry.action === 'unchanged')).toBe(true);
  });

  it('keeps a file edited by hand (CG4008), with the manifest that says it is yours', async () => {
    const root = await movedProject('src/gen');
    const edited = join(root, 'src/generated/mocks/tag.mock.ts');
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}// mine\n`);
    const result = await generate({ cwd: root, format: false });
    expect(result.exitCode).toBe(0);
    expect(result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual(['CG4008 src/generated/mocks/tag.mock.ts is no longer generated but was edited by hand, so it was kept.']);
    expect(files(root, 'src/generated')).toEqual(['.codegen-manifest.json', 'mocks/tag.mock.ts']);
    const manifest = JSON.parse(readFileSync(join(root, 'src/generated/.codegen-manifest.json'), 'utf8'));
    expect(manifest.owner).toBeUndefined();
    expect(manifest.files['mocks/tag.mock.ts'].kept).toBe(true);
  });

  it('lists the deletions in a dry run and reports them in check (CG4005), writing nothing', async () => {
    const root = await movedProject('src/gen');
    const before = readTree(join(root, 'src/generated'));
    const dry = await generate({ cwd: root, format: false, mode: 'dry-run' });
    expect(dry.exitCode).toBe(0);
    const generated = Object.keys(before).filter((path) => path !== '.codegen-manifest.json');
    expect(dry.projects[0]!.previous!.flatMap((previous) => previous.plan.entries.map((entry) => `${entry.action} ${entry.path}`))).toEqual(generated.map((path) => `delete ${path}`));
    const checked = await check({ cwd: root, format: false });
    expect(checked.exitCode).toBe(1);
    expect(checked.diagnostics.filter((d) => d.code === 'CG4005').map((d) => d.file).sort()).toEqual(generated.map((path) => `src/generated/${path}`).sort());
    expect(readTree(join(root, 'src/generated'))).toEqual(before);
    expect(existsSync(join(root, 'src/gen'))).toBe(false);
  });

  it('leaves alone a folder written by another config, or by an earlier version (no owner in its manifest)', async () => {
    const root = await movedProject('src/gen');
    // Another config beside this one writes its own folder; an earlier version wrote a third.
    writeFileSync(join(root, 'other.config.yaml'), config('src/other'));
    expect((await generate({ cwd: root, config: 'other.config.yaml', format: false })).exitCode).toBe(0);
    const manifest = join(root, 'src/generated/.codegen-manifest.json');
    const { owner: _owner, ...earlier } = JSON.parse(readFileSync(manifest, 'utf8'));
    writeFileSync(manifest, JSON.stringify(earlier, null, 2));
    const before = { generated: readTree(join(root, 'src/generated')), other: readTree(join(root, 'src/other')) };
    const result = await generate({ cwd: root, format: false });
    expect(result.exitCode).toBe(0);
    expect(result.projects[0]!.previous).toBeUndefined();
    expect({ generated: readTree(join(root, 'src/generated')), other: readTree(join(root, 'src/other')) }).toEqual(before);
  });

  it('leaves the old folder when it holds the new one (CG4013)', async () => {
    const root = await movedProject('src/generated/v2');
    const before = readTree(join(root, 'src/generated'));
    const result = await generate({ cwd: root, format: false });
    expect(result.exitCode).toBe(0);
    expect(result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      'CG4013 src/generated holds the files project "default" generated before its output became src/generated/v2; they are left in place, since one folder holds the other.',
    ]);
    for (const [path, text] of Object.entries(before)) expect(readFileSync(join(root, 'src/generated', path), 'utf8')).toBe(text);
  });

  it('deletes nothing in a partial run (--type), which leaves every file it did not choose as it is', async () => {
    const root = await movedProject('src/gen');
    const before = readTree(join(root, 'src/generated'));
    const result = await generate({ cwd: root, format: false, types: ['User'] });
    expect(result.exitCode).toBe(0);
    expect(result.projects[0]!.previous).toBeUndefined();
    expect(readTree(join(root, 'src/generated'))).toEqual(before);
  });
});
