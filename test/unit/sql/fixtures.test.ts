/**
 * Each fixture's generated files equal its `expected/` folder (UPDATE=1 rewrites them; review
 * the diff), generation reports only the warnings in its `diagnostics.json` (no error), and a
 * second generation is identical.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, fixtureNames, generateFixture, listFiles } from './helpers.js';

const update = process.env['UPDATE'] === '1';

describe('sql fixtures', () => {
  for (const name of fixtureNames()) {
    it(`generates ${name}`, async () => {
      const { diagnostics, files } = await generateFixture(name);
      // Warnings a fixture means to show are in its diagnostics.json; errors would stop a real run.
      const diagnosticsFile = join(FIXTURES_DIR, name, 'diagnostics.json');
      if (update && diagnostics.length > 0) writeFileSync(diagnosticsFile, `${JSON.stringify(diagnostics, null, 2)}\n`);
      expect(diagnostics).toEqual(existsSync(diagnosticsFile) ? JSON.parse(readFileSync(diagnosticsFile, 'utf8')) : []);
      expect(diagnostics.filter((entry) => entry.severity === 'error')).toEqual([]);
      // The runtime is emitted as it is: its own tests cover it, the fixtures would only copy it.
      const compared = files.filter((file) => !file.runtime);
      const expectedDir = join(FIXTURES_DIR, name, 'expected');
      if (update) {
        rmSync(expectedDir, { recursive: true, force: true });
        for (const file of compared) {
          mkdirSync(dirname(join(expectedDir, file.path)), { recursive: true });
          writeFileSync(join(expectedDir, file.path), file.content);
        }
      }
      expect(compared.map((file) => file.path).sort()).toEqual(listFiles(expectedDir));
      for (const file of compared) expect(file.content, file.path).toBe(readFileSync(join(expectedDir, file.path), 'utf8'));
      expect(files.map((file) => file.path)).toContain('sql-runtime.ts');
    });
  }

  // Each fixture is compared with its committed output above on every run; one is also
  // generated twice in the same process, so no state leaks from one run into the next.
  it('generates identically twice in one process', async () => {
    expect(await generateFixture('relations')).toEqual(await generateFixture('relations'));
  });
});
