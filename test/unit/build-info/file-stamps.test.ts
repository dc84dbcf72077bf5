/**
 * Stamps of the no-op fast path's record (src/pipeline/file-stamps.ts): a file stamped again in
 * the same process is hashed again only when its (size, mtime) moved or it was racy when first
 * stamped, the rule `isUnchanged` applies between runs. Observed through the hash: a file whose
 * bytes are changed behind a restored (size, mtime) keeps its old hash only where the stamp was
 * reused.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bytesHash, isUnchanged, stampFile } from '../../../src/pipeline/file-stamps.js';
import { TMP_ROOT } from '../../helpers/paths.js';

mkdirSync(TMP_ROOT, { recursive: true });
const folder = mkdtempSync(join(TMP_ROOT, 'file-stamps-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Writes `text` to `name` with the given mtime (seconds since the epoch); its path. */
function fileAt(name: string, text: string, mtime: number): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  utimesSync(path, mtime, mtime);
  return path;
}

const AN_HOUR_AGO = Math.floor(Date.now() / 1000) - 3600;

describe('stampFile in one process', () => {
  it('reuses the stamp of a file that kept its size and mtime, as a later run would trust them', () => {
    const path = fileAt('kept.ts', 'export const a = 1;\n', AN_HOUR_AGO);
    const first = stampFile(path);
    expect(first).toEqual({ size: 20, mtimeMs: AN_HOUR_AGO * 1000, hash: bytesHash('export const a = 1;\n') });
    // Other bytes of the same length, the mtime put back: (size, mtime) say "unchanged".
    fileAt('kept.ts', 'export const b = 2;\n', AN_HOUR_AGO);
    expect(stampFile(path)).toEqual(first);
    expect(isUnchanged(path, first, Date.now())).toBe(true);
  });

  it('hashes again when the size or the mtime moved', () => {
    const path = fileAt('moved.ts', 'export const a = 1;\n', AN_HOUR_AGO);
    stampFile(path);
    fileAt('moved.ts', 'export const b = 2;\n', AN_HOUR_AGO + 1);
    expect(stampFile(path)?.hash).toBe(bytesHash('export const b = 2;\n'));
    fileAt('moved.ts', 'export const bc = 2;\n', AN_HOUR_AGO + 1);
    expect(stampFile(path)?.hash).toBe(bytesHash('export const bc = 2;\n'));
  });

  it('always hashes a file that was racy when stamped (mtime within 2 s of the stamp)', () => {
    const now = Math.floor(Date.now() / 1000) + 1;
    const path = fileAt('racy.ts', 'export const a = 1;\n', now);
    stampFile(path);
    fileAt('racy.ts', 'export const b = 2;\n', now);
    expect(stampFile(path)?.hash).toBe(bytesHash('export const b = 2;\n'));
  });

  it('compares a source with the text the run read, whatever was stamped before', () => {
    const path = fileAt('read.ts', 'export const a = 1;\n', AN_HOUR_AGO);
    stampFile(path);
    expect(stampFile(path, 'export const a = 1;\n')).toEqual({ size: 20, mtimeMs: AN_HOUR_AGO * 1000, hash: bytesHash('export const a = 1;\n') });
    // The run read other text than the file holds (edited while it ran): recorded as a change.
    expect(stampFile(path, 'export const z = 9;\n')).toEqual({ size: -1, mtimeMs: -1, hash: bytesHash('export const z = 9;\n') });
  });

  it('stamps a missing file as null, and a file that appears afterwards by its content', () => {
    const path = join(folder, 'later.ts');
    expect(stampFile(path)).toBeNull();
    fileAt('later.ts', 'export {};\n', AN_HOUR_AGO);
    expect(stampFile(path)?.hash).toBe(bytesHash('export {};\n'));
  });
});
