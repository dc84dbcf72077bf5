/**
 * Runs the analyzer on a fixture folder `test/fixtures/analyzer/<case>/`: the top-level
 * `input/*.ts` files are the input (deeper folders are only reached through imports), paths
 * are relative to the case folder, `case.json` may set `defaultGenerators`, and a `tsconfig.json`
 * the compiler options.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze, type AnalyzeInput, type AnalyzeResult } from '../../../src/analyzer/index.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/analyzer');

const KNOWN_GENERATORS = ['validate', 'mock', 'openapi', 'sql', 'crud', 'client'];

/** The case folders, sorted. */
export function fixtureCases(): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The analyzer input for a case folder. */
export function fixtureInput(caseName: string): AnalyzeInput {
  const dir = path.join(FIXTURES, caseName);
  const options = existsSync(path.join(dir, 'case.json'))
    ? (JSON.parse(readFileSync(path.join(dir, 'case.json'), 'utf8')) as { defaultGenerators?: string[] })
    : {};
  const inputDir = path.join(dir, 'input');
  const files = readdirSync(inputDir)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => path.join(inputDir, name));
  // A case's own `tsconfig.json` sets the compiler options it is read under (`exactOptionalPropertyTypes`).
  const tsconfig = path.join(dir, 'tsconfig.json');
  return {
    rootDir: dir,
    files,
    ...(existsSync(tsconfig) ? { tsconfig } : {}),
    defaultGenerators: options.defaultGenerators ?? ['validate'],
    knownGenerators: KNOWN_GENERATORS,
    displayRoot: dir,
  };
}

/** Analyses a case folder. */
export function analyzeFixture(caseName: string): AnalyzeResult {
  return analyze(fixtureInput(caseName));
}
