/**
 * The JSON texts the analyzer records for its declarations (model/declaration-text.ts: what
 * plan memos version declarations by, instead of serialising each one on every build) are the
 * declarations' own texts: after a cold analysis, and after a warm one that takes declarations
 * from its read cache, on every analyzer fixture and every entity fixture (whose declarations
 * readEntities fills in after reading: those must be serialised afresh, never taken as recorded).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyzer, type AnalyzeInput } from '../../../src/analyzer/index.js';
import { knownDeclarationText } from '../../../src/model/declaration-text.js';
import type { Model } from '../../../src/model/index.js';
import { fixtureCases, fixtureInput } from '../analyzer/run-fixture.js';

const ENTITY_FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/analyzer-entities');

function entityInput(name: string): AnalyzeInput {
  const dir = path.join(ENTITY_FIXTURES, name);
  const inputDir = path.join(dir, 'input');
  const files = readdirSync(inputDir).filter((file) => file.endsWith('.ts')).sort().map((file) => path.join(inputDir, file));
  return { rootDir: dir, files, defaultGenerators: ['crud', 'client'], knownGenerators: ['validate', 'mock', 'openapi', 'sql', 'crud', 'client'], displayRoot: dir };
}

/** How many declarations have a recorded text; fails on one whose record is not its text. */
function checkTexts(model: Model): number {
  let recorded = 0;
  for (const declaration of model.declarations) {
    const text = knownDeclarationText(declaration);
    if (text === undefined) continue;
    recorded += 1;
    expect(text, declaration.id).toBe(JSON.stringify(declaration));
  }
  return recorded;
}

function checkWarm(input: AnalyzeInput): { cold: number; warm: number; entities: number } {
  const analyzer = createAnalyzer({ ...input, incremental: true });
  const first = analyzer.analyze();
  const cold = checkTexts(first.model);
  analyzer.refresh(input.files);
  const again = analyzer.analyze().model;
  const entityIds = new Set(again.entities.map((entity) => entity.declaration));
  for (const declaration of again.declarations) if (entityIds.has(declaration.id)) expect(knownDeclarationText(declaration), declaration.id).toBeUndefined();
  return { cold, warm: checkTexts(again), entities: entityIds.size };
}

describe('recorded declaration texts', () => {
  it('are the texts of the analyzer fixtures, cold and warm', () => {
    let recorded = 0;
    for (const name of fixtureCases()) recorded += checkWarm(fixtureInput(name)).warm;
    expect(recorded).toBeGreaterThan(100);
  });

  it('are the texts of the entity fixtures, and never recorded for an entity (its columns are filled in after reading)', () => {
    let recorded = 0;
    let entities = 0;
    for (const name of readdirSync(ENTITY_FIXTURES)) {
      const counts = checkWarm(entityInput(name));
      recorded += counts.warm;
      entities += counts.entities;
    }
    expect(entities).toBeGreaterThan(10);
    expect(recorded).toBeGreaterThan(0);
  });
});
