/**
 * Parameter values that travel as nothing at all, so a parameter holding them cannot be
 * `required: true` in the document (tester3 T-3: `count(tag: string[])` called with `[]` sent no
 * `tag`, while the document required it). What the client sends as no parameter:
 * - `null` and `undefined`, in the query and headers (a path refuses them before sending);
 * - in the query, an empty list under `style: form, explode: true` (`?tag=a&tag=b`): that style
 *   writes one `name=value` pair per item, and has no text for zero items (RFC 6570's explode of
 *   an empty list is the empty string);
 * - in the query, an empty object under `style: deepObject` (`?range[min]=1`) or a spread
 *   record's `style: form, explode: true` (`?a=1&b=2`), for the same reason.
 * A value sent as JSON text (json-parameters.ts) is always some text (`[]`, `{}`), and a header
 * array is its comma-joined items (`[]` is an empty value, which is sent).
 */
import type { ParameterLocation, TypeNode } from '../../../model/types.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import { sentAsJson } from './json-parameters.js';
import { isRequired, mergedObject } from '../schemas/objects.js';

/** The values of `type` the client sends as no parameter in `location` (`null`, `[]`, `{}`), in that order; empty when every value is sent. */
export function absentValues(type: TypeNode, location: ParameterLocation, index: DeclarationIndex): string[] {
  if (location === 'path' || location === 'body') return [];
  const members = flatMembers(type, index, 0);
  const found = new Set<string>();
  if (members.some((member) => member.kind === 'null' || member.kind === 'undefined')) found.add('null');
  if (location === 'query' && !sentAsJson(type, location, index)) {
    for (const member of members) {
      if ((member.kind === 'array' || member.kind === 'tuple') && mayBeEmptyList(member)) found.add('[]');
      if (mayBeEmptyObject(member, index)) found.add('{}');
    }
  }
  return [...found];
}

/**
 * What `absentValues` means for the reader, for the parameter's description: absence stands for
 * those values (`[]` for a list, `{}` for an object; `null` is simply not given).
 */
export function absenceNote(values: readonly string[]): string | undefined {
  const empty = values.filter((value) => value !== 'null');
  if (empty.length === 0) return undefined;
  const list = empty.includes('[]');
  const what = list && empty.includes('{}') ? 'An empty list or object is' : list ? 'An empty list is' : 'An empty object is';
  // form with explode writes a pair per item or property, deepObject one per property: none for zero.
  return `${what} sent as no parameter at all (its style writes one pair per item or property, so none): absence means ${empty.map((value) => `\`${value}\``).join(' or ')}.`;
}

/** The union members of `type`, references followed, unions flattened. */
function flatMembers(type: TypeNode, index: DeclarationIndex, depth: number): TypeNode[] {
  if (depth > 16) return [type];
  if (type.kind === 'ref') {
    const declaration = index.find(type.id);
    return declaration ? flatMembers(declaration.type, index, depth + 1) : [type];
  }
  if (type.kind === 'union') return type.members.flatMap((member) => flatMembers(member, index, depth + 1));
  return [type];
}

/** An array without `minItems` ≥ 1, or a tuple with no required element (and no `minItems` ≥ 1). */
function mayBeEmptyList(node: Extract<TypeNode, { kind: 'array' | 'tuple' }>): boolean {
  if ((node.constraints?.minItems ?? 0) >= 1) return false;
  if (node.kind === 'array') return true;
  return node.elements.every((element) => element.optional) && (node.trailing ?? []).length === 0;
}

/** A record, or an object (or intersection of them) with no required property: `{}` is one of its values. */
function mayBeEmptyObject(node: TypeNode, index: DeclarationIndex): boolean {
  if (node.kind === 'record') return true;
  if (node.kind !== 'object' && node.kind !== 'intersection') return false;
  const shape = mergedObject(node, index);
  return shape !== undefined && !shape.properties.some((property) => isRequired(property));
}
