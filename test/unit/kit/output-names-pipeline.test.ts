/**
 * Hostile names through the real pipeline (in process): what no output name or import can
 * express is a located error before anything is written, never a merged file, a CG3006 or
 * code that compiles and then fails to load.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/pipeline/run.js';
import { makeProject, removeProject } from '../../helpers/workspace.js';

const TSCONFIG = JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022' } });
const created: string[] = [];
afterAll(() => created.forEach(removeProject));

async function generate(name: string, generators: string, files: Record<string, string>) {
  const root = makeProject(name, {
    'codegen.config.yaml': `input: ["src/**/*.ts"]\noutput: generated\nformat: false\ngenerators:\n${generators}`,
    'tsconfig.json': TSCONFIG,
    ...files,
  });
  created.push(root);
  return { root, result: await run({ cwd: root }) };
}

describe('hostile names through the pipeline', () => {
  it('report two sources meeting in one output name at the second source (CG4011)', async () => {
    const { root, result } = await generate('names-collide', '  validate: {}\n', {
      'src/a#b.ts': 'export interface Hash {\n  id: string;\n}\n',
      'src/a-b.ts': 'export interface Dash {\n  id: string;\n}\n',
    });
    expect(result.exitCode).toBe(2);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'CG4011', severity: 'error', file: expect.stringMatching(/^src\/a[#-]b\.ts$/), message: expect.stringContaining('would both be written to a-b.validate.ts') }),
    ]);
    expect(existsSync(join(root, 'generated'))).toBe(false);
  });

  it('report a source named with a backslash, which TypeScript reads as a folder separator, at the file (CG2014), never a crash', async () => {
    const { root, result } = await generate('names-backslash', '  validate: {}\n', {
      'src/b\\s.ts': 'export interface Slash {\n  id: string;\n}\n',
      'src/ok.ts': 'export interface Ok {\n  id: string;\n}\n',
    });
    expect(result.exitCode).toBe(2);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'CG2014', severity: 'error', file: 'src/b\\s.ts', message: expect.stringContaining('backslash') }),
    ]);
    expect(existsSync(join(root, 'generated'))).toBe(false);
  });

  it('report an enum a mock would load from a file Node cannot load by its name (CG2014)', async () => {
    const { root, result } = await generate('names-value-import', '  mock: {}\n', {
      'src/c#d.ts': "export enum Color {\n  Red = 'red',\n}\n\nexport interface Paint {\n  color: Color;\n}\n",
    });
    expect(result.exitCode).toBe(2);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'CG2014', severity: 'error', file: 'src/c#d.ts', message: expect.stringContaining('"#"') }),
    ]);
    expect(existsSync(join(root, 'generated'))).toBe(false);
  });

  it('generate for the same file when only types are imported from it (erased, Node never loads it)', async () => {
    const { root, result } = await generate('names-type-import', '  validate: {}\n  mock: {}\n', {
      'src/c#d.ts': 'export interface Paint {\n  color: string;\n}\n',
    });
    expect(result.diagnostics).toEqual([]);
    expect(existsSync(join(root, 'generated', 'c-d.mock.ts'))).toBe(true);
    expect(existsSync(join(root, 'generated', 'c-d.validate.ts'))).toBe(true);
  });
});
