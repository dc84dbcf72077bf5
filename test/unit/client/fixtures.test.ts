/**
 * Each fixture's `model.json` is what the analyzer makes of its inputs, and its generated client
 * files equal its `expected/` folder (UPDATE=1 rewrites both; review the diff).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFixture, FIXTURES_DIR, fixtureNames, generateFixture, listFiles } from './helpers.js';

const update = process.env['UPDATE'] === '1';

describe('client fixtures', () => {
  for (const name of fixtureNames()) {
    it(`${name}: model.json is the analyzer's model, without diagnostics`, () => {
      const { model, diagnostics } = analyzeFixture(name);
      const path = join(FIXTURES_DIR, name, 'model.json');
      if (update) writeFileSync(path, `${JSON.stringify(model, null, 2)}\n`);
      expect(diagnostics).toEqual([]);
      expect(model).toEqual(JSON.parse(readFileSync(path, 'utf8')));
    });

    it(`generates ${name}`, async () => {
      const files = await generateFixture(name);
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
      // The rendered texts, before Prettier: equal texts format equally, and Prettier's run is the first test's.
      expect(await generateFixture(name, false)).toEqual(await generateFixture(name, false));
    });
  }
});
