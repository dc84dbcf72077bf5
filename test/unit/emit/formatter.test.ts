import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as bundledPrettier from 'prettier';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../../src/diagnostics/index.js';
import { createFormatter, nodeFileSystem, type PrettierApi } from '../../../src/emit/index.js';

let project: string;
beforeEach(async () => {
  project = await mkdtemp(join(tmpdir(), 'codegen-format-'));
  await writeFile(join(project, 'package.json'), '{ "name": "app", "private": true }\n');
});
afterEach(async () => {
  await rm(project, { recursive: true, force: true });
});

const formatterFor = (options: { format?: 'auto' | boolean; prettier?: PrettierApi; useCache?: boolean } = {}) =>
  createFormatter({ projectRoot: project, format: options.format ?? 'auto', fs: nodeFileSystem, prettier: options.prettier, useCache: options.useCache });

/** The bundled Prettier, counting how often it really formats. */
function countingPrettier(): PrettierApi & { calls: number } {
  const counter = {
    ...(bundledPrettier as unknown as PrettierApi),
    calls: 0,
    format(source: string, options: Record<string, unknown>) {
      counter.calls += 1;
      return bundledPrettier.format(source, options);
    },
  };
  return counter;
}

describe('createFormatter', () => {
  it("formats with Prettier's defaults when the project has no config", async () => {
    const formatter = await formatterFor();
    expect(await formatter.format('src/generated/a.ts', 'const a = {b:1}')).toBe('const a = { b: 1 };\n');
    expect(formatter.identity).toMatch(new RegExp(`^prettier@${bundledPrettier.version.replaceAll('.', '\\.')}\\+[0-9a-f]{8}$`));
  });

  it("follows the project's .prettierrc and .editorconfig", async () => {
    await writeFile(join(project, '.prettierrc'), '{ "semi": false, "singleQuote": true }\n');
    await writeFile(join(project, '.editorconfig'), 'root = true\n[*]\nindent_style = tab\n');
    const formatter = await formatterFor();
    expect(await formatter.format(join(project, 'src/a.ts'), 'function f() { return "x"; }')).toBe(
      "function f() {\n\treturn 'x'\n}\n",
    );
  });

  it('gives a different identity when the options differ', async () => {
    const plain = await formatterFor();
    await plain.format('a.ts', 'a');
    await writeFile(join(project, '.prettierrc'), '{ "semi": false }\n');
    const configured = await formatterFor();
    await configured.format('a.ts', 'a');
    expect(configured.identity).not.toBe(plain.identity);
  });

  it('leaves files named in .prettierignore unformatted, but with LF and a final newline', async () => {
    await writeFile(join(project, '.prettierignore'), 'src/generated/legacy.ts\n');
    const formatter = await formatterFor();
    expect(await formatter.format('src/generated/legacy.ts', 'const a = {b:1}\r\n')).toBe('const a = {b:1}\n');
    expect(await formatter.format('src/generated/modern.ts', 'const a = {b:1}\r\n')).toBe('const a = { b: 1 };\n');
  });

  it('passes through files Prettier has no parser for', async () => {
    const formatter = await formatterFor();
    expect(await formatter.format('schema.sql', 'create table  t (id int)')).toBe('create table  t (id int)\n');
  });

  it('does not format with format: false, and says so in its identity', async () => {
    const formatter = await formatterFor({ format: false });
    expect(await formatter.format('a.ts', 'const a = {b:1}\r\nlet c')).toBe('const a = {b:1}\nlet c\n');
    expect(formatter.identity).toBe('none');
  });

  it('turns a syntax error into CG3004 pointing into the generated text', async () => {
    const formatter = await formatterFor();
    const error = await formatter.format('src/generated/user.ts', 'export const a = 1;\nconst x = {;\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiagnosticError);
    const [found] = (error as DiagnosticError).diagnostics;
    expect(found).toMatchObject({ code: 'CG3004', severity: 'error', file: 'src/generated/user.ts' });
    expect(found!.message).toContain('Prettier cannot format src/generated/user.ts');
    expect(found!.message).toContain('at 2:12 of the generated text');
    expect(found!.message).toContain('> 2 | const x = {;\n    |            ^');
  });

  it("uses the project's own Prettier when it has one", async () => {
    const fake = join(project, 'node_modules', 'prettier');
    await mkdir(fake, { recursive: true });
    await writeFile(join(fake, 'package.json'), '{ "name": "prettier", "version": "9.9.9", "main": "index.cjs" }\n');
    await writeFile(
      join(fake, 'index.cjs'),
      [
        'exports.version = "9.9.9";',
        'exports.format = async (text) => text.toUpperCase();',
        'exports.resolveConfig = async () => null;',
        'exports.getFileInfo = async () => ({ ignored: false, inferredParser: "babel" });',
      ].join('\n'),
    );
    const formatter = await formatterFor();
    expect(await formatter.format('a.js', 'const a = 1')).toBe('CONST A = 1\n');
    expect(formatter.identity).toMatch(/^prettier@9\.9\.9\+/);
  });
});

describe('the format cache', () => {
  const cacheFile = () => join(project, 'node_modules', '.cache', 'codegen', 'format-cache.json');

  it('skips Prettier for text it formatted before, within and across runs', async () => {
    const prettier = countingPrettier();
    const first = await formatterFor({ prettier });
    expect(await first.format('a.ts', 'const a=1')).toBe('const a = 1;\n');
    expect(await first.format('b.ts', 'const a=1')).toBe('const a = 1;\n');
    expect(prettier.calls).toBe(1);
    expect(first.stats).toEqual({ formatted: 1, cached: 1, inWorkers: 0 });
    await first.saveCache();

    const second = await formatterFor({ prettier });
    expect(await second.format('a.ts', 'const a=1')).toBe('const a = 1;\n');
    expect(prettier.calls).toBe(1);
    expect(second.stats).toEqual({ formatted: 0, cached: 1, inWorkers: 0 });
  });

  it('misses when the options change', async () => {
    const prettier = countingPrettier();
    const first = await formatterFor({ prettier });
    await first.format('a.ts', 'const a=1');
    await first.saveCache();
    await writeFile(join(project, '.prettierrc'), '{ "semi": false }\n');
    const second = await formatterFor({ prettier });
    expect(await second.format('a.ts', 'const a=1')).toBe('const a = 1\n');
    expect(prettier.calls).toBe(2);
  });

  it('keeps only the entries the last run used', async () => {
    const first = await formatterFor();
    await first.format('a.ts', 'const a=1');
    await first.format('b.ts', 'const b=2');
    await first.saveCache();
    expect(Object.keys(JSON.parse(await readFile(cacheFile(), 'utf8')).entries)).toHaveLength(2);

    const second = await formatterFor();
    await second.format('b.ts', 'const b=2');
    await second.saveCache();
    const entries = Object.values(JSON.parse(await readFile(cacheFile(), 'utf8')).entries);
    expect(entries).toEqual(['const b = 2;\n']);
  });

  it('ignores a damaged cache file', async () => {
    await mkdir(join(project, 'node_modules', '.cache', 'codegen'), { recursive: true });
    await writeFile(cacheFile(), '{ damaged');
    const formatter = await formatterFor();
    expect(await formatter.format('a.ts', 'const a=1')).toBe('const a = 1;\n');
    await formatter.saveCache();
    expect(JSON.parse(await readFile(cacheFile(), 'utf8')).version).toBe(1);
  });
});

describe('the format cache as input', () => {
  const cacheFolder = () => join(project, 'node_modules', '.cache', 'codegen');

  /** A cache whose entry for `const a=1` was edited to inject code. */
  async function poisonedCache(): Promise<void> {
    const first = await formatterFor();
    await first.format('a.ts', 'const a=1');
    await first.saveCache();
    const file = join(cacheFolder(), 'format-cache.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('const a = 1;\\n', 'const a = 1; injected();\\n'));
  }

  it('is trusted by generate, like node_modules (the documented boundary)', async () => {
    await poisonedCache();
    expect(await (await formatterFor()).format('a.ts', 'const a=1')).toBe('const a = 1; injected();\n');
  });

  it('is not used at all when the caller says so (check formats afresh)', async () => {
    await poisonedCache();
    const prettier = countingPrettier();
    const fresh = await formatterFor({ prettier, useCache: false });
    expect(await fresh.format('a.ts', 'const a=1')).toBe('const a = 1;\n');
    expect(prettier.calls).toBe(1);
    await fresh.saveCache();
    expect(await readFile(join(cacheFolder(), 'format-cache.json'), 'utf8')).toContain('injected');
  });

  it('is neither read nor written when its folder is a link leading out of the project (CG4009, once)', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'codegen-elsewhere-'));
    try {
      await writeFile(join(elsewhere, 'format-cache.json'), '{"version":1,"entries":{}}\n');
      await writeFile(join(elsewhere, '.notes.txt.codegen-tmp-0123456789ab'), 'not codegen\'s\n');
      await mkdir(join(project, 'node_modules', '.cache'), { recursive: true });
      await symlink(elsewhere, cacheFolder(), 'dir');
      const formatter = await formatterFor();
      expect(await formatter.format('a.ts', 'const a=1')).toBe('const a = 1;\n');
      expect(await formatter.format('b.ts', 'const b=1')).toBe('const b = 1;\n');
      await formatter.saveCache();
      expect((await readdir(elsewhere)).sort()).toEqual(['.notes.txt.codegen-tmp-0123456789ab', 'format-cache.json']);
      expect(await readFile(join(elsewhere, 'format-cache.json'), 'utf8')).toBe('{"version":1,"entries":{}}\n');
      expect(formatter.diagnostics).toMatchObject([{ code: 'CG4009', severity: 'warning', file: 'node_modules/.cache/codegen' }]);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });
});
