/**
 * One property of an entity → its `ColumnFacts`, and, unless it is transient or the
 * one-to-many side of a relation, its `EntityColumn`. A property typed as another entity is
 * stored as `<property>_id` holding the target's key; an array of another entity is a
 * relation only (its column lives on the target and is linked afterwards).
 */
import { snakeCase, type ColumnFacts, type EntityColumn, type Property, type Relation, type SourceLocation } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import type { ColumnAnnotations } from './annotations.js';
import { entityNamed, entityTypeTarget, type EntityDraft, type EntityIndex } from './entity-index.js';
import { foreignKeyType, resolveTarget, resolveWrittenReference, type ResolvedReference } from './references.js';

/** A one-to-many side whose column (on the target) is known only once every entity is built. */
export interface PendingInverse {
  relation: Relation;
  inverse?: string;
  location: SourceLocation;
  path: string;
}

export interface PropertyColumn {
  facts: ColumnFacts;
  column?: EntityColumn;
  relation?: Relation;
  pending?: PendingInverse;
}

/** The column facts, entity column and relation of one entity property. */
export function readPropertyColumn(property: Property, draft: EntityDraft, index: EntityIndex, ctx: AnalyzerContext): PropertyColumn {
  const a = draft.annotations.get(property.name) ?? { primaryKey: false, unique: false, transient: false };
  const path = `${draft.declaration.name}.${property.name}`;
  const at = draft.locations.get(property.name) ?? draft.declaration.source;
  const typeTarget = a.transient ? undefined : entityTypeTarget(property.type, index);
  const oneToMany = a.transient ? undefined : oneToManyTarget(a, typeTarget, at, index, path, ctx);
  const resolved = a.transient || oneToMany ? undefined : manyToOneReference(a, typeTarget, at, index, path, ctx);
  const facts = columnFacts(property, a, typeTarget?.kind === 'many-to-one', resolved);
  if (a.onDelete && !resolved && !oneToMany) {
    ctx.report('CG2101', a.onDelete.location, `@onDelete on ${path}, which references no entity.`, 'Add `@references Type` or remove @onDelete.');
  }
  if (a.transient) return { facts };
  if (oneToMany) {
    const relation: Relation = { kind: 'one-to-many', property: property.name, target: oneToMany.id, column: '' };
    return { facts, relation, pending: { relation, location: oneToMany.location, path, ...(oneToMany.inverse ? { inverse: oneToMany.inverse } : {}) } };
  }
  const column = entityColumn(property, facts, a, resolved);
  if (!resolved) return { facts, column };
  return { facts, column, relation: { kind: 'many-to-one', property: property.name, target: resolved.reference.entity, column: facts.name } };
}

function columnFacts(property: Property, a: ColumnAnnotations, typedAsEntity: boolean, resolved: ResolvedReference | undefined): ColumnFacts {
  const facts: ColumnFacts = {
    name: a.name ?? (typedAsEntity ? `${snakeCase(property.name)}_id` : snakeCase(property.name)),
    primaryKey: a.primaryKey,
    unique: a.unique,
    transient: a.transient,
  };
  if (a.generated) facts.generated = a.generated;
  if (a.index !== undefined) facts.index = a.index;
  if (resolved) facts.references = { ...resolved.reference, ...(a.onDelete ? { onDelete: a.onDelete.action } : {}) };
  if (a.dbType !== undefined) facts.dbType = a.dbType;
  if (a.timestamp) facts.timestamp = a.timestamp;
  return facts;
}

function entityColumn(property: Property, facts: ColumnFacts, a: ColumnAnnotations, resolved: ResolvedReference | undefined): EntityColumn {
  const nullable = property.nullable || a.nullable === true;
  const column: EntityColumn = {
    property: property.name,
    column: facts.name,
    type: resolved ? foreignKeyType(resolved.keyType, property, nullable) : property.type,
    optional: property.optional,
    nullable,
    readonly: property.readonly,
    primaryKey: facts.primaryKey,
    unique: facts.unique,
  };
  const { generated, index, references, dbType, timestamp } = facts;
  Object.assign(column, dropUndefined({ generated, index, references, dbType, timestamp }));
  const defaultValue = 'default' in property.docs ? property.docs.default : a.default?.value;
  if (defaultValue !== undefined) column.default = defaultValue;
  return column;
}

function oneToManyTarget(
  a: ColumnAnnotations,
  typeTarget: ReturnType<typeof entityTypeTarget>,
  at: SourceLocation,
  index: EntityIndex,
  path: string,
  ctx: AnalyzerContext,
): { id: string; inverse?: string; location: SourceLocation } | undefined {
  if (a.oneToMany) {
    const target = entityNamed(index, a.oneToMany.type);
    if (target) return { id: target.declaration.id, location: a.oneToMany.location, ...(a.oneToMany.inverse ? { inverse: a.oneToMany.inverse } : {}) };
    ctx.report('CG2102', a.oneToMany.location, `@OneToMany() on ${path}: '${a.oneToMany.type}' is not an entity.`);
    return undefined;
  }
  if (typeTarget?.kind !== 'one-to-many' || a.references) return undefined;
  return { id: typeTarget.id, location: at };
}

function manyToOneReference(
  a: ColumnAnnotations,
  typeTarget: ReturnType<typeof entityTypeTarget>,
  at: SourceLocation,
  index: EntityIndex,
  path: string,
  ctx: AnalyzerContext,
): ResolvedReference | undefined {
  const typed = typeTarget?.kind === 'many-to-one' ? index.get(typeTarget.id) : undefined;
  const written = a.references;
  // `@JoinColumn({ referencedColumnName })` alone names a field of the entity the type names.
  if (written && written.type === '') {
    if (typed) return resolveTarget(typed, written.field, written.location, `${written.written} on ${path}`, ctx);
    ctx.report('CG2101', written.location, `${written.written} on ${path}, which is neither typed as an entity nor @ManyToOne().`);
    return undefined;
  }
  if (written) return resolveWrittenReference(written, index, path, ctx);
  return typed ? resolveTarget(typed, undefined, at, path, ctx) : undefined;
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
