/**
 * Unions: `anyOf` (TypeScript's union means "at least one member"), folded into `enum` or a
 * `type` list when the members allow it; discriminated unions as `oneOf`, with a
 * `discriminator` and its `mapping` when every member is a named schema; `null` as a `"null"`
 * type (or an `anyOf` branch beside a `$ref`).
 */
import type { SchemaObject, SchemaObjectType } from 'openapi3-ts/oas31';
import type { BigIntType, LiteralType, TypeNode, UnionType } from '../../../model/types.js';
import { readDiscriminant, splitNullish } from '../../kit/unions.js';
import { weakUnionMembers } from '../../kit/weak-members.js';
import { COMPONENTS_PREFIX, type SchemaContext } from './context.js';
import { literalType } from './scalars.js';

/** The schema of a union, `null` and `undefined` members included. */
export function unionSchema(node: UnionType, context: SchemaContext): SchemaObject {
  const { members, hasNull } = splitNullish(node);
  const schema = node.discriminant ? discriminatedSchema(node, context) : plainUnionSchema(members, context);
  return hasNull ? withNull(schema) : schema;
}

function plainUnionSchema(members: TypeNode[], context: SchemaContext): SchemaObject {
  if (members.length === 0) return { not: {} };
  if (members.every((member): member is LiteralType => member.kind === 'literal')) return literalsSchema(members);
  // `10n | 20n`: their decimal texts, as one bigint literal's `const` (scalars.ts).
  if (members.every((member) => member.kind === 'bigint' && member.literal !== undefined && !member.constraints)) {
    return { type: 'string', format: 'int64', enum: members.map((member) => (member as BigIntType).literal!) };
  }
  const open = openLiteralsSchema(members, context);
  if (open) return open;
  const weak = weakUnionMembers(members, context.index);
  const schemas = members.map((member) => (weak.has(member) ? weakMemberSchema(context.schemaOf(member), weak.get(member)!) : context.schemaOf(member)));
  if (schemas.length === 1) return schemas[0]!;
  if (schemas.every(isBareType)) return { type: schemas.map((schema) => schema.type as SchemaObjectType) };
  return { anyOf: schemas };
}

/**
 * A weak union member (kit/weak-members.ts): an object with no keys, or with one the member
 * declares, as the validators test it.
 */
function weakMemberSchema(schema: SchemaObject, keys: readonly string[]): SchemaObject {
  const shares: SchemaObject = { anyOf: [{ maxProperties: 0 }, ...keys.map((key) => ({ required: [key] }))] };
  return schema.$ref !== undefined || schema.anyOf || schema.allOf ? { allOf: [schema, shares] } : { ...schema, ...shares };
}

/** `'a' | 'b'` as `{ type: 'string', enum: ['a', 'b'] }` (no `type` when the literals' types differ). */
function literalsSchema(members: LiteralType[]): SchemaObject {
  const types = [...new Set(members.map((member) => literalType(member.value)))];
  const values = members.map((member) => member.value);
  return types.length === 1 ? { type: types[0]!, enum: values } : { enum: values };
}

/**
 * The open literal union (`'sm' | 'lg' | (string & {})`): the unconstrained primitive accepts
 * every literal beside it, so the schema is the primitive's, the literals kept as `examples`. Not
 * so a constrained one or a template literal's pattern, which would reject the literals.
 */
function openLiteralsSchema(members: TypeNode[], context: SchemaContext): SchemaObject | undefined {
  const literals = members.filter((member): member is LiteralType => member.kind === 'literal');
  const others = members.filter((member) => member.kind !== 'literal');
  const base = others.length === 1 ? others[0]! : undefined;
  if (literals.length === 0 || !base || (base.kind !== 'string' && base.kind !== 'number') || base.constraints) return undefined;
  // A template literal (`\`${number}px\` | 'auto'`) does not accept its literals: they stay `anyOf` branches.
  if (base.kind === 'string' && base.template) return undefined;
  if (!literals.every((literal) => typeof literal.value === (base.kind === 'string' ? 'string' : 'number'))) return undefined;
  return { ...context.schemaOf(base), examples: literals.map((literal) => literal.value) };
}

