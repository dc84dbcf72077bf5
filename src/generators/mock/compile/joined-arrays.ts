/**
 * An intersection of arrays (`Code[] & ('ABC' | 'abc')[]`, or `{ l: Code[] } & { l: Lit[] }`
 * merged) holds arrays whose every item is of every member's item type: one array is built, its
 * items the intersection of the item types, its length within every member's bounds. Items that
 * are literals narrowed by constraints are the kept literals themselves (constrained-literals.ts),
 * so `@uniqueItems` counts them; when none is kept, the array can only be empty (`@maxItems 0`).
 */
import type { ArrayType, IntersectionType, TypeNode } from '../../../model/types.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import { keptLiterals } from './constrained-literals.js';
import { isNone, meetAll } from './type-meets.js';

/** The one array an intersection of arrays holds; undefined when a member is no array. */
export function joinedArray(node: IntersectionType, index: DeclarationIndex): ArrayType | undefined {
  const arrays = node.members.filter((member): member is ArrayType => member.kind === 'array');
  if (arrays.length < 2 || arrays.length !== node.members.length) return undefined;
  const joined: IntersectionType = { kind: 'intersection', members: arrays.map((array) => array.items) };
  const kept = keptLiterals(joined, index);
  // `(string | number)[] & string[]`, `('a' | 'b')[] & ('b' | 'c')[]`: the items as TypeScript reduces them (type-meets.ts).
  const met = kept ? undefined : meetAll(joined.members, index);
  const none = kept?.length === 0 || (met !== undefined && isNone(met));
  const items: TypeNode = met && !isNone(met) ? met : !kept || kept.length === 0 ? joined : kept.length === 1 ? kept[0]! : { kind: 'union', members: kept };
  const minItems = Math.max(...arrays.map((array) => array.constraints?.minItems ?? 0));
  // No item has a value: only the empty array is one (with `@minItems`, none is: the items' mock says so).
  const maxItems = none && minItems === 0 ? 0 : Math.min(...arrays.map((array) => array.constraints?.maxItems ?? Infinity));
  const uniqueItems = arrays.some((array) => array.constraints?.uniqueItems);
  const constraints = {
    ...(minItems > 0 ? { minItems } : {}),
    ...(Number.isFinite(maxItems) ? { maxItems } : {}),
    ...(uniqueItems ? { uniqueItems } : {}),
  };
  return { kind: 'array', items, ...(Object.keys(constraints).length > 0 ? { constraints } : {}) };
}
