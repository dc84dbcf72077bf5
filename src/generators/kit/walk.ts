/**
 * The shared type walker: one dispatch over `TypeNode` kinds, varied by a strategy object.
 * Generators that traverse type trees (validators, mocks, schemas) implement a strategy with one
 * method per kind instead of writing their own recursion; the context carries what a generator
 * needs along the way (value expression, path, depth, names).
 */
import type { TypeKind, TypeNode } from '../../model/types.js';

/** One method per type kind; each receives the node narrowed to its kind. */
export type TypeStrategy<R, C> = {
  [K in TypeKind]: (node: Extract<TypeNode, { kind: K }>, context: C) => R;
};

/** Dispatches `node` to the strategy method for its kind. */
export function walkType<R, C>(node: TypeNode, strategy: TypeStrategy<R, C>, context: C): R {
  const visit = strategy[node.kind] as (node: TypeNode, context: C) => R;
  return visit(node, context);
}
