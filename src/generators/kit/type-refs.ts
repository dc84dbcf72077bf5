/** Finding the declarations a type tree refers to. */
import type { TypeNode } from '../../model/types.js';
import { collectInType } from './walk.js';

/** The ids of the declarations `node` refers to directly (not through other declarations), in order of appearance. */
export function directRefs(node: TypeNode): string[] {
  return [...new Set(collectInType(node, (current) => (current.kind === 'ref' ? [current.id] : [])))];
}
