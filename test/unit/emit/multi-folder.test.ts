/**
 * A run over several projects commits all its output folders together (apply.ts): killed at any
 * instant, every folder comes back old or every folder new, whichever folder is recovered first,
 * and an I/O failure in one folder leaves the others untouched.
 */
import { describe, expect, it } from 'vitest';
import {
  applyEmits,
  contentHash,
  createMemoryFileSystem,
  interruptedRun,
  planEmit,
  recoverOutput,
  serializeManifest,
  type FileSystem,
  type MemoryFileSystem,
} from '../../../src/emit/index.js';

const source = 'src/models/user.ts';
const FOLDERS = ['/app/gen/users', '/app/gen/tags'] as const;
const OLD = { 'a.ts': 'a1\n', 'gone.ts': 'orphan\n', 'same.ts': 'same\n' };
const NEW = { 'a.ts': 'a2\n', 'sub/new.ts': 'c\n', 'same.ts': 'same\n' };

function generatedDisk(files: Record<string, string>): MemoryFileSystem {
  const recorded = Object.fromEntries(Object.entries(files).map(([path, content]) => [path, { hash: contentHash(content), source }]));
  const initial: Record<string, string> = { '/app/package.json': '{}\n' };
  for (const folder of FOLDERS) {
    initial[`${folder}/.codegen-manifest.json`] = serializeManifest({ version: 1, formatter: 'none', files: recorded });
    for (const [path, content] of Object.entries(files)) initial[`${folder}/${path}`] = content;
  }
  return createMemoryFileSystem(initial);
}

/** The same disk, but every mutating call after the first `budget` ones fails: the process is dead. */
function dyingAfter(fs: FileSystem, budget: number): FileSystem & { spent: () => number } {
  let calls = 0;
  const mutating = <A extends unknown[], R>(call: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    if (calls >= budget) throw Object.assign(new Error('killed'), { code: 'EKILLED' });
    calls++;
    return call(...args);
  };
  return {
    ...fs,
    writeFile: mutating(fs.writeFile),
    rename: mutating(fs.rename),
    remove: mutating(fs.remove),
    makeDirectory: mutating(fs.makeDirectory),
    removeEmptyDirectory: mutating(fs.removeEmptyDirectory),
    spent: () => calls,
  };
}

async function generate(fs: FileSystem, files: Record<string, string>) {
  const planned = Object.entries(files).map(([path, content]) => ({ path, content, source }));
  const plans = await Promise.all(FOLDERS.map((outputDir) => planEmit({ outputDir, fs, files: planned, displayRoot: '/app' })));
  return applyEmits(plans, fs);
}

const hasTemp = (fs: MemoryFileSystem) => Object.keys(fs.snapshot()).some((path) => path.includes('.codegen-tmp-'));

