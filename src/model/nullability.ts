/** Whether a model type accepts `null`, however it is spelled. Pure; shared by the analyzer and generators. */
import type { TypeNode } from './types.js';

/**
 * True when `null` (or `undefined`, stored as NULL too) is a value of `node`: directly, as a
 * union member, through a ref to an alias (`type Json = … | null | …`, recursion included), or
 * as `unknown`. `find` gives a declaration's type by id; an unknown id accepts nothing more.
 */
export function typeAdmitsNull(node: TypeNode, find: (id: string) => TypeNode | undefined, seen: Set<string> = new Set()): boolean {
  switch (node.kind) {
    case 'null':
    case 'undefined':
    case 'unknown':
      return true;
    case 'union':
      return node.members.some((member) => typeAdmitsNull(member, find, seen));
    case 'ref': {
      if (seen.has(node.id)) return false;
      seen.add(node.id);
      const target = find(node.id);
      return target !== undefined && typeAdmitsNull(target, find, seen);
    }
    default:
      return false;
  }
}
