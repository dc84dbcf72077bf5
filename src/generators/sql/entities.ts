/**
 * Which entities the sql generator writes (those processed by `sql` and every entity they
 * reach through foreign keys and relations, so no foreign key points at a missing table), and
 * lookups between entities, properties and columns.
 */
import type { Entity, EntityColumn, Model } from '../../model/types.js';
import { GENERATOR_NAME } from './options.js';

export interface EntityIndex {
  /** The written entities, in model order. */
  readonly entities: readonly Entity[];
  /** The entity of a declaration id, when it is one the generator writes. */
  find(declaration: string): Entity | undefined;
  /** The column of `entity` holding `property`, if it has one. */
  columnOf(entity: Entity, property: string): EntityColumn | undefined;
  /** The column of `entity` named `column` in SQL, if it has one. */
  columnNamed(entity: Entity, column: string): EntityColumn | undefined;
}

/** Entities processed by `sql`, closed over what their foreign keys and relations reach. */
export function sqlEntities(model: Model): EntityIndex {
  const byDeclaration = new Map(model.entities.map((entity) => [entity.declaration, entity]));
  const generatorsOf = new Map(model.declarations.map((declaration) => [declaration.id, declaration.generators]));
  const chosen = new Set<string>();
  const pending = model.entities.filter((entity) => generatorsOf.get(entity.declaration)?.includes(GENERATOR_NAME)).map((entity) => entity.declaration);
  while (pending.length > 0) {
    const id = pending.pop()!;
    const entity = byDeclaration.get(id);
    if (!entity || chosen.has(id)) continue;
    chosen.add(id);
    for (const column of entity.columns) if (column.references) pending.push(column.references.entity);
    for (const relation of entity.relations) pending.push(relation.target);
  }
  const entities = model.entities.filter((entity) => chosen.has(entity.declaration));
  return {
    entities,
    find: (declaration) => (chosen.has(declaration) ? byDeclaration.get(declaration) : undefined),
    columnOf: (entity, property) => entity.columns.find((column) => column.property === property),
    columnNamed: (entity, column) => entity.columns.find((candidate) => candidate.column === column),
  };
}
