/**
 * Array items and tuple elements without `undefined`. TypeScript and the validators accept
 * `["a", undefined]` for `(string | undefined)[]`, but JSON has no `undefined` (`JSON.stringify`
 * writes `null` in its place), so the OpenAPI schema, whose items are `string`, rejects what the
 * wire carries. A mock is meant to be valid to both, so its items are never `undefined` where
 * another value can stand: `(X | undefined)[]`, `Array<X | undefined>`, `[X, (Y | undefined)?]`,
 * `[...(X | undefined)[], Y]` and an alias `type Maybe = X | undefined` used as the items are all
 * mocked with items of `X`. `undefined[]` is mocked `[]`, its one value with a JSON form.
 */
import type { TypeNode } from '../../../model/types.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';

/**
 * `node` as an array item or tuple element: without its `undefined` members (through an alias
 * of such a union), the node itself when it has none, and `undefined` when nothing else is left
 * (`undefined[]`, `[string, undefined]`), where the caller decides.
 */
export function definedItem(node: TypeNode, index: DeclarationIndex): TypeNode | undefined {
  if (node.kind === 'undefined') return undefined;
  const target = node.kind === 'ref' ? index.get(node.id).type : node;
  if (target.kind === 'undefined') return undefined;
  if (target.kind !== 'union' || !target.members.some((member) => member.kind === 'undefined')) return node;
  const members = target.members.filter((member) => member.kind !== 'undefined');
  if (members.length === 0) return undefined;
  if (members.length === 1) return members[0]!;
  // Only the members: a discriminant's member indexes would point past the removed one.
  return { kind: 'union', members };
}
