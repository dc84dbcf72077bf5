/**
 * Each fixture's generated files equal its `expected/` folder (run with UPDATE=1 to rewrite
 * them, then review the diff).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, fixtureNames, generateFixture, listFiles } from './helpers.js';

const update = process.env['UPDATE'] === '1';

describe('validate fixtures', () => {
  for (const name of fixtureNames()) {
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
      expect(files.map((file) => file.path)).toEqual(listFiles(expectedDir));
      for (const file of files) {
        expect(file.content, file.path).toBe(readFileSync(join(expectedDir, file.path), 'utf8'));
      }
    });

    it(`generates ${name} identically twice`, async () => {
      // The rendered texts, before Prettier: equal texts format equally, and Prettier's run is the first test's.
      expect(await generateFixture(name, false)).toEqual(await generateFixture(name, false));
    });
  }
});
