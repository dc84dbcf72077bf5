/**
 * The persistence reader. It runs after every declaration is read, because relations need
 * the whole set: first which declarations are entities, then each property's annotations and
 * the type's composite constraints, then primary keys (a foreign key's type is its target's
 * key type), then columns and relations, and last the links between relation sides, since an
 * inverse side's column or join table is declared on the other entity. An entity's own property
 * types then gain what their columns' SQL types say (`withColumnConstraints`), so its validator,
 * mock and OpenAPI schema hold to what the database stores.
 */
import { Node } from 'ts-morph';
import { withColumnConstraints, type ColumnTypeFacts, type Entity, type EntityColumn, type NumericType, type Property, type TypeNode } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import { addColumnAnnotations, columnAnnotationsOf, emptyAnnotations, type ColumnAnnotations } from './annotations.js';
import { applyColumnDecorators, hasColumnDecorator } from './column-decorators.js';
import { inheritedColumn, reportIgnoredColumns, type InheritedColumn } from './inherited-columns.js';
import { mergeColumns } from './column-merge.js';
import { readPropertyColumn, type PendingLink, type TypeFinder } from './columns.js';
import { readCompositeConstraints } from './composite-constraints.js';
import { resolveComposites } from './composite-properties.js';
import { entityTypeTarget, indexEntities, type EntityDraft, type EntityIndex, type ReadDeclaration } from './entity-index.js';
import { linkRelations } from './link-relations.js';
import { reportUnmodelledDecorators } from './unmodelled-decorators.js';

/** The model's entities; fills `Property.column` on every property of an entity declaration. */
export function readEntities(read: readonly ReadDeclaration[], ctx: AnalyzerContext): Entity[] {
  reportUnmodelledDecorators(read, ctx);
  const index = indexEntities(read, ctx);
  for (const draft of index.values()) readAnnotations(draft, index, ctx);
  for (const draft of index.values()) draft.primaryKey = primaryKeyOf(draft, ctx);
  const pending: PendingLink[] = [];
  const types = new Map(read.map(({ declaration }) => [declaration.id, declaration.type]));
  const findType = (id: string) => types.get(id);
  const constrained: ColumnConstraining[] = [];
  const entities = [...index.values()].map((draft) => buildEntity(draft, index, pending, findType, constrained, ctx));
  // Only once every entity is built: a foreign key takes its target key's type as written (its
  // column's SQL type decides the rest), whichever of the two entities is built first.
  const columnOf = columnFinder(entities);
  for (const { property, column } of constrained) property.type = withColumnConstraints(property.type, storageFacts(column, columnOf));
  linkRelations(pending, entities, ctx);
  return entities;
}

/**
 * TypeORM makes columns only of decorated properties: `note?: string` beside them, class-transformer's
 * `@Exclude()` alone or an inherited undecorated field is no column of its table, so it is none of
 * codegen's either (transient). The exception holds no column: `books?: Book[]` is the inverse
 * side of a relation found from the types, as on a JSDoc entity.
 */
function readAnnotations(draft: EntityDraft, index: EntityIndex, ctx: AnalyzerContext): void {
  const type = draft.node.getType();
  for (const property of draft.properties) {
    const node = type.getProperty(property.name)?.getDeclarations()[0];
    if (!node) continue;
    draft.locations.set(property.name, ctx.display(node));
    const path = `${draft.declaration.name}.${property.name}`;
    // `name!: string` declared again below a base's `@Column({ length: 8 })`: TypeORM keeps the base's column (inherited-columns.ts).
    const inherited = draft.typeorm ? inheritedColumn(node, ctx) : undefined;
    const annotations = inherited ? inheritedAnnotations(inherited, node, draft, path, ctx) : columnAnnotationsOf(node, path, ctx);
    draft.columnDeclarations.set(property.name, inherited?.declaration ?? node);
    if (draft.typeorm && !inherited && !hasColumnDecorator(node, ctx) && !isListOfEntities(property, index)) annotations.transient = true;
    draft.annotations.set(property.name, annotations);
  }
  draft.composites = readCompositeConstraints(draft.node, draft.declaration.name, ctx);
}

/**
 * The annotations of a property whose column an ancestor's decorators make: that column's, with
 * the redeclaration's own tags and other decorators (`@Index()`) added, and its own column
 * decorators ignored as TypeORM ignores them (CG2109), but for a truthy `default` written on the
 * entity's own property, which TypeORM's EntityMetadataBuilder copies over the inherited one.
 */
function inheritedAnnotations(inherited: InheritedColumn, node: Node, draft: EntityDraft, path: string, ctx: AnalyzerContext): ColumnAnnotations {
  const annotations = columnAnnotationsOf(inherited.declaration, path, ctx);
  addColumnAnnotations(annotations, node, path, ctx, false);
  reportIgnoredColumns(inherited, path, ctx);
  if (node.getParent() !== draft.node || !hasColumnDecorator(node, ctx)) return annotations;
  const own = emptyAnnotations();
  applyColumnDecorators(own, node, path, ctx);
  if (own.default && (own.default.kind === 'sql' || Boolean(own.default.value))) {
    annotations.default = own.default;
    if (own.defaultAt) annotations.defaultAt = own.defaultAt;
  }
  return annotations;
}

/** `Book[]`: a list of entities, the to-many side of a relation (a `Book` alone would be a key column here). */
function isListOfEntities(property: { type: TypeNode }, index: EntityIndex): boolean {
  return entityTypeTarget(property.type, index)?.kind === 'one-to-many';
}

