/**
 * Checks HTTP traffic against an OpenAPI 3.1 document: finds the operation by method and path
 * template, then validates path, query and header parameters, the request body and the answer
 * with ajv (JSON Schema 2020-12, ajv-formats). Each schema is compiled where it lives in the
 * document (`<id>#/paths/~1books/get/parameters/0/schema`), so its `$ref`s resolve as any
 * consumer of the document would resolve them.
 *
 * Query values are text on the wire: a parameter whose schema is a number, integer or boolean
 * is converted before validation (what a server framework does); `deepObject` parameters are
 * rebuilt from their `name[prop][sub]` keys, their leaves staying text.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { OpenAPIObject, OperationObject, ParameterObject, SchemaObject } from 'openapi3-ts/oas31';

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const DOCUMENT_ID = 'https://codegen.test/example/openapi.json';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/** A request as the server saw it. */
export interface WireRequest {
  method: string;
  /** Path segments, each percent-decoded on its own. */
  segments: string[];
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; `undefined` when there was none. */
  body: unknown;
}

/** The operation a request addresses, found in the document. */
export interface MatchedOperation {
  operationId: string;
  template: string;
  method: string;
  pathParameters: Record<string, string>;
}

/** Traffic checks against one document. */
export interface ConformanceChecker {
  /** The operation a request addresses, `undefined` when the document has none. */
  match(method: string, segments: readonly string[]): MatchedOperation | undefined;
  /** Every way the request departs from its operation ([] when it conforms). */
  checkRequest(request: WireRequest): string[];
  /** Every way an answer departs from the operation's documented responses. */
  checkResponse(operation: MatchedOperation, status: number, body: unknown): string[];
}

/** A checker for the traffic of `document`, its paths taken from the server root. */
export function createConformanceChecker(document: OpenAPIObject): ConformanceChecker {
  const ajv = new Ajv2020({ strict: false, allErrors: true, multipleOfPrecision: 6 });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: DOCUMENT_ID }, DOCUMENT_ID);
  const compiled = new Map<string, ValidateFunction>();
  const validate = (pointer: string, value: unknown, label: string): string[] => {
    let check = compiled.get(pointer);
    if (!check) compiled.set(pointer, (check = ajv.compile({ $ref: `${DOCUMENT_ID}#${pointer}` })));
    if (check(value)) return [];
    return (check.errors ?? []).map((error) => `${label}${error.instancePath} ${error.message ?? error.keyword}`);
  };
  const resolve = (schema: SchemaObject | { $ref: string } | undefined): SchemaObject | undefined => resolveRef(document, schema);

  const match = (method: string, segments: readonly string[]): MatchedOperation | undefined => matchOperation(document, method, segments);

  const checkRequest = (request: WireRequest): string[] => {
    const operation = match(request.method, request.segments);
    if (!operation) return [`no operation for ${request.method} /${request.segments.join('/')}`];
    const base = `/paths/${escapePointer(operation.template)}/${operation.method}`;
    const object = operationObject(document, operation);
    const parameters = (object.parameters ?? []) as ParameterObject[];
    const problems = parameters.flatMap((parameter, index) => {
      const value = parameterValue(parameter, request, operation, resolve(parameter.schema));
      if (value === undefined) return parameter.required ? [`${parameter.in} parameter ${parameter.name} is missing`] : [];
      return validate(`${base}/parameters/${index}/schema`, value, `${parameter.in} parameter ${parameter.name}`);
    });
    problems.push(...undeclaredQuery(request.query, parameters));
    problems.push(...checkBody(object, request, (value) => validate(`${base}/requestBody/content/application~1json/schema`, value, 'body')));
    return problems;
  };

  const checkResponse = (operation: MatchedOperation, status: number, body: unknown): string[] => {
    const responses = operationObject(document, operation).responses as Record<string, { content?: Record<string, unknown> }>;
    const response = responses[String(status)];
    if (!response) return [`status ${status} is not documented`];
    if (!response.content) return body === undefined ? [] : [`status ${status} documents no body, the answer has one`];
    const pointer = `/paths/${escapePointer(operation.template)}/${operation.method}/responses/${status}/content/application~1json/schema`;
    return validate(pointer, body, `${status} body`);
  };

  return { match, checkRequest, checkResponse };
}

