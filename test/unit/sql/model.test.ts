/**
 * Each sql fixture's `model.json` is what the analyzer makes of its `input/` (UPDATE=1 rewrites
 * it): generator tests read the model, and this keeps it true to the sources.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFixture, FIXTURES_DIR, fixtureNames } from './helpers.js';

const update = process.env['UPDATE'] === '1';

describe('sql fixture models', () => {
  for (const name of fixtureNames()) {
    it(`${name}/model.json is the analyzer's model of its input`, () => {
      const { model, diagnostics } = analyzeFixture(name);
      expect(diagnostics.filter((entry) => entry.severity === 'error')).toEqual([]);
      const file = join(FIXTURES_DIR, name, 'model.json');
      if (update || !existsSync(file)) writeFileSync(file, `${JSON.stringify(model, null, 2)}\n`);
      expect(model).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});
