/** Object types, records and intersections as JSON Schema objects. */
import type { SchemaObject } from 'openapi3-ts/oas31';
import type { IntersectionType, ObjectType, Property, RecordType, TypeNode } from '../../../model/types.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import { compact, type SchemaContext } from './context.js';
import { annotate, docsAnnotations } from './docs.js';
import { documentedValueJudge, fittingDocs } from './documented-values.js';
import { everyKeyValues, keyNamesSchema, patternIndexProperties } from './pattern-keys.js';

/**
 * Whether a property must be present: every key without `?`, whatever its type, as in TypeScript
 * (`payload: unknown`, `label: string | undefined`). JSON cannot carry `undefined`, so on the wire
 * such a key holds a value of its type's other members, which is what the validators accept of a
 * JSON value too.
 */
export function isRequired(property: Pick<Property, 'optional' | 'requiredKey'>): boolean {
  return !property.optional || property.requiredKey === true;
}

/** One property's schema: its type, its docs, `readOnly` for `@readOnly` properties and `writeOnly` for `@writeOnly` ones. */
export function propertySchema(property: Property, context: SchemaContext): SchemaObject {
  // A default or example the validators reject is left out (documented-values.ts).
  const docs = fittingDocs(property.docs, property.type, documentedValueJudge(context.index));
  const annotations: SchemaObject = { ...docsAnnotations(docs), ...(property.readOnly ? { readOnly: true } : {}), ...(property.writeOnly ? { writeOnly: true } : {}) };
  return annotate(context.schemaOf(property.type), annotations);
}

/**
 * The numeric names of TypeScript (the canonical text of a number, `String(Number(key)) === key`)
 * as a pattern, for a number index signature's `patternProperties`. It follows what
 * Number::toString prints (ECMA-262 6.1.6.1.20): no sign but `-`, no leading zeros, at most 17
 * significant digits, integers up to 21 digits, fractions down to 0.000001 written out, and
 * exponents only outside that range (e+21…e+308, e-7…e-324). What no pattern can say is
 * whether those digits are the shortest that round-trip (`9007199254740993`, `1.0000000000000001`),
 * or whether a value near the range's ends exists (docs/openapi.md).
 */
export const CANONICAL_NUMBER_PATTERN =
  '^(?!-0$)(?:-?(?:0|(?=[0-9]{1,21}$)[1-9](?:[0-9]{0,15}[1-9])?0*|(?=[0-9.]{3,18}$)[1-9][0-9]*\\.[0-9]*[1-9]|0\\.0{0,5}[1-9](?:[0-9]{0,15}[1-9])?' +
  '|[1-9](?:\\.[0-9]{0,15}[1-9])?e(?:\\+(?:2[1-9]|[3-9][0-9]|[12][0-9]{2}|30[0-8])|-(?:[7-9]|[1-9][0-9]|[12][0-9]{2}|3[01][0-9]|32[0-4]))|Infinity)|NaN)$';

/**
 * `properties`, `required`, and `additionalProperties` for `@strict` (`false`) or an index signature (its schema);
 * a number index signature beside properties as `patternProperties` for numeric keys.
 */
export function objectSchema(node: ObjectType, context: SchemaContext): SchemaObject {
  // An auto-accessor's value is in a private slot: JSON.stringify leaves it out, as a getter (CG2026).
  const data = node.properties.filter((property) => !property.autoAccessor);
  const properties = Object.fromEntries(data.map((property) => [property.name, propertySchema(property, context)]));
  const required = data.filter(isRequired).map((property) => property.name);
  // `Record<Slug, V>` holds every key, as a string index does (its key constraints are `propertyNames`).
  const everyKey = [...(node.additionalProperties ? [node.additionalProperties] : []), ...everyKeyValues(node)].map((value) => context.schemaOf(value));
  const additional = everyKey.length > 0 ? (everyKey.length === 1 ? everyKey[0] : { allOf: everyKey }) : node.strict ? false : undefined;
  const patternProperties = { ...(node.numberIndex ? { [CANONICAL_NUMBER_PATTERN]: context.schemaOf(node.numberIndex) } : {}), ...patternIndexProperties(node, context) };
  return compact({
    type: 'object',
    properties: data.length > 0 ? properties : undefined,
    required: required.length > 0 ? required : undefined,
    patternProperties: Object.keys(patternProperties).length > 0 ? patternProperties : undefined,
    additionalProperties: additional,
    propertyNames: keyNamesSchema(node, context),
  });
}

