/**
 * Each mock fixture's generated files equal its `expected/` folder, and `check` reports exactly
 * its `diagnostics.json` (none when the file is absent). Run with UPDATE=1 to rewrite both,
 * then review the diff.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import type { Model } from '../../../src/model/types.js';
import { CONTEXT, FIXTURES_DIR, fixtureNames, generateFixture, listFiles, readJson, type GeneratedFile } from './helpers.js';

const update = process.env['UPDATE'] === '1';

/**
 * Each fixture's first generation: its rendered texts (compared with a second generation's) and
 * those texts formatted with Prettier's defaults (compared with `expected/`).
 */
const firstRuns = new Map<string, Promise<{ rendered: GeneratedFile[]; formatted: GeneratedFile[] }>>();
const firstRun = (name: string) => {
  if (!firstRuns.has(name)) {
    firstRuns.set(
      name,
      generateFixture(name, false).then(async (rendered) => ({
        rendered,
        // Prettier with `babel-ts`, the parser `codegen generate` gives TypeScript of its own layout
        // (src/emit/fast-parser.ts): the same text as `typescript`, for a third less work.
        formatted: await Promise.all(rendered.map(async (file) => ({ path: file.path, content: await format(file.content, { parser: 'babel-ts' }) }))),
      })),
    );
  }
  return firstRuns.get(name)!;
};

describe('mock fixtures', () => {
  for (const name of fixtureNames()) {
    it(`generates ${name}`, async () => {
      const files = (await firstRun(name)).formatted;
      const expectedDir = join(FIXTURES_DIR, name, 'expected');
      if (update) {
        rmSync(expectedDir, { recursive: true, force: true });
        for (const file of files) {
          mkdirSync(dirname(join(expectedDir, file.path)), { recursive: true });
          writeFileSync(join(expectedDir, file.path), file.content);
        }
      }
      expect(files.map((file) => file.path).sort()).toEqual(listFiles(expectedDir));
      for (const file of files) expect(file.content, file.path).toBe(readFileSync(join(expectedDir, file.path), 'utf8'));
    });

    it(`generates ${name} identically twice`, async () => {
      // The rendered texts, before Prettier: equal texts format equally.
      expect(await generateFixture(name, false)).toEqual((await firstRun(name)).rendered);
    });

    it(`checks ${name}`, () => {
      const model = readJson<Model>(join(FIXTURES_DIR, name, 'model.json'), undefined as never);
      const diagnostics = mockGenerator.check!(model, { split: 'file', seed: 42, maxDepth: 3 }, CONTEXT);
      const file = join(FIXTURES_DIR, name, 'diagnostics.json');
      if (update && diagnostics.length > 0) writeFileSync(file, `${JSON.stringify(diagnostics, null, 2)}\n`);
      expect(diagnostics).toEqual(readJson(file, []));
    });
  }
});
