import { describe, expect, it } from 'vitest';
import {
  contentHash,
  createMemoryFileSystem,
  planEmit,
  serializeManifest,
  type EmitPlan,
  type PlanInput,
} from '../../../src/emit/index.js';

const out = '/app/src/generated';
const source = 'src/models/user.ts';

/** A disk where codegen already generated `generated` (with a manifest), plus other files. */
function diskAfterGeneration(generated: Record<string, string>, others: Record<string, string> = {}) {
  const files = Object.fromEntries(Object.entries(generated).map(([path, content]) => [path, { hash: contentHash(content), source }]));
  return createMemoryFileSystem({
    [`${out}/.codegen-manifest.json`]: serializeManifest({ version: 1, formatter: 'none', files }),
    ...Object.fromEntries(Object.entries({ ...generated, ...others }).map(([path, content]) => [`${out}/${path}`, content])),
  });
}

function plan(fs: PlanInput['fs'], files: Record<string, string>, options: Partial<PlanInput> = {}): Promise<EmitPlan> {
  return planEmit({
    outputDir: out,
    files: Object.entries(files).map(([path, content]) => ({ path, content, source })),
    fs,
    displayRoot: '/app',
    ...options,
  });
}

const actions = (result: EmitPlan) => Object.fromEntries(result.entries.map((entry) => [entry.path, entry.action]));
const codes = (result: EmitPlan) => result.diagnostics.map((d) => `${d.severity} ${d.code} ${d.file ?? ''}`);

