/**
 * Fixture folders: each `test/fixtures/analyzer/<case>/` holds the user's sources in `input/`
 * and the expected `model.json` and `diagnostics.json`. Run with `UPDATE=1` to rewrite the
 * expected files, then review the change by eye: the JSON documents the model.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalyzeResult } from '../../../src/analyzer/index.js';
import { analyzeFixture, fixtureCases, FIXTURES } from './run-fixture.js';

const update = process.env['UPDATE'] === '1';

function expectJson(file: string, actual: unknown): void {
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (update) writeFileSync(file, text);
  if (!existsSync(file)) throw new Error(`${file} is missing: run with UPDATE=1 and review it`);
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

/** Each case analysed once, for both of its tests (an analysis costs half a second). */
const analysed = new Map<string, AnalyzeResult>();
function analysis(name: string): AnalyzeResult {
  if (!analysed.has(name)) analysed.set(name, analyzeFixture(name));
  return analysed.get(name)!;
}

describe('analyzer fixtures', () => {
  for (const name of fixtureCases()) {
    it(name, () => {
      const { model, diagnostics } = analysis(name);
      expectJson(path.join(FIXTURES, name, 'model.json'), model);
      expectJson(path.join(FIXTURES, name, 'diagnostics.json'), diagnostics);
    });
  }
});

// An invariant beyond the fixture text (test/unit/analyzer/model-invariants.test.ts holds the
// others): \`toEqual\` above ignores undefined properties and prototypes, this does not.
describe('analyzer model', () => {
  for (const name of fixtureCases()) {
    it(`${name}: round-trips through JSON unchanged`, () => {
      const { model } = analysis(name);
      expect(JSON.parse(JSON.stringify(model))).toStrictEqual(model);
    });
  }
});
