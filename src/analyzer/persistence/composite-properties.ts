/**
 * The property lists of composite constraints, checked against the entity's columns. A
 * relation property stands for its key column (`@Unique(['author', 'slug'])`, as TypeORM
 * allows), and is recorded as the property of that column (`userId` when `user` and `userId`
 * share it), so generators find every listed name in `Entity.columns`.
 */
import { didYouMean } from '../../config/suggest.js';
import type { CompositeConstraint, CompositeIndex, Entity } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import type { WrittenComposite } from './composite-constraints.js';
import type { EntityDraft } from './entity-index.js';

/** Fills `entity.uniques` and `entity.indexes` from the written constraints; bad lists are CG2101 and left out. */
export function resolveComposites(written: readonly WrittenComposite[], entity: Entity, draft: EntityDraft, ctx: AnalyzerContext): void {
  const columnOf = new Map<string, string>(entity.columns.map((column) => [column.property, column.property]));
  for (const relation of entity.relations) {
    const column = relation.owner && relation.column !== '' ? entity.columns.find((c) => c.column === relation.column) : undefined;
    if (column) columnOf.set(relation.property, column.property);
  }
  for (const item of written) {
    const properties = item.properties.map((name) => columnOf.get(name) ?? unknown(name, item, draft, ctx));
    if (properties.some((p) => p === undefined)) continue;
    const constraint: CompositeConstraint = { ...(item.name !== undefined ? { name: item.name } : {}), properties: properties as string[], source: item.source };
    if (item.kind === 'unique') entity.uniques.push(constraint);
    else entity.indexes.push({ ...constraint, unique: item.unique } satisfies CompositeIndex);
  }
}

function unknown(name: string, item: WrittenComposite, draft: EntityDraft, ctx: AnalyzerContext): undefined {
  const entity = draft.declaration.name;
  const names = draft.properties.map((p) => p.name);
  const where = `${item.written} on ${entity}`;
  if (names.includes(name)) {
    ctx.report('CG2101', item.at, `${where}: ${entity}.${name} has no column of its own.`, 'List stored properties only: not transient ones, nor the to-many side of a relation.');
  } else {
    ctx.report('CG2101', item.at, `${where}: ${entity} has no property '${name}'.${didYouMean(name, names)}`, 'List property names (not column names).');
  }
  return undefined;
}
