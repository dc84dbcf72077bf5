/**
 * The commit protocol under a kill at every instant, in memory: a file system that "dies" after
 * its k-th mutating call (every later call fails, so the rollback in apply cannot run either)
 * freezes the disk as a kill -9 would. For every k, recovery must yield exactly the old tree
 * or exactly the new one, with no temp left; before recovery, `check` must not trust the folder.
 */
import { describe, expect, it } from 'vitest';
import {
  applyEmit,
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
const OLD = { 'a.ts': 'a1\n', 'b/b.ts': 'b1\n', 'gone/orphan.ts': 'orphan\n', 'same.ts': 'same\n' };
const NEW = { 'a.ts': 'a2\n', 'b/b.ts': 'b2\n', 'c/new.ts': 'c\n', 'same.ts': 'same\n' };

function generatedDisk(files: Record<string, string>): MemoryFileSystem {
  const recorded = Object.fromEntries(Object.entries(files).map(([path, content]) => [path, { hash: contentHash(content), source }]));
  return createMemoryFileSystem({
    '/out/.codegen-manifest.json': serializeManifest({ version: 1, formatter: 'none', files: recorded }),
    ...Object.fromEntries(Object.entries(files).map(([path, content]) => [`/out/${path}`, content])),
  });
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
  const plan = await planEmit({ outputDir: '/out', fs, files: Object.entries(files).map(([path, content]) => ({ path, content, source })) });
  return applyEmit(plan, fs);
}

const hasTemp = (fs: MemoryFileSystem) => Object.keys(fs.snapshot()).some((path) => path.includes('.codegen-tmp-'));

describe('a kill at any instant of generate', () => {
  it('is repaired to all old or all new, and never looks up to date before', async () => {
    const complete = generatedDisk(OLD);
    await generate(complete, NEW);
    const newTree = complete.snapshot();
    const oldTree = generatedDisk(OLD).snapshot();
    const folders = { new: complete.directories(), old: generatedDisk(OLD).directories() };
    const total = dyingAfter(generatedDisk(OLD), Infinity);
    await generate(total, NEW);
    expect(total.spent()).toBeGreaterThan(10);

    const outcomes: string[] = [];
    for (let budget = 0; budget < total.spent(); budget++) {
      const disk = generatedDisk(OLD);
      await generate(dyingAfter(disk, budget), NEW);
      const unfinished = disk.snapshot();
      const warning = await interruptedRun(disk, '/out', '/');
      if (warning === undefined) expect([oldTree, newTree]).toContainEqual(unfinished);
      else expect(warning).toMatchObject({ code: 'CG4010', severity: 'error' });

      expect(await recoverOutput(disk, '/out', '/')).toEqual([]);
      const repaired = disk.snapshot();
      expect(hasTemp(disk)).toBe(false);
      expect([oldTree, newTree]).toContainEqual(repaired);
      const outcome = JSON.stringify(repaired) === JSON.stringify(newTree) ? 'new' : 'old';
      // No folder left empty, but for one the run made for an output, killed before its temp was in it.
      if (outcome === 'new') expect(disk.directories()).toEqual(folders.new);
      else {
        expect(disk.directories()).toEqual(expect.arrayContaining(folders.old));
        expect(disk.directories().filter((folder) => !folders.old.includes(folder) && !folders.new.includes(folder))).toEqual([]);
      }
      outcomes.push(outcome);
      // And the next run then succeeds with no hand-edit refusal.
      const next = await generate(disk, NEW);
      expect(next.diagnostics).toEqual([]);
      expect(disk.snapshot()).toEqual(newTree);
    }
    // Old until the journal is written, new from then on: exactly one switch.
    expect(outcomes.join(' ')).toMatch(/^(old )+(new ?)+$/);
  });

  it('recovery itself survives a kill at any instant', async () => {
    const newTree = generatedDisk(OLD);
    await generate(newTree, NEW);
    // The first budget at which the journal is in place: the run dies right after its commit point.
    const killedAfter = async (budget: number) => {
      const disk = generatedDisk(OLD);
      await generate(dyingAfter(disk, budget), NEW);
      return disk;
    };
    let afterJournal = 0;
    while (!('/out/.codegen-journal.json' in (await killedAfter(afterJournal)).snapshot())) afterJournal++;
    const probe = await killedAfter(afterJournal);
    expect(Object.keys(probe.snapshot()).filter((path) => path.includes('.codegen-tmp-'))).toHaveLength(4);
    for (let budget = 0; budget < 12; budget++) {
      const disk = await killedAfter(afterJournal);
      await recoverOutput(dyingAfter(disk, budget), '/out', '/'); // killed while recovering
      expect(await recoverOutput(disk, '/out', '/')).toEqual([]);
      expect(disk.snapshot()).toEqual(newTree.snapshot());
    }
  });
});

describe('recoverOutput', () => {
  it('removes temps of a run killed before its journal, and nothing else', async () => {
    const disk = generatedDisk(OLD);
    const tree = disk.snapshot();
    await disk.writeFile('/out/b/.b.ts.codegen-tmp-0123456789ab', 'half');
    await disk.writeFile('/out/.mine.ts', 'user file\n');
    expect(await interruptedRun(disk, '/out', '/')).toMatchObject({ code: 'CG4010', file: 'out/b/.b.ts.codegen-tmp-0123456789ab' });
    expect(await recoverOutput(disk, '/out', '/')).toEqual([]);
    expect(disk.snapshot()).toEqual({ ...tree, '/out/.mine.ts': 'user file\n' });
  });

  it('ignores journal entries outside the output folder, with CG4009', async () => {
    const disk = createMemoryFileSystem({
      '/app/package.json': '{}\n',
      '/app/.package.json.codegen-tmp-0123456789ab': 'evil\n',
      '/app/out/x.ts': 'x\n',
      '/app/out/.codegen-journal.json': JSON.stringify({
        version: 1,
        renames: [
          { temp: '../.package.json.codegen-tmp-0123456789ab', target: '../package.json' },
          { temp: '../.package.json.codegen-tmp-0123456789ab', target: 'x.ts' },
        ],
        deletes: [{ path: '../package.json', hash: contentHash('{}\n') }, { path: '/app/package.json', hash: contentHash('{}\n') }],
      }),
    });
    const diagnostics = await recoverOutput(disk, '/app/out', '/app');
    expect(diagnostics.map((d) => `${d.code} ${d.file}`)).toEqual(Array(4).fill('CG4009 out/.codegen-journal.json'));
    expect(disk.snapshot()).toEqual({
      '/app/package.json': '{}\n',
      '/app/.package.json.codegen-tmp-0123456789ab': 'evil\n',
      '/app/out/x.ts': 'x\n',
    });
  });
});
