/**
 * A brand over named brands, met with more constraints. `type UserId = Brand<Id, 'UserId'>` (with
 * `/** @minLength 3 *\/ type Id = Brand<string, 'Id'>`) is modelled as `Id` beside a branded string
 * of its own (analyzer/types/inner-brands.ts), and so is a property's own tag on it
 * (`/** @pattern ^u- *\/ id: UserId` is `UserId` beside a constrained string). The readings of
 * constrained strings and numbers (string-intersections.ts, number-intersections.ts) look through a
 * reference only to a primitive, so such an intersection was built as its first reference, which
 * meets none of the other members' constraints: the mock failed its own validator (issue 9, F2).
 * Here each reference to such an intersection is replaced by its members, at every depth, so the
 * members are plain primitives those readings meet as one value (or prove contradictory).
 */
import type { IntersectionType, TypeNode } from '../../../model/types.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';

type PrimitiveKind = 'string' | 'number' | 'bigint';

/**
 * The intersection with every reference to a brand over brands replaced by that brand's primitive
 * members; undefined when `node` holds no such reference, or holds a member that is no primitive
 * of the one kind the brand is.
 */
export function flattenedBrands(node: IntersectionType, index: DeclarationIndex): IntersectionType | undefined {
  if (!node.members.some((member) => member.kind === 'ref' && index.get(member.id).type.kind === 'intersection')) return undefined;
  const members = primitiveMembers(node.members, index, new Set());
  if (!members || members.length === 0) return undefined;
  const kind = members[0]!.kind;
  return members.every((member) => member.kind === kind) ? { kind: 'intersection', members } : undefined;
}

/**
 * A reference among the members that alone makes the value: every other member is its kind's bare
 * primitive (`Brand<L2, 'L3'>`'s own unconstrained string), so a value of the reference is one of
 * the intersection (its mock is reused, not searched again).
 */
export function soleBrandReference(node: IntersectionType, index: DeclarationIndex): TypeNode | undefined {
  const references = node.members.filter((member) => member.kind === 'ref');
  if (references.length !== 1) return undefined;
  const others = node.members.filter((member) => member !== references[0]);
  return others.every(isBarePrimitive) ? references[0] : undefined;
}

/** A string, number or bigint with nothing but, perhaps, its brand: every value of its kind. */
function isBarePrimitive(node: TypeNode): boolean {
  return (node.kind === 'string' || node.kind === 'number' || node.kind === 'bigint') && Object.keys(node).every((key) => key === 'kind' || key === 'brand');
}

/** The primitive leaves of `members`, through references and nested intersections; undefined at any other member. */
function primitiveMembers(members: readonly TypeNode[], index: DeclarationIndex, seen: Set<string>): TypeNode[] | undefined {
  const leaves: TypeNode[] = [];
  for (const member of members) {
    if (isPrimitive(member)) leaves.push(member);
    else if (member.kind === 'intersection') {
      const inner = primitiveMembers(member.members, index, seen);
      if (!inner) return undefined;
      leaves.push(...inner);
    } else if (member.kind === 'ref' && !seen.has(member.id)) {
      seen.add(member.id);
      const inner = primitiveMembers([index.get(member.id).type], index, seen);
      seen.delete(member.id);
      if (!inner) return undefined;
      leaves.push(...inner);
    } else return undefined;
  }
  return leaves;
}

function isPrimitive(node: TypeNode): node is Extract<TypeNode, { kind: PrimitiveKind }> {
  return (node.kind === 'string' || node.kind === 'number' || (node.kind === 'bigint' && node.literal === undefined));
}
