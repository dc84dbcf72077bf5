import { describe, expect, it } from 'vitest';
import { checkPlan, contentHash, createMemoryFileSystem, planEmit, serializeManifest } from '../../../src/emit/index.js';

const out = '/repo/src/generated';
const source = 'src/models/user.ts';
const record = (content: string) => ({ hash: contentHash(content), source });

describe('checkPlan', () => {
  it('names each missing, stale, orphaned and hand-edited output with the command that fixes it', async () => {
    const fs = createMemoryFileSystem({
      [`${out}/.codegen-manifest.json`]: serializeManifest({
        version: 1,
        formatter: 'none',
        files: { 'current.ts': record('c\n'), 'stale.ts': record('s\n'), 'orphan.ts': record('o\n'), 'edited.ts': record('e\n') },
      }),
      [`${out}/current.ts`]: 'c\n',
      [`${out}/stale.ts`]: 's\n',
      [`${out}/orphan.ts`]: 'o\n',
      [`${out}/edited.ts`]: 'e, by hand\n',
    });
    const files = { 'current.ts': 'c\n', 'stale.ts': 's2\n', 'missing.ts': 'm\n', 'edited.ts': 'e2\n' };
    const plan = await planEmit({
      outputDir: out,
      fs,
      displayRoot: '/repo',
      files: Object.entries(files).map(([path, content]) => ({ path, content, source })),
    });

    const findings = checkPlan(plan, 'codegen generate');

    expect(findings.map((d) => [d.code, d.file, d.message, d.hint])).toEqual([
      ['CG4001', 'src/generated/edited.ts', 'src/generated/edited.ts was edited by hand since it was generated.',
        'Move the change into a template or the source and run `codegen generate`, or run `codegen generate --force` to overwrite it.'],
      ['CG4003', 'src/generated/missing.ts', 'src/generated/missing.ts is missing.', 'Run `codegen generate` to create it.'],
      ['CG4005', 'src/generated/orphan.ts', 'src/generated/orphan.ts is no longer generated.', 'Run `codegen generate` to delete it.'],
      ['CG4004', 'src/generated/stale.ts', 'src/generated/stale.ts is out of date.', 'Run `codegen generate` to update it.'],
    ]);
    expect(findings.every((d) => d.severity === 'error')).toBe(true);
  });

  it('reports a hand edit even when the config would overwrite it', async () => {
    const fs = createMemoryFileSystem({
      [`${out}/.codegen-manifest.json`]: serializeManifest({ version: 1, formatter: 'none', files: { 'a.ts': record('a\n') } }),
      [`${out}/a.ts`]: 'edited\n',
    });
    const plan = await planEmit({ outputDir: out, fs, onHandEdit: 'overwrite', files: [{ path: 'a.ts', content: 'a2\n', source }] });
    expect(checkPlan(plan, 'codegen generate').map((d) => d.code)).toEqual(['CG4001']);
  });

  it('finds nothing when every output is current', async () => {
    const fs = createMemoryFileSystem({
      [`${out}/.codegen-manifest.json`]: serializeManifest({ version: 1, formatter: 'none', files: { 'a.ts': record('a\n') } }),
      [`${out}/a.ts`]: 'a\n',
    });
    const plan = await planEmit({ outputDir: out, fs, files: [{ path: 'a.ts', content: 'a\n', source }] });
    expect(checkPlan(plan, 'codegen generate')).toEqual([]);
  });
});
