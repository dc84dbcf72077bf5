/**
 * REST resource paths for entities (option `resources`), kept deliberately simple:
 * `GET /{table}` (list, `limit`/`offset`), `POST /{table}` (create), and
 * `GET`/`PUT`/`PATCH`/`DELETE /{table}/{key}` with one path segment per primary-key property.
 * Inputs get two component schemas, the very shapes of crud's `<Entity>Create` and
 * `<Entity>Update` types of the same name (crud/inputs.ts decides both, tester s8 T17): the
 * create fields (not what the database produces; optional when defaulted, nullable or
 * optional) and the update fields (mutable columns, all optional), each taking `null` where the
 * column may hold NULL (an optional property too: `null` clears it). A many-to-one relation
 * appears under its row field (`authorId`) with the referenced key's type. Answers are
 * `<Entity>Row` (resource-rows.ts), what crud's repositories return: the row, related entities by
 * key, never the entity's own schema with its relation objects (tester s9 T11).
 */
import type { OperationObject, ParameterObject, SchemaObject } from 'openapi3-ts/oas31';
import type { Declaration, Entity, Property } from '../../../model/types.js';
import { camelCase, plural } from '../../../model/naming.js';
import { columnHoldsNull } from '../../../model/nullability.js';
import { compact, type SchemaContext } from '../schemas/context.js';
import { createFields, updateFields, type InputField } from '../../crud/inputs.js';
import { inputType } from '../../crud/input-types.js';
import { columnSchema } from './column-schema.js';
import { rowSchema } from './resource-rows.js';
import { JSON_MEDIA_TYPE } from './parameters.js';
import type { PathEntry } from './operations.js';

/** Names a resource adds to the document, for collision checks. */
export interface ResourceNames {
  createSchema: string;
  updateSchema: string;
  /** `<Entity>Row`: what every answer holds. */
  rowSchema: string;
  operationIds: string[];
}

/** The component names and operation ids of an entity's resource. */
export function resourceNames(entity: Entity): ResourceNames {
  const name = entity.name;
  return {
    createSchema: `${name}Create`,
    updateSchema: `${name}Update`,
    rowSchema: `${name}Row`,
    operationIds: [`list${plural(name)}`, `create${name}`, `get${name}`, `replace${name}`, `update${name}`, `delete${name}`],
  };
}

/**
 * The `<Entity>Create`, `<Entity>Update` and `<Entity>Row` schemas: each field checked as crud's input
 * validators check it (crud/input-types.ts), column constraints included (a foreign key to a uuid
 * key is `format: uuid`, an `int` column an integer, TypeORM's `length` a `maxLength`), so the
 * document accepts what the repositories accept. `entities` are the model's, for references.
 */
export function resourceSchemas(entity: Entity, declaration: Declaration, context: SchemaContext, entities: readonly Entity[]): Record<string, SchemaObject> {
  const create = createFields(entity);
  // `null` where the column may hold NULL, as crud's input types and validators take it (inputFieldType).
  const nullable = (field: InputField) => columnHoldsNull(entity, field.column, (id) => context.index.find(id)?.type);
  const propertiesOf = (fields: readonly InputField[]) =>
    Object.fromEntries(fields.map((field) => [field.field, columnSchema(field.column, { nullable: nullable(field), withDefault: true }, declaration, context, entities)]));
  const required = create.filter((field) => !field.optional).map((field) => field.field);
  const names = resourceNames(entity);
  return {
    [names.createSchema]: compact({
      type: 'object',
      description: `The input that creates a ${entity.name}.`,
      properties: propertiesOf(create),
      required: required.length > 0 ? required : undefined,
    }),
    [names.updateSchema]: { type: 'object', description: `A partial update of a ${entity.name}.`, properties: propertiesOf(updateFields(entity)) },
    [names.rowSchema]: rowSchema(entity, declaration, context, entities),
  };
}

