/**
 * TypeScript's weak-type rule (TS2559), as the generators apply it: in a union, a member whose
 * properties are all optional (`{ a?: number } | { b?: string }`) matches an object only when
 * the object has no own keys or has one the member declares. Without it such a member accepts
 * every object (its other keys are extra keys), so `{ a: 's' }` passed the union above, which tsc
 * rejects. Outside unions the rule is not applied: a value `{ c: 1 }` can be a `{ a?: number }`
 * (`const v: {} = { c: 1 }; const w: { a?: number } = v` compiles), the rule is tsc's warning
 * about a likely mistake, and validators and schemas (typia, ajv) accept extra keys there.
 * docs/validate.md "Weak types" says why; validate and openapi read this one definition.
 */
import type { TypeNode } from '../../model/types.js';
import type { DeclarationIndex } from './declaration-index.js';

/**
 * The keys a weak object type declares (TypeScript's "weak": at least one property, every one
 * optional, no index signature, no required method), through refs and intersections of weak
 * parts; undefined when the type is not weak. `@strict` objects are left out: they reject every
 * undeclared key already.
 */
export function weakKeys(node: TypeNode, index: DeclarationIndex, seen = new Set<string>()): string[] | undefined {
  switch (node.kind) {
    case 'object': {
      if (node.strict || node.properties.length === 0 || node.additionalProperties || node.numberIndex || node.patternIndexes?.length) return undefined;
      if (node.behaviour && (node.behaviour.methods.length > 0 || node.behaviour.privateFields.length > 0)) return undefined;
      if (node.properties.some((property) => !property.optional || property.requiredKey)) return undefined;
      return node.properties.map((property) => property.name);
    }
    case 'ref': {
      if (seen.has(node.id)) return undefined;
      const declaration = index.find(node.id);
      return declaration ? weakKeys(declaration.type, index, new Set([...seen, node.id])) : undefined;
    }
    case 'intersection': {
      // TypeScript: an intersection is weak when every member is; its keys are theirs together.
      const parts = node.members.map((member) => weakKeys(member, index, seen));
      return parts.every((keys) => keys !== undefined) ? [...new Set(parts.flat() as string[])] : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The weak members of a union's `members` with the keys that decide whether an object can be
 * each: the rule applies when the union has another member besides `null` and `undefined`
 * (`{ a?: number } | null` alone stays as lenient as `{ a?: number }`).
 */
export function weakUnionMembers(members: readonly TypeNode[], index: DeclarationIndex): Map<TypeNode, string[]> {
  const weak = new Map<TypeNode, string[]>();
  if (members.filter((member) => member.kind !== 'null' && member.kind !== 'undefined').length < 2) return weak;
  for (const member of members) {
    const keys = weakKeys(member, index);
    if (keys) weak.set(member, keys);
  }
  return weak;
}