/** The marked key properties; else a property named `id`; else none, with CG2103. */
function primaryKeyOf(draft: EntityDraft, ctx: AnalyzerContext): string[] {
  const marked = draft.properties.filter((p) => draft.annotations.get(p.name)?.primaryKey).map((p) => p.name);
  if (marked.length > 0) return marked;
  const id = draft.properties.find((p) => p.name === 'id' && !draft.annotations.get(p.name)?.transient);
  if (!id) {
    const name = draft.declaration.name;
    ctx.report(
      'CG2103',
      draft.node,
      `Entity ${name} has no primary key: no property is marked as one and none is named \`id\`.`,
      'Mark the key `@primaryKey` (TypeORM: `@PrimaryColumn()` or `@PrimaryGeneratedColumn()`), or add an `id` property.',
    );
    return [];
  }
  const annotations = draft.annotations.get('id');
  if (annotations) annotations.primaryKey = true;
  else draft.annotations.set('id', { ...emptyAnnotations(), primaryKey: true });
  return ['id'];
}

/** The column of `entity` (a declaration id) for `property`, once every entity is built. */
type ColumnFinder = (entity: string, property: string) => EntityColumn | undefined;

function columnFinder(entities: readonly Entity[]): ColumnFinder {
  const columns = new Map(entities.flatMap((entity) => entity.columns.map((column) => [`${entity.declaration}\u0000${column.property}`, column] as const)));
  return (entity, property) => columns.get(`${entity}\u0000${property}`);
}

/**
 * The facts that decide `column`'s SQL type: its own, or for a foreign key (`@references Label`,
 * `postId: number`) those of the key it references, whose SQL type sql's column resolver gives
 * it (src/generators/sql/schema/column-resolver.ts): a plain `number` key is an `integer`, so a
 * `labelId: number` holds 32-bit integers too, and `isNote({ labelId: 1.5 })` must be false as
 * `create` refuses it. The key's `@type` (carried by the foreign key column's type) counts as the
 * key's; a key that is itself a foreign key is followed to its end.
 */
function storageFacts(column: EntityColumn, columnOf: ColumnFinder, seen = new Set<EntityColumn>()): ColumnTypeFacts {
  const target = column.references && columnOf(column.references.entity, column.references.property);
  if (!target || seen.has(target)) return column;
  seen.add(column);
  const facts = storageFacts(target, columnOf, seen);
  const numericType = numericTypeOf(target.type);
  return { ...facts, ...(numericType && facts.numericType === undefined ? { numericType } : {}) };
}

function numericTypeOf(type: TypeNode): NumericType | undefined {
  if (type.kind === 'number') return type.constraints?.numericType;
  if (type.kind === 'union') return type.members.map(numericTypeOf).find((found) => found !== undefined);
  return undefined;
}

/** A property whose type gains what its column's SQL type says (`withColumnConstraints`). */
interface ColumnConstraining {
  property: Property;
  column: EntityColumn;
}

function buildEntity(draft: EntityDraft, index: EntityIndex, pending: PendingLink[], findType: TypeFinder, constrained: ColumnConstraining[], ctx: AnalyzerContext): Entity {
  const { declaration } = draft;
  const reads = draft.properties.map((property) => ({ property, read: readPropertyColumn(property, draft, index, findType, ctx) }));
  const entity: Entity = {
    declaration: declaration.id,
    name: declaration.name,
    table: draft.table,
    ...(draft.typeorm ? { typeorm: true as const } : {}),
    columns: mergeColumns(draft.typeorm ? baseClassesFirst(reads, draft) : reads, draft, ctx),
    primaryKey: draft.primaryKey,
    uniques: [],
    indexes: [],
    relations: [],
    source: declaration.source,
  };
  for (const { property, read } of reads) {
    property.column = read.facts;
    // After the columns took the property's type as written: the schema is decided from that.
    if (read.column && !read.holdsRelation) constrained.push({ property, column: read.column });
    if (read.relation) entity.relations.push(read.relation);
    if (read.pending) pending.push(read.pending);
  }
  resolveComposites(draft.composites, entity, draft, ctx);
  return entity;
}

/**
 * A TypeORM entity's columns in the order TypeORM creates them: a base class's (the deepest
 * first) before the subclass's own, since its decorators ran first (TypeORM's metadata storage
 * keeps them in that order), each class's in declaration order. A property declared again
 * without a column decorator keeps its place among the ancestor's columns whose column it is.
 */
function baseClassesFirst<T extends { property: { name: string } }>(reads: readonly T[], draft: EntityDraft): T[] {
  const chain: Node[] = [];
  for (let at = Node.isClassDeclaration(draft.node) ? draft.node : undefined; at && !chain.includes(at); at = at.getBaseClass()) chain.push(at);
  if (chain.length < 2) return [...reads];
  const type = draft.node.getType();
  const declarationOf = (name: string): Node | undefined => draft.columnDeclarations.get(name) ?? type.getProperty(name)?.getDeclarations()[0];
  const depth = (declaration: Node | undefined): number => {
    const owner = declaration?.getParent();
    const found = owner ? chain.indexOf(owner) : -1;
    return found < 0 ? 0 : found;
  };
  return reads
    .map((read, position) => {
      const declaration = declarationOf(read.property.name);
      return { read, position, depth: depth(declaration), start: declaration?.getStart() };
    })
    // One class's columns in its declaration order: where it was written, else the checker's order.
    .sort((a, b) => b.depth - a.depth || (a.start !== undefined && b.start !== undefined ? a.start - b.start : a.position - b.position))
    .map(({ read }) => read);
}
