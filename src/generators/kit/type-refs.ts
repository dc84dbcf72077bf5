/** Finding the declarations a type tree refers to. */
import type { TypeNode } from '../../model/types.js';
import { perFrozenPart } from './frozen-memo.js';
import { collectInType } from './walk.js';

/**
 * The ids of the declarations `node` refers to directly (not through other declarations), in
 * order of appearance. Kept per frozen type tree (frozen-memo.ts): a watch build indexes every
 * declaration's refs, and walked all 1,150 type trees of c1000 again for a one-file edit. The
 * list is frozen: callers copy it to change it.
 */
export const directRefs: (node: TypeNode) => readonly string[] = perFrozenPart((node: TypeNode) => [
  ...new Set(collectInType(node, (current) => (current.kind === 'ref' ? [current.id] : []))),
]);
