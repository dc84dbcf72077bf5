/**
 * Every analyzer fixture (namespaces, generics, enums, classes, hidden types, unresolved
 * names, diagnostics of every kind) analysed by a warm analyzer twice: the second analysis
 * takes what it can from the read cache and must give the model and diagnostics of the first,
 * which must be those of a cold analysis.
 */
import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer } from '../../../src/analyzer/index.js';
import { fixtureCases, fixtureInput } from '../analyzer/run-fixture.js';

/** Cases where nothing can be taken from the cache, and why. */
const NOTHING_REUSED: Record<string, string> = {
  namespaces: 'a .d.ts and a script among the refreshed inputs declare globals: everything is read again',
  'generic-inline-arguments': 'its one declaration instantiates generics, whose names depend on the order of reading',
  classes: 'its classes have members whose types TypeScript infers from values (initialisers, method bodies)',
  'expanding-generics': 'every declaration it processes instantiates generics (Nest<string>, D0<string>…), whose names depend on the order of reading',
  'declaration-merging': "a module augmentation (declare module './merging.js') adds members to another file's types: everything is read again",
};

describe('the warm analyzer on the analyzer fixtures', () => {
  for (const name of fixtureCases()) {
    it(name, () => {
      const input = fixtureInput(name);
      const cold = analyze(input);
      const warm = createAnalyzer({ ...input, incremental: true });
      expect(warm.analyze()).toEqual(cold);
      warm.refresh(input.files);
      const again = warm.analyze();
      expect(again.model).toStrictEqual(cold.model);
      expect(again.diagnostics).toEqual(cold.diagnostics);
      // Fixtures with syntax errors read nothing at all.
      if (cold.model.declarations.length > 0 && !(name in NOTHING_REUSED)) expect(warm.readStats!.reused).toBeGreaterThan(0);
      if (name in NOTHING_REUSED) expect(warm.readStats!.reused).toBe(0);
    });
  }
});
