/** Invariants beyond the fixture text: the model is plain JSON, and analysis is deterministic. */
import { describe, expect, it } from 'vitest';
import { analyzeFixture, fixtureCases, fixtureInput } from './run-fixture.js';
import { analyze } from '../../../src/analyzer/index.js';

describe('analyzer model', () => {
  for (const name of fixtureCases()) {
    it(`${name}: round-trips through JSON unchanged`, () => {
      const { model } = analyzeFixture(name);
      expect(JSON.parse(JSON.stringify(model))).toStrictEqual(model);
    });
  }

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