/** The six operations of an entity's resource; `entities` are the model's, for keys that reference another entity's. */
export function resourceEntries(entity: Entity, declaration: Declaration, context: SchemaContext, entities: readonly Entity[]): PathEntry[] {
  const names = resourceNames(entity);
  const [listId, createId, getId, replaceId, updateId, deleteId] = names.operationIds as [string, string, string, string, string, string];
  const collection = `/${entity.table}`;
  const item = `${collection}/${entity.primaryKey.map((key) => `{${key}}`).join('/')}`;
  const keys = keyParameters(entity, declaration, context, entities);
  // What crud's repositories return, not the entity's own schema (tester s9 T11).
  const row = { $ref: `#/components/schemas/${names.rowSchema}` };
  const body = (schema: string) => ({ required: true, content: { [JSON_MEDIA_TYPE]: { schema: { $ref: `#/components/schemas/${schema}` } } } });
  const found = (description: string) => ({ description, content: { [JSON_MEDIA_TYPE]: { schema: row } } });
  const notFound = { description: `No ${entity.name} has this key.` };
  const operation = (operationId: string, summary: string, rest: Omit<OperationObject, 'operationId' | 'summary' | 'tags'>): OperationObject => ({
    tags: [entity.name],
    summary,
    operationId,
    ...rest,
  });
  return [
    {
      path: collection,
      method: 'get',
      operation: operation(listId, `List ${plural(entity.name)}`, {
        parameters: [pagingParameter('limit', 'At most this many items.'), pagingParameter('offset', 'Skip this many items first.')],
        responses: { '200': { description: 'OK', content: { [JSON_MEDIA_TYPE]: { schema: { type: 'array', items: row } } } } },
      }),
    },
    {
      path: collection,
      method: 'post',
      operation: operation(createId, `Create a ${entity.name}`, { requestBody: body(names.createSchema), responses: { '201': found('Created') } }),
    },
    { path: item, method: 'get', operation: operation(getId, `Get a ${entity.name}`, { parameters: keys, responses: { '200': found('OK'), '404': notFound } }) },
    {
      path: item,
      method: 'put',
      operation: operation(replaceId, `Replace a ${entity.name}`, { parameters: keys, requestBody: body(names.createSchema), responses: { '200': found('OK'), '404': notFound } }),
    },
    {
      path: item,
      method: 'patch',
      operation: operation(updateId, `Update a ${entity.name}`, { parameters: keys, requestBody: body(names.updateSchema), responses: { '200': found('OK'), '404': notFound } }),
    },
    {
      path: item,
      method: 'delete',
      operation: operation(deleteId, `Delete a ${entity.name}`, { parameters: keys, responses: { '204': { description: 'No Content' }, '404': notFound } }),
    },
  ];
}

/**
 * One path parameter per primary-key property, its schema the key column's checked type as the
 * inputs and rows have it (crud's inputType): an integer key is an `integer` within its
 * column's range, a uuid key `format: uuid`, a bigint key its decimal text, a string key its
 * lengths. The written type says less (`id: number` was `type: number`, which admits 1.5; tester3 T-10).
 */
function keyParameters(entity: Entity, declaration: Declaration, context: SchemaContext, entities: readonly Entity[]): ParameterObject[] {
  return entity.primaryKey.map((key) => {
    const column = entity.columns.find((candidate) => candidate.property === key);
    const property: Property | undefined = declaration.type.kind === 'object' ? declaration.type.properties.find((candidate) => candidate.name === key) : undefined;
    return compact({
      name: key,
      in: 'path' as const,
      description: property?.docs.description ?? `The ${camelCase(entity.name)}'s ${key}.`,
      required: true,
      schema: column ? context.schemaOf(inputType(column, entities, context.index)) : { type: 'string' },
    });
  });
}

function pagingParameter(name: string, description: string): ParameterObject {
  return { name, in: 'query', description, required: false, schema: { type: 'integer', minimum: 0 } };
}
