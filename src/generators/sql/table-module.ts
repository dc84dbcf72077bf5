/**
 * The view model of one `<name>.sql.ts` file: for each entity of a source file its row type
 * (fields named as in TypeScript, foreign keys as `authorId`), its relations type, its table
 * metadata for the runtime (columns with their codecs, key, unique constraints, relations) and
 * the per-dialect binding of the statement builders. Pure data in, plain data out.
 */
import type { Entity, EntityColumn, Relation } from '../../model/types.js';
import { camelCase } from '../../model/naming.js';
import type { DeclarationIndex } from '../kit/declaration-index.js';
import { commentText, docComment, propertyKey, stringLiteral } from '../kit/emit.js';
import type { PlannedExport } from '../kit/contract.js';
import type { ImportView } from '../kit/imports.js';
import { printType, type TypeReference } from '../kit/print-type.js';
import { withoutNullish } from '../kit/unions.js';
import type { EntityIndex } from './entities.js';
import type { SchemaTable } from './schema/index.js';
import type { ColumnResolver } from './schema/column-resolver.js';
import type { ColumnType } from './column-types.js';
import { parseDbType } from './db-types.js';
import { holdsCanonicalText } from './schema/canonical-text.js';
import { jsonShape } from './json-shape.js';

/** The names generated for one entity; `exports.ts` describes them to other generators. */
export interface EntityNames {
  /** `BookRow`: one row, fields named as in TypeScript. */
  row: string;
  /** `BookRelations`: relation name → target row type (an array for to-many). */
  relations: string;
  /** `bookTable`: the `TableMeta` the runtime and repositories read. */
  table: string;
  /** `bookSql(dialect)`: the statement builders, made once per dialect. */
  sql: string;
}

/** The generated names of an entity's row type, relations type, table and builders. */
export function entityNames(entity: Pick<Entity, 'name'>): EntityNames {
  const variable = camelCase(entity.name) || 'entity';
  return { row: `${entity.name}Row`, relations: `${entity.name}Relations`, table: `${variable}Table`, sql: `${variable}Sql` };
}

export interface FieldView {
  key: string;
  type: string;
  /** The column's meta as code: `{ name: "author_id", codec: "integer", nullable: false }`. */
  meta: string;
}

export interface RelationView {
  key: string;
  type: string;
  /** The relation's meta as code. */
  meta: string;
}

export interface EntityView {
  id: string;
  names: EntityNames;
  /** Doc comment of the row type. */
  doc: string;
  /** The table name as a string literal. */
  table: string;
  /** The table name for doc comments: `users`, `*\/` made harmless. */
  tableComment: string;
  fields: FieldView[];
  relations: RelationView[];
  primaryKey: string;
  /** The primary key constraint's name as a string literal; undefined when the table has no key. */
  primaryKeyConstraint?: string;
  uniques: string;
}

export interface TableModuleView {
  runtimeImport: ImportView;
  typeImports: ImportView[];
  tableImports: ImportView[];
  entities: EntityView[];
}

export interface ModuleInputs {
  entities: EntityIndex;
  declarations: DeclarationIndex;
  columns: ColumnResolver;
  /** The schema table of each entity, by declaration id. */
  tables: ReadonlyMap<string, SchemaTable>;
  /** Type references printed, for the caller's type imports. */
  references: Map<string, TypeReference>;
  /** The other entity tables this file refers to, by declaration id. */
  tableRefs: Set<string>;
}

/** The view of one entity of a file. */
export function entityView(entity: Entity, inputs: ModuleInputs): EntityView {
  const table = inputs.tables.get(entity.declaration)!;
  const names = entityNames(entity);
  const notNull = new Map(table.columns.map((column) => [column.name, column.notNull]));
  const canonical = new Set(table.columns.filter((column) => holdsCanonicalText(column.type)).map((column) => column.name));
  const fieldOf = new Map(entity.columns.map((column) => [column.column, column.field]));
  const fields = entity.columns.map((column) => fieldView(column, !notNull.get(column.column), canonical.has(column.column), inputs));
  const relations = entity.relations.flatMap((relation) => relationView(entity, relation, inputs, relationName(entity, relation)));
  const uniques = table.uniques.map((unique) => `${stringLiteral(unique.name)}: [${unique.columns.map((column) => stringLiteral(fieldOf.get(column)!)).join(', ')}]`);
  const declaration = inputs.declarations.find(entity.declaration);
  return {
    id: entity.declaration,
    names,
    doc: docComment(declaration?.docs ?? {}, [`A row of \`${entity.table}\` (the entity \`${entity.name}\`).`]),
    table: stringLiteral(entity.table),
    tableComment: `\`${commentText(entity.table)}\``,
    fields,
    relations,
    primaryKey: `[${entity.primaryKey.map((property) => stringLiteral(inputs.entities.columnOf(entity, property)?.field ?? property)).join(', ')}]`,
    ...(table.primaryKey ? { primaryKeyConstraint: stringLiteral(table.primaryKey.name) } : {}),
    uniques: `{ ${uniques.join(', ')} }`,
  };
}

