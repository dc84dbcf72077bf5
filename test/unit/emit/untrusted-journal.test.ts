/**
 * The journal is input, not truth, and recovery runs after a kill, when a person may have acted:
 * what a journal names must be what codegen could have staged (a regular temp, a file target),
 * and a target changed by hand since the run staged it is kept, never overwritten silently.
 */
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  applyEmit,
  contentHash,
  createMemoryFileSystem,
  nodeFileSystem,
  planEmit,
  recoverOutput,
  serializeManifest,
  type FileSystem,
} from '../../../src/emit/index.js';
import { makeProject, readTree, removeProject } from '../../helpers/workspace.js';

const source = 'src/models/user.ts';
const manifestOf = (files: Record<string, string>) =>
  serializeManifest({ version: 1, formatter: 'none', files: Object.fromEntries(Object.entries(files).map(([path, content]) => [path, { hash: contentHash(content), source }])) });

const roots: string[] = [];
afterAll(() => roots.forEach(removeProject));

describe('a journal entry that names a folder', () => {
  it('is ignored with a located CG4009, and the rest of the run is recovered', async () => {
    const journal = JSON.stringify(
      {
        version: 1,
        renames: [{ temp: '.a.ts.codegen-tmp-0123456789ab', target: 'a.ts', before: null }],
        deletes: [{ path: 'sub', hash: contentHash('') }],
      },
      null,
      2,
    );
    const disk = createMemoryFileSystem({
      '/out/.a.ts.codegen-tmp-0123456789ab': 'a\n',
      '/out/sub/kept.ts': 'kept\n',
      '/out/.codegen-journal.json': journal,
    });
    const diagnostics = await recoverOutput(disk, '/out', '/');
    expect(diagnostics).toMatchObject([{ code: 'CG4009', file: 'out/.codegen-journal.json', line: 12, message: expect.stringContaining('names a folder') }]);
    expect(disk.snapshot()).toEqual({ '/out/a.ts': 'a\n', '/out/sub/kept.ts': 'kept\n' });
  });
});

describe('a journal rename whose temp is not a regular file', () => {
  it('never installs a symbolic link as an output (CG4009), and leaves what it points at alone', async () => {
    const root = makeProject('journal-link-temp', { 'outside.ts': 'export const evil = 1;\n', 'out/a.ts': 'a1\n' });
    roots.push(root);
    const out = join(root, 'out');
    symlinkSync(join(root, 'outside.ts'), join(out, '.a.ts.codegen-tmp-0123456789ab'));
    writeFileSync(join(out, '.codegen-journal.json'), JSON.stringify({ version: 1, renames: [{ temp: '.a.ts.codegen-tmp-0123456789ab', target: 'a.ts' }], deletes: [] }));
    const diagnostics = await recoverOutput(nodeFileSystem, out, root);
    expect(diagnostics).toMatchObject([{ code: 'CG4009', message: expect.stringContaining('not a regular file') }]);
    expect(readTree(out)).toEqual({ 'a.ts': 'a1\n' });
    expect(readFileSync(join(root, 'outside.ts'), 'utf8')).toBe('export const evil = 1;\n');
  });
});

describe('a hand edit made between a kill and its recovery', () => {
  /** Generates OLD → NEW on a disk that dies after the journal and the first rename. */
  async function killedAfterFirstRename(): Promise<FileSystem & { snapshot(): Record<string, string> }> {
    const OLD = { 'a.ts': 'a1\n', 'b.ts': 'b1\n' };
    const disk = createMemoryFileSystem({ '/out/.codegen-manifest.json': manifestOf(OLD), '/out/a.ts': 'a1\n', '/out/b.ts': 'b1\n' });
    let renames = 0;
    let dead = false;
    const die = () => {
      dead = true;
      throw Object.assign(new Error('killed'), { code: 'EKILLED' });
    };
    // Once dead, every mutating call fails, so the in-process rollback cannot run either (as after kill -9).
    const dying: FileSystem = {
      ...disk,
      // The journal's own rename, then the first output's; the process dies before the second.
      rename: async (from, to) => (dead || renames++ >= 2 ? die() : disk.rename(from, to)),
      remove: async (path) => (dead ? die() : disk.remove(path)),
      writeFile: async (path, content) => (dead ? die() : disk.writeFile(path, content)),
    };
    const files = [
      { path: 'a.ts', content: 'a2\n', source },
      { path: 'b.ts', content: 'b2\n', source },
      { path: 'c.ts', content: 'c2\n', source },
    ];
    await applyEmit(await planEmit({ outputDir: '/out', fs: disk, files }), dying);
    return disk;
  }

  it('keeps the edit (CG4008 from recovery, then CG4001 from the next plan), for a replaced file and a new one', async () => {
    const disk = await killedAfterFirstRename();
    expect(disk.snapshot()['/out/a.ts']).toBe('a2\n'); // renamed before the kill
    expect(disk.snapshot()['/out/b.ts']).toBe('b1\n'); // not yet
    await disk.writeFile('/out/b.ts', 'b1 edited by hand\n');
    await disk.writeFile('/out/c.ts', 'mine\n');
    const diagnostics = await recoverOutput(disk, '/out', '/');
    expect(diagnostics.map((d) => `${d.code} ${d.file}`)).toEqual(['CG4008 out/b.ts', 'CG4008 out/c.ts']);
    const tree = disk.snapshot();
    expect(tree['/out/b.ts']).toBe('b1 edited by hand\n');
    expect(tree['/out/c.ts']).toBe('mine\n');
    expect(Object.keys(tree).filter((path) => path.includes('codegen-tmp') || path.includes('journal'))).toEqual([]);
    const files = [
      { path: 'a.ts', content: 'a2\n', source },
      { path: 'b.ts', content: 'b2\n', source },
      { path: 'c.ts', content: 'c2\n', source },
    ];
    const next = await planEmit({ outputDir: '/out', fs: disk, files });
    expect(next.diagnostics.map((d) => `${d.code} ${d.file}`)).toEqual(['CG4001 b.ts', 'CG4001 c.ts']);
  });
});
