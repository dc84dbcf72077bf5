/**
 * Each fixture: the analyzer still gives the committed `model.json` (with the warnings of its
 * `warnings.json`, none when absent); the generated documents
 * equal `expected/` (UPDATE=1 rewrites both; review the diff); every document is a valid
 * OpenAPI 3.1 document; generation is deterministic.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles } from '../validate/helpers.js';
import { analyzeFixture, checked, expectValidDocument, FIXTURES_DIR, fixtureModel, fixtureNames, fixtureOptions, generate } from './helpers.js';

const update = process.env['UPDATE'] === '1';

describe('openapi fixtures', () => {
  for (const name of fixtureNames()) {
    it(`${name}: the model is the analyzer's`, () => {
      const { model, diagnostics } = analyzeFixture(name);
      // `warnings.json`: the analyzer's expected warnings (code, place, message); none otherwise.
      const warnings = join(FIXTURES_DIR, name, 'warnings.json');
      const found = diagnostics.map(({ code, file, line, column, message }) => ({ code, file, line, column, message }));
      if (update && found.length > 0) writeFileSync(warnings, `${JSON.stringify(found, null, 2)}\n`);
      expect(found).toEqual(existsSync(warnings) ? JSON.parse(readFileSync(warnings, 'utf8')) : []);
      const path = join(FIXTURES_DIR, name, 'model.json');
      if (update) writeFileSync(path, `${JSON.stringify(model, null, 2)}\n`);
      expect(model).toEqual(JSON.parse(readFileSync(path, 'utf8')));
    });

    it(`${name}: generates the expected documents`, async () => {
      const { files, diagnostics } = await generate(fixtureModel(name), fixtureOptions(name));
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const expectedDir = join(FIXTURES_DIR, name, 'expected');
      if (update) {
        rmSync(expectedDir, { recursive: true, force: true });
        mkdirSync(expectedDir, { recursive: true });
        for (const file of files) writeFileSync(join(expectedDir, file.path), file.content);
      }
      expect(files.map((file) => file.path)).toEqual(listFiles(expectedDir));
      for (const file of files) expect(file.content, file.path).toBe(readFileSync(join(expectedDir, file.path), 'utf8'));
    });

    it(`${name}: every document is valid OpenAPI 3.1, JSON and YAML saying the same`, async () => {
      const { files } = await generate(fixtureModel(name), fixtureOptions(name));
      const documents = files.map((file) => (file.path.endsWith('.json') ? JSON.parse(file.content) : parseYaml(file.content)));
      for (const document of documents) await expectValidDocument(document);
      for (const document of documents.slice(1)) expect(document).toEqual(documents[0]);
    });

    it(`${name}: generates identically twice`, async () => {
      expect(await generate(fixtureModel(name), fixtureOptions(name))).toEqual(await generate(fixtureModel(name), fixtureOptions(name)));
    });
  }
});

afterAll(() => {
  console.log(`openapi fixtures: ${checked.documents} documents, ${checked.operations} operations validated`);
});
