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
