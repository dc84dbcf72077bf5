import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, resolveInputFiles } from '../../../src/config/index.js';
import { inputBase } from '../../../src/config/inputs.js';
import { tempFolder } from './temp-folder.js';

async function inputsOf(files: Record<string, string>, links: Record<string, string> = {}) {
  const cwd = tempFolder({ 'package.json': '{}', ...files });
  for (const [link, target] of Object.entries(links)) symlinkSync(target, path.join(cwd, link), 'dir');
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

  it('reads declaration files a glob names (an npm package of types), not those a `*.ts` glob passes', async () => {
    const { relative, diagnostics } = await inputsOf({
      'codegen.config.yaml': 'input: ["src/**/*.ts", "types/*.d.ts"]\noutput: out\n',
      'src/user.ts': '',
      'src/env.d.ts': '',
      'types/graph.d.ts': '',
    });
    expect(diagnostics).toEqual([]);
    expect(relative).toEqual(['src/user.ts', 'types/graph.d.ts']);
  });

  it('says so when a glob matched only declaration files, and how to read them', async () => {
    const { files, diagnostics } = await inputsOf({
      'codegen.config.yaml': 'output: out\ninput: ["types/**/*.ts"]\n',
      'types/graph.d.ts': '',
    });
    expect(files).toEqual([]);
    expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      'CG1006 The input globs "types/**/*.ts" of project "default" match no TypeScript file. "types/**/*.ts" matched only declaration files (.d.ts), which are read when a glob names them: write it as "….d.ts" (e.g. "types/**/*.d.ts") to read them.',
    ]);
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

  it('reads a file reached by two paths once, by its real path', async () => {
    const { relative, diagnostics } = await inputsOf(
      { 'codegen.config.yaml': 'input: ["src/models/*.ts", "src/alias/*.ts"]\noutput: out\n', 'src/models/user.ts': '' },
      { 'src/alias': 'models' },
    );
    expect(diagnostics).toEqual([]);
    expect(relative).toEqual(['src/models/user.ts']);
  });

  it('warns about a glob that matches nothing beside globs that match, and keeps the input base of those (CG1012)', async () => {
    const { relative, base, diagnostics } = await inputsOf({
      'codegen.config.yaml': 'output: out\ninput:\n  - src/models/**/*.ts\n  - packages/billing/src/**/*.ts\n',
      'src/models/user.ts': '',
    });
    expect(relative).toEqual(['src/models/user.ts']);
    expect(base).toBe('src/models');
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`)).toEqual([
      'codegen.config.yaml:4:5 warning CG1012 The input glob "packages/billing/src/**/*.ts" of project "default" matches no TypeScript file. ' +
        'Outputs mirror "src/models"; once it does, outputs will mirror "." instead.',
    ]);
  });

  it('says when a glob that matches nothing would not move outputs either', async () => {
    const { base, diagnostics } = await inputsOf({
      'codegen.config.yaml': 'output: out\ninput: ["src/**/*.ts", "src/later/*.ts"]\n',
      'src/user.ts': '',
    });
    expect(base).toBe('src');
    expect(diagnostics.map((d) => d.message)).toEqual([
      'The input glob "src/later/*.ts" of project "default" matches no TypeScript file. Outputs mirror "src"; outputs will not move when it does.',
    ]);
  });

  it.each([
    ['src/models', 'is'],
    ['src', 'contains'],
  ])('refuses an output folder %j that holds an input folder, saying it %s it (CG1013)', async (output, holds) => {
    const { files, diagnostics } = await inputsOf({
      'codegen.config.yaml': `output: ${output}\ninput: ["src/models/**/*.ts"]\n`,
      'src/models/user.ts': '',
    });
    expect(files).toEqual([]);
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([
      `2:9 CG1013 The output folder "${output}" of project "default" ${holds} the input folder "src/models" (of "src/models/**/*.ts"). ` +
        'codegen never reads files in its output folder, so this input could match nothing.',
    ]);
  });

  it('accepts an output folder inside an input folder: its files are simply not inputs', async () => {
    const { relative, diagnostics } = await inputsOf({
      'codegen.config.yaml': 'output: src/generated\ninput: ["src/**/*.ts"]\n',
      'src/user.ts': '',
      'src/generated/user.validate.ts': '',
    });
    expect(diagnostics).toEqual([]);
    expect(relative).toEqual(['src/user.ts']);
  });
});

describe('inputBase', () => {
  it.each([
    [['src/models/**/*.ts'], 'src/models'],
    [['src/models/user.ts'], 'src/models'],
    [['src/models/**/*.ts', 'src/shared/*.ts'], 'src'],
    [['src/models/**/*.ts', '!**/*.test.ts'], 'src/models'],
    [['src/**/*.ts', 'lib/*.ts'], '.'],
    [['../shared/**/*.ts', 'src/*.ts'], '.'],
    [['**/*.ts'], '.'],
    [[], '.'],
  ])('of %j is %j', (globs, base) => {
    expect(inputBase(globs)).toBe(base);
  });
});
