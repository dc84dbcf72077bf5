/**
 * One property of an entity → its `ColumnFacts`, and, unless it is transient or a relation
 * side without a key here, its `EntityColumn`. A property typed as another entity is stored in
 * a key column the entity's naming strategy names (`author_id`, TypeORM's `authorId`; field
 * `authorId`) holding the target's key; the other sides of relations are linked once every
 * entity is built (link-relations.ts).
 */
import { typeAdmitsNull, type ColumnDefault, type ColumnFacts, type TypeNode, type EntityColumn, type Property, type Relation, type SourceLocation } from '../../model/index.js';
import { writtenType } from '../constraints/presence.js';
import type { AnalyzerContext } from '../context.js';
import { emptyAnnotations, type ColumnAnnotations } from './annotations.js';
import { typeormTextDefault } from './column-options.js';
import { checkStrayAnnotations } from './stray-annotations.js';
import { entityTypeTarget, type EntityDraft, type EntityIndex } from './entity-index.js';
import { holdingOf, type Holding } from './holding.js';
import { joinTableOf } from './join-table.js';
import { foreignKeyType, resolveTarget, type ResolvedReference } from './references.js';

/** A relation whose other side is looked up once every entity is built. */
export interface PendingLink {
  relation: Relation;
  /** Id of the entity declaring `relation`. */
  entity: string;
  location: SourceLocation;
  path: string;
}

export interface PropertyColumn {
  facts: ColumnFacts;
  column?: EntityColumn;
  relation?: Relation;
  pending?: PendingLink;
  /** The column stores the key of a property typed as an entity (`author: Author`). */
  holdsRelation: boolean;
}

/** A declaration's type by id, to follow aliases. */
export type TypeFinder = (id: string) => TypeNode | undefined;

/** The column facts, entity column and relation of one entity property. */
export function readPropertyColumn(property: Property, draft: EntityDraft, index: EntityIndex, findType: TypeFinder, ctx: AnalyzerContext): PropertyColumn {
  const a = draft.annotations.get(property.name) ?? emptyAnnotations();
  const path = `${draft.declaration.name}.${property.name}`;
  const at = draft.locations.get(property.name) ?? draft.declaration.source;
  if (a.unsigned) applyUnsigned(property, a.unsigned, path, ctx);
  if (draft.typeorm && a.untypedColumn && a.dbType === undefined && a.precision === undefined && a.scale === undefined && isPlainNumber(property.type, findType, new Set())) {
    a.dbType = 'integer';
  }
  const holding = holdingOf(property, a, at, index, path, ctx);
  checkStrayAnnotations(a, holding, property, path, ctx);
  const where = holding && holding.written !== path ? `${holding.written} on ${path}` : path;
  // A field named by `@JoinColumn({ referencedColumnName })` is reported there.
  const fieldAt = !a.references?.field && a.referencedField ? a.referencedField.location : holding?.location;
  const resolved = holding?.as === 'stored' ? resolveTarget(holding.target, holding.field, fieldAt!, where, ctx) : undefined;
  const holdsRelation = holding?.as === 'stored' && entityTypeTarget(property.type, index)?.kind === 'many-to-one';
  const facts = columnFacts(property, a, holding, holdsRelation, resolved, draft);
  if (a.transient) return { facts, holdsRelation: false };
  const link = (relation: Relation): PropertyColumn['pending'] => ({ relation, entity: draft.declaration.id, location: holding!.location, path });
  const base = { property: property.name, target: holding?.target.declaration.id ?? '' };
  const tail = { ...(holding?.inverse ? { inverse: holding.inverse } : {}), source: property.source };
  if (holding?.as === 'inverse') {
    const relation: Relation = { kind: holding.kind, ...base, owner: false, column: '', ...tail };
    return { facts, relation, pending: link(relation), holdsRelation: false };
  }
  if (holding?.as === 'many-to-many') {
    const joinTable = holding.owner ? joinTableOf(draft, holding, property, path, ctx) : undefined;
    const relation: Relation = { kind: 'many-to-many', ...base, owner: holding.owner, column: '', ...tail, ...(joinTable ? { joinTable } : {}) };
    return { facts, relation, pending: link(relation), holdsRelation: false };
  }
  const column = entityColumn(property, facts, a, resolved, holdsRelation, findType);
  if (column.type !== property.type && !resolved) reportNullableColumn(property, draft, at, path, ctx);
  if (!holding || !resolved) return { facts, column, holdsRelation };
  const relation: Relation = { kind: holding.kind, ...base, owner: true, column: facts.name, ...tail };
  return { facts, column, relation, pending: link(relation), holdsRelation };
}

