/** Entity fixtures: the model's entities, and the column facts of every entity property. */
import type { ColumnFacts, Model } from '../../../src/model/index.js';
import { fixtureSuite } from './fixture-suite.js';

/** `{ "User.email": ColumnFacts }` for every property that has column facts. */
function columnsOf(model: Model): Record<string, ColumnFacts> {
  const columns: Record<string, ColumnFacts> = {};
  for (const declaration of model.declarations) {
    if (declaration.type.kind !== 'object') continue;
    for (const property of declaration.type.properties) {
      if (property.column) columns[`${declaration.name}.${property.name}`] = property.column;
    }
  }
  return columns;
}

fixtureSuite('analyzer-entities', ({ model }) => ({ entities: model.entities, columns: columnsOf(model) }));
