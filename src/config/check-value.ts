/**
 * A small checker for the JSON Schema subset the option tables use (type, enum, const,
 * anyOf/oneOf, items, properties, additionalProperties, required, minimum/maximum,
 * minLength, minItems, uniqueItems, pattern). Other keywords are ignored. It names the
 * expected type in TypeScript notation, which is what users of this tool read best.
 */
import type { JsonSchema } from './option-table.js';

export type KeyPath = (string | number)[];

export type ValueProblem =
  | { kind: 'invalid'; path: KeyPath; expected: string; actual: unknown }
  | { kind: 'unknown-key'; path: KeyPath; allowed: string[] }
  | { kind: 'missing-key'; path: KeyPath; key: string };

/** Every way `value` breaks `schema`; paths are relative to `path`. */
export function checkValue(value: unknown, schema: JsonSchema, path: KeyPath = []): ValueProblem[] {
  const alternatives = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (alternatives) {
    const fits = alternatives.some((branch) => checkValue(value, branch, path).length === 0);
    return fits ? [] : [invalid(path, schema, value)];
  }
  if (!matchesShallow(value, schema)) return [invalid(path, schema, value)];
  if (Array.isArray(value) && schema.items) {
    return value.flatMap((item, i) => checkValue(item, schema.items as JsonSchema, [...path, i]));
  }
  if (isPlainObject(value)) return checkObject(value, schema, path);
  return [];
}

function checkObject(value: Record<string, unknown>, schema: JsonSchema, path: KeyPath): ValueProblem[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const additional = schema.additionalProperties as JsonSchema | boolean | undefined;
  const problems: ValueProblem[] = [];
  for (const key of (schema.required ?? []) as string[]) {
    if (!(key in value)) problems.push({ kind: 'missing-key', path, key });
  }
  for (const [key, item] of Object.entries(value)) {
    const itemSchema = properties[key] ?? (typeof additional === 'object' ? additional : undefined);
    if (itemSchema) problems.push(...checkValue(item, itemSchema, [...path, key]));
    else if (additional === false) problems.push({ kind: 'unknown-key', path: [...path, key], allowed: Object.keys(properties) });
  }
  return problems;
}

/** Checks the keywords about the value itself, not its items or properties. */
function matchesShallow(value: unknown, schema: JsonSchema): boolean {
  if (schema.enum && !(schema.enum as unknown[]).some((v) => v === value)) return false;
  if ('const' in schema && schema.const !== value) return false;
  const types = schema.type === undefined ? undefined : ([] as string[]).concat(schema.type as string | string[]);
  if (types && !types.some((t) => hasType(value, t))) return false;
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) return false;
    if (typeof schema.maximum === 'number' && value > schema.maximum) return false;
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) return false;
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) return false;
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) return false;
    if (schema.uniqueItems === true && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) return false;
  }
  return true;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isPlainObject(value);
    default:
      return true;
  }
}

function invalid(path: KeyPath, schema: JsonSchema, actual: unknown): ValueProblem {
  return { kind: 'invalid', path, expected: describeSchema(schema), actual };
}

/** The schema as a TypeScript-like type: `string | string[]`, `"auto" | true | false`, `integer >= 0`. */
export function describeSchema(schema: JsonSchema): string {
  const alternatives = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (alternatives) return alternatives.map(describeSchema).join(' | ');
  if (schema.enum) return (schema.enum as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
  if ('const' in schema) return JSON.stringify(schema.const);
  const types = schema.type === undefined ? ['any'] : ([] as string[]).concat(schema.type as string | string[]);
  const described = types.map((t) => describeType(t, schema)).join(' | ');
  return described + describeBounds(schema);
}

function describeType(type: string, schema: JsonSchema): string {
  if (type !== 'array') return type;
  if (!schema.items) return 'array';
  const item = describeSchema(schema.items as JsonSchema);
  const needsParens = item.includes(' ');
  return needsParens ? `(${item})[]` : `${item}[]`;
}

function describeBounds(schema: JsonSchema): string {
  const bounds: string[] = [];
  if (typeof schema.minimum === 'number') bounds.push(`>= ${schema.minimum}`);
  if (typeof schema.maximum === 'number') bounds.push(`<= ${schema.maximum}`);
  if (typeof schema.minLength === 'number' && schema.minLength > 0) bounds.push('non-empty');
  if (typeof schema.minItems === 'number' && schema.minItems > 0) bounds.push(`with at least ${schema.minItems}`);
  if (schema.uniqueItems === true) bounds.push('without duplicates');
  if (typeof schema.pattern === 'string') bounds.push(`matching /${schema.pattern}/`);
  return bounds.length === 0 ? '' : ` (${bounds.join(', ')})`;
}

/** How a received value is named in a message: `string "fast"`, `number 3`, `array`, `null`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array';
  if (isPlainObject(value)) return Object.keys(value).length === 0 ? 'an empty object' : 'an object';
  if (typeof value === 'string') return value === '' ? 'an empty string' : `string ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
