/** The schema strategy over the kit walker: one JSON Schema (OpenAPI 3.1 dialect) per type node. */
import type { SchemaObject } from 'openapi3-ts/oas31';
import type { ArrayType, ObjectType, TupleType, TypeNode } from '../../../model/types.js';
import { tupleLength } from '../../../model/tuple-length.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import { walkType, type TypeStrategy } from '../../kit/walk.js';
import { compact, refTo, type SchemaContext } from './context.js';
import { intersectionSchema, objectSchema, recordSchema } from './objects.js';
import { bigintSchema, literalSchema, numberSchema, stringSchema } from './scalars.js';
import { unionSchema } from './unions.js';
import { NestedComponents } from './nested-components.js';

function arraySchema(node: ArrayType, context: SchemaContext): SchemaObject {
  const constraints = node.constraints ?? {};
  return compact({
    type: 'array',
    items: context.schemaOf(node.items),
    minItems: constraints.minItems,
    maxItems: constraints.maxItems,
    uniqueItems: constraints.uniqueItems ? true : undefined,
  });
}

/**
 * `prefixItems` for the elements; the rest as `items`; the length bounds the optional elements allow.
 * Fixed elements after a rest (`[...string[], 'ok']`) have no position JSON Schema can name (it
 * counts from the start only): `items` is then the union of the rest and those elements, and
 * `minItems` counts them. Looser than the validators (the order after the prefix is not checked);
 * check.ts warns where this happens.
 */
function tupleSchema(node: TupleType, context: SchemaContext): SchemaObject {
  // The shape's length within `@minItems` / `@maxItems` (model/tuple-length.ts).
  const { min, max } = tupleLength(node);
  const after = node.rest ? [node.rest, ...(node.trailing ?? []).map((element) => element.type)] : [];
  const items = after.length === 0 ? undefined : after.length === 1 ? context.schemaOf(after[0]!) : context.schemaOf({ kind: 'union', members: after });
  return compact({
    type: 'array',
    prefixItems: node.elements.length > 0 ? node.elements.map((element) => context.schemaOf(element.type)) : undefined,
    items,
    minItems: min > 0 ? min : undefined,
    maxItems: max,
  });
}

/**
 * An object with its own `toJSON()` is written as what that returns (`class Money { toJSON():
 * number }` is `{ type: number }`), the JSON a value has (recheck s8 R15). `JSON.stringify` calls
 * toJSON once: when the result is itself a value with toJSON (`toJSON(): this`, or another such
 * class), its fields are written, so the schema is that object's fields.
 */
function toJsonSchema(node: ObjectType, context: SchemaContext): SchemaObject | undefined {
  const json = node.behaviour?.json;
  if (!json) return undefined;
  const target = json.kind === 'ref' ? context.index.get(json.id).type : json;
  if (target.kind === 'object' && target.behaviour?.json) return objectSchema(target, context);
  return context.schemaOf(json);
}

/** The strategy: each kind's schema. Declarations are only ever reached through `$ref`. */
export const SCHEMA_STRATEGY: TypeStrategy<SchemaObject, SchemaContext> = {
  string: stringSchema,
  number: numberSchema,
  bigint: bigintSchema,
  boolean: () => ({ type: 'boolean' }),
  null: () => ({ type: 'null' }),
  // `undefined` has no JSON form: a key that may hold it holds its type's other members on the wire (check.ts warns when there are none).
  undefined: () => ({ not: {} }),
  literal: literalSchema,
  date: () => ({ type: 'string', format: 'date-time' }),
  // `never` (a conflicting intersection's property) admits no value.
  unknown: (node) => (node.unsupported?.form === 'never' ? { not: {} } : {}),
  array: arraySchema,
  tuple: tupleSchema,
  object: (node, context) => toJsonSchema(node, context) ?? objectSchema(node, context),
  record: recordSchema,
  union: unionSchema,
  intersection: intersectionSchema,
  enum: (node) => ({ enum: node.members.map((member) => member.value) }),
  ref: (node, context) => refTo(node.id, context),
};

/** A schema context walking with the strategy above, hoisting parts nested too deep into components. */
export function schemaContext(index: DeclarationIndex): SchemaContext {
  const nesting = new NestedComponents();
  const context: SchemaContext = {
    index,
    schemaOf: (node: TypeNode) => nesting.schemaOf(node, (part) => walkType(part, SCHEMA_STRATEGY, context)),
    nested: nesting.schemas,
    within: (owner, build) => nesting.within(owner, build),
  };
  return context;
}
