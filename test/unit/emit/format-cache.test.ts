import { describe, expect, it } from 'vitest';
import { createMemoryFileSystem } from '../../../src/emit/index.js';
import { FORMAT_CACHE_FILE, loadFormatCache } from '../../../src/emit/format-cache.js';

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
});
