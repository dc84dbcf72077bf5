/**
 * Fixture folders for the analyzer's readers: `<family>/<case>/input/*.ts` are analysed (paths
 * relative to the case folder), and the part of the model the family is about is compared
 * with `<case>/model.json`, the diagnostics with `<case>/diagnostics.json`. `UPDATE=1`
 * rewrites both; review the change with `git diff`.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, type AnalyzeResult } from '../../../src/analyzer/index.js';

const KNOWN_GENERATORS = ['validate', 'mock', 'openapi', 'sql', 'crud', 'client'];

/** One `it` per case folder of `family`, comparing `pick(result)` with `model.json`. */
export function fixtureSuite(family: string, pick: (result: AnalyzeResult) => unknown): void {
  const root = path.resolve(import.meta.dirname, '../../fixtures', family);
  describe(`${family} fixtures`, () => {
    for (const name of caseNames(root)) {
      it(name, () => {
        const result = analyzeCase(path.join(root, name));
        expectJson(path.join(root, name, 'model.json'), pick(result));
        expectJson(path.join(root, name, 'diagnostics.json'), result.diagnostics);
      });
    }
  });
}

/** Analyses a case folder's top-level `input/*.ts` files with the `crud` and `client` defaults. */
export function analyzeCase(dir: string): AnalyzeResult {
  const inputDir = path.join(dir, 'input');
  const files = readdirSync(inputDir)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => path.join(inputDir, name));
  return analyze({ rootDir: dir, files, defaultGenerators: ['crud', 'client'], knownGenerators: KNOWN_GENERATORS, displayRoot: dir });
}

function caseNames(root: string): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function expectJson(file: string, actual: unknown): void {
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (process.env['UPDATE'] === '1') writeFileSync(file, text);
  if (!existsSync(file)) throw new Error(`${file} is missing: run with UPDATE=1 and review it`);
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}