/** `canonicalText`: the schema's CHECK holds the column to the runtime's own text on SQLite (`ColumnMeta.canonicalText`). */
function fieldView(column: EntityColumn, nullable: boolean, canonicalText: boolean, inputs: ModuleInputs): FieldView {
  const type = inputs.columns.typeOf(column);
  const base = type.rowType ?? printType(withoutNullish(column.type), inputs.declarations, inputs.references);
  return {
    key: propertyKey(column.field),
    type: nullable ? `${base} | null` : base,
    meta: `{ name: ${stringLiteral(column.column)}, codec: ${stringLiteral(type.codec)}, nullable: ${nullable}${type.items ? `, items: ${stringLiteral(type.items)}` : ''}${type.list ? ', list: true' : ''}${holdsInt64(type) ? ', int64: true' : ''}${type.datetimeText ? ', datetimeText: true' : ''}${canonicalText ? ', canonicalText: true' : ''}${type.codec === 'decimal-text' && type.numeric ? `, scale: ${type.numeric.scale}` : ''}${textTyped(type) && !type.postgresEnum ? '' : ', castToText: true'}${type.postgresEnum ? ', postgresEnum: true' : ''}${shapeMeta(column, type, inputs)} }`,
  };
}

/**
 * `, shape: …` for a JSON-like column (`json`, `simple-json`, `array`) whose type the reads can
 * check (`ColumnMeta.shape`); nothing for any other column, or one whose shape is `'any'`.
 */
function shapeMeta(column: EntityColumn, type: ColumnType, inputs: ModuleInputs): string {
  if (type.codec !== 'json' && type.codec !== 'simple-json' && type.codec !== 'array') return '';
  const shape = jsonShape(withoutNullish(column.type), inputs.declarations);
  return shape === 'any' ? '' : `, shape: ${JSON.stringify(shape)}`;
}

/**
 * An integer column of a `number` whose values may pass 2^53 (`bigint`): read exactly
 * (`ColumnMeta.int64`, which makes the table's SQLite reads use safe integers). The column's CHECKs
 * on SQLite narrow its type's range: `@type uint32` is a `bigint` whose CHECK keeps it within 32
 * bits, so its values always arrive as exact numbers.
 */
function holdsInt64(type: ColumnType): boolean {
  if (type.codec !== 'integer' || type.integerRange === undefined) return false;
  let { minimum, maximum } = type.integerRange;
  for (const check of type.checks) {
    if (check.kind !== 'compare' || check.dialect === 'postgres') continue;
    const value = Number(check.value);
    if (Number.isNaN(value)) continue;
    if (check.operator === '<=' || check.operator === '<') maximum = Math.min(maximum, value);
    else minimum = Math.max(minimum, value);
  }
  return maximum > Number.MAX_SAFE_INTEGER || minimum < Number.MIN_SAFE_INTEGER;
}

/** PostgreSQL types whose values `LIKE` takes as they are; other types under a text codec (`time`, `inet`…) are cast. */
const PG_TEXT_NAMES = ['text', 'varchar', 'character varying', 'char', 'character', 'bpchar', 'citext', 'name'];

/** Whether a text-codec column is text on PostgreSQL too (else its `like` casts it: `time ~~ unknown` does not exist). */
function textTyped(type: ColumnType): boolean {
  const { name, array } = parseDbType(type.postgres);
  return type.codec !== 'text' || array || PG_TEXT_NAMES.includes(name);
}

/**
 * The relation's name in `Relations` and `include`: its property, except for a scalar foreign
 * key (`bookId` with `@references Book`), whose property is a row field: there the name drops
 * the `Id` suffix (`book`), as Prisma names relation fields beside their scalar keys, or, when
 * that is taken too, gets a `Relation` suffix (`bookIdRelation`).
 */
