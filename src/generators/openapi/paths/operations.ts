/** Path items from services: one operation object per service method, under its path and verb. */
import type { OperationObject, PathItemObject, PathsObject } from 'openapi3-ts/oas31';
import type { HttpMethod, Operation, Service } from '../../../model/types.js';
import { documentOperationId } from '../../kit/operation-ids.js';
import { compact, type SchemaContext } from '../schemas/context.js';
import { docsAnnotations } from '../schemas/docs.js';
import { operationParameters, requestBody } from './parameters.js';
import { operationResponses } from './responses.js';

/** The path item key of an HTTP method. */
export type PathMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch';

/** Methods in the order OpenAPI lists them in a path item, so output never depends on source order. */
export const METHOD_ORDER: readonly PathMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

/** `GET` → `get`. */
export function pathMethod(method: HttpMethod): PathMethod {
  return method.toLowerCase() as PathMethod;
}

/** One operation object. */
export function operationObject(operation: Operation, operationId: string, context: SchemaContext): OperationObject {
  const parameters = operationParameters(operation.parameters, context);
  const { description, deprecated } = docsAnnotations(operation.docs);
  return compact({
    tags: operation.tags.length > 0 ? operation.tags : undefined,
    summary: operation.summary,
    description,
    operationId,
    parameters: parameters.length > 0 ? parameters : undefined,
    requestBody: requestBody(operation.parameters, context),
    responses: operationResponses(operation.response, operation.errors, context),
    deprecated,
  });
}

export interface PathEntry {
  path: string;
  method: PathMethod;
  operation: OperationObject;
}

/** Every operation of the services as path entries, in service then method order. */
export function serviceEntries(services: readonly Service[], context: SchemaContext): PathEntry[] {
  return services.flatMap((service) =>
    service.operations.map((operation) => ({ path: operation.path, method: pathMethod(operation.method), operation: operationObject(operation, documentOperationId(service, operation), context) })),
  );
}

/**
 * The paths object: paths sorted, methods in OpenAPI's order. The first entry for a method and
 * path wins (`check` reports the others).
 */
export function pathsObject(entries: readonly PathEntry[]): PathsObject {
  const byPath = new Map<string, Map<PathMethod, OperationObject>>();
  for (const entry of entries) {
    const item = byPath.get(entry.path) ?? new Map<PathMethod, OperationObject>();
    if (!item.has(entry.method)) item.set(entry.method, entry.operation);
    byPath.set(entry.path, item);
  }
  const paths = [...byPath.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(
    paths.map((path) => {
      const item = byPath.get(path)!;
      const pathItem: PathItemObject = Object.fromEntries(METHOD_ORDER.filter((method) => item.has(method)).map((method) => [method, item.get(method)!]));
      return [path, pathItem];
    }),
  );
}
