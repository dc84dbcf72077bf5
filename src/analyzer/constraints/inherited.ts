/**
 * A property's own constraint tags beside the constraints its type already carries (those of a
 * constrained alias: `/** @minimum -10 *\/ n: NonNeg` with `/** @minimum 0 *\/ type NonNeg =
 * number`). Both apply, as when the two are intersected (`StartsA & EndsZ`, `{ b: string } & {
 * b: Code }`): the property's tags add to the alias's, they never loosen them. Bounds meet (the
 * tighter wins); a pattern, format or step set by one side, or alike by both, is kept; two
 * different ones make the node an intersection of the alias's and the property's own, each
 * checked (validators, schemas' `allOf`), which the mock builds as it builds `StartsA & EndsZ`.
 */
import type { TypeNode } from '../../model/index.js';
import { withMemberConstraints } from '../types/member-constraints.js';

type Constrained = Extract<TypeNode, { kind: 'string' | 'number' | 'bigint' | 'array' }>;

/** The constraints a node had before the property's own tags were applied to it. */
export type Inherited = Map<TypeNode, Constrained['constraints']>;

/**
 * Moves `node`'s constraints aside into `inherited` (once per node), so that the property's own
 * tags are written onto a node without them.
 */
export function setAsideInherited(node: TypeNode, inherited: Inherited): void {
  if (inherited.has(node) || !isConstrained(node) || !node.constraints) return;
  inherited.set(node, node.constraints);
  delete node.constraints;
}

/**
 * Rewrites each node in place as the meet of its inherited constraints and the property's own
 * ones (in place: the node may be the property's type itself, or a member of its union).
 */
export function meetInherited(inherited: Inherited): void {
  for (const [node, constraints] of inherited) {
    const own = (node as Constrained).constraints;
    if (!own || Object.keys(own).length === 0) {
      (node as Constrained).constraints = constraints;
      continue;
    }
    const { constraints: _own, ...bare } = node as Constrained;
    const alias = { ...bare, constraints } as TypeNode;
    // The property's own member is the plain primitive, as `ownMember` adds to `StartsA & EndsZ`.
    const ownNode = (node.kind === 'array' ? { ...bare, constraints: own } : { kind: node.kind, constraints: own }) as TypeNode;
    const met = withMemberConstraints(bare as TypeNode, [alias, ownNode]);
    for (const key of Object.keys(node)) delete (node as unknown as Record<string, unknown>)[key];
    Object.assign(node, met);
  }
}

function isConstrained(node: TypeNode): node is Constrained {
  return node.kind === 'string' || node.kind === 'number' || node.kind === 'bigint' || node.kind === 'array';
}
