/**
 * Which keys a validator tests for presence. A key written without `?` is required, whatever
 * its type: TypeScript rejects `{}` for `{ x: string | undefined }`, `{ x: unknown }` and
 * `{ x: Maybe }` (`type Maybe = string | undefined`), though the key may hold `undefined`. Reading
 * `value.x` cannot tell a missing key from one holding `undefined`, so these keys are tested with
 * `"x" in value`; every other required key is proven present by its value's own check.
 */
import type { Property, TypeNode } from '../../../model/types.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import { unknownCheck } from './behaviour-checks.js';

/** Whether a check of `property` must test its key, because its value's check alone would pass a missing key. */
export function needsKeyTest(property: Property, index: DeclarationIndex): boolean {
  if (property.requiredKey) return true;
  return !property.optional && admitsUndefined(property.type, index);
}

/** Whether `undefined` passes a check of `node` (`unknown`, `undefined`, a union with either, through refs). */
export function admitsUndefined(node: TypeNode, index: DeclarationIndex, seen: ReadonlySet<string> = new Set()): boolean {
  switch (node.kind) {
    case 'undefined':
      return true;
    case 'unknown':
      return unknownCheck(node, 'value') === undefined;
    case 'union':
      return node.members.some((member) => admitsUndefined(member, index, seen));
    case 'intersection':
      return node.members.every((member) => admitsUndefined(member, index, seen));
    case 'ref':
      return !seen.has(node.id) && admitsUndefined(index.get(node.id).type, index, new Set([...seen, node.id]));
    default:
      return false;
  }
}

/** `never` (written, or left by conflicting intersection members): no value passes. */
export function isNever(node: TypeNode): boolean {
  return node.kind === 'unknown' && node.unsupported?.form === 'never';
}
