/**
 * Tests load src/ modules from dist/ only when the build is up to date (test/helpers/built-sources.ts):
 * a source edited since the build, or one with no output, keeps every import on src/.
 */
import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { builtSources, staleBuild } from '../../helpers/built-sources.js';
import { makeProject, removeProject, writeFile } from '../../helpers/workspace.js';

const created: string[] = [];
afterAll(() => created.forEach(removeProject));

/** A src/ and a dist/ built from it, every output written a minute after its source. */
function builtProject(): { src: string; dist: string } {
  const root = makeProject('built-sources', {
    'src/index.ts': "export * from './cli/main.js';\n",
    'src/cli/main.ts': 'export const main = 1;\n',
    'src/model/types.d.ts': 'export type T = 1;\n',
    'src/cli/main.test.ts': '',
    'dist/index.js': "export * from './cli/main.js';\n",
    'dist/cli/main.js': 'export const main = 1;\n',
  });
  created.push(root);
  const [src, dist] = [join(root, 'src'), join(root, 'dist')];
  const built = new Date(Date.now() + 60_000);
  for (const file of ['index.js', 'cli/main.js']) utimesSync(join(dist, file), built, built);
  return { src: `${src}/`, dist: `${dist}/` };
}

describe('staleBuild', () => {
  it('accepts a dist/ with an output newer than each source (declaration files and tests have none)', () => {
    const { src, dist } = builtProject();
    expect(staleBuild(src, dist)).toBe('');
  });

  it('names a source changed since the build', () => {
    const { src, dist } = builtProject();
    const later = new Date(Date.now() + 120_000);
    utimesSync(join(src, 'cli/main.ts'), later, later);
    expect(staleBuild(src, dist)).toMatch(/src\/cli\/main\.ts changed since the last build$/);
  });

  it('names a source without output', () => {
    const { src, dist } = builtProject();
    writeFile(src, 'cli/new.ts', 'export const added = 2;\n');
    expect(staleBuild(src, dist)).toMatch(/src\/cli\/new\.ts has no build output$/);
  });
});

describe('builtSources', () => {
  it('resolves an import of a src/ module to its dist/ file, and leaves others alone', async () => {
    const { src, dist } = builtProject();
    const plugin = builtSources(src, dist)!;
    const resolveId = plugin.resolveId as (this: unknown, source: string, importer: string | undefined, options: object) => Promise<string | null>;
    const context = { resolve: async (source: string, importer: string) => ({ id: join(importer, '..', source).replace(/\.js$/, '.ts') }) };
    const test = join(src, '..', 'test', 'unit', 'a.test.ts');
    expect(await resolveId.call(context, '../../src/cli/main.js', test, {})).toBe(join(dist, 'cli', 'main.js'));
    expect(await resolveId.call(context, '../helpers/paths.js', test, {})).toBeNull();
    expect(await resolveId.call(context, './cli/main.js', join(dist, 'index.js'), {})).toBeNull();
  });

  it('is no plugin when dist/ is stale, and says why', () => {
    const { src, dist } = builtProject();
    writeFile(src, 'cli/new.ts', 'export const added = 2;\n');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(builtSources(src, dist)).toBeUndefined();
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/src\/cli\/new\.ts has no build output/));
    } finally {
      warn.mockRestore();
    }
  });
});
