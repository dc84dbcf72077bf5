/**
 * Reads a request's parameters the way a server built from the OpenAPI document would: by the
 * parameter objects alone (`in`, `style`, `explode`, `content`), as OpenAPI 3.1 defines them, and
 * checks each value read against its schema with ajv. Tests use it to show that what the client
 * sends is what the document describes, not only what the client's own runtime would decode.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { OpenAPIObject, ParameterObject, SchemaObject } from 'openapi3-ts/oas31';

export interface ReadParameter {
  /** The value as the document's serialisation gives it (strings where the style carries text). */
  value: unknown;
  /** Whether the value meets the parameter's schema (ajv 2020); only judged where the wire carries JSON. */
  valid?: boolean;
}

/** A reader for one document; `read` takes an operation and what arrived. */
export function documentReader(document: OpenAPIObject): {
  read(path: string, verb: string, request: { url: string; headers: Record<string, string | string[] | undefined> }): Map<string, ReadParameter>;
} {
  const ajv = new Ajv2020({ strict: false });
  (addFormatsModule as unknown as typeof addFormatsModule.default)(ajv);
  ajv.addSchema({ ...document, $id: 'document' });
  const judge = (schema: SchemaObject, value: unknown): boolean => ajv.compile(resolveRefs(schema))(value) as boolean;
  return {
    read(path, verb, request) {
      const operation = (document.paths![path] as Record<string, { parameters?: ParameterObject[] }>)[verb]!;
      const url = new URL(request.url, 'http://server');
      const segments = pathValues(path, url.pathname);
      const found = new Map<string, ReadParameter>();
      for (const parameter of operation.parameters ?? []) {
        const text = parameter.in === 'path' ? segments.get(parameter.name) : parameter.in === 'header' ? headerText(request.headers, parameter.name) : undefined;
        const json = parameter.content?.['application/json'];
        if (json) {
          const raw = parameter.in === 'query' ? url.searchParams.get(parameter.name) : text;
          if (raw === null || raw === undefined) continue;
          const value = JSON.parse(raw) as unknown;
          found.set(parameter.name, { value, valid: judge(json.schema as SchemaObject, value) });
        } else if (parameter.in === 'query') {
          const named = new Set((operation.parameters ?? []).filter((other) => other !== parameter && other.in === 'query').map((other) => other.name));
          const value = queryValue(url.searchParams, parameter, named);
          if (value !== undefined) found.set(parameter.name, { value });
        } else if (text !== undefined) {
          found.set(parameter.name, { value: text });
        }
      }
      return found;
    },
  };
}

/**
 * `style: form, explode: true` lists an array's items as repeated keys, and an object's properties
 * as keys of their own (every key no other parameter names); `deepObject` writes `name[prop]`.
 */
function queryValue(params: URLSearchParams, parameter: ParameterObject, named: ReadonlySet<string>): unknown {
  if (parameter.style === 'form' && parameter.explode && (parameter.schema as SchemaObject | undefined)?.type === 'object') {
    const object = Object.fromEntries([...params].filter(([key]) => !named.has(key)));
    return Object.keys(object).length > 0 ? object : undefined;
  }
  if (parameter.style === 'deepObject') {
    const object: Record<string, string> = {};
    for (const [key, value] of params) {
      const match = /^([^[]+)\[([^\]]*)\]$/.exec(key);
      if (match?.[1] === parameter.name) object[match[2]!] = value;
    }
    return Object.keys(object).length > 0 ? object : undefined;
  }
  if (parameter.style === 'form' && parameter.explode) {
    const items = params.getAll(parameter.name);
    return items.length > 0 ? items : undefined;
  }
  return params.get(parameter.name) ?? undefined;
}

/** `/a/{x}/b` against `/a/1%2F2/b`: x ↦ `1/2`, each segment decoded on its own. */
function pathValues(template: string, pathname: string): Map<string, string> {
  const names = template.split('/');
  const values = pathname.split('/');
  const found = new Map<string, string>();
  names.forEach((name, i) => {
    const placeholder = /^\{(.+)\}$/.exec(name)?.[1];
    if (placeholder && values[i] !== undefined) found.set(placeholder, decodeURIComponent(values[i]!));
  });
  return found;
}

function headerText(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The schema with `#/components/…` references pointed into the document added to ajv. */
function resolveRefs(schema: SchemaObject): SchemaObject {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"document#/components/')) as SchemaObject;
}
