/**
 * The view of one entity in its crud file: the input types (written with the row type's own
 * field types, so the two cannot drift), the key, and the repository's definition.
 */
import type { Entity } from '../../model/types.js';
import type { DeclarationIndex } from '../kit/declaration-index.js';
import { propertyKey, stringLiteral } from '../kit/emit.js';
import { conflictType, type UniqueTarget } from './conflict-targets.js';
import { valueRule } from './input-types.js';
import { createdAtFields, createFields, generatedUuidFields, keyColumns, updateFields, updatedAtFields, type InputField } from './inputs.js';
import { inputNames, type InputNames } from './subjects.js';

export interface SqlNames {
  row: string;
  relations: string;
  table: string;
}

export interface EntityView {
  names: InputNames;
  sql: SqlNames;
  table: string;
  createFields: FieldView[];
  updateFields: FieldView[];
  /** `BookRow["id"]`, or `Pick<BookRow, "a" | "b">` for a composite key. */
  keyType: string;
  /** The parameter and body of `keyWhere`: `(id) => ({ id })`. */
  keyWhere: string;
  /** `["updatedAt"]` as code. */
  updatedAt: string;
  /** `["createdAt"]` as code, when the entity has such a field. */
  createdAt?: string;
  /** `["id"]` as code, when the entity has `@generated uuid` fields. */
  generatedUuid?: string;
  /** The fields of the create input and of the update patch, as code: what the repository writes. */
  createFieldList: string;
  updateFieldList: string;
  /** What each field's SQL type holds beyond its codec, as code (`{ "age": { "range": [...] } }`): filter and key values are checked by it. */
  values: string;
  /** The validators' assert functions, or undefined when inputs are not validated. */
  checks?: { create: string; update: string };
  /** The repository's `Conflict` type argument: the upsert targets of the table (`conflict-targets.ts`). */
  conflict: string;
}

export interface FieldView {
  /** The property key as code (quoted when it is not an identifier). */
  key: string;
  optional: boolean;
  /** `BookRow["title"]`. */
  type: string;
}

/** The entities and declarations a foreign key's column type is looked up in, and the tables' unique constraints. */
export interface ViewScope {
  entities: readonly Entity[];
  declarations: DeclarationIndex;
  uniques: (entity: Entity) => UniqueTarget[];
}

/** The view of `entity`, given the names of its table module's exports. */
export function entityView(entity: Entity, sql: SqlNames, checks: EntityView['checks'], scope: ViewScope): EntityView {
  const keys = keyColumns(entity);
  const single = keys.length === 1 ? keys[0] : undefined;
  return {
    names: inputNames(entity),
    sql,
    table: entity.table,
    createFields: createFields(entity).map((field) => fieldView(field, sql.row)),
    updateFields: updateFields(entity).map((field) => fieldView(field, sql.row)),
    keyType: single ? `${sql.row}[${stringLiteral(single.field)}]` : `Pick<${sql.row}, ${keys.map((key) => stringLiteral(key.field)).join(' | ')}>`,
    keyWhere: single
      ? `(key) => ({ ${propertyKey(single.field)}: key })`
      : `(key) => ({ ${keys.map((key) => `${propertyKey(key.field)}: key[${stringLiteral(key.field)}]`).join(', ')} })`,
    updatedAt: JSON.stringify(updatedAtFields(entity)),
    ...(createdAtFields(entity).length > 0 ? { createdAt: JSON.stringify(createdAtFields(entity)) } : {}),
    ...(generatedUuidFields(entity).length > 0 ? { generatedUuid: JSON.stringify(generatedUuidFields(entity)) } : {}),
    createFieldList: JSON.stringify(createFields(entity).map((field) => field.field)),
    updateFieldList: JSON.stringify(updateFields(entity).map((field) => field.field)),
    values: valueRules(entity, scope),
    ...(checks ? { checks } : {}),
    conflict: conflictType(keys.map((key) => key.field), scope.uniques(entity)),
  };
}

function fieldView({ field, optional }: InputField, row: string): FieldView {
  return { key: propertyKey(field), optional, type: `${row}[${stringLiteral(field)}]` };
}

/** The `values` of the repository's definition: each column's rule, for the columns that have one. */
function valueRules(entity: Entity, scope: ViewScope): string {
  const rules = entity.columns.flatMap((column) => {
    const rule = valueRule(column, scope.entities, scope.declarations);
    return rule ? [`${propertyKey(column.field)}: ${JSON.stringify(rule)}`] : [];
  });
  return rules.length === 0 ? '{}' : `{ ${rules.join(', ')} }`;
}
