/**
 * Whether a plain JSON value (a `@default` or `@example`) is a value of a model type node, read
 * as the generated validators read it: kinds, literals and the constraints that need no runtime
 * helper (lengths, patterns, bounds, integers, item counts, required and extra keys). What this
 * cannot tell (a `Date`, a tuple, a bigint; a `@format` or a `ref` unless `judge` says how) is
 * `undefined`: no verdict, so no diagnostic. It lives in the model, pure, so the analyzer (which
 * judges without formats) and the generators (which own the validator's format checks) share it.
 */
import type { StringConstraints, TypeNode } from './types.js';
import { meetsIsLength } from './is-length.js';
import { patternRegExp } from './pattern.js';

/** What the caller can add to the judging: the validator's format checks, the declarations behind a `ref`. */
export interface ValueJudge {
  /** The generated validator's check of `constraints.format` on `text`; undefined when the format has none. */
  format?(constraints: StringConstraints, text: string): boolean | undefined;
  /** The type of the declaration `id` names. */
  resolve?(id: string): TypeNode | undefined;
}

/** How deep `ref`s are followed for one value: aliases of aliases, never an endless chain. */
const MAX_REFS = 64;

/** Why `value` is no value of `node` (`'a number'`, `'at most 100'`); `true` when it is; `undefined` when it cannot tell. */
export function valueMisfit(node: TypeNode, value: unknown, judge: ValueJudge = {}, refs = 0): string | true | undefined {
  const inner = (child: TypeNode, item: unknown) => valueMisfit(child, item, judge, refs);
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
      return typeof value === 'string' ? stringMisfit(node, value, judge) : 'a string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? numberMisfit(node, value) : 'a number';
    case 'array':
      return Array.isArray(value) ? arrayMisfit(node, value, inner) : 'an array';
    case 'object':
      return isPlainObject(value) ? objectMisfit(node, value, inner) : 'an object';
    case 'record':
      return isPlainObject(value) ? first(Object.values(value).map((item) => inner(node.value, item))) : 'an object';
    case 'ref': {
      const target = refs < MAX_REFS ? judge.resolve?.(node.id) : undefined;
      return target ? valueMisfit(target, value, judge, refs + 1) : undefined;
    }
    case 'union': {
      const verdicts = node.members.map((member) => inner(member, value));
      if (verdicts.includes(true)) return true;
      if (verdicts.includes(undefined)) return undefined;
      return verdicts.join(' or ');
    }
    case 'intersection':
      return first(node.members.map((member) => inner(member, value)));
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

type Inner = (node: TypeNode, value: unknown) => string | true | undefined;

function stringMisfit(node: Extract<TypeNode, { kind: 'string' }>, value: string, judge: ValueJudge): string | true | undefined {
  const c = node.constraints;
  const length = [...value].length;
  if (c?.minLength !== undefined && length < c.minLength) return `a string of at least ${c.minLength} characters`;
  if (c?.maxLength !== undefined && length > c.maxLength) return `a string of at most ${c.maxLength} characters`;
  if (c?.isLength && !meetsIsLength(value, c.isLength)) return `a string of ${c.isLength.min ?? 0} to ${c.isLength.max ?? 'any number of'} characters as class-validator counts them`;
  if (c?.pattern) {
    // The reading every generator makes: Unicode mode, or a `@Matches()` regex as written (docs/annotations.md, "How a pattern is read").
    try {
      if (!patternRegExp(c.pattern).test(value)) return `a string matching ${c.pattern.source}`;
    } catch {
      return undefined;
    }
  }
  if (node.mapping) return undefined;
  if (c?.format) {
    const fits = judge.format?.(c, value);
    return fits === undefined ? undefined : fits || `a string of format ${c.format}`;
  }
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

function arrayMisfit(node: Extract<TypeNode, { kind: 'array' }>, value: unknown[], inner: Inner): string | true | undefined {
  const c = node.constraints;
  if (c?.minItems !== undefined && value.length < c.minItems) return `an array of at least ${c.minItems} items`;
  if (c?.maxItems !== undefined && value.length > c.maxItems) return `an array of at most ${c.maxItems} items`;
  return first(value.map((item) => inner(node.items, item)));
}

function objectMisfit(node: Extract<TypeNode, { kind: 'object' }>, value: Record<string, unknown>, inner: Inner): string | true | undefined {
  const verdicts: (string | true | undefined)[] = [];
  for (const property of node.properties) {
    if (!Object.hasOwn(value, property.name)) {
      verdicts.push(property.optional ? true : `an object with the key ${JSON.stringify(property.name)}`);
      continue;
    }
    const verdict = inner(property.type, value[property.name]);
    verdicts.push(typeof verdict === 'string' ? `${verdict} at ${JSON.stringify(property.name)}` : verdict);
  }
  const declared = new Set(node.properties.map((property) => property.name));
  for (const key of Object.keys(value).filter((name) => !declared.has(name))) {
    if (node.patternIndexes || node.numberIndex) verdicts.push(undefined);
    else if (node.additionalProperties) verdicts.push(inner(node.additionalProperties, value[key]));
    else if (node.strict) verdicts.push(`an object without the key ${JSON.stringify(key)} (@strict)`);
  }
  return first(verdicts);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
