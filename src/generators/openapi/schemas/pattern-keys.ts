/**
 * Pattern index signatures (`ObjectType.patternIndexes`) in JSON Schema: `patternProperties`
 * keyed by the same reading of the key the validators use (a template literal type's
 * `templatePattern`; for an intrinsic string mapping, the keys it leaves unchanged, which Unicode's
 * `Changes_When_Uppercased`/`Changes_When_Lowercased` properties say exactly, an astral first
 * character aside since TypeScript maps only its first UTF-16 unit), and `propertyNames` for the
 * constraints a key alias puts on the keys an index holds.
 */
import type { SchemaObject } from 'openapi3-ts/oas31';
import type { ObjectType, PatternIndex, StringMapping } from '../../../model/types.js';
import { templatePattern } from '../../kit/template-literal.js';
import type { SchemaContext } from './context.js';

/** The strings each mapping leaves unchanged: keys of `Record<Uppercase<string>, V>`, values of `Uppercase<string>`. */
export const MAPPING_PATTERNS: Record<StringMapping, string> = {
  Uppercase: '^\\P{Changes_When_Uppercased}*$',
  Lowercase: '^\\P{Changes_When_Lowercased}*$',
  Capitalize: '^(?:(?!\\p{Changes_When_Uppercased})|[\\u{10000}-\\u{10FFFF}])',
  Uncapitalize: '^(?:(?!\\p{Changes_When_Lowercased})|[\\u{10000}-\\u{10FFFF}])',
};

/** The pattern of the keys an index holds; undefined when it holds every key (`Record<Slug, V>`). */
export function patternKeyPattern(index: PatternIndex): string | undefined {
  if (index.mapping) return MAPPING_PATTERNS[index.mapping];
  return index.key.template ? templatePattern(index.key.template) : undefined;
}

/** `patternProperties` entries of the indexes that hold some keys; several values for one pattern must all hold. */
export function patternIndexProperties(node: ObjectType, context: SchemaContext): Record<string, SchemaObject> {
  const byPattern = new Map<string, SchemaObject[]>();
  for (const index of node.patternIndexes ?? []) {
    const pattern = patternKeyPattern(index);
    if (pattern === undefined) continue;
    byPattern.set(pattern, [...(byPattern.get(pattern) ?? []), context.schemaOf(index.value)]);
  }
  return Object.fromEntries([...byPattern].map(([pattern, schemas]) => [pattern, schemas.length === 1 ? schemas[0]! : { allOf: schemas }]));
}

/** The values of indexes that hold every key (`Record<Slug, V>`): they are `additionalProperties`, with the pattern ones. */
export function everyKeyValues(node: ObjectType): PatternIndex['value'][] {
  return (node.patternIndexes ?? []).filter((index) => patternKeyPattern(index) === undefined).map((index) => index.value);
}

/**
 * `propertyNames` for key aliases with constraints: a key an index holds must meet them (declared
 * properties are no keys of an index, so they pass); undefined when no index has constraints.
 */
export function keyNamesSchema(node: ObjectType, context: SchemaContext): SchemaObject | undefined {
  const rules = (node.patternIndexes ?? []).flatMap((index): SchemaObject[] => {
    if (!index.key.constraints) return [];
    const constraints = context.schemaOf({ kind: 'string', constraints: index.key.constraints });
    const pattern = patternKeyPattern(index);
    return [pattern === undefined ? constraints : { anyOf: [{ not: { pattern } }, constraints] }];
  });
  if (rules.length === 0) return undefined;
  const rule = rules.length === 1 ? rules[0]! : { allOf: rules };
  const declared = node.properties.map((property) => property.name);
  return declared.length > 0 ? { anyOf: [{ enum: declared }, rule] } : rule;
}
