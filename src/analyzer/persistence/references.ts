/**
 * Foreign keys: `@references Type[.field]`, `@ManyToOne(() => Type)` and properties typed as
 * another entity all resolve here, to the target entity and the property the key points at
 * (the target's primary key unless a field is named). Failures are CG2102.
 */
import { didYouMean } from '../../config/suggest.js';
import { snakeCase, type ColumnReference, type Property, type SourceLocation, type TypeNode } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import { withoutNull, type EntityDraft, type EntityIndex } from './entity-index.js';

export interface ResolvedReference {
  reference: ColumnReference;
  /** The referenced property's type, without `null`: the foreign key column's type. */
  keyType: TypeNode;
}

/** CG2102 for a relation or `@references` naming a type that is not an entity; always undefined. */
export function notAnEntity(name: string, written: string, at: SourceLocation, path: string, index: EntityIndex, ctx: AnalyzerContext): undefined {
  const names = [...index.values()].map((draft) => draft.declaration.name);
  const close = didYouMean(name, names);
  const hint = close ? undefined : `Mark ${name} as an entity (\`@entity\` or \`@Entity()\`), or remove ${written}.`;
  ctx.report('CG2102', at, `${written} on ${path}: '${name}' is not an entity.${close}`, hint);
  return undefined;
}

/** The key of `target` a foreign key points at: `field`, else its single-column primary key. */
export function resolveTarget(target: EntityDraft, field: string | undefined, at: SourceLocation, where: string, ctx: AnalyzerContext): ResolvedReference | undefined {
  const name = target.declaration.name;
  if (field === undefined) {
    if (target.primaryKey.length === 0) return undefined; // CG2103 already said why
    if (target.primaryKey.length > 1) {
      ctx.report('CG2102', at, `${where}: ${name} has a composite primary key (${target.primaryKey.join(', ')}).`, `Name the referenced field: \`@references ${name}.field\`.`);
      return undefined;
    }
  }
  const wanted = field ?? target.primaryKey[0]!;
  // The field, else the property whose column is so named (`Country.country_code`).
  const columnOf = (p: Property) => target.annotations.get(p.name)?.name ?? target.naming.column(p.name);
  const property =
    target.properties.find((p) => p.name === wanted) ?? target.properties.find((p) => columnOf(p) === wanted) ?? target.properties.find((p) => snakeCase(p.name) === wanted);
  if (!property) {
    const fields = target.properties.map((p) => p.name);
    ctx.report('CG2102', at, `${where}: ${name} has no field '${wanted}'.${didYouMean(wanted, fields)}`);
    return undefined;
  }
  return { reference: { entity: target.declaration.id, property: property.name }, keyType: withoutNull(property.type) };
}

/** The foreign key column's type: the key's type, with `null` when the relation is nullable. */
export function foreignKeyType(keyType: TypeNode, property: Property, nullable: boolean): TypeNode {
  return nullable || property.nullable ? { kind: 'union', members: [keyType, { kind: 'null' }] } : keyType;
}