function matchOperation(document: OpenAPIObject, method: string, segments: readonly string[]): MatchedOperation | undefined {
  const verb = method.toLowerCase();
  for (const [template, item] of Object.entries(document.paths ?? {})) {
    const operation = (item as Record<string, OperationObject | undefined>)[verb];
    if (!operation || !METHODS.includes(verb as (typeof METHODS)[number])) continue;
    const pathParameters = matchTemplate(template, segments);
    if (pathParameters) return { operationId: operation.operationId ?? '', template, method: verb, pathParameters };
  }
  return undefined;
}

/** `{ id: 'a/b' }` when `segments` fill `/books/{id}`, `undefined` when they do not fit. */
function matchTemplate(template: string, segments: readonly string[]): Record<string, string> | undefined {
  const parts = template.split('/').filter(Boolean);
  if (parts.length !== segments.length) return undefined;
  const captured: Record<string, string> = {};
  for (const [index, part] of parts.entries()) {
    const placeholder = /^\{(.+)\}$/.exec(part);
    if (placeholder) captured[placeholder[1]!] = segments[index]!;
    else if (part !== segments[index]) return undefined;
  }
  return captured;
}

function operationObject(document: OpenAPIObject, operation: MatchedOperation): OperationObject {
  return (document.paths![operation.template] as Record<string, OperationObject>)[operation.method]!;
}

function parameterValue(parameter: ParameterObject, request: WireRequest, operation: MatchedOperation, schema: SchemaObject | undefined): unknown {
  if (parameter.in === 'path') return operation.pathParameters[parameter.name];
  if (parameter.in === 'header') return request.headers[parameter.name.toLowerCase()];
  if (parameter.in !== 'query') return undefined;
  if (parameter.style === 'deepObject') return deepObject(request.query, parameter.name);
  const values = request.query.getAll(parameter.name);
  if (values.length === 0) return undefined;
  if (schema?.type === 'array') return values.map((value) => fromText(value, resolveItems(schema)));
  return values.length === 1 ? fromText(values[0]!, schema) : values;
}

function resolveItems(schema: SchemaObject): SchemaObject | undefined {
  return typeof schema.items === 'object' && !('$ref' in schema.items) ? (schema.items as SchemaObject) : undefined;
}

/** A query value as the schema's scalar type would read it; left as text when it does not parse. */
function fromText(text: string, schema: SchemaObject | undefined): unknown {
  if ((schema?.type === 'integer' || schema?.type === 'number') && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  if (schema?.type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** `book[title]=x&book[tags]=a&book[tags]=b` → `{ title: 'x', tags: ['a', 'b'] }`. */
function deepObject(query: URLSearchParams, name: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  for (const [key, value] of query) {
    if (!key.startsWith(`${name}[`)) continue;
    const path = [...key.slice(name.length).matchAll(/\[([^\]]*)\]/g)].map((part) => part[1]!);
    found ??= {};
    let target = found;
    for (const step of path.slice(0, -1)) target = (target[step] ??= {}) as Record<string, unknown>;
    const leaf = path[path.length - 1]!;
    const previous = target[leaf];
    target[leaf] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return found;
}

function undeclaredQuery(query: URLSearchParams, parameters: readonly ParameterObject[]): string[] {
  const declared = parameters.filter((parameter) => parameter.in === 'query');
  const known = (key: string) => declared.some((parameter) => key === parameter.name || (parameter.style === 'deepObject' && key.startsWith(`${parameter.name}[`)));
  return [...new Set(query.keys())].filter((key) => !known(key)).map((key) => `query parameter ${key} is not declared`);
}

function checkBody(operation: OperationObject, request: WireRequest, validateBody: (value: unknown) => string[]): string[] {
  const declared = operation.requestBody as { required?: boolean; content?: Record<string, unknown> } | undefined;
  if (!declared) return request.body === undefined ? [] : ['the operation declares no body, the request has one'];
  if (request.body === undefined) return declared.required ? ['the request body is missing'] : [];
  const type = String(request.headers['content-type'] ?? '');
  const problems = type.startsWith('application/json') ? [] : [`content-type is ${JSON.stringify(type)}, not application/json`];
  return [...problems, ...validateBody(request.body)];
}

function resolveRef(document: OpenAPIObject, schema: SchemaObject | { $ref: string } | undefined): SchemaObject | undefined {
  if (!schema || typeof schema.$ref !== 'string') return schema as SchemaObject | undefined;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return resolveRef(document, document.components?.schemas?.[name] as SchemaObject | undefined);
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
