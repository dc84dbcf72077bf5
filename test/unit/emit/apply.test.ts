import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applyEmit,
  contentHash,
  createMemoryFileSystem,
  JOURNAL_FILE,
  nodeFileSystem,
  planEmit,
  serializeManifest,
  type FileSystem,
  type PlanInput,
} from '../../../src/emit/index.js';

const source = 'src/models/user.ts';

function files(contents: Record<string, string>): PlanInput['files'] {
  return Object.entries(contents).map(([path, content]) => ({ path, content, source }));
}

/** Plans and applies one run, as `codegen generate` does. */
async function generate(fs: FileSystem, outputDir: string, contents: Record<string, string>, options: Partial<PlanInput> = {}) {
  const plan = await planEmit({ outputDir, fs, files: files(contents), displayRoot: outputDir, ...options });
  return { plan, result: await applyEmit(plan, fs) };
}

describe('applyEmit in memory', () => {
  it('writes new files through temps, then the manifest, and deletes orphans with their empty folders', async () => {
    const fs = createMemoryFileSystem({
      '/out/.codegen-manifest.json': serializeManifest({
        version: 1,
        formatter: 'none',
        files: { 'old/gone.ts': { hash: contentHash('gone\n'), source } },
      }),
      '/out/old/gone.ts': 'gone\n',
    });
    const { result } = await generate(fs, '/out', { 'models/user.ts': 'user\n' });
    expect(result).toEqual({ written: ['models/user.ts'], deleted: ['old/gone.ts'], diagnostics: [] });
    expect(Object.keys(fs.snapshot())).toEqual(['/out/.codegen-manifest.json', '/out/models/user.ts']);
    expect(fs.directories()).not.toContain('/out/old');
    expect(fs.operations.filter((op) => op.startsWith('write')).every((op) => op.includes('.codegen-tmp-'))).toBe(true);
  });

  it('refuses a plan with errors and touches nothing', async () => {
    const fs = createMemoryFileSystem({ '/out/notes.ts': 'mine\n' });
    const { plan, result } = await generate(fs, '/out', { 'notes.ts': 'generated\n', 'other.ts': 'x\n' });
    expect(plan.diagnostics.map((d) => d.code)).toEqual(['CG4001']);
    expect(result.written).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['CG4002']);
    expect(fs.operations).toEqual([]);
  });

  it('rolls back staged temps and created folders when a folder cannot be made', async () => {
    const fs = createMemoryFileSystem({ '/out/models': 'a file, not a folder\n' });
    const snapshot = fs.snapshot();
    const directories = fs.directories();
    const { result } = await generate(fs, '/out', { 'a/b/c.ts': 'c\n', 'models/user.ts': 'u\n' });
    expect(result.diagnostics).toMatchObject([{ code: 'CG4002', file: 'models/user.ts' }]);
    expect(fs.snapshot()).toEqual(snapshot);
    expect(fs.directories()).toEqual(directories);
  });

  it('does not rewrite unchanged files nor an unchanged manifest', async () => {
    const fs = createMemoryFileSystem();
    await generate(fs, '/out', { 'a.ts': 'a\n', 'b.ts': 'b\n' });
    fs.operations.length = 0;
    const { result } = await generate(fs, '/out', { 'a.ts': 'a\n', 'b.ts': 'b2\n' });
    expect(result.written).toEqual(['b.ts']);
    const targets = fs.operations.filter((op) => op.startsWith('rename')).map((op) => op.split(' ')[2]);
    // The journal first (the commit point), then the outputs, the manifest last.
    expect(targets).toEqual(['/out/.codegen-journal.json', '/out/b.ts', '/out/.codegen-manifest.json']);
    expect(fs.operations.at(-1)).toBe('remove /out/.codegen-journal.json');
    fs.operations.length = 0;
    await generate(fs, '/out', { 'a.ts': 'a\n', 'b.ts': 'b2\n' });
    expect(fs.operations).toEqual([]);
  });
});

describe('the run journal', () => {
  it('records the hash of each replaced text, taken from the plan when it hashed it already', async () => {
    const outputDir = '/app/out';
    const fs = createMemoryFileSystem();
    await generate(fs, outputDir, { 'a.ts': 'one\n' });
    const journals: string[] = [];
    const watched: FileSystem = { ...fs, writeFile: (path, content) => (path.includes(JOURNAL_FILE) && journals.push(content), fs.writeFile(path, content)) };
    const plan = await planEmit({ outputDir, fs: watched, files: files({ 'a.ts': 'two\n' }), displayRoot: outputDir });
    const entry = plan.entries.find((each) => each.path === 'a.ts')!;
    // Planning hashed the text on disk to tell a hand edit; the journal needs that very hash.
    expect(entry).toMatchObject({ action: 'update', before: 'one\n', beforeHash: contentHash('one\n') });
    await applyEmit(plan, watched);
    expect(JSON.parse(journals[0]!).renames[0]).toMatchObject({ target: 'a.ts', before: contentHash('one\n') });
  });
});

