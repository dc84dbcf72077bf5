/**
 * Whether a plain JSON value (a `@default` or `@example`) is a value of a model type node, read
 * as the generated validators read it: kinds, literals and the constraints that need no runtime
 * helper (lengths, patterns, bounds, integers, item counts, required and extra keys). What this
 * cannot tell without the declarations or a format's checker (a `ref`, a `@format`, a `Date`, a
 * tuple, a bigint) is `undefined`: no verdict, so no diagnostic.
 */
import type { TypeNode } from '../../model/index.js';

/** Why `value` is no value of `node` (`'a number'`, `'at most 100'`); `true` when it is; `undefined` when it cannot tell. */
export function valueMisfit(node: TypeNode, value: unknown): string | true | undefined {
  switch (node.kind) {
    case 'unknown':
      return node.unsupported ? undefined : true;
    case 'null':
      return value === null || 'null';
    case 'boolean':
      return typeof value === 'boolean' || 'a boolean';
    case 'literal':
      return value === node.value || JSON.stringify(node.value);
    case 'string':
      return typeof value === 'string' ? stringMisfit(node, value) : 'a string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? numberMisfit(node, value) : 'a number';
    case 'array':
      return Array.isArray(value) ? arrayMisfit(node, value) : 'an array';
    case 'object':
      return isPlainObject(value) ? objectMisfit(node, value) : 'an object';
    case 'record':
      return isPlainObject(value) ? first(Object.values(value).map((item) => valueMisfit(node.value, item))) : 'an object';
    case 'union': {
      const verdicts = node.members.map((member) => valueMisfit(member, value));
      if (verdicts.includes(true)) return true;
      if (verdicts.includes(undefined)) return undefined;
      return verdicts.join(' or ');
    }
    case 'intersection':
      return first(node.members.map((member) => valueMisfit(member, value)));
    default:
      return undefined;
  }
}

/** The first misfit of several checks that must all hold: a reason, else `undefined` if any cannot tell, else `true`. */
function first(verdicts: readonly (string | true | undefined)[]): string | true | undefined {
  const reason = verdicts.find((verdict) => typeof verdict === 'string');
  if (reason !== undefined) return reason;
  return verdicts.includes(undefined) ? undefined : true;
}

function stringMisfit(node: Extract<TypeNode, { kind: 'string' }>, value: string): string | true | undefined {
  const c = node.constraints;
  const length = [...value].length;
  if (c?.minLength !== undefined && length < c.minLength) return `a string of at least ${c.minLength} characters`;
  if (c?.maxLength !== undefined && length > c.maxLength) return `a string of at most ${c.maxLength} characters`;
  if (c?.pattern) {
    // One reading of a pattern everywhere: Unicode mode (docs/annotations.md, "How a pattern is read").
    const flags = c.pattern.flags.replace(/[gyd]/g, '');
    try {
      if (!new RegExp(c.pattern.source, flags.includes('v') || flags.includes('u') ? flags : `${flags}u`).test(value)) return `a string matching ${c.pattern.source}`;
    } catch {
      return undefined;
    }
  }
  if (c?.format || node.mapping) return undefined;
  return true;
}

function numberMisfit(node: Extract<TypeNode, { kind: 'number' }>, value: number): string | true {
  const c = node.constraints;
  if (c?.minimum !== undefined && value < c.minimum) return `at least ${c.minimum}`;
  if (c?.maximum !== undefined && value > c.maximum) return `at most ${c.maximum}`;
  if (c?.exclusiveMinimum !== undefined && value <= c.exclusiveMinimum) return `more than ${c.exclusiveMinimum}`;
  if (c?.exclusiveMaximum !== undefined && value >= c.exclusiveMaximum) return `less than ${c.exclusiveMaximum}`;
  if (c?.numericType && c.numericType !== 'float' && c.numericType !== 'double' && !Number.isInteger(value)) return 'an integer';
  return true;
}

function arrayMisfit(node: Extract<TypeNode, { kind: 'array' }>, value: unknown[]): string | true | undefined {
  const c = node.constraints;
  if (c?.minItems !== undefined && value.length < c.minItems) return `an array of at least ${c.minItems} items`;
  if (c?.maxItems !== undefined && value.length > c.maxItems) return `an array of at most ${c.maxItems} items`;
  return first(value.map((item) => valueMisfit(node.items, item)));
}

function objectMisfit(node: Extract<TypeNode, { kind: 'object' }>, value: Record<string, unknown>): string | true | undefined {
  const verdicts: (string | true | undefined)[] = [];
  for (const property of node.properties) {
    if (!Object.hasOwn(value, property.name)) {
      verdicts.push(property.optional ? true : `an object with the key ${JSON.stringify(property.name)}`);
      continue;
    }
    const inner = valueMisfit(property.type, value[property.name]);
    verdicts.push(typeof inner === 'string' ? `${inner} at ${JSON.stringify(property.name)}` : inner);
  }
  const declared = new Set(node.properties.map((property) => property.name));
  for (const key of Object.keys(value).filter((name) => !declared.has(name))) {
    if (node.patternIndexes || node.numberIndex) verdicts.push(undefined);
    else if (node.additionalProperties) verdicts.push(valueMisfit(node.additionalProperties, value[key]));
    else if (node.strict) verdicts.push(`an object without the key ${JSON.stringify(key)} (@strict)`);
  }
  return first(verdicts);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
