/**
 * The process's memo of Prettier outputs (src/emit/format-memo.ts): a second formatter in the
 * same process gets exactly what Prettier printed without running it again, even with no format
 * cache on disk; the memo holds at most its limit, least recently used out first.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as bundledPrettier from 'prettier';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFormatter, nodeFileSystem, type PrettierApi } from '../../../src/emit/index.js';
import { createFormatMemo, formatMemoFor } from '../../../src/emit/format-memo.js';
import { loadPrettier } from '../../../src/emit/prettier-module.js';

let project: string;
beforeEach(async () => {
  project = await mkdtemp(join(tmpdir(), 'codegen-format-memo-'));
  await writeFile(join(project, 'package.json'), '{ "name": "app", "private": true }\n');
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(project, { recursive: true, force: true });
});

/** A text no other test formats, so the memo cannot know it before this test. */
const uniqueSource = () => `export const memo${Date.now()}${Math.random().toString(36).slice(2)} = {a:1,b:[1,2,3],c:'x'}\n`;

describe('the format memo across formatters', () => {
  it("gives a second run exactly Prettier's output, without formatting again", async () => {
    const source = uniqueSource();
    const memo = formatMemoFor(await loadPrettier(project));
    const get = vi.spyOn(memo, 'get');
    const first = await createFormatter({ projectRoot: project, format: 'auto', fs: nodeFileSystem, useCache: false });
    const printed = await first.format('src/generated/a.ts', source);
    expect(printed).toBe(await bundledPrettier.format(source, { parser: 'typescript', endOfLine: 'lf' }));
    expect(get).toHaveLastReturnedWith(undefined);
    // A new formatter, no cache on disk: the memo answers, with the same text.
    const second = await createFormatter({ projectRoot: project, format: 'auto', fs: nodeFileSystem, useCache: false });
    expect(await second.format('src/generated/b.ts', source)).toBe(printed);
    expect(get).toHaveLastReturnedWith(printed);
  });

  it('is keyed by the options: another config formats afresh', async () => {
    const source = uniqueSource();
    const first = await createFormatter({ projectRoot: project, format: 'auto', fs: nodeFileSystem, useCache: false });
    const doubleQuoted = await first.format('src/generated/a.ts', source);
    await writeFile(join(project, '.prettierrc'), '{ "singleQuote": true }\n');
    const second = await createFormatter({ projectRoot: project, format: 'auto', fs: nodeFileSystem, useCache: false });
    const singleQuoted = await second.format('src/generated/a.ts', source);
    expect(doubleQuoted).toContain('"x"');
    expect(singleQuoted).toBe(await bundledPrettier.format(source, { parser: 'typescript', endOfLine: 'lf', singleQuote: true }));
  });

  it('is not used with a Prettier the caller gives', async () => {
    const source = uniqueSource();
    let calls = 0;
    const counting: PrettierApi = {
      ...(bundledPrettier as unknown as PrettierApi),
      format(text, options) {
        calls += 1;
        return bundledPrettier.format(text, options);
      },
    };
    for (const path of ['src/generated/a.ts', 'src/generated/b.ts']) {
      const formatter = await createFormatter({ projectRoot: project, format: 'auto', fs: nodeFileSystem, useCache: false, prettier: counting });
      await formatter.format(path, source);
    }
    expect(calls).toBe(2);
  });
});

describe('createFormatMemo', () => {
  it('holds at most its limit of characters, dropping the least recently used first', () => {
    const memo = createFormatMemo(30);
    memo.set('k1', 'a'.repeat(8)); // 10 characters with its key
    memo.set('k2', 'b'.repeat(8));
    memo.set('k3', 'c'.repeat(8));
    expect(memo.size).toBe(30);
    expect(memo.get('k1')).toBe('aaaaaaaa'); // k1 now the most recently used
    memo.set('k4', 'd'.repeat(8));
    expect(memo.size).toBe(30);
    expect(memo.get('k2')).toBeUndefined();
    expect([memo.get('k1'), memo.get('k3'), memo.get('k4')]).toEqual(['aaaaaaaa', 'cccccccc', 'dddddddd']);
  });

  it('never keeps a text larger than its limit, and replaces an entry without counting it twice', () => {
    const memo = createFormatMemo(30);
    memo.set('k1', 'a'.repeat(8));
    memo.set('big', 'x'.repeat(40));
    expect(memo.get('big')).toBeUndefined();
    expect(memo.get('k1')).toBe('aaaaaaaa');
    memo.set('k1', 'a'.repeat(18));
    expect(memo.size).toBe(20);
  });
});
