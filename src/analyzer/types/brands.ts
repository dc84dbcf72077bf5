/**
 * Intersections of a primitive with object types that add nothing a primitive value can hold:
 * `string & {}` (the open literal union idiom `'sm' | 'lg' | (string & {})`), `number & {}`,
 * `T & {}`, and brands (`string & { __brand: 'Email' }`, `string & { readonly [tag]: unique symbol }`).
 * No runtime value carries a brand, so such a type is the primitive: `isT` accepting a string is
 * what confers the brand, as a brand's constructor does. An object member naming a property the
 * primitive has (`string & { length: 3 }`) is not a brand and keeps the intersection.
 */
import { ts, type Type } from 'ts-morph';
import type { TypeNode } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';

const PRIMITIVE = ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.BooleanLike;

/**
 * The members left once brands and `{}` beside a primitive are dropped (all of them when none
 * is), and whether a brand (an object member with properties) was among them.
 */
export function withoutBrands(members: readonly Type[]): { kept: Type[]; branded: boolean } {
  const primitives = members.filter((member) => (member.getFlags() & PRIMITIVE) !== 0);
  if (primitives.length === 0) return { kept: [...members], branded: false };
  const dropped = members.filter((member) => isBrandOf(member, primitives));
  return { kept: members.filter((member) => !dropped.includes(member)), branded: dropped.some((member) => member.getProperties().length > 0) };
}

/** Marks a primitive model node as branded; false when the node is no primitive that can carry the mark. */
export function markBranded(node: TypeNode): boolean {
  if (node.kind !== 'string' && node.kind !== 'number' && node.kind !== 'bigint') return false;
  node.brand = true;
  return true;
}

function isBrandOf(member: Type, primitives: readonly Type[]): boolean {
  if (!member.isObject() || member.getCallSignatures().length > 0 || member.getConstructSignatures().length > 0) return false;
  if (member.getStringIndexType() || member.getNumberIndexType()) return false;
  return member.getProperties().every((property) => primitives.every((primitive) => !primitive.getApparentType().getProperty(property.getName())));
}

/**
 * A named brand of a primitive (`type Email = string & { readonly __brand: 'Email' }`,
 * `type UserId = Brand<string, 'UserId'>`, type-fest's `Tagged<string, 'X'>`, and an alias of one:
 * `type ContactEmail = Email`) is a declaration of its own, so a property typed by it holds a
 * reference (`isEmail` checks the brand's own tags, its schema is a component). A constraint on
 * such a property (`/** @maxLength 50 *\/ a: Email`, `@MaxLength(50) a!: Email`, `{ each: true }`
 * on `Email[]`) applies to the primitive the brand is: the reference becomes, in place, the
 * intersection of the reference and a plain primitive that takes the constraints. The validators
 * check both members (`isEmail(v) && v.length <= 50`), the schema is `allOf: [{ $ref }, {
 * maxLength: 50 }]`, and the mock meets both members' constraints, as it meets `StartsA & EndsZ`.
 *
 * Returns the member the constraints go on (the same one when called again on the node it made),
 * or undefined when `node` is no reference to a named brand of a primitive.
 */
export function namedBrandMember(node: TypeNode, ctx: AnalyzerContext): TypeNode | undefined {
  const made = OWN_MEMBERS.get(node);
  if (made) return made;
  if (node.kind !== 'ref') return undefined;
  const entry = ctx.table.byId(node.id);
  const kind = entry && brandedPrimitiveKind(entry.instantiation?.type ?? entry.node.getType());
  if (!kind) return undefined;
  const own = { kind } as TypeNode;
  const reference: TypeNode = { kind: 'ref', id: node.id };
  const intersection: TypeNode = { kind: 'intersection', members: [reference, own] };
  const id = node.id;
  for (const key of Object.keys(node)) delete (node as unknown as Record<string, unknown>)[key];
  Object.assign(node, intersection);
  OWN_MEMBERS.set(node, own);
  BRANDS.set(own, id);
  return own;
}

/**
 * The branded primitive of a brand over named brands, which tags written on it constrain:
 * `Brand<Id, 'UserId'>` is read as `Id` beside a string branded `UserId` (inner-brands.ts), so
 * `/** @pattern ^u- *\/ type UserId = Brand<Id, 'UserId'>` puts the pattern on that string and a
 * value must meet both, as a `UserId` must be an `Id` (it was CG2006: "UserId is an intersection").
 * Undefined for any other node: a member that is no brand of the same primitive keeps it so.
 */
export function ownBrandMember(node: TypeNode, ctx: AnalyzerContext): TypeNode | undefined {
  if (node.kind !== 'intersection') return undefined;
  const own = node.members.filter((member) => (member.kind === 'string' || member.kind === 'number' || member.kind === 'bigint') && member.brand);
  if (own.length !== 1) return undefined;
  const kind = own[0]!.kind;
  const inner = node.members.filter((member) => member !== own[0]);
  return inner.length > 0 && inner.every((member) => isBrandOfKind(member, kind, ctx)) ? own[0] : undefined;
}

/** Whether a member beside a brand's own primitive is a brand of the same primitive (a named one, or another brand over brands). */
function isBrandOfKind(member: TypeNode, kind: TypeNode['kind'], ctx: AnalyzerContext): boolean {
  if (member.kind === 'intersection') return ownBrandMember(member, ctx)?.kind === kind;
  if (member.kind !== 'ref') return false;
  const entry = ctx.table.byId(member.id);
  return entry !== undefined && brandedPrimitiveKind(entry.instantiation?.type ?? entry.node.getType()) === kind;
}

/** The brand's id (`Email`) when `member` is the one `namedBrandMember` gave out for it, for messages. */
export function brandOfMember(member: TypeNode): string | undefined {
  return BRANDS.get(member);
}

/** The members `namedBrandMember` gave out, with the id of the brand they stand beside. */
const BRANDS = new WeakMap<TypeNode, string>();

/** The nodes `namedBrandMember` made an intersection of, with the member it gave out. */
const OWN_MEMBERS = new WeakMap<TypeNode, TypeNode>();

/** `string`, `number` or `bigint` when `type` is that primitive (a template or a mapping of strings too) with a brand (not a literal, nor `{}` alone). */
function brandedPrimitiveKind(type: Type): 'string' | 'number' | 'bigint' | undefined {
  if (!type.isIntersection()) return undefined;
  const { kept, branded } = withoutBrands(type.getIntersectionTypes());
  if (!branded || kept.length !== 1) return undefined;
  const flags = kept[0]!.getFlags();
  // `` Brand<`t-${string}`, 'X'> ``, `Brand<Uppercase<string>, 'X'>`: a string too, whose tags a property's add to.
  if (flags & (ts.TypeFlags.String | ts.TypeFlags.TemplateLiteral | ts.TypeFlags.StringMapping)) return 'string';
  if (flags & ts.TypeFlags.Number) return 'number';
  if (flags & ts.TypeFlags.BigInt) return 'bigint';
  return undefined;
}
