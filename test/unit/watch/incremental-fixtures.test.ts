/**
 * Every analyzer fixture (namespaces, generics, enums, classes, hidden types, unresolved
 * names, diagnostics of every kind) analysed by a warm analyzer twice: the second analysis
 * takes what it can from the read cache and must give the model and diagnostics of the first,
 * which must be those of a cold analysis: the case's model.json and diagnostics.json, which
 * test/unit/analyzer/fixtures.test.ts holds equal to a cold analysis (one that round-trips
 * strictly through JSON), so no third analysis of each case runs here. Both warm models'
 * recorded declaration texts (model/declaration-text.ts: what plan memos version declarations
 * by, instead of serialising each one on every build) must be the declarations' own texts; so
 * too on every entity fixture, where no entity may have one (readEntities fills in its columns
 * after reading: it must be serialised afresh, never taken as recorded).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyzer, type AnalyzeInput, type AnalyzeResult } from '../../../src/analyzer/index.js';
import { FIXTURES, fixtureCases, fixtureInput } from '../analyzer/run-fixture.js';
import { checkNoEntityTexts, checkTexts } from './check-declaration-texts.js';

/** Cases where nothing can be taken from the cache, and why. */
const NOTHING_REUSED: Record<string, string> = {
  namespaces: 'a .d.ts and a script among the refreshed inputs declare globals: everything is read again',
  'ambient-globals': 'its globals.d.ts and declare global {} among the refreshed inputs declare globals: everything is read again',
  'generic-inline-arguments': 'its one declaration instantiates generics, whose names depend on the order of reading',
  classes: 'its classes have members whose types TypeScript infers from values (initialisers, method bodies)',
  'expanding-generics': 'every declaration it processes instantiates generics (Nest<string>, D0<string>…), whose names depend on the order of reading',
  'function-argument-instantiations': 'its one declaration (Row) instantiates generics (Fn<…>, Hold<() => void>…), whose names depend on the order of reading',
  'instantiation-names': 'its one file declares Names, which instantiates generics (W2<Cents | null>, Fn<…>, Box<…>), whose names depend on the order of reading',
  'symbol-constants': 'a declaration file (shapes.d.ts) is among the refreshed inputs, which counts as ambient (file-index.ts): everything is read again',
  'declaration-merging': "a module augmentation (declare module './merging.js') adds members to another file's types: everything is read again",
};

/** A cold analysis of a case, as its expected files hold it (analyzer/fixtures.test.ts checks they are one). */
function coldAnalysis(name: string): AnalyzeResult {
  const expected = (file: string): unknown => JSON.parse(readFileSync(path.join(FIXTURES, name, file), 'utf8'));
  return { model: expected('model.json'), diagnostics: expected('diagnostics.json') } as AnalyzeResult;
}

describe('the warm analyzer on the analyzer fixtures', () => {
  for (const name of fixtureCases()) {
    it(name, () => {
      const input = fixtureInput(name);
      const cold = coldAnalysis(name);
      const warm = createAnalyzer({ ...input, incremental: true });
      const first = warm.analyze();
      expect(first).toEqual(cold);
      const recordedCold = checkTexts(first.model);
      checkNoEntityTexts(first.model);
      warm.refresh(input.files);
      const again = warm.analyze();
      const recordedWarm = checkTexts(again.model);
      checkNoEntityTexts(again.model);
      // Every fixture with declarations has texts recorded for some of them, cold and warm.
      if (cold.model.declarations.length > 0) expect(Math.min(recordedCold, recordedWarm)).toBeGreaterThan(0);
      expect(again.model).toStrictEqual(cold.model);
      expect(again.diagnostics).toEqual(cold.diagnostics);
      // Fixtures with syntax errors read nothing at all.
      if (cold.model.declarations.length > 0 && !(name in NOTHING_REUSED)) expect(warm.readStats!.reused).toBeGreaterThan(0);
      if (name in NOTHING_REUSED) expect(warm.readStats!.reused).toBe(0);
    });
  }
});

const ENTITY_FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/analyzer-entities');

function entityInput(name: string): AnalyzeInput {
  const dir = path.join(ENTITY_FIXTURES, name);
  const inputDir = path.join(dir, 'input');
  const files = readdirSync(inputDir).filter((file) => file.endsWith('.ts')).sort().map((file) => path.join(inputDir, file));
  return { rootDir: dir, files, defaultGenerators: ['crud', 'client'], knownGenerators: ['validate', 'mock', 'openapi', 'sql', 'crud', 'client'], displayRoot: dir };
}

describe('the warm analyzer on the entity fixtures', () => {
  it('records the texts of declarations, and never of an entity (its columns are filled in after reading)', () => {
    let recorded = 0;
    let entities = 0;
    for (const name of readdirSync(ENTITY_FIXTURES)) {
      const input = entityInput(name);
      const analyzer = createAnalyzer({ ...input, incremental: true });
      const first = analyzer.analyze().model;
      checkTexts(first);
      checkNoEntityTexts(first);
      analyzer.refresh(input.files);
      const again = analyzer.analyze().model;
      recorded += checkTexts(again);
      entities += checkNoEntityTexts(again);
    }
    expect(entities).toBeGreaterThan(10);
    expect(recorded).toBeGreaterThan(0);
  });
});
