/**
 * The entities of one analysis, found before any column is read: relations point at other
 * entities (often declared later, or in another file), so all of them must be known first.
 */
import { Node } from 'ts-morph';
import type { Declaration, Property, SourceLocation, TypeNode } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import type { DeclarationNode } from '../declaration-table.js';
import type { ColumnAnnotations } from './annotations.js';
import type { WrittenComposite } from './composite-constraints.js';
import { entityMarkerOf } from './entity-marker.js';
import { namingFor, type NamingStrategy } from './naming.js';

/** A declaration the analysis read, with the node it was read from. */
export interface ReadDeclaration {
  node: DeclarationNode;
  declaration: Declaration;
}

/** An entity while its columns are being worked out. */
export interface EntityDraft {
  declaration: Declaration;
  node: DeclarationNode;
  table: string;
  /** Makes the names nothing written gives (naming.ts). */
  naming: NamingStrategy;
  /** Marked with TypeORM's `@Entity`: its `@Column()`s mean what TypeORM makes of them. */
  typeorm: boolean;
  properties: Property[];
  /** Per property name, what its annotations say. */
  annotations: Map<string, ColumnAnnotations>;
  /** Per property name, where it is written (for diagnostics). */
  locations: Map<string, SourceLocation>;
  /**
   * Per property name, the declaration whose column or relation decorators TypeORM registers for
   * it: an ancestor's for a property declared again without one (inherited-columns.ts).
   */
  columnDeclarations: Map<string, Node>;
  /** Property names of the primary key; empty when it has none (CG2103 was reported). */
  primaryKey: string[];
  /** `@Unique([...])`, `@Index([...])`, `@unique (a, b)` written on the type. */
  composites: WrittenComposite[];
}

export type EntityIndex = Map<string, EntityDraft>;

/** The entity drafts among the read declarations, by declaration id, in the order given. */
export function indexEntities(read: readonly ReadDeclaration[], ctx: AnalyzerContext): EntityIndex {
  const index: EntityIndex = new Map();
  for (const { node, declaration } of read) {
    if (declaration.instantiation || Node.isEnumDeclaration(node)) continue;
    const marker = entityMarkerOf(node, declaration.name, ctx);
    if (marker === undefined) continue;
    const naming = namingFor(ctx.options.naming, marker.typeorm);
    const table = marker.table ?? naming.table(declaration.name);
    if (declaration.type.kind !== 'object') {
      ctx.report('CG2101', node, `Entity ${declaration.name} must be an object type (an interface, a class or an object type alias).`);
      continue;
    }
    // A declaration the warm analyzer reused has frozen parts (incremental/read-cache.ts); its columns are filled in on a copy.
    if (Object.isFrozen(declaration.type)) declaration.type = structuredClone(declaration.type);
    index.set(declaration.id, { declaration, node, table, naming, typeorm: marker.typeorm, properties: declaration.type.properties, annotations: new Map(), locations: new Map(), columnDeclarations: new Map(), primaryKey: [], composites: [] });
  }
  return index;
}

/** The entity a `@references` or `@ManyToOne` name denotes (by type name). */
export function entityNamed(index: EntityIndex, name: string): EntityDraft | undefined {
  return [...index.values()].find((draft) => draft.declaration.name === name);
}

/** How a property's type relates to another entity: `User` (or `User | null`) or `User[]`. */
export function entityTypeTarget(type: TypeNode, index: EntityIndex): { kind: 'many-to-one' | 'one-to-many'; id: string } | undefined {
  const bare = withoutNull(type);
  if (bare.kind === 'ref' && index.has(bare.id)) return { kind: 'many-to-one', id: bare.id };
  if (bare.kind === 'array') {
    const items = withoutNull(bare.items);
    if (items.kind === 'ref' && index.has(items.id)) return { kind: 'one-to-many', id: items.id };
  }
  return undefined;
}

/** `T` for `T | null`; the type itself otherwise. */
export function withoutNull(type: TypeNode): TypeNode {
  if (type.kind !== 'union') return type;
  const defined = type.members.filter((member) => member.kind !== 'null');
  return defined.length === 1 ? defined[0]! : type;
}