export function relationName(entity: Entity, relation: Relation): string {
  const taken = new Set([...entity.columns.map((column) => column.field), ...entity.relations.map((other) => other.property)]);
  if (!entity.columns.some((column) => column.field === relation.property)) return relation.property;
  const stripped = relation.property.replace(/_?(Id|ID|id)$/, '');
  return stripped !== '' && stripped !== relation.property && !taken.has(stripped) ? stripped : `${relation.property}Relation`;
}

/** Fields on each side of a relation, as the runtime joins them; undefined when the model does not say. */
function relationView(entity: Entity, relation: Relation, inputs: ModuleInputs, name: string): RelationView[] {
  const target = inputs.entities.find(relation.target);
  if (!target) return [];
  const link = relationFields(entity, target, relation, inputs);
  if (!link) return [];
  inputs.tableRefs.add(target.declaration);
  const targetNames = entityNames(target);
  const many = relation.kind === 'one-to-many' || relation.kind === 'many-to-many';
  const list = (values: string[]) => `[${values.map(stringLiteral).join(', ')}]`;
  const parts = [
    `kind: ${stringLiteral(relation.kind)}`,
    `target: () => ${targetNames.table}`,
    `fields: ${list(link.fields)}`,
    `targetFields: ${list(link.targetFields)}`,
  ];
  if (link.through) {
    const { table, column, targetColumn } = link.through;
    parts.push(`through: { table: ${stringLiteral(table)}, column: ${stringLiteral(column)}, targetColumn: ${stringLiteral(targetColumn)} }`);
  }
  return [{ key: propertyKey(name), type: many ? `${targetNames.row}[]` : targetNames.row, meta: `{ ${parts.join(', ')} }` }];
}

interface RelationFields {
  fields: string[];
  targetFields: string[];
  through?: { table: string; column: string; targetColumn: string };
}

function relationFields(entity: Entity, target: Entity, relation: Relation, inputs: ModuleInputs): RelationFields | undefined {
  const { entities } = inputs;
  const keyField = (of: Entity) => (of.primaryKey.length === 1 ? entities.columnOf(of, of.primaryKey[0]!)?.field : undefined);
  switch (relation.kind) {
    case 'many-to-one':
    case 'one-to-one': {
      if (relation.kind === 'many-to-one' || relation.owner) {
        const local = entities.columnNamed(entity, relation.column);
        if (!local) return undefined;
        const remote = inputs.columns.targetOf(local)?.column.field ?? keyField(target);
        return remote ? { fields: [local.field], targetFields: [remote] } : undefined;
      }
      return inverseFields(entity, target, relation, inputs);
    }
    case 'one-to-many':
      return inverseFields(entity, target, relation, inputs);
    case 'many-to-many': {
      const local = keyField(entity);
      const remote = keyField(target);
      const joinTable = relation.joinTable;
      if (!local || !remote || !joinTable) return undefined;
      const [column, targetColumn] = relation.owner ? [joinTable.joinColumn, joinTable.inverseJoinColumn] : [joinTable.inverseJoinColumn, joinTable.joinColumn];
      return { fields: [local], targetFields: [remote], through: { table: joinTable.name, column, targetColumn } };
    }
  }
}

/** The foreign key is on the target: its column, and the field of ours it references. */
function inverseFields(entity: Entity, target: Entity, relation: Relation, inputs: ModuleInputs): RelationFields | undefined {
  const remote = inputs.entities.columnNamed(target, relation.column);
  if (!remote) return undefined;
  const referenced = remote.references?.property ?? (entity.primaryKey.length === 1 ? entity.primaryKey[0] : undefined);
  const local = referenced === undefined ? undefined : inputs.entities.columnOf(entity, referenced);
  return local ? { fields: [local.field], targetFields: [remote.field] } : undefined;
}

/** What a table module exports, for generators that build on `sql` (roles: row, relations, table, sql). */
export function moduleExports(entities: readonly EntityView[]): PlannedExport[] {
  return entities.flatMap((entity) => [
    { name: entity.names.row, role: 'row', declaration: entity.id, typeOnly: true },
    { name: entity.names.relations, role: 'relations', declaration: entity.id, typeOnly: true },
    { name: entity.names.table, role: 'table', declaration: entity.id },
    { name: entity.names.sql, role: 'sql', declaration: entity.id },
  ]);
}