describe('a run over two output folders', () => {
  it('killed at any instant, comes back all old or all new, whichever folder is recovered first', async () => {
    const complete = generatedDisk(OLD);
    await generate(complete, NEW);
    const newTree = complete.snapshot();
    const oldTree = generatedDisk(OLD).snapshot();
    const total = dyingAfter(generatedDisk(OLD), Infinity);
    await generate(total, NEW);
    expect(total.spent()).toBeGreaterThan(20);

    for (const order of [FOLDERS, [...FOLDERS].reverse()]) {
      const outcomes: string[] = [];
      for (let budget = 0; budget < total.spent(); budget++) {
        const disk = generatedDisk(OLD);
        await generate(dyingAfter(disk, budget), NEW);
        const unfinished = disk.snapshot();
        const warnings = await Promise.all(FOLDERS.map((folder) => interruptedRun(disk, folder, '/app')));
        if (warnings.every((warning) => warning === undefined)) expect([oldTree, newTree]).toContainEqual(unfinished);

        // `codegen generate <one project>` recovers its own folder only; the other one later.
        expect(await recoverOutput(disk, order[0], '/app')).toEqual([]);
        expect(await recoverOutput(disk, order[1], '/app')).toEqual([]);
        expect(hasTemp(disk)).toBe(false);
        const repaired = disk.snapshot();
        expect([oldTree, newTree]).toContainEqual(repaired);
        outcomes.push(JSON.stringify(repaired) === JSON.stringify(newTree) ? 'new' : 'old');
        expect((await generate(disk, NEW)).flatMap((result) => result.diagnostics)).toEqual([]);
        expect(disk.snapshot()).toEqual(newTree);
      }
      // Old until the last journal is written, new from then on: exactly one switch.
      expect(outcomes.join(' ')).toMatch(/^(old )+(new ?)+$/);
    }
  });

  it('recovery of the group survives a kill at any instant', async () => {
    const newTree = generatedDisk(OLD);
    await generate(newTree, NEW);
    const killedAfter = async (budget: number) => {
      const disk = generatedDisk(OLD);
      await generate(dyingAfter(disk, budget), NEW);
      return disk;
    };
    // The first budget at which both journals are in place: the run dies right after its commit point.
    let committed = 0;
    const journals = (snapshot: Record<string, string>) => FOLDERS.filter((folder) => `${folder}/.codegen-journal.json` in snapshot);
    while (journals((await killedAfter(committed)).snapshot()).length < FOLDERS.length) committed++;
    for (let budget = 0; budget < 16; budget++) {
      const disk = await killedAfter(committed);
      await recoverOutput(dyingAfter(disk, budget), FOLDERS[1], '/app'); // killed while recovering
      for (const folder of FOLDERS) expect(await recoverOutput(disk, folder, '/app')).toEqual([]);
      expect(disk.snapshot()).toEqual(newTree.snapshot());
    }
  });

  it('an I/O failure in the second folder leaves the first one untouched', async () => {
    const disk = generatedDisk(OLD);
    const before = disk.snapshot();
    // The second project's new file cannot be renamed into place (after the first folder's renames).
    const failing: FileSystem = {
      ...disk,
      rename: async (from, to) => {
        if (to === '/app/gen/tags/sub/new.ts') throw Object.assign(new Error('denied'), { code: 'EACCES' });
        return disk.rename(from, to);
      },
    };
    const results = await generate(failing, NEW);
    expect(results[0]).toEqual({ written: [], deleted: [], diagnostics: [] });
    expect(results[1]!.diagnostics).toMatchObject([{ code: 'CG4002', file: 'gen/tags/sub/new.ts' }]);
    expect(results[1]!.diagnostics[0]!.message).toBe('gen/tags/sub/new.ts cannot be written (EACCES); nothing was written or deleted.');
    expect(disk.snapshot()).toEqual(before);
    expect(disk.directories().filter((folder) => folder.endsWith('/sub'))).toEqual([]);
  });

  it('a forged group (a journal naming a folder whose journal is another run’s) is not rolled forward', async () => {
    const disk = generatedDisk(OLD);
    await disk.writeFile('/app/gen/users/.a.ts.codegen-tmp-0123456789ab', 'forged\n');
    const journal = (id: string) =>
      JSON.stringify({ version: 1, renames: [{ temp: '.a.ts.codegen-tmp-0123456789ab', target: 'a.ts' }], deletes: [], group: { id, folders: ['.', '../tags'] } });
    await disk.writeFile('/app/gen/users/.codegen-journal.json', journal('0123456789abcdef'));
    await disk.writeFile('/app/gen/tags/.codegen-journal.json', journal('fedcba9876543210'));
    expect(await recoverOutput(disk, '/app/gen/users', '/app')).toEqual([]);
    const after = disk.snapshot();
    expect(after['/app/gen/users/a.ts']).toBe('a1\n');
    expect(after['/app/gen/tags/.codegen-journal.json']).toBeDefined(); // another run's: not ours to settle
    expect(hasTemp(disk)).toBe(false);
  });
});
