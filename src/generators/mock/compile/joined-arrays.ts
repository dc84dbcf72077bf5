/**
 * An intersection of arrays (`Code[] & ('ABC' | 'abc')[]`, or `{ l: Code[] } & { l: Lit[] }`
 * merged) holds arrays whose every item is of every member's item type: one array is built, its
 * items the intersection of the item types, its length within every member's bounds.
 */
import type { ArrayType, IntersectionType, TypeNode } from '../../../model/types.js';

/** The one array an intersection of arrays holds; undefined when a member is no array. */
export function joinedArray(node: IntersectionType): ArrayType | undefined {
  const arrays = node.members.filter((member): member is ArrayType => member.kind === 'array');
  if (arrays.length < 2 || arrays.length !== node.members.length) return undefined;
  const items: TypeNode = { kind: 'intersection', members: arrays.map((array) => array.items) };
  const minItems = Math.max(...arrays.map((array) => array.constraints?.minItems ?? 0));
  const maxItems = Math.min(...arrays.map((array) => array.constraints?.maxItems ?? Infinity));
  const uniqueItems = arrays.some((array) => array.constraints?.uniqueItems);
  const constraints = {
    ...(minItems > 0 ? { minItems } : {}),
    ...(Number.isFinite(maxItems) ? { maxItems } : {}),
    ...(uniqueItems ? { uniqueItems } : {}),
  };
  return { kind: 'array', items, ...(Object.keys(constraints).length > 0 ? { constraints } : {}) };
}
