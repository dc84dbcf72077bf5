/**
 * Which relation a property holds, from its annotations and its type, before any column is
 * built: a key stored here (`stored`: a many-to-one or the owning one-to-one), the inverse side
 * of a relation whose key lives on the target (`inverse`), or a many-to-many. Without a
 * relation annotation the type decides: `User` is a many-to-one, `User[]` a one-to-many.
 */
import type { Property, RelationKind, SourceLocation } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import type { ColumnAnnotations, WrittenJoinTable, WrittenRelation } from './annotations.js';
import { entityNamed, entityTypeTarget, type EntityDraft, type EntityIndex } from './entity-index.js';
import { notAnEntity } from './references.js';

interface Held {
  target: EntityDraft;
  /** The property on the other side, when written. */
  inverse?: string;
  location: SourceLocation;
  /** `@OneToOne()`, `@references`…: how the relation was written, for messages. */
  written: string;
}

export type Holding =
  | (Held & { as: 'stored'; kind: 'many-to-one' | 'one-to-one'; field?: string })
  | (Held & { as: 'inverse'; kind: 'one-to-many' | 'one-to-one' })
  | (Held & { as: 'many-to-many'; owner: boolean; joinTable?: WrittenJoinTable });

/** The relation `property` holds, or undefined (after a diagnostic when its annotations are wrong). */
export function holdingOf(property: Property, a: ColumnAnnotations, at: SourceLocation, index: EntityIndex, path: string, ctx: AnalyzerContext): Holding | undefined {
  if (a.transient) return undefined;
  const typed = entityTypeTarget(property.type, index);
  const field = a.references?.field ?? a.referencedField?.field;
  const w = a.relation;
  if (!w) {
    if (a.references?.type) {
      const target = entityNamed(index, a.references.type);
      if (!target) return notAnEntity(a.references.type, a.references.written, a.references.location, path, index, ctx);
      return { as: 'stored', kind: 'many-to-one', target, location: a.references.location, written: a.references.written, ...(field ? { field } : {}) };
    }
    if (!typed) return undefined;
    const target = index.get(typed.id)!;
    if (typed.kind === 'one-to-many') return { as: 'inverse', kind: 'one-to-many', target, location: at, written: path };
    return { as: 'stored', kind: 'many-to-one', target, location: at, written: path, ...(field ? { field } : {}) };
  }
  const name = w.type || a.references?.type || (typed ? index.get(typed.id)!.declaration.name : '');
  if (name === '') {
    ctx.report('CG2101', w.location, `${w.written} on ${path}: the property's type is not an entity.`, `Name the target: \`${w.written} Type\`, or type the property as an entity.`);
    return undefined;
  }
  const target = entityNamed(index, name);
  if (!target) return notAnEntity(name, w.written, w.location, path, index, ctx);
  if (!shapeFits(w.kind, property, w, path, ctx)) return undefined;
  return fromWritten(w, a, { target, location: w.location, written: w.written, ...(w.inverse ? { inverse: w.inverse } : {}) }, field, path, ctx);
}

function fromWritten(w: WrittenRelation, a: ColumnAnnotations, held: Held, field: string | undefined, path: string, ctx: AnalyzerContext): Holding {
  const withField = field ? { field } : {};
  if (w.kind === 'many-to-one') return { ...held, as: 'stored', kind: 'many-to-one', ...withField };
  if (w.kind === 'one-to-many') return { ...held, as: 'inverse', kind: 'one-to-many' };
  if (w.kind === 'one-to-one') {
    const owner = w.spelling === 'tag' ? !w.mappedBy : a.joinColumn !== undefined;
    return owner ? { ...held, as: 'stored', kind: 'one-to-one', ...withField } : { ...held, as: 'inverse', kind: 'one-to-one' };
  }
  const owner = w.spelling === 'tag' ? !w.mappedBy : a.joinTable !== undefined;
  if (!owner && a.joinTable) {
    ctx.report('CG2101', a.joinTable.location, `@joinTable on ${path}, which is the inverse side (${w.written} names the owner).`, 'Move @joinTable to the owning side.');
  }
  return { ...held, as: 'many-to-many', owner, ...(owner && a.joinTable ? { joinTable: a.joinTable } : {}) };
}

/** To-many relations hold arrays, to-one relations single values. */
function shapeFits(kind: RelationKind, property: Property, w: WrittenRelation, path: string, ctx: AnalyzerContext): boolean {
  const toMany = kind === 'one-to-many' || kind === 'many-to-many';
  const bare = property.type.kind === 'union' ? property.type.members.find((m) => m.kind !== 'null') : property.type;
  if ((bare?.kind === 'array') === toMany) return true;
  const expected = toMany ? 'an array of the target entity' : 'the target entity (or its key)';
  ctx.report('CG2101', w.location, `${w.written} on ${path}: a ${kind} property must be typed as ${expected}.`);
  return false;
}
