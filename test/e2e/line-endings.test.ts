/**
 * Line endings and the project's Prettier: every file codegen writes (TypeScript, JSON, YAML and
 * `.codegen-manifest.json`) passes the real Prettier's check with the project's config, and a
 * checkout that converts line endings (git `core.autocrlf`) is neither a hand edit nor stale.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { copyProject, readTree, removeProject, withSmallLibs, writeFile } from '../helpers/workspace.js';

const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'line-endings', 'project');
const OUTPUT = join('src', 'generated');
const created: string[] = [];
afterAll(() => created.forEach(removeProject));

function project(name: string, prettierrc?: Record<string, unknown>): string {
  // The outputs' line endings and format are tested, not the models' libs.
  const root = withSmallLibs(copyProject(FIXTURE, name));
  created.push(root);
  if (prettierrc) writeFile(root, '.prettierrc', `${JSON.stringify(prettierrc)}\n`);
  return root;
}

/** The files of the output folder that the real `prettier --check` rejects under the project's config. */
async function prettierRejects(root: string): Promise<string[]> {
  const output = join(root, OUTPUT);
  const rejected: string[] = [];
  for (const name of readdirSync(output)) {
    const file = join(output, name);
    const info = await prettier.getFileInfo(file);
    expect(info, name).toMatchObject({ ignored: false });
    expect(info.inferredParser, name).not.toBeNull();
    const config = (await prettier.resolveConfig(file, { editorconfig: true })) ?? {};
    if (!(await prettier.check(readFileSync(file, 'utf8'), { ...config, filepath: file }))) rejected.push(name);
  }
  return rejected;
}

function convertOutputs(root: string, eol: string): void {
  const output = join(root, OUTPUT);
  for (const name of readdirSync(output)) {
    const file = join(output, name);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\r\n?|\n/g, eol));
  }
}

const lineEndings = (tree: Record<string, string>) =>
  [...new Set(Object.values(tree).flatMap((text) => text.match(/\r\n|\r|\n/g) ?? []))].map((eol) => JSON.stringify(eol));

describe('every file codegen writes passes the project’s prettier --check', { timeout: 180_000 }, () => {
  it.concurrent.each([
    // Each option once, in two projects.
    [{ useTabs: true, endOfLine: 'crlf', printWidth: 40 }, ['"\\r\\n"']],
    [{ endOfLine: 'cr', tabWidth: 4 }, ['"\\r"']],
  ])('%j', async (prettierrc, endings) => {
    const root = project('prettier-check', prettierrc);
    expect(await runCliInProcess(['generate'], root)).toMatchObject({ exitCode: 0, stderr: '' });
    expect(await prettierRejects(root)).toEqual([]);
    const tree = readTree(join(root, OUTPUT));
    expect(Object.keys(tree)).toContain('.codegen-manifest.json');
    expect(lineEndings(tree)).toEqual(endings);
    // And it is stable: the next run has nothing to do.
    expect(await runCliInProcess(['check'], root)).toMatchObject({ exitCode: 0, stderr: '' });
  });
});

describe('line endings converted by a checkout', { timeout: 180_000 }, () => {
  it.concurrent.each([
    ['\r\n', 'CRLF (git core.autocrlf)'],
    ['\r', 'CR'],
  ])('%j: %s is neither a hand edit nor stale; a real edit still is', async (eol) => {
    const root = project('autocrlf');
    expect((await runCliInProcess(['generate'], root)).exitCode).toBe(0);
    convertOutputs(root, eol);
    const converted = readTree(join(root, OUTPUT));

    const check = await runCliInProcess(['check'], root);
    expect(check).toMatchObject({ exitCode: 0, stderr: '' });
    expect(check.stdout).toContain('generated files are up to date');
    const generate = await runCliInProcess(['generate'], root);
    expect(generate).toMatchObject({ exitCode: 0, stderr: '' });
    expect(generate.stdout).toMatch(/0 created, 0 updated, 0 deleted, 9 unchanged/);
    expect(readTree(join(root, OUTPUT))).toEqual(converted); // not rewritten: git would only convert them back

    const file = join(root, OUTPUT, 'user.validate.ts');
    writeFileSync(file, `${readFileSync(file, 'utf8')}// mine${eol}`);
    const edited = await runCliInProcess(['check'], root);
    expect(edited.exitCode).toBe(1);
    expect(edited.stderr).toContain('error CG4001: src/generated/user.validate.ts was edited by hand');
    expect((await runCliInProcess(['generate'], root)).exitCode).toBe(2);
  });

  it.concurrent('a changed output is written with the line ending Prettier asks for; `auto` keeps the one on disk', async () => {
    const root = project('eol-auto', { endOfLine: 'auto' });
    expect((await runCliInProcess(['generate'], root)).exitCode).toBe(0);
    expect(lineEndings(readTree(join(root, OUTPUT)))).toEqual(['"\\n"']); // new files: LF
    convertOutputs(root, '\r\n');
    writeFile(root, 'src/models/user.ts', `${readFileSync(join(root, 'src/models/user.ts'), 'utf8')}\nexport interface Team {\n  name: string;\n}\n`);
    const generate = await runCliInProcess(['generate'], root);
    expect(generate).toMatchObject({ exitCode: 0, stderr: '' });
    expect(generate.stdout).toContain('updated     src/generated/user.validate.ts');
    expect(lineEndings(readTree(join(root, OUTPUT)))).toEqual(['"\\r\\n"']);
    expect(await prettierRejects(root)).toEqual([]);
  });

  it.concurrent('changing Prettier’s endOfLine rewrites the outputs once, with the new line ending', async () => {
    const root = project('eol-switch');
    expect((await runCliInProcess(['generate'], root)).exitCode).toBe(0);
    writeFile(root, '.prettierrc', '{ "endOfLine": "crlf" }\n');
    const check = await runCliInProcess(['check'], root);
    expect(check.exitCode).toBe(1);
    expect(check.stderr).toContain('CG4004');
    expect(check.stderr).not.toContain('CG4001');
    expect(await runCliInProcess(['generate'], root)).toMatchObject({ exitCode: 0, stderr: '' });
    expect(lineEndings(readTree(join(root, OUTPUT)))).toEqual(['"\\r\\n"']);
    expect(await prettierRejects(root)).toEqual([]);
    expect(await runCliInProcess(['check'], root)).toMatchObject({ exitCode: 0, stderr: '' });
  });
});
