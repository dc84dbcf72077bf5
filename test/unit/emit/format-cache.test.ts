import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryFileSystem, nodeFileSystem, type FileSystem } from '../../../src/emit/index.js';
import { FORMAT_CACHE_FILE, formatCacheKey, loadFormatCache } from '../../../src/emit/format-cache.js';

const dir = '/app/node_modules/.cache/codegen';

describe('the format cache file', () => {
  it('is written by temp and rename, and a save clears the temps a killed run left', async () => {
    const fs = createMemoryFileSystem({ [`${dir}/.${FORMAT_CACHE_FILE}.codegen-tmp-0123456789ab`]: '{ "half' });
    const cache = await loadFormatCache(fs, dir);
    cache.set('key', 'formatted\n');
    await cache.save();
    expect(Object.keys(fs.snapshot())).toEqual([`${dir}/${FORMAT_CACHE_FILE}`]);
    expect(fs.operations.find((op) => op.startsWith('write'))).toMatch(/\.format-cache\.json\.codegen-tmp-[0-9a-f]{12}$/);
    expect((await loadFormatCache(fs, dir)).get('key')).toBe('formatted\n');
  });

  it('writes what JSON.stringify of the entries and joins writes, in chunks made as the disk takes them (a 10 MB cache written whole held the event loop 150 ms)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'codegen-format-cache-'));
    const chunks: number[] = [];
    const counting: FileSystem = {
      ...nodeFileSystem,
      async writeChunks(path, texts) {
        const counted = function* () {
          for (const text of texts) {
            chunks.push(text.length);
            yield text;
          }
        };
        await nodeFileSystem.writeChunks!(path, counted());
      },
    };
    try {
      const cache = await loadFormatCache(counting, root);
      // About 3 MB of formatted texts, some beyond Latin-1, and a join: several chunks.
      const entries: [string, string][] = Array.from({ length: 300 }, (_, n) => [formatCacheKey('3', '{}', `text ${n}`), `export const v${n} = '${n % 7 === 0 ? 'é→' : ''}${'x'.repeat(10_000)}';\n`]);
      for (const [key, formatted] of entries) cache.set(key, formatted);
      cache.setJoin('f'.repeat(64), ['// header\n', { key: entries[0]![0], from: 0, to: 1 }]);
      await cache.save();
      const sorted = Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : 1)));
      const expected = `${JSON.stringify({ version: 1, entries: sorted, joins: { ['f'.repeat(64)]: ['// header\n', { key: entries[0]![0], from: 0, to: 1 }] } })}\n`;
      expect(readFileSync(join(root, FORMAT_CACHE_FILE), 'utf8')).toBe(expected);
      expect(chunks.length).toBeGreaterThan(5);
      expect(Math.max(...chunks)).toBeLessThan(300 * 1024);
      expect((await loadFormatCache(nodeFileSystem, root)).get(entries[7]![0])).toBe(entries[7]![1]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('saves again an entry set while a save was writing', async () => {
    const fs = createMemoryFileSystem();
    const cache = await loadFormatCache(fs, dir);
    cache.set('a', 'first\n');
    const saving = cache.save();
    cache.set('b', 'second\n');
    await saving;
    await cache.save();
    expect((await loadFormatCache(fs, dir)).get('b')).toBe('second\n');
  });
});