/**
 * `additionalProperties` for a string key's values; a number key's as `patternProperties` for
 * numeric keys, the only ones `Record<number, V>` types (other keys are any value, as in TypeScript).
 */
export function recordSchema(node: RecordType, context: SchemaContext): SchemaObject {
  if (node.key === 'number') return compact({ type: 'object', patternProperties: { [CANONICAL_NUMBER_PATTERN]: context.schemaOf(node.value) } });
  return compact({
    type: 'object',
    additionalProperties: context.schemaOf(node.value),
  });
}

/**
 * `allOf` of the members, except when a member is `@strict`: its `additionalProperties: false`
 * would reject the keys the other members declare, while TypeScript (and the validators)
 * accept exactly the keys of all members. Such an intersection of objects is written as the
 * one object it means.
 */
export function intersectionSchema(node: IntersectionType, context: SchemaContext): SchemaObject {
  const merged = mergedObject(node, context.index);
  if (merged?.strict) return objectSchema(merged, context);
  return { allOf: node.members.map((member) => context.schemaOf(member)) };
}

/**
 * The object an intersection (or ref, or object) stands for, through refs and nested
 * intersections; undefined when a member is not an object. A property declared by several
 * members must satisfy each: its types are intersected.
 */
export function mergedObject(node: TypeNode, index: DeclarationIndex, seen: ReadonlySet<string> = new Set()): ObjectType | undefined {
  if (node.kind === 'object') return node;
  if (node.kind === 'ref') {
    if (seen.has(node.id)) return undefined;
    return mergedObject(index.get(node.id).type, index, new Set([...seen, node.id]));
  }
  if (node.kind !== 'intersection') return undefined;
  const parts = node.members.map((member) => mergedObject(member, index, seen) ?? recordAsObject(member, index));
  if (parts.some((part) => part === undefined)) return undefined;
  return mergeObjects(parts as ObjectType[]);
}

/**
 * A record member of an intersection (`Strict & Record<string, V>`) as the object it is there: its
 * index signature, which declares every key (a number key's: the numeric ones) for `@strict`.
 */
function recordAsObject(node: TypeNode, index: DeclarationIndex): ObjectType | undefined {
  const record = node.kind === 'ref' ? index.get(node.id).type : node;
  if (record.kind !== 'record') return undefined;
  return { kind: 'object', properties: [], strict: false, ...(record.key === 'string' ? { additionalProperties: record.value } : { numberIndex: record.value }) };
}

function mergeObjects(parts: ObjectType[]): ObjectType {
  const byName = new Map<string, Property>();
  for (const property of parts.flatMap((part) => part.properties)) {
    const earlier = byName.get(property.name);
    byName.set(
      property.name,
      earlier
        ? {
            ...earlier,
            type: { kind: 'intersection', members: [earlier.type, property.type] },
            optional: earlier.optional && property.optional,
            ...(isRequired(earlier) || isRequired(property) ? { requiredKey: true as const } : {}),
          }
        : property,
    );
  }
  const additionals = parts.filter((part) => part.additionalProperties).map((part) => part.additionalProperties!);
  const additional: TypeNode | undefined = additionals.length > 1 ? { kind: 'intersection', members: additionals } : additionals[0];
  const numeric = parts.filter((part) => part.numberIndex).map((part) => part.numberIndex!);
  const patterns = parts.flatMap((part) => part.patternIndexes ?? []);
  return {
    kind: 'object',
    properties: [...byName.values()],
    ...(additional ? { additionalProperties: additional } : {}),
    ...(numeric.length > 0 ? { numberIndex: numeric.length === 1 ? numeric[0]! : { kind: 'intersection', members: numeric } } : {}),
    ...(patterns.length > 0 ? { patternIndexes: patterns } : {}),
    strict: parts.some((part) => part.strict),
  };
}
