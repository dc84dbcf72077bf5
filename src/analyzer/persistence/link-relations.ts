/**
 * The last step of the persistence reader: each relation side meets the other. An inverse side
 * (one-to-many, inverse one-to-one, inverse many-to-many) takes its column or join table from
 * the owning side on the target; both sides learn each other's property as `inverse`. A side
 * that finds no owner is CG2102 (one-to-many) or CG2106 (one-to-one, many-to-many).
 */
import type { Entity, Relation, RelationKind } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import type { PendingLink } from './columns.js';

const OWNER_KIND: Readonly<Record<RelationKind, RelationKind>> = {
  'one-to-many': 'many-to-one', 'one-to-one': 'one-to-one', 'many-to-many': 'many-to-many', 'many-to-one': 'one-to-many',
};

/** Links every pending relation side; reports sides that cannot be linked. */
export function linkRelations(pending: readonly PendingLink[], entities: readonly Entity[], ctx: AnalyzerContext): void {
  const byId = new Map(entities.map((entity) => [entity.declaration, entity]));
  const reported = new Set<string>();
  for (const item of pending) {
    const self = byId.get(item.entity)!;
    const target = byId.get(item.relation.target);
    if (!target) continue;
    if (item.relation.owner) checkNamedInverse(item, self, target, reported, ctx);
    else linkInverse(item, self, target, reported, ctx);
  }
}

function linkInverse(item: PendingLink, self: Entity, target: Entity, reported: Set<string>, ctx: AnalyzerContext): void {
  const { relation } = item;
  const candidates = target.relations.filter(
    (r) => r.owner && r.kind === OWNER_KIND[relation.kind] && r.target === self.declaration && (relation.inverse === undefined || r.property === relation.inverse),
  );
  const back = candidates.find((r) => r.inverse === relation.property) ?? candidates[0];
  if (back) {
    if (relation.kind === 'many-to-many') {
      if (back.joinTable) relation.joinTable = back.joinTable;
    } else {
      relation.column = back.column;
    }
    relation.inverse = back.property;
    back.inverse ??= relation.property;
    return;
  }
  const via = relation.inverse ? `.${relation.inverse}` : '';
  if (relation.kind === 'one-to-many') {
    ctx.report(
      'CG2102',
      item.location,
      `${item.path} is a one-to-many to ${target.name}, but ${target.name}${via} has no many-to-one back to ${self.name}.`,
      `Give ${target.name} a property of type ${self.name} (or \`@references ${self.name}\`), or mark ${item.path} @transient.`,
    );
    return;
  }
  const other = target.relations.find((r) => !r.owner && r.kind === relation.kind && r.target === self.declaration && (relation.inverse === undefined || r.property === relation.inverse));
  if (other) {
    const pair = [item.path, `${target.name}.${other.property}`].sort().join(' ');
    if (reported.has(pair)) return;
    reported.add(pair);
    ctx.report('CG2106', item.location, `${item.path} and ${target.name}.${other.property} are a ${relation.kind} with no owning side.`, ownerHint(relation));
    return;
  }
  ctx.report('CG2106', item.location, `${item.path} is the inverse side of a ${relation.kind} to ${target.name}, but ${target.name}${via} has no owning side back to ${self.name}.`, ownerHint(relation));
}

/** An owning side that names its inverse (`(tag) => tag.posts`): the target must have it, and not own it too. */
function checkNamedInverse(item: PendingLink, self: Entity, target: Entity, reported: Set<string>, ctx: AnalyzerContext): void {
  const { relation } = item;
  if (relation.inverse === undefined) return;
  const other = target.relations.find((r) => r.property === relation.inverse && r.target === self.declaration);
  if (!other) {
    ctx.report('CG2102', item.location, `${item.path} names ${target.name}.${relation.inverse} as its other side, but ${target.name} has no such relation to ${self.name}.`, 'Name a relation property of the target, or drop the inverse.');
    return;
  }
  if (other.owner && (relation.kind === 'one-to-one' || relation.kind === 'many-to-many')) {
    const pair = [item.path, `${target.name}.${other.property}`].sort().join(' ');
    if (reported.has(pair)) return;
    reported.add(pair);
    ctx.report('CG2106', item.location, `${item.path} and ${target.name}.${other.property} both own their ${relation.kind}.`, ownerHint(relation));
  }
}

function ownerHint(relation: Relation): string {
  return relation.kind === 'one-to-one'
    ? 'Put @JoinColumn() on exactly one side (JSDoc: `@oneToOne` on the owner, `@oneToOne Type.property` on the other).'
    : 'Put @JoinTable() on exactly one side (JSDoc: `@manyToMany` on the owner, `@manyToMany Type.property` on the other).';
}
