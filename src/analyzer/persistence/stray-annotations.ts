/**
 * Annotations that only make sense beside a relation of some kind, written where there is
 * none: `@onDelete` without a key, `@JoinColumn()` on a to-many side, `@JoinTable()` off a
 * many-to-many; and TypeORM's `enum` option on a property whose type gives no values.
 */
import type { Property, TypeNode } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import type { ColumnAnnotations } from './annotations.js';
import type { Holding } from './holding.js';

/** Reports each annotation of `a` that the property's relation (or lack of one) cannot use. */
export function checkStrayAnnotations(a: ColumnAnnotations, holding: Holding | undefined, property: Property, path: string, ctx: AnalyzerContext): void {
  if (a.transient) return;
  const stored = holding?.as === 'stored';
  for (const key of ['onDelete', 'onUpdate'] as const) {
    const action = a[key];
    if (action && !stored) ctx.report('CG2101', action.location, `@${key} on ${path}, which references no entity.`, `Add \`@references Type\` or remove @${key}.`);
  }
  if (a.joinColumn && !stored) {
    const problem = holding ? `which is a ${holding.as === 'many-to-many' ? 'many-to-many' : holding.kind} side without a key` : 'which is neither typed as an entity nor a relation';
    ctx.report('CG2101', a.joinColumn, `@JoinColumn() on ${path}, ${problem}.`, 'Put @JoinColumn() on the many-to-one or the owning one-to-one side.');
  }
  if (a.joinTable && holding?.as !== 'many-to-many') {
    ctx.report('CG2101', a.joinTable.location, `A join table on ${path}, which is not a many-to-many.`, 'Join tables belong to the owning side of a many-to-many.');
  }
  if (a.enumOption && !givesValues(property.type)) {
    ctx.report('CG2104', a.enumOption, `Option 'enum' on ${path} is ignored: the column's values come from the property's type, which has none.`, 'Type the property as the enum or a union of literals.');
  }
}

/**
 * An enum (by reference), a literal, or a union of them: a type that lists the allowed values;
 * or an array of one (TypeORM's `enum` with `array: true`, `Plan[]`: stored as a JSON list whose
 * elements the validators check against the enum).
 */
function givesValues(type: TypeNode): boolean {
  if (type.kind === 'ref' || type.kind === 'literal') return true;
  if (type.kind === 'array') return givesValues(type.items);
  if (type.kind !== 'union') return false;
  return type.members.every((member) => member.kind === 'null' || givesValues(member));
}