describe('applyEmit on disk', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'codegen-emit-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function tree(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1)).sort();
  }

  it('creates the output folder and writes files and a deterministic manifest', async () => {
    const out = join(root, 'src', 'generated');
    const first = await generate(nodeFileSystem, out, { 'b.ts': 'b\n', 'a/x.ts': 'x\n' }, { formatter: 'prettier@3+abc' });
    expect(first.result.diagnostics).toEqual([]);
    expect(await readFile(join(out, 'a', 'x.ts'), 'utf8')).toBe('x\n');
    const manifest = await readFile(join(out, '.codegen-manifest.json'), 'utf8');
    expect(manifest).toBe(serializeManifest(first.plan.manifest));
    expect(await tree(out)).toEqual(['.codegen-manifest.json', 'a', 'a/x.ts', 'b.ts']);

    // Same files in another order, elsewhere: the same manifest bytes.
    const other = join(root, 'other');
    await generate(nodeFileSystem, other, { 'a/x.ts': 'x\n', 'b.ts': 'b\n' }, { formatter: 'prettier@3+abc' });
    expect(await readFile(join(other, '.codegen-manifest.json'), 'utf8')).toBe(manifest);
  });

  it('plans a dry run without creating any folder', async () => {
    const out = join(root, 'not', 'yet');
    const plan = await planEmit({ outputDir: out, fs: nodeFileSystem, files: files({ 'a/b.ts': 'b\n' }) });
    expect(plan.entries.map((entry) => entry.action)).toEqual(['create']);
    expect(await readdir(root)).toEqual([]);
  });

  it('leaves the mtime of unchanged files alone', async () => {
    const out = join(root, 'out');
    await generate(nodeFileSystem, out, { 'same.ts': 'same\n', 'changes.ts': 'v1\n' });
    const past = new Date('2020-01-01T00:00:00Z');
    await utimes(join(out, 'same.ts'), past, past);
    await utimes(join(out, '.codegen-manifest.json'), past, past);
    const { plan } = await generate(nodeFileSystem, out, { 'same.ts': 'same\n', 'changes.ts': 'v2\n' });
    expect(plan.entries.map((e) => e.action)).toEqual(['update', 'unchanged']);
    expect((await stat(join(out, 'same.ts'))).mtime).toEqual(past);
    expect(await readFile(join(out, 'changes.ts'), 'utf8')).toBe('v2\n');
  });

  it('writes nothing and leaves nothing behind when a file stands where a folder must be', async () => {
    const out = join(root, 'out');
    await generate(nodeFileSystem, out, { 'keep.ts': 'v1\n' });
    await writeFile(join(out, 'models'), 'I am a file\n');
    const before = await tree(out);

    const { result } = await generate(nodeFileSystem, out, {
      'keep.ts': 'v2\n',
      'fresh/deep/a.ts': 'a\n',
      'models/user.ts': 'user\n',
    });

    expect(result.written).toEqual([]);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code: 'CG4002', file: 'models/user.ts' });
    expect(result.diagnostics[0]!.message).toMatch(/\((ENOTDIR|EEXIST)\)/);
    expect(await tree(out)).toEqual(before); // no temp, no `fresh/` folder
    expect(await readFile(join(out, 'keep.ts'), 'utf8')).toBe('v1\n');
  });

  it('fails cleanly when the output folder itself is a file', async () => {
    const out = join(root, 'out');
    await writeFile(out, 'not a folder\n');
    const { plan, result } = await generate(nodeFileSystem, out, { 'a.ts': 'a\n' });
    expect(plan.diagnostics).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['CG4002']);
    expect(await readdir(root)).toEqual(['out']);
    expect(await readFile(out, 'utf8')).toBe('not a folder\n');
  });

  it('puts back replaced files when a later rename fails', async () => {
    const out = join(root, 'out');
    await generate(nodeFileSystem, out, { 'a.ts': 'v1\n' });
    // A folder where `z.ts` goes passes staging (the temp sits beside it) but fails the rename.
    const renameFailsOnZ: FileSystem = {
      ...nodeFileSystem,
      readFile: async (path) => (path.endsWith('z.ts') ? undefined : nodeFileSystem.readFile(path)),
    };
    await mkdir(join(out, 'z.ts', 'inside'), { recursive: true });
    const { result } = await generate(renameFailsOnZ, out, { 'a.ts': 'v2\n', 'z.ts': 'z\n' });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['CG4002']);
    expect(await readFile(join(out, 'a.ts'), 'utf8')).toBe('v1\n');
    expect(await tree(out)).toEqual(['.codegen-manifest.json', 'a.ts', 'z.ts', 'z.ts/inside']);
  });
});