function columnFacts(property: Property, a: ColumnAnnotations, holding: Holding | undefined, holdsRelation: boolean, resolved: ResolvedReference | undefined, draft: EntityDraft): ColumnFacts {
  const oneToOne = holding?.as === 'stored' && holding.kind === 'one-to-one';
  const { naming } = draft;
  const facts: ColumnFacts = {
    name: a.name ?? (holdsRelation ? naming.joinColumn(property.name, referencedName(resolved)) : naming.column(property.name)),
    primaryKey: a.primaryKey,
    unique: a.unique || oneToOne,
    transient: a.transient,
  };
  if (a.generated) facts.generated = a.generated;
  if (a.index !== undefined) facts.index = a.index;
  if (resolved) {
    const actions = { ...(a.onDelete ? { onDelete: a.onDelete.action } : {}), ...(a.onUpdate ? { onUpdate: a.onUpdate.action } : {}) };
    facts.references = { ...resolved.reference, ...actions };
  }
  if (a.dbType !== undefined) facts.dbType = a.dbType;
  if (a.postgresEnum) facts.postgresEnum = true;
  if (a.textForm !== undefined) facts.textForm = a.textForm;
  else if (draft.typeorm && isTypeormDatetime(property.type, a.dbType)) facts.textForm = 'datetime';
  if (a.timestamp) facts.timestamp = a.timestamp;
  if (holding) facts.relation = holding.as === 'many-to-many' ? 'many-to-many' : holding.kind;
  return facts;
}

/**
 * The referenced key's name, which a relation's key column is named after (TypeORM's
 * `joinColumnName`: `country` + `code` → `countryCode`): `id` when unresolved (a CG2102 said why).
 */
function referencedName(resolved: ResolvedReference | undefined): string {
  return resolved?.reference.property ?? 'id';
}

const capitalised = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

function entityColumn(property: Property, facts: ColumnFacts, a: ColumnAnnotations, resolved: ResolvedReference | undefined, holdsRelation: boolean, findType: TypeFinder): EntityColumn {
  // `| null` however spelled: `data: Json` where `type Json = … | null | …` is nullable too.
  const admitsNull = property.nullable || (!resolved && typeAdmitsNull(property.type, findType));
  const nullable = admitsNull || a.nullable === true;
  const column: EntityColumn = {
    property: property.name,
    field: holdsRelation ? `${property.name}${capitalised(referencedName(resolved))}` : property.name,
    column: facts.name,
    // `@Column({ nullable: true }) image: string`: the column holds NULL whatever the type says,
    // so every shape read from the column (row, inputs and their validators) holds null too.
    type: resolved ? foreignKeyType(resolved.keyType, property, nullable) : nullable && !admitsNull ? withNull(property.type) : property.type,
    optional: property.optional,
    nullable,
    readonly: property.readonly,
    primaryKey: facts.primaryKey,
    unique: facts.unique,
    source: property.source,
  };
  const { generated, index, references, dbType, textForm, postgresEnum, timestamp } = facts;
  const { length, precision, scale } = a;
  const fromTag = 'default' in property.docs;
  const read = fromTag ? { kind: 'value' as const, value: property.docs.default } : a.default && decoratorDefault(a.default, property.type, findType);
  // Where it is written (the `@default` tag, or the decorator's `default:`), so CG2305 points at it.
  const at = fromTag ? a.defaultTagAt : a.defaultAt;
  const written = read && at ? { ...read, source: at } : read;
  Object.assign(column, dropUndefined({ generated, index, references, dbType, textForm, postgresEnum, length, precision, scale, timestamp, default: written }));
  return column;
}

/**
 * A TypeORM default read as the column holds it (`typeormTextDefault`): a string on a property
 * that is a `number`, `bigint` or `boolean` (through aliases, `null` aside) is the SQL literal
 * TypeORM writes, which PostgreSQL casts. Other defaults are as read.
 */
function decoratorDefault(written: ColumnDefault, type: TypeNode, findType: TypeFinder): ColumnDefault {
  const kind = scalarKind(type, findType, new Set());
  return kind ? typeormTextDefault(written, kind) : written;
}

