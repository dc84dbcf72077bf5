/**
 * Output names the file system would refuse (ENAMETOOLONG) are known while planning: each is a
 * located CG4002 naming the limit, before anything is written, rather than a late I/O failure.
 */
import { describe, expect, it } from 'vitest';
import { applyEmit, createMemoryFileSystem, planEmit } from '../../../src/emit/index.js';

const out = '/app/src/generated';

async function planOf(path: string) {
  const fs = createMemoryFileSystem();
  const plan = await planEmit({ outputDir: out, fs, displayRoot: '/app', files: [{ path, content: 'x\n', source: 'src/models/m.ts' }, { path: 'ok.ts', content: 'ok\n', source: 'src/models/ok.ts' }] });
  return { fs, plan };
}

describe('an output name too long for the file system', () => {
  it('counts the temp file it is staged in: 229 bytes pass, 230 do not', async () => {
    expect((await planOf(`${'a'.repeat(226)}.ts`)).plan.diagnostics).toEqual([]);
    const { fs, plan } = await planOf(`${'a'.repeat(227)}.ts`);
    expect(plan.diagnostics).toMatchObject([
      { code: 'CG4002', file: `src/generated/${'a'.repeat(227)}.ts`, message: expect.stringMatching(/230 bytes; with the 26 bytes of the temp file .* 255 bytes a file system allows per name/) },
    ]);
    // Nothing is written, not even the outputs that could be.
    await applyEmit(plan, fs);
    expect(fs.operations).toEqual([]);
  });

  it('counts bytes, not characters, and checks folder names and the whole path', async () => {
    expect((await planOf(`${'é'.repeat(115)}.ts`)).plan.diagnostics).toMatchObject([{ code: 'CG4002', message: expect.stringContaining('233 bytes') }]);
    expect((await planOf(`${'f'.repeat(256)}/x.ts`)).plan.diagnostics).toMatchObject([{ code: 'CG4002', message: expect.stringContaining('folder name') }]);
    expect((await planOf(`${Array(2100).fill('d').join('/')}/x.ts`)).plan.diagnostics).toMatchObject([{ code: 'CG4002', message: expect.stringContaining('full path') }]);
  });
});
