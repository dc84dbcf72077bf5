/**
 * Line endings alone are never a hand edit: the manifest hashes text with LF line endings, so a
 * checkout that converts them (git core.autocrlf) changes nothing codegen cares about.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentHash, createMemoryFileSystem, planEmit, serializeManifest } from '../../../src/emit/index.js';
import { detectLineEnding, withLineEnding } from '../../../src/emit/line-endings.js';

const source = 'src/models/user.ts';
const crlf = (text: string) => text.replace(/\n/g, '\r\n');
/** How manifests hashed before the rule: the bytes as written (always LF then). */
const oldHash = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('hex')}`;

function disk(files: Record<string, string>, formatter = 'prettier@3+abc', recorded = files) {
  const entries = Object.fromEntries(Object.entries(recorded).map(([path, text]) => [path, { hash: oldHash(text), source }]));
  return createMemoryFileSystem({
    '/out/.codegen-manifest.json': serializeManifest({ version: 1, formatter, files: entries }),
    ...Object.fromEntries(Object.entries(files).map(([path, text]) => [`/out/${path}`, text])),
  });
}

const plan = (fs: ReturnType<typeof disk>, files: Record<string, string>, formatter = 'prettier@3+abc') =>
  planEmit({ outputDir: '/out', fs, formatter, files: Object.entries(files).map(([path, content]) => ({ path, content, source })) });

describe('line endings', () => {
  it('are not part of the content hash, which is the one older manifests recorded', () => {
    expect(contentHash('a\r\nb\r\n')).toBe(contentHash('a\nb\n'));
    expect(contentHash('a\rb\r')).toBe(oldHash('a\nb\n'));
    expect(contentHash('a\nb\n')).not.toBe(contentHash('a\nc\n'));
  });

  it('converted by a checkout leave a file unchanged, not hand-edited, and the manifest as it is', async () => {
    const generated = { 'a.ts': 'export const a = 1;\n' };
    const fs = disk({ 'a.ts': crlf(generated['a.ts']) }, 'prettier@3+abc', generated);
    const manifest = (await fs.readFile('/out/.codegen-manifest.json'))!;
    await fs.writeFile('/out/.codegen-manifest.json', crlf(manifest));
    const result = await plan(fs, generated);
    expect(result.diagnostics).toEqual([]);
    expect(result.entries).toMatchObject([{ path: 'a.ts', action: 'unchanged' }]);
    expect(result.entries[0]!.conflict).toBeUndefined();
    expect(result.manifestChanged).toBe(false);
  });

  it('are rewritten (an update, not a hand edit) when the formatter settings changed since', async () => {
    const generated = { 'a.ts': 'export const a = 1;\n' };
    const fs = disk(generated, 'prettier@3+lf');
    const result = await plan(fs, { 'a.ts': crlf(generated['a.ts']) }, 'prettier@3+crlf');
    expect(result.diagnostics).toEqual([]);
    expect(result.entries).toMatchObject([{ path: 'a.ts', action: 'update', after: 'export const a = 1;\r\n' }]);
    expect(result.entries[0]!.conflict).toBeUndefined();
  });

  it('do not hide a real edit in a converted file', async () => {
    const generated = { 'a.ts': 'export const a = 1;\n' };
    const fs = disk({ 'a.ts': crlf('export const a = 2;\n') }, 'prettier@3+abc', generated);
    const result = await plan(fs, generated);
    expect(result.entries).toMatchObject([{ path: 'a.ts', action: 'hand-edited', conflict: 'hand-edited' }]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['CG4001']);
  });

  it('do not keep a converted orphan from being deleted', async () => {
    const fs = disk({ 'gone.ts': 'x\r\n' }, 'prettier@3+abc', { 'gone.ts': 'x\n' });
    const result = await plan(fs, {});
    expect(result.entries).toMatchObject([{ path: 'gone.ts', action: 'delete' }]);
  });

  it('the manifest is formatted like the outputs when a formatter is given', async () => {
    const fs = createMemoryFileSystem({});
    const format = async (path: string, text: string) => `${path}\n${withLineEnding(text.replace(/ {2}/g, '\t'), 'crlf')}`;
    const result = await planEmit({ outputDir: '/out', fs, files: [{ path: 'a.ts', content: 'a\n', source }], format });
    expect(result.manifestText.startsWith('/out/.codegen-manifest.json\n{\r\n\t"version": 1,\r\n')).toBe(true);
    expect(result.manifestChanged).toBe(true);
  });

  it('follow Prettier’s endOfLine, `auto` keeping the first line ending of the file on disk', () => {
    expect(withLineEnding('a\nb\n', 'crlf')).toBe('a\r\nb\r\n');
    expect(withLineEnding('a\nb\n', 'cr')).toBe('a\rb\r');
    expect(withLineEnding('a\nb\n', 'lf')).toBe('a\nb\n');
    expect(withLineEnding('a\nb\n', 'auto')).toBe('a\nb\n');
    expect(withLineEnding('a\nb\n', 'auto', 'x\r\ny\n')).toBe('a\r\nb\r\n');
    expect(withLineEnding('a\nb\n', 'auto', 'x\ry')).toBe('a\rb\r');
    expect(['x', 'x\ny', 'x\r\ny', 'x\ry\r\n'].map(detectLineEnding)).toEqual(['lf', 'lf', 'crlf', 'cr']);
  });
});