function scalarKind(type: TypeNode, findType: TypeFinder, seen: Set<string>): 'number' | 'bigint' | 'boolean' | undefined {
  if (type.kind === 'number' || type.kind === 'bigint' || type.kind === 'boolean') return type.kind;
  if (type.kind === 'ref' && !seen.has(type.id)) {
    seen.add(type.id);
    const target = findType(type.id);
    return target && scalarKind(target, findType, seen);
  }
  if (type.kind !== 'union') return undefined;
  const kinds = new Set(type.members.filter((member) => member.kind !== 'null').map((member) => scalarKind(member, findType, seen)));
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

/**
 * A `number` (through aliases, `null` aside) with no integer or float kind written: what TypeORM
 * reflects as `Number` and its PostgreSQL and SQLite drivers make `integer`. A literal union or
 * an enum is not one (codegen gives those their own column types and CHECKs).
 */
/**
 * A `Date` property (`null` aside) of a TypeORM column without a type or of type `datetime`
 * (`@CreateDateColumn()` too): TypeORM's SQLite drivers write it as their own UTC text
 * (`DateUtils.mixedDateToUtcDatetimeString`), which the repositories then write and compare.
 */
function isTypeormDatetime(type: TypeNode, dbType: string | undefined): boolean {
  if (dbType !== undefined && dbType.trim().toLowerCase() !== 'datetime') return false;
  if (type.kind === 'date') return true;
  if (type.kind !== 'union') return false;
  const defined = type.members.filter((member) => member.kind !== 'null' && member.kind !== 'undefined');
  return defined.length === 1 && defined[0]!.kind === 'date';
}

function isPlainNumber(type: TypeNode, findType: TypeFinder, seen: Set<string>): boolean {
  if (type.kind === 'number') return type.constraints?.numericType === undefined;
  if (type.kind === 'ref' && !seen.has(type.id)) {
    seen.add(type.id);
    const target = findType(type.id);
    return target !== undefined && isPlainNumber(target, findType, seen);
  }
  if (type.kind !== 'union') return false;
  const defined = type.members.filter((member) => member.kind !== 'null' && member.kind !== 'undefined');
  return defined.length > 0 && defined.every((member) => isPlainNumber(member, findType, seen));
}

/**
 * MySQL's `unsigned: true`: the column holds no negative number, as `@minimum 0` says; written on
 * the property's type before its column is built, so the schema (a CHECK on both engines, which
 * have no unsigned types), the validators and the mocks all hold to it. On a type without a
 * number or bigint it means nothing: CG2104.
 */
function applyUnsigned(property: Property, at: SourceLocation, path: string, ctx: AnalyzerContext): void {
  let numeric = false;
  const refine = (node: TypeNode): TypeNode => {
    if (node.kind === 'number') {
      numeric = true;
      return { ...node, constraints: { ...node.constraints, minimum: Math.max(node.constraints?.minimum ?? 0, 0) } };
    }
    if (node.kind === 'bigint') {
      numeric = true;
      const minimum = node.constraints?.minimum;
      return { ...node, constraints: { ...node.constraints, minimum: minimum !== undefined && BigInt(minimum) > 0n ? minimum : '0' } };
    }
    return node;
  };
  const type = property.type.kind === 'union' ? { ...property.type, members: property.type.members.map(refine) } : refine(property.type);
  if (numeric) property.type = type;
  else ctx.report('CG2104', at, `Option 'unsigned' on ${path} is ignored: its type holds no number.`, 'Remove it, or type the property as a number.');
}

/** `type | null`: a union gains the member, anything else becomes a two-member union. */
function withNull(type: TypeNode): TypeNode {
  return type.kind === 'union' ? { ...type, members: [...type.members, { kind: 'null' }] } : { kind: 'union', members: [type, { kind: 'null' }] };
}

/**
 * CG2107: a nullable column on a type without `null`. The column's shapes take null (above); the
 * entity's own validator keeps to its TypeScript type, since a validator never accepts what the
 * type rejects, so the two disagree about a row holding NULL until the type says `| null`.
 */
function reportNullableColumn(property: Property, draft: EntityDraft, at: SourceLocation, path: string, ctx: AnalyzerContext): void {
  const written = writtenType(draft.node.getType().getProperty(property.name)?.getDeclarations()[0]);
  const suggestion = `${property.name}${property.optional ? '?' : ''}: ${written ?? '…'} | null`;
  ctx.report(
    'CG2107',
    at,
    `${path} is a nullable column (\`nullable: true\`) but its type has no null: rows read back hold null where the column is empty. The row and input types and their validators accept null; the entity's own validator and mock follow the type.`,
    `Write \`${suggestion}\` to say what the column holds, or drop \`nullable: true\`.`,
  );
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
