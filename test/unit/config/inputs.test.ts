import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, resolveInputFiles } from '../../../src/config/index.js';
import { tempFolder } from './temp-folder.js';

async function inputsOf(files: Record<string, string>) {
  const cwd = tempFolder({ 'package.json': '{}', ...files });
  const { config, locate, diagnostics } = await loadConfig({ cwd, env: {} });
  expect(diagnostics).toEqual([]);
  const result = await resolveInputFiles(config!.projects[0]!, config!.rootDir, locate);
  return { ...result, relative: result.files.map((f) => path.posix.relative(cwd, f)) };
}

describe('resolveInputFiles', () => {
  it('lists the TypeScript sources, sorted, without declarations, node_modules or outputs', async () => {
    const { relative, files, diagnostics } = await inputsOf({
      'codegen.config.yaml': 'input: ["src/**/*", "src/models/*.ts"]\noutput: src/generated\n',
      'src/models/user.ts': '',
      'src/models/book.mts': '',
      'src/views/page.tsx': '',
      'src/legacy.cts': '',
      'src/types.d.ts': '',
      'src/styles.css': '',
      'src/generated/user.validate.ts': '',
      'src/node_modules/lib/index.ts': '',
    });
    expect(diagnostics).toEqual([]);
    expect(relative).toEqual(['src/legacy.cts', 'src/models/book.mts', 'src/models/user.ts', 'src/views/page.tsx']);
    expect(files.every((f) => path.posix.isAbsolute(f))).toBe(true);
  });

  it('drops what a negated glob excludes', async () => {
    const { relative } = await inputsOf({
      'codegen.config.yaml': 'input: ["src/**/*.ts", "!**/*.test.ts"]\n',
      'src/user.ts': '',
      'src/user.test.ts': '',
    });
    expect(relative).toEqual(['src/user.ts']);
  });

  it('reports globs that match nothing at the input key', async () => {
    const { files, diagnostics } = await inputsOf({
      'codegen.config.yaml': 'output: out\ninput: ["lib/**/*.ts"]\n',
      'src/user.ts': '',
    });
    expect(files).toEqual([]);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([
      'codegen.config.yaml:2:1 CG1006 The input globs "lib/**/*.ts" of project "default" match no TypeScript file.',
    ]);
  });
});
