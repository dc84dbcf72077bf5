/**
 * An error while planning means codegen could not examine every output: `check` and `--dry-run`
 * then exit 2 and never say "up to date", and `clean` reports no deletion it did not do. Manifest
 * entries that could never be acted on (a folder, a name or path too long for the file system) are
 * warnings that drop the entry, not an error repeated on every run.
 */
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCheckVerdict } from '../../../src/cli/run-report.js';
import { nodeFileSystem, type FileSystem } from '../../../src/emit/index.js';
import { clean } from '../../../src/pipeline/clean.js';
import { run } from '../../../src/pipeline/run.js';
import { makeProject, removeProject, withSmallLibs, writeFile } from '../../helpers/workspace.js';

let root: string;
const generated = () => join(root, 'src', 'generated');
const manifestPath = () => join(generated(), '.codegen-manifest.json');

beforeAll(async () => {
  // Lib ES2022 and no @types: what is tested is the plan over the outputs, not the model's libs
  // (the DOM and Node declarations were most of each analysis of the file's runs).
  root = withSmallLibs(makeProject('planning-errors', {
    'codegen.config.yaml': 'input: ["src/models/**/*.ts"]\noutput: src/generated\nformat: false\ngenerators:\n  validate: {}\n',
    'src/models/user.ts': 'export interface User {\n  /** @minLength 1 */\n  name: string;\n}\n',
    'outside.ts': 'export const outside = 1;\n',
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true } }),
  }));
  expect((await run({ cwd: root })).exitCode).toBe(0);
}, 60_000);

afterAll(() => removeProject(root));

describe('an error while planning', () => {
  it('makes check and --dry-run exit 2, with no "up to date" verdict (an output replaced by a link leading out)', async () => {
    const output = join(generated(), 'user.validate.ts');
    const saved = readFileSync(output, 'utf8');
    rmSync(output);
    symlinkSync(join(root, 'outside.ts'), output);
    try {
      const check = await run({ cwd: root, mode: 'check' });
      expect(check.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toContain('CG4002');
      expect(check.exitCode).toBe(2);
      expect(formatCheckVerdict(check)).toEqual([expect.stringMatching(/could not be checked/)]);
      expect((await run({ cwd: root, mode: 'dry-run' })).exitCode).toBe(2);
    } finally {
      rmSync(output);
      writeFileSync(output, saved);
    }
    expect((await run({ cwd: root, mode: 'check' })).exitCode).toBe(0);
  });

  it('makes clean report no deletion it did not do', async () => {
    // A disk where one recorded output cannot be read: the plan has an error, so nothing is deleted.
    const unreadable: FileSystem = {
      ...nodeFileSystem,
      readFile: async (path) => {
        if (path.endsWith('validation.ts')) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
        return nodeFileSystem.readFile(path);
      },
    };
    const result = await clean({ cwd: root, fs: unreadable });
    expect(result.exitCode).toBe(2);
    expect(result.deleted).toEqual([]);
    expect(result.plans.flatMap((plan) => plan.entries).filter((entry) => entry.action === 'delete')).toEqual([]);
    expect(readFileSync(join(generated(), 'user.validate.ts'), 'utf8')).toContain('Code generated');
  });
});

describe('manifest entries the file system cannot act on', () => {
  it('are CG4009 at their line and dropped: a folder, a name over 255 bytes, a path over 4,096 bytes', async () => {
    writeFile(generated(), 'sub/mine.ts', 'mine\n');
    const manifest = JSON.parse(readFileSync(manifestPath(), 'utf8')) as { files: Record<string, unknown> };
    const entry = { hash: `sha256-${'0'.repeat(64)}`, source: 'src/models/user.ts' };
    const longName = `${'n'.repeat(5000)}.ts`;
    const deepPath = Array(3000).fill('d').join('/');
    Object.assign(manifest.files, { sub: entry, [longName]: entry, [deepPath]: entry });
    const text = JSON.stringify(manifest, null, 2);
    writeFileSync(manifestPath(), text);
    const lineOf = (key: string) => text.split('\n').findIndex((line) => line.includes(`${JSON.stringify(key)}:`)) + 1;

    const check = await run({ cwd: root, mode: 'check' });
    expect(check.exitCode).toBe(0);
    const warnings = check.diagnostics.filter((d) => d.code === 'CG4009');
    expect(warnings.map((d) => [d.line, d.message.replace(/^.* which /, '').replace(/;.*$/, '')])).toEqual(
      expect.arrayContaining([
        [lineOf('sub'), 'names a folder, not a file'],
        [lineOf(longName), 'has a name longer than the file system allows (255 bytes)'],
        [lineOf(deepPath), 'is longer than the file system allows (4096 bytes)'],
      ]),
    );
    expect(warnings).toHaveLength(3);

    const cleaned = await clean({ cwd: root, dryRun: true });
    expect(cleaned.exitCode).toBe(0);
    const generate = await run({ cwd: root });
    expect(generate.exitCode).toBe(0);
    expect(Object.keys((JSON.parse(readFileSync(manifestPath(), 'utf8')) as { files: object }).files)).toEqual(['index.ts', 'user.validate.ts', 'validation.ts']);
    expect(readFileSync(join(generated(), 'sub/mine.ts'), 'utf8')).toBe('mine\n');
  });
});

describe('a very large manifest', () => {
  it('costs about one file-system call per entry: 20,000 entries of files long gone, checked and dropped', async () => {
    const manifest = JSON.parse(readFileSync(manifestPath(), 'utf8')) as { files: Record<string, unknown> };
    const entries = 20_000;
    for (let index = 0; index < entries; index++) manifest.files[`gone/f${index}.validate.ts`] = { hash: `sha256-${'0'.repeat(64)}`, source: 'src/models/x.ts' };
    writeFileSync(manifestPath(), JSON.stringify(manifest, null, 2));
    let calls = 0;
    const counting = Object.fromEntries(
      Object.entries(nodeFileSystem).map(([name, call]) => [name, (...args: never[]) => (calls++, (call as (...a: never[]) => unknown)(...args))]),
    ) as unknown as FileSystem;
    const check = await run({ cwd: root, mode: 'check', fs: counting });
    expect(check.exitCode).toBe(0);
    // Before: a realpath per folder level, then a read per entry, all at once (100,000 entries: 37 s, 680 MB).
    expect(calls).toBeLessThan(entries * 1.1);
    expect((await run({ cwd: root })).exitCode).toBe(0);
    expect(Object.keys((JSON.parse(readFileSync(manifestPath(), 'utf8')) as { files: object }).files)).toHaveLength(3);
  }, 60_000);

  it('is not read at all beyond 32 MiB (CG4006), so memory stays bounded', async () => {
    const text = readFileSync(manifestPath(), 'utf8');
    writeFileSync(manifestPath(), text.replace(/\n}\n?$/, `,\n"padding": "${'x'.repeat(33 * 1024 * 1024)}"\n}\n`));
    const check = await run({ cwd: root, mode: 'check' });
    expect(check.diagnostics).toMatchObject([{ code: 'CG4006', file: 'src/generated/.codegen-manifest.json', message: expect.stringContaining('over the 32 MiB codegen reads') }]);
    expect(check.exitCode).toBe(0); // every file still carries codegen's header, so none is refused
    expect((await run({ cwd: root })).exitCode).toBe(0);
    expect(readFileSync(manifestPath(), 'utf8').length).toBeLessThan(2000);
  }, 60_000);
});
