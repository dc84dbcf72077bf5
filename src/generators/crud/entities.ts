/** The entities the crud generator processes: those whose declaration selects `crud`. */
import type { Declaration, Entity, Model } from '../../model/types.js';
import { GENERATOR_NAME } from './options.js';

/** Entities processed by crud, in model order. */
export function crudEntities(model: Pick<Model, 'entities' | 'declarations'>): Entity[] {
  const selected = new Set(model.declarations.filter((declaration: Declaration) => declaration.generators.includes(GENERATOR_NAME)).map((d) => d.id));
  return model.entities.filter((entity) => selected.has(entity.declaration) && entity.primaryKey.length > 0);
}
