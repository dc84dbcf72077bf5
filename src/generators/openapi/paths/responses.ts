/** The success response under its status and the `@throws` error responses with their bodies. */
import type { ResponseObject, ResponsesObject, SchemaObject } from 'openapi3-ts/oas31';
import type { OperationResponse } from '../../../model/types.js';
import type { SchemaContext } from '../schemas/context.js';
import { JSON_MEDIA_TYPE } from './parameters.js';

const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict',
  410: 'Gone', 412: 'Precondition Failed', 415: 'Unsupported Media Type', 422: 'Unprocessable Content', 429: 'Too Many Requests',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** The reason phrase of a status, the description a response gets when the source gives none. */
export function statusText(status: number): string {
  return STATUS_TEXT[status] ?? (status < 400 ? 'Success' : 'Error');
}

/**
 * The responses object, statuses in ascending order. Two `@throws` with the same status share
 * one response: their bodies become an `anyOf`, their descriptions are joined.
 */
export function operationResponses(success: OperationResponse, errors: readonly OperationResponse[], context: SchemaContext): ResponsesObject {
  const byStatus = new Map<number, OperationResponse[]>();
  for (const response of [success, ...errors]) byStatus.set(response.status, [...(byStatus.get(response.status) ?? []), response]);
  const statuses = [...byStatus.keys()].sort((a, b) => a - b);
  return Object.fromEntries(statuses.map((status) => [String(status), responseObject(status, byStatus.get(status)!, context)]));
}

function responseObject(status: number, responses: OperationResponse[], context: SchemaContext): ResponseObject {
  const descriptions = [...new Set(responses.map((response) => response.description).filter((text): text is string => Boolean(text)))];
  const schemas = responses.flatMap((response) => (response.type ? [context.schemaOf(response.type)] : []));
  const description = descriptions.length > 0 ? descriptions.join('; ') : statusText(status);
  if (schemas.length === 0) return { description };
  const schema: SchemaObject = schemas.length === 1 ? schemas[0]! : { anyOf: schemas };
  return { description, content: { [JSON_MEDIA_TYPE]: { schema } } };
}
