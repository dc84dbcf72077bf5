/**
 * REST resource paths for entities (option `resources`), kept deliberately simple:
 * `GET /{table}` (list, `limit`/`offset`), `POST /{table}` (create), and
 * `GET`/`PUT`/`PATCH`/`DELETE /{table}/{key}` with one path segment per primary-key property.
 * Inputs get two component schemas, the very shapes of crud's `<Entity>Create` and
 * `<Entity>Update` types of the same name (crud/inputs.ts decides both, tester s8 T17): the
 * create fields (not what the database produces; optional when defaulted, nullable or
 * optional) and the update fields (mutable columns, all optional). A many-to-one relation
 * appears under its row field (`authorId`) with the referenced key's type.
 */
import type { OperationObject, ParameterObject, SchemaObject } from 'openapi3-ts/oas31';
import type { Declaration, Entity, EntityColumn, Property, TypeNode } from '../../../model/types.js';
import { camelCase, plural } from '../../../model/naming.js';
import { compact, refTo, type SchemaContext } from '../schemas/context.js';
import { docsAnnotations } from '../schemas/docs.js';
import { documentedValueJudge, fittingDocs } from '../schemas/documented-values.js';
import { inputType } from '../../crud/input-types.js';
import { createFields, updateFields, type InputField } from '../../crud/inputs.js';
import { JSON_MEDIA_TYPE } from './parameters.js';
import type { PathEntry } from './operations.js';

/** Names a resource adds to the document, for collision checks. */
export interface ResourceNames {
  createSchema: string;
  updateSchema: string;
  operationIds: string[];
}

/** The component names and operation ids of an entity's resource. */
export function resourceNames(entity: Entity): ResourceNames {
  const name = entity.name;
  return {
    createSchema: `${name}Create`,
    updateSchema: `${name}Update`,
    operationIds: [`list${plural(name)}`, `create${name}`, `get${name}`, `replace${name}`, `update${name}`, `delete${name}`],
  };
}

/**
 * The `<Entity>Create` and `<Entity>Update` schemas: each field checked as crud's input
 * validators check it (crud/input-types.ts), column constraints included (a foreign key to a uuid
 * key is `format: uuid`, an `int` column an integer, TypeORM's `length` a `maxLength`), so the
 * document accepts what the repositories accept. `entities` are the model's, for references.
 */
export function resourceSchemas(entity: Entity, declaration: Declaration, context: SchemaContext, entities: readonly Entity[]): Record<string, SchemaObject> {
  const create = createFields(entity);
  const propertiesOf = (fields: readonly InputField[]) => Object.fromEntries(fields.map(({ field, column }) => [field, columnSchema(column, declaration, context, entities)]));
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
  };
}

function columnSchema(column: EntityColumn, declaration: Declaration, context: SchemaContext, entities: readonly Entity[]): SchemaObject {
  const property = declaration.type.kind === 'object' ? declaration.type.properties.find((candidate) => candidate.name === column.property) : undefined;
  const checked = inputType(column, entities, context.index);
  const type: TypeNode = column.nullable && !allowsNull(checked) ? { kind: 'union', members: [checked, { kind: 'null' }] } : checked;
  // An SQL default (`now()`) has no JSON value to show.
  const defaultValue = column.default?.kind === 'value' ? column.default.value : undefined;
  // A default or example the validators reject is left out, as on the property's own schema (documented-values.ts).
  const docs = fittingDocs({ ...(property?.docs ?? {}), default: defaultValue }, type, documentedValueJudge(context.index));
  return { ...context.schemaOf(type), ...docsAnnotations(docs) };
}

function allowsNull(type: TypeNode): boolean {
  return type.kind === 'null' || (type.kind === 'union' && type.members.some((member) => member.kind === 'null'));
}

/** The six operations of an entity's resource. */
export function resourceEntries(entity: Entity, declaration: Declaration, context: SchemaContext): PathEntry[] {
  const names = resourceNames(entity);
  const [listId, createId, getId, replaceId, updateId, deleteId] = names.operationIds as [string, string, string, string, string, string];
  const collection = `/${entity.table}`;
  const item = `${collection}/${entity.primaryKey.map((key) => `{${key}}`).join('/')}`;
  const keys = keyParameters(entity, declaration, context);
  const entitySchema = refTo(entity.declaration, context);
  const body = (schema: string) => ({ required: true, content: { [JSON_MEDIA_TYPE]: { schema: { $ref: `#/components/schemas/${schema}` } } } });
  const found = (description: string) => ({ description, content: { [JSON_MEDIA_TYPE]: { schema: entitySchema } } });
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
        responses: { '200': { description: 'OK', content: { [JSON_MEDIA_TYPE]: { schema: { type: 'array', items: entitySchema } } } } },
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

function keyParameters(entity: Entity, declaration: Declaration, context: SchemaContext): ParameterObject[] {
  return entity.primaryKey.map((key) => {
    const column = entity.columns.find((candidate) => candidate.property === key);
    const property: Property | undefined = declaration.type.kind === 'object' ? declaration.type.properties.find((candidate) => candidate.name === key) : undefined;
    return compact({
      name: key,
      in: 'path' as const,
      description: property?.docs.description ?? `The ${camelCase(entity.name)}'s ${key}.`,
      required: true,
      schema: column ? context.schemaOf(column.type) : { type: 'string' },
    });
  });
}

function pagingParameter(name: string, description: string): ParameterObject {
  return { name, in: 'query', description, required: false, schema: { type: 'integer', minimum: 0 } };
}
