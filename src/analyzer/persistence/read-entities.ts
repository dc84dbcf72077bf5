/**
 * The persistence reader. It runs after every declaration is read, because relations need
 * the whole set: first which declarations are entities, then each property's annotations,
 * then primary keys (a foreign key's type is its target's key type), then columns and
 * relations, and last the one-to-many sides, whose column is the target's foreign key.
 */
import type { Entity } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import { columnAnnotationsOf } from './annotations.js';
import { readPropertyColumn, type PendingInverse } from './columns.js';
import { indexEntities, type EntityDraft, type EntityIndex, type ReadDeclaration } from './entity-index.js';

/** The model's entities; fills `Property.column` on every property of an entity declaration. */
export function readEntities(read: readonly ReadDeclaration[], ctx: AnalyzerContext): Entity[] {
  const index = indexEntities(read, ctx);
  for (const draft of index.values()) readAnnotations(draft, ctx);
  for (const draft of index.values()) draft.primaryKey = primaryKeyOf(draft, ctx);
  const pending: PendingInverse[] = [];
  const entities = [...index.values()].map((draft) => buildEntity(draft, index, pending, ctx));
  for (const item of pending) linkInverse(item, entities, ctx);
  return entities;
}

function readAnnotations(draft: EntityDraft, ctx: AnalyzerContext): void {
  const type = draft.node.getType();
  for (const property of draft.properties) {
    const node = type.getProperty(property.name)?.getDeclarations()[0];
    if (!node) continue;
    draft.locations.set(property.name, ctx.display(node));
    draft.annotations.set(property.name, columnAnnotationsOf(node, `${draft.declaration.name}.${property.name}`, ctx));
  }
}

/** The marked key properties; else a property named `id`; else none, with CG2103. */
function primaryKeyOf(draft: EntityDraft, ctx: AnalyzerContext): string[] {
  const marked = draft.properties.filter((p) => draft.annotations.get(p.name)?.primaryKey).map((p) => p.name);
  if (marked.length > 0) return marked;
  const id = draft.properties.find((p) => p.name === 'id');
  if (!id) {
    ctx.report('CG2103', draft.node, `Entity ${draft.declaration.name} has no primary key.`);
    return [];
  }
  const annotations = draft.annotations.get('id');
  if (annotations) annotations.primaryKey = true;
  else draft.annotations.set('id', { primaryKey: true, unique: false, transient: false });
  return ['id'];
}

function buildEntity(draft: EntityDraft, index: EntityIndex, pending: PendingInverse[], ctx: AnalyzerContext): Entity {
  const { declaration } = draft;
  const entity: Entity = {
    declaration: declaration.id,
    name: declaration.name,
    table: draft.table,
    columns: [],
    primaryKey: draft.primaryKey,
    relations: [],
    source: declaration.source,
  };
  for (const property of draft.properties) {
    const read = readPropertyColumn(property, draft, index, ctx);
    property.column = read.facts;
    if (read.column) entity.columns.push(read.column);
    if (read.relation) entity.relations.push(read.relation);
    if (read.pending) pending.push(read.pending);
  }
  return entity;
}

/** A one-to-many side's column: the target's many-to-one back to this entity (named by the inverse when given). */
function linkInverse(item: PendingInverse, entities: readonly Entity[], ctx: AnalyzerContext): void {
  const owner = entities.find((entity) => entity.relations.includes(item.relation));
  const target = entities.find((entity) => entity.declaration === item.relation.target);
  const back = target?.relations.find(
    (r) => r.kind === 'many-to-one' && r.target === owner?.declaration && (item.inverse === undefined || r.property === item.inverse),
  );
  if (back) {
    item.relation.column = back.column;
    return;
  }
  const via = item.inverse ? `.${item.inverse}` : '';
  ctx.report(
    'CG2102',
    item.location,
    `${item.path} is a one-to-many to ${item.relation.target}, but ${item.relation.target}${via} has no many-to-one back to ${owner?.name}.`,
    `Give ${item.relation.target} a property of type ${owner?.name} (or \`@references ${owner?.name}\`), or mark ${item.path} @transient.`,
  );
}
