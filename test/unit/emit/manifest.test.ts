import { describe, expect, it } from 'vitest';
import {
  contentHash,
  createMemoryFileSystem,
  readManifest,
  serializeManifest,
  writeManifest,
  type Manifest,
} from '../../../src/emit/index.js';

const manifest: Manifest = {
  version: 1,
  formatter: 'prettier@3.3.3+abcd1234',
  files: {
    'user.validate.ts': { hash: contentHash('b'), source: 'src/models/user.ts' },
    'book.validate.ts': { hash: contentHash('a'), source: 'src/models/book.ts' },
  },
};

describe('manifest', () => {
  it('round-trips through the output folder', async () => {
    const fs = createMemoryFileSystem();
    await writeManifest(fs, '/app/src/generated', manifest);
    const read = await readManifest(fs, '/app/src/generated');
    expect(read.manifest).toEqual(manifest);
    expect(read.diagnostics).toEqual([]);
  });

  it('has deterministic bytes: sorted keys, two spaces, final newline, no timestamps', () => {
    const reversed: Manifest = { ...manifest, files: Object.fromEntries(Object.entries(manifest.files).reverse()) };
    const text = serializeManifest(manifest);
    expect(serializeManifest(reversed)).toBe(text);
    expect(text).toBe(
      [
        '{',
        '  "version": 1,',
        '  "formatter": "prettier@3.3.3+abcd1234",',
        '  "files": {',
        '    "book.validate.ts": {',
        `      "hash": "${contentHash('a')}",`,
        '      "source": "src/models/book.ts"',
        '    },',
        '    "user.validate.ts": {',
        `      "hash": "${contentHash('b')}",`,
        '      "source": "src/models/user.ts"',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('hashes bytes as sha256 in hex', () => {
    expect(contentHash('')).toBe('sha256-e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('treats a missing manifest as empty, silently', async () => {
    const read = await readManifest(createMemoryFileSystem(), '/out');
    expect(read).toEqual({ manifest: { version: 1, formatter: 'none', files: {} }, diagnostics: [] });
  });

  it.each([
    ['not JSON', '{ "version": 1,'],
    ['another version', '{ "version": 2, "formatter": "none", "files": {} }'],
    ['an entry without hash', '{ "version": 1, "formatter": "none", "files": { "a.ts": { "source": "x" } } }'],
  ])('treats a damaged manifest (%s) as empty, with warning CG4006', async (_case, text) => {
    const fs = createMemoryFileSystem({ '/app/out/.codegen-manifest.json': text });
    const read = await readManifest(fs, '/app/out', '/app');
    expect(read.manifest.files).toEqual({});
    expect(read.diagnostics).toMatchObject([
      { code: 'CG4006', severity: 'warning', file: 'out/.codegen-manifest.json' },
    ]);
  });

  it.each([
    ['../../package.json', 'climbs out with `..`'],
    ['a/../../x.ts', 'climbs out with `..`'],
    ['/etc/passwd', 'is absolute'],
    ['C:/victim.ts', 'is absolute'],
    ['..\\x.ts', 'contains a backslash'],
    ['a/./b.ts', 'is not in normal form'],
    ['a//b.ts', 'is not in normal form'],
    ['x\u0000.ts', 'contains a NUL character'],
    ['.codegen-journal.json', "names one of codegen's own records"],
  ])('ignores the entry %j, which %s, with a warning located at its line', async (path, reason) => {
    const files = { 'ok.ts': { hash: contentHash('ok'), source: 's.ts' }, [path]: { hash: contentHash('x'), source: 's.ts' } };
    const text = serializeManifest({ version: 1, formatter: 'none', files });
    const fs = createMemoryFileSystem({ '/app/out/.codegen-manifest.json': text });
    const read = await readManifest(fs, '/app/out', '/app');
    expect(Object.keys(read.manifest.files)).toEqual(['ok.ts']);
    const line = text.split('\n').findIndex((l) => l.includes(`${JSON.stringify(path)}:`)) + 1;
    expect(line).toBeGreaterThan(0);
    expect(read.diagnostics).toEqual([
      expect.objectContaining({ code: 'CG4009', severity: 'warning', file: 'out/.codegen-manifest.json', line, column: 5 }),
    ]);
    expect(read.diagnostics[0]!.message).toContain(reason);
  });
});

describe('manifest paths that are also names of Object properties', () => {
  it('are entries like any other', async () => {
    const entry = (content: string) => `{ "hash": "${contentHash(content)}", "source": "s.ts" }`;
    const text = `{ "version": 1, "formatter": "none", "files": { "__proto__": ${entry('p')}, "constructor": ${entry('c')} } }`;
    const read = await readManifest(createMemoryFileSystem({ '/out/.codegen-manifest.json': text }), '/out');
    expect(Object.keys(read.manifest.files).sort()).toEqual(['__proto__', 'constructor']);
    expect(read.manifest.files['toString']).toBeUndefined();
    expect(serializeManifest(read.manifest)).toContain('"__proto__": {');
  });
});