describe('planEmit', () => {
  it('creates missing files, leaves identical ones, updates ones still as generated', async () => {
    const fs = diskAfterGeneration({ 'same.ts': 'same\n', 'old.ts': 'old\n' });
    const result = await plan(fs, { 'same.ts': 'same\n', 'old.ts': 'new\n', 'fresh.ts': 'fresh\n' });
    expect(actions(result)).toEqual({ 'fresh.ts': 'create', 'old.ts': 'update', 'same.ts': 'unchanged' });
    expect(result.entries.map((entry) => entry.path)).toEqual(['fresh.ts', 'old.ts', 'same.ts']);
    expect(result.entries[1]).toMatchObject({ absolutePath: `${out}/old.ts`, before: 'old\n', after: 'new\n' });
    expect(result.diagnostics).toEqual([]);
    expect(Object.keys(result.manifest.files)).toEqual(['fresh.ts', 'old.ts', 'same.ts']);
    expect(result.manifest.files['old.ts']).toEqual({ hash: contentHash('new\n'), source });
    expect(result.manifestChanged).toBe(true);
    expect(fs.operations).toEqual([]); // planning reads only
  });

  it('needs no manifest write when nothing changed', async () => {
    const fs = diskAfterGeneration({ 'a.ts': 'a\n' });
    const result = await plan(fs, { 'a.ts': 'a\n' });
    expect(actions(result)).toEqual({ 'a.ts': 'unchanged' });
    expect(result.manifestChanged).toBe(false);
  });

  describe('a file edited by hand since it was generated', () => {
    const edited = () => diskAfterGeneration({ 'user.ts': 'generated\n' }, { 'user.ts': 'edited by hand\n' });

    it('is refused with CG4001 under onHandEdit: error', async () => {
      const result = await plan(edited(), { 'user.ts': 'regenerated\n' });
      expect(result.entries).toMatchObject([{ path: 'user.ts', action: 'hand-edited', conflict: 'hand-edited' }]);
      expect(result.diagnostics).toHaveLength(1);
      expect(result.diagnostics[0]).toMatchObject({ code: 'CG4001', severity: 'error', file: 'src/generated/user.ts' });
      expect(result.diagnostics[0]!.message).toBe(
        'src/generated/user.ts was edited by hand since it was generated; it was not overwritten.',
      );
      // The record of what codegen last wrote survives, so the edit stays detectable.
      expect(result.manifest.files['user.ts']!.hash).toBe(contentHash('generated\n'));
    });

    it('is overwritten with warning CG4008 under onHandEdit: warn', async () => {
      const result = await plan(edited(), { 'user.ts': 'regenerated\n' }, { onHandEdit: 'warn' });
      expect(actions(result)).toEqual({ 'user.ts': 'update' });
      expect(codes(result)).toEqual(['warning CG4008 src/generated/user.ts']);
    });

    it('is overwritten silently under onHandEdit: overwrite or --force', async () => {
      for (const options of [{ onHandEdit: 'overwrite' as const }, { force: true }]) {
        const result = await plan(edited(), { 'user.ts': 'regenerated\n' }, options);
        expect(actions(result)).toEqual({ 'user.ts': 'update' });
        expect(result.diagnostics).toEqual([]);
      }
    });

    it('is unchanged when the edit matches what would be generated', async () => {
      const result = await plan(edited(), { 'user.ts': 'edited by hand\n' });
      expect(actions(result)).toEqual({ 'user.ts': 'unchanged' });
      expect(result.manifest.files['user.ts']!.hash).toBe(contentHash('edited by hand\n'));
    });
  });

  it("treats a user's own file in the output folder like a hand edit", async () => {
    const fs = diskAfterGeneration({}, { 'notes.ts': 'my notes\n' });
    const refused = await plan(fs, { 'notes.ts': 'generated\n' });
    expect(refused.entries).toMatchObject([{ action: 'hand-edited', conflict: 'not-generated' }]);
    expect(codes(refused)).toEqual(['error CG4001 src/generated/notes.ts']);
    expect(refused.manifest.files).toEqual({});
    expect(actions(await plan(fs, { 'notes.ts': 'generated\n' }, { force: true }))).toEqual({ 'notes.ts': 'update' });
  });

  it('adopts an unrecorded file that carries the codegen header (manifest lost)', async () => {
    const header = `// Code generated by codegen from ${source}. DO NOT EDIT.\n`;
    const fs = createMemoryFileSystem({ [`${out}/user.ts`]: `${header}old\n` });
    const result = await plan(fs, { 'user.ts': `${header}new\n` });
    expect(actions(result)).toEqual({ 'user.ts': 'update' });
    expect(result.diagnostics).toEqual([]);
  });

  describe('orphans (recorded, no longer generated)', () => {
    it('are deleted when still as generated', async () => {
      const result = await plan(diskAfterGeneration({ 'gone.ts': 'gone\n', 'kept.ts': 'k\n' }), { 'kept.ts': 'k\n' });
      expect(actions(result)).toEqual({ 'gone.ts': 'delete', 'kept.ts': 'unchanged' });
      expect(Object.keys(result.manifest.files)).toEqual(['kept.ts']);
    });

    it('are kept with a warning when edited by hand, and recorded as kept', async () => {
      const fs = diskAfterGeneration({ 'gone.ts': 'gone\n' }, { 'gone.ts': 'mine now\n' });
      const result = await plan(fs, {});
      expect(result.entries).toMatchObject([{ path: 'gone.ts', action: 'keep', conflict: 'hand-edited' }]);
      expect(codes(result)).toEqual(['warning CG4008 src/generated/gone.ts']);
      expect(result.manifest.files).toEqual({ 'gone.ts': { hash: contentHash('gone\n'), source, kept: true } });
    });

    describe('once kept (tester s14 T-8: the next run that generated the path again overwrote the edit silently)', () => {
      // The edited file keeps codegen's header, which alone made an unrecorded file codegen's to overwrite.
      const generated = `// Code generated by codegen from ${source}. DO NOT EDIT.\ngone\n`;
      const edited = `${generated}// mine now\n`;

      /** After the run that kept `gone.ts`: its manifest on disk, the edit still there. */
      async function afterKeeping() {
        const fs = diskAfterGeneration({ 'gone.ts': generated }, { 'gone.ts': edited });
        const kept = await plan(fs, {});
        await fs.writeFile(`${out}/.codegen-manifest.json`, kept.manifestText);
        return fs;
      }

      it('stay kept and recorded, without a second warning', async () => {
        const result = await plan(await afterKeeping(), {});
        expect(result.entries).toMatchObject([{ path: 'gone.ts', action: 'keep' }]);
        expect(result.entries[0]!.conflict).toBeUndefined();
        expect(result.diagnostics).toEqual([]);
        expect(result.manifest.files['gone.ts']).toEqual({ hash: contentHash(generated), source, kept: true });
        expect(result.manifestChanged).toBe(false);
      });

      it('are not overwritten when generated again: CG4001, as any hand edit', async () => {
        const result = await plan(await afterKeeping(), { 'gone.ts': 'back\n' });
        expect(result.entries).toMatchObject([{ path: 'gone.ts', action: 'hand-edited', conflict: 'hand-edited' }]);
        expect(codes(result)).toEqual(['error CG4001 src/generated/gone.ts']);
        expect(result.manifest.files['gone.ts']!.kept).toBe(true);
      });

      it('are overwritten under --force, and recorded as generated again', async () => {
        const result = await plan(await afterKeeping(), { 'gone.ts': 'back\n' }, { force: true });
        expect(actions(result)).toEqual({ 'gone.ts': 'update' });
        expect(result.manifest.files['gone.ts']).toEqual({ hash: contentHash('back\n'), source });
      });

      it('are forgotten once the user deletes them', async () => {
        const fs = await afterKeeping();
        await fs.remove(`${out}/gone.ts`);
        expect((await plan(fs, {})).manifest.files).toEqual({});
      });
    });

    it('are kept, still recorded, without pruning', async () => {
      const result = await plan(diskAfterGeneration({ 'gone.ts': 'gone\n' }), {}, { prune: false });
      expect(actions(result)).toEqual({ 'gone.ts': 'keep' });
      expect(Object.keys(result.manifest.files)).toEqual(['gone.ts']);
      expect(result.diagnostics).toEqual([]);
    });

    it('are forgotten when already deleted from disk', async () => {
      const fs = diskAfterGeneration({ 'gone.ts': 'gone\n' });
      await fs.remove(`${out}/gone.ts`);
      const result = await plan(fs, {});
      expect(result.entries).toEqual([]);
      expect(result.manifest.files).toEqual({});
    });
  });

  it('never writes or deletes protected paths', async () => {
    const fs = diskAfterGeneration({ 'custom/a.ts': 'a\n', 'custom/orphan.ts': 'o\n' }, { 'custom/a.ts': 'edited\n' });
    const result = await plan(fs, { 'custom/a.ts': 'regenerated\n', 'custom/new.ts': 'new\n', 'b.ts': 'b\n' }, { protect: ['custom/**'] });
    expect(actions(result)).toEqual({
      'b.ts': 'create',
      'custom/a.ts': 'protected',
      'custom/new.ts': 'protected',
      'custom/orphan.ts': 'protected',
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.manifest.files['custom/a.ts']!.hash).toBe(contentHash('a\n'));
    expect(result.manifest.files['custom/new.ts']).toBeUndefined();
  });

  it('reports two files with the same path as CG4007', async () => {
    const result = await planEmit({
      outputDir: out,
      fs: createMemoryFileSystem(),
      displayRoot: '/app',
      files: [
        { path: 'user.ts', content: 'a\n', source: 'src/a.ts' },
        { path: './user.ts', content: 'b\n', source: 'src/b.ts' },
      ],
    });
    expect(codes(result)).toEqual(['error CG4007 src/generated/user.ts']);
    expect(result.diagnostics[0]!.message).toContain(': the output for src/a.ts and the output for src/b.ts.');
    expect(result.entries).toHaveLength(1);
  });

  it('names the generators of a CG4007, which alone tell two outputs of one source apart (tester s12 T7b)', async () => {
    const result = await planEmit({
      outputDir: out,
      fs: createMemoryFileSystem(),
      displayRoot: '/app',
      files: [
        { path: 'mocking.ts', content: 'a\n', source: 'src/models/a.ts', generator: 'validate' },
        { path: 'mocking.ts', content: 'b\n', source: 'codegen.config.yaml', generator: 'mock' },
        { path: 'a.ts', content: 'c\n', source: 'src/models/a.ts', generator: 'validate' },
        { path: 'a.ts', content: 'd\n', source: 'src/models/a.ts', generator: 'mock' },
      ],
    });
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      "Two outputs would be written to src/generated/mocking.ts: validate's output for src/models/a.ts and mock's output for codegen.config.yaml.",
      "Two outputs would be written to src/generated/a.ts: validate's output for src/models/a.ts and mock's output for src/models/a.ts.",
    ]);
  });

  it('refuses paths outside the output folder, and the manifest name', async () => {
    const result = await plan(createMemoryFileSystem(), { '../escape.ts': 'x\n', '.codegen-manifest.json': '{}\n' });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['CG4002', 'CG4007']);
    expect(result.entries).toEqual([]);
  });

  it('normalises paths to POSIX', async () => {
    const result = await plan(createMemoryFileSystem(), { 'models\\user.ts': 'x\n' });
    expect(result.entries.map((entry) => entry.path)).toEqual(['models/user.ts']);
  });

  it('starts from an empty record when the manifest is damaged, with CG4006', async () => {
    const fs = createMemoryFileSystem({ [`${out}/.codegen-manifest.json`]: 'garbage', [`${out}/a.ts`]: 'a\n' });
    const result = await plan(fs, { 'a.ts': 'a\n' });
    expect(actions(result)).toEqual({ 'a.ts': 'unchanged' });
    expect(codes(result)).toEqual(['warning CG4006 src/generated/.codegen-manifest.json']);
    expect(result.manifestChanged).toBe(true);
  });

  it('reports an unreadable target (a folder where the file goes) as CG4002', async () => {
    const fs = createMemoryFileSystem({ [`${out}/user.ts/inner.ts`]: 'x\n' });
    const result = await plan(fs, { 'user.ts': 'x\n' });
    expect(codes(result)).toEqual(['error CG4002 src/generated/user.ts']);
    expect(result.diagnostics[0]!.message).toContain('EISDIR');
  });
});
