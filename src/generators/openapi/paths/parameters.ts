/**
 * Operation parameters. Query serialisation, which clients must follow exactly:
 * - a `spread` query object becomes one parameter per property;
 * - arrays (and tuples): `style: form, explode: true` (`?tag=a&tag=b`);
 * - objects and records: `style: deepObject, explode: true` (`?filter[name]=a`);
 * - anything else: the default (`form`), one `name=value`;
 * - `required: true` only when every value of the type is sent as some text: `null`, an empty
 *   list (form) and an empty object (deepObject) are sent as no parameter (absent-values.ts);
 * - a value no style serialises (object items, nested objects, an object in a header or path):
 *   `content: { application/json: { schema } }`, one JSON text (json-parameters.ts).
 */
import type { ParameterObject, RequestBodyObject, SchemaObject } from 'openapi3-ts/oas31';
import type { Parameter, Property, TypeNode } from '../../../model/types.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import { withoutNullish } from '../../kit/unions.js';
import { compact, type SchemaContext } from '../schemas/context.js';
import { sentAsJson } from './json-parameters.js';
import { absenceNote, absentValues } from './absent-values.js';
import { isRequired, mergedObject, propertySchema } from '../schemas/objects.js';

/** The JSON media type of every body. */
export const JSON_MEDIA_TYPE = 'application/json';

/** The parameters of an operation (path, query, header), in declaration order. */
export function operationParameters(parameters: readonly Parameter[], context: SchemaContext): ParameterObject[] {
  return parameters.flatMap((parameter): ParameterObject[] => {
    if (parameter.in === 'body') return [];
    if (parameter.in === 'query' && parameter.spread) return spreadQuery(parameter, context);
    const absent = absentValues(parameter.type, parameter.in, context.index);
    return [
      compact({
        name: parameter.wireName,
        in: parameter.in,
        description: described(parameter.docs.description, absent),
        required: parameter.in === 'path' ? true : !parameter.optional && absent.length === 0,
        deprecated: parameter.docs.deprecated !== undefined ? true : undefined,
        ...encoding(parameter.type, parameter.in, context.schemaOf(parameter.type), context.index),
      }),
    ];
  });
}

/**
 * One query parameter per property of the object. A record (`query: Record<string, string>`) has
 * no properties to name: its keys are the query's own keys (`?a=1&b=2`, as the client sends its
 * entries), which OpenAPI writes as an object parameter of `style: form, explode: true`; a record
 * whose values no style serialises is one JSON parameter, as the client sends it.
 */
function spreadQuery(parameter: Parameter, context: SchemaContext): ParameterObject[] {
  const shape = mergedObject(withoutNullish(parameter.type), context.index);
  if (!shape) {
    const [single] = operationParameters([{ ...parameter, spread: false }], context);
    return [single!.content ? single! : { ...single!, style: 'form', explode: true }];
  }
  return shape.properties.map((property) => propertyParameter(property, parameter.optional, context));
}

function propertyParameter(property: Property, parentOptional: boolean, context: SchemaContext): ParameterObject {
  const { description, deprecated, ...schemaAnnotations } = propertySchema(property, context);
  const absent = absentValues(property.type, 'query', context.index);
  return compact({
    name: property.name,
    in: 'query' as const,
    description: described(description, absent),
    required: !parentOptional && isRequired(property) && absent.length === 0,
    deprecated,
    ...encoding(property.type, 'query', schemaAnnotations as SchemaObject, context.index),
  });
}

/** The description, with what an absent parameter stands for when some value is sent as none (absent-values.ts). */
function described(description: string | undefined, absent: readonly string[]): string | undefined {
  const note = absenceNote(absent);
  return note === undefined ? description : [description, note].filter(Boolean).join(' ');
}

/** `style`/`explode` and `schema`, or `content` with the schema when the value travels as JSON text. */
function encoding(type: TypeNode, location: Parameter['in'], schema: SchemaObject, index: DeclarationIndex): Pick<ParameterObject, 'style' | 'explode' | 'schema' | 'content'> {
  if (sentAsJson(type, location, index)) return { content: { [JSON_MEDIA_TYPE]: { schema } } };
  return { ...(location === 'query' ? queryStyle(type, index) : {}), schema };
}

/** `form`+`explode` for arrays, `deepObject`+`explode` for objects, nothing for scalars. */
export function queryStyle(type: TypeNode, index: DeclarationIndex): Pick<ParameterObject, 'style' | 'explode'> {
  const kind = resolvedKind(type, index);
  if (kind === 'array' || kind === 'tuple') return { style: 'form', explode: true };
  if (kind === 'object' || kind === 'record' || kind === 'intersection') return { style: 'deepObject', explode: true };
  return {};
}

function resolvedKind(type: TypeNode, index: DeclarationIndex, depth = 0): TypeNode['kind'] {
  const node = withoutNullish(type);
  if (node.kind === 'ref' && depth < 16) return resolvedKind(index.get(node.id).type, index, depth + 1);
  return node.kind;
}

/** The JSON request body, required unless the parameter is optional; undefined without one. */
export function requestBody(parameters: readonly Parameter[], context: SchemaContext): RequestBodyObject | undefined {
  const body = parameters.find((parameter) => parameter.in === 'body');
  if (!body) return undefined;
  return compact({
    description: body.docs.description,
    required: !body.optional,
    content: { [JSON_MEDIA_TYPE]: { schema: context.schemaOf(body.type) } },
  });
}
