/**
 * Invariants beyond the fixture text: analysis is deterministic, services stay apart. That every
 * fixture's model is plain JSON is checked in fixtures.test.ts, on the analysis it compares.
 */
import { describe, expect, it } from 'vitest';
import { analyzeFixture, fixtureInput } from './run-fixture.js';
import { analyze } from '../../../src/analyzer/index.js';

describe('analyzer model', () => {
  it('gives byte-identical JSON when analysing twice, in any file order', () => {
    const input = fixtureInput('cross-file');
    const first = JSON.stringify(analyze(input));
    const second = JSON.stringify(analyze({ ...input, files: [...input.files].reverse() }));
    expect(second).toBe(first);
  });

  it('keeps services out of the type declarations', () => {
    const { model } = analyzeFixture('docs-and-selection');
    expect(model.services.map((s) => s.id)).toContain('ArticleService');
    expect(model.declarations.map((d) => d.id)).not.toContain('ArticleService');
  });
});
