/**
 * Checks that the JSON texts the analyzer records for its declarations (model/declaration-text.ts)
 * are the declarations' own texts. incremental-fixtures.test.ts checks them on the warm analyses
 * it runs anyway (a test file of their own cost ~4 s of cold TypeScript start-up, ~6 s analysing).
 */
import { expect } from 'vitest';
import { knownDeclarationText } from '../../../src/model/declaration-text.js';
import type { Model } from '../../../src/model/index.js';

/** How many declarations have a recorded text; fails on one whose record is not its text. */
export function checkTexts(model: Model): number {
  let recorded = 0;
  for (const declaration of model.declarations) {
    const text = knownDeclarationText(declaration);
    if (text === undefined) continue;
    recorded += 1;
    expect(text, declaration.id).toBe(JSON.stringify(declaration));
  }
  return recorded;
}

/** How many entities the model has; fails on one with a recorded text (readEntities fills in its columns after reading). */
export function checkNoEntityTexts(model: Model): number {
  const entityIds = new Set(model.entities.map((entity) => entity.declaration));
  for (const declaration of model.declarations) if (entityIds.has(declaration.id)) expect(knownDeclarationText(declaration), declaration.id).toBeUndefined();
  return entityIds.size;
}