/**
 * `oneOf` of the members (their tags' `const`s make exactly one match), with a `discriminator`
 * only where OpenAPI 3.1 gives it a meaning every tool can follow: every member a named
 * component schema that is an object declaring the tag among its own `properties` as a string
 * `const` or `enum`, and a `mapping` from each tag value to its schema. Otherwise (an inline
 * member, a number or boolean tag, a member whose tag comes through `allOf`) there is no
 * discriminator: a tool would have to take the tag values for schema names, or look through
 * `allOf`, which many do not. Validation does not change: the `oneOf` decides.
 */
function discriminatedSchema(node: UnionType, context: SchemaContext): SchemaObject {
  const view = readDiscriminant(node)!;
  const branches = view.branches.filter((branch) => branch.member.kind !== 'null' && branch.member.kind !== 'undefined');
  const oneOf = branches.map((branch) => context.schemaOf(branch.member));
  const named = branches.map((branch) => (branch.member.kind === 'ref' ? context.index.get(branch.member.id) : undefined));
  const followable = branches.every((branch, position) => {
    const declaration = named[position];
    return declaration !== undefined && branch.values.every((value) => typeof value === 'string') && declaresStringTag(declaration.type, view.property);
  });
  if (!followable) return { oneOf };
  const mapping = Object.fromEntries(branches.flatMap((branch, position) => branch.values.map((value) => [String(value), `${COMPONENTS_PREFIX}${named[position]!.name}`])));
  return { oneOf, discriminator: { propertyName: view.property, mapping } };
}

/** Whether an object type has the tag among its own properties, typed by string literals. */
function declaresStringTag(type: TypeNode, tag: string): boolean {
  if (type.kind !== 'object') return false;
  const property = type.properties.find((candidate) => candidate.name === tag);
  if (!property || property.optional) return false;
  const isStringLiteral = (part: TypeNode) => part.kind === 'literal' && typeof part.value === 'string';
  return isStringLiteral(property.type) || (property.type.kind === 'union' && property.type.members.every(isStringLiteral));
}

/** A schema that is only `{ type: 'string' }` (or another single type), nothing else. */
function isBareType(schema: SchemaObject): boolean {
  return Object.keys(schema).length === 1 && typeof schema.type === 'string';
}

/**
 * The schema accepting `null` too: `"null"` joins a `type` (and an `enum`, or a `const` becomes
 * an `enum`) when the schema has one of its own, `null` joins a bare `enum`; otherwise an
 * `anyOf` branch (refs, compositions).
 */
export function withNull(schema: SchemaObject): SchemaObject {
  const hasOwnType = schema.type !== undefined && schema.$ref === undefined && !schema.anyOf && !schema.oneOf && !schema.allOf;
  if (schema.type === undefined && schema.enum && schema.$ref === undefined) return { ...schema, enum: [...schema.enum, null] };
  if (!hasOwnType) {
    if (schema.anyOf && Object.keys(schema).length === 1) return { anyOf: [...schema.anyOf, { type: 'null' }] };
    return { anyOf: [schema, { type: 'null' }] };
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type!];
  const { const: constant, ...rest } = schema;
  const nullable: SchemaObject = { ...rest, type: [...types.filter((type) => type !== 'null'), 'null'] };
  if (constant !== undefined) nullable.enum = [constant, null];
  else if (schema.enum) nullable.enum = [...schema.enum, null];
  // `enum` after `type`, as everywhere else.
  return reorder(nullable, ['type', 'enum']);
}

function reorder(schema: SchemaObject, first: string[]): SchemaObject {
  const entries = Object.entries(schema);
  const head = first.flatMap((key) => entries.filter(([name]) => name === key));
  return Object.fromEntries([...head, ...entries.filter(([name]) => !first.includes(name))]);
}
