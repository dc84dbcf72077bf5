/**
 * Which path, query and header parameters travel as JSON text. OpenAPI's styles serialise
 * scalars, arrays of scalars and (in a query, `deepObject`) objects of scalars; for anything
 * deeper it defines nothing ("nested objects and arrays: undefined behaviour"): `?users=…` with
 * object items, `?filter[range][min]=1`, an object in a header. Such a parameter is described
 * with `content: { application/json: { schema } }` instead of `style` and `schema` (OpenAPI 3.1
 * §4.8.12.2.2), and the client sends the whole value as one JSON text, which any server reading
 * the document can parse (recheck s8 R7).
 */
import type { ParameterLocation, TypeNode } from '../../../model/types.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import { withoutNullish } from '../../kit/unions.js';
import { mergedObject } from '../schemas/objects.js';

/** Whether a parameter of this type in this location is sent, and described, as one JSON text. */
export function sentAsJson(type: TypeNode, location: ParameterLocation, index: DeclarationIndex): boolean {
  if (location === 'body') return false;
  const node = resolved(type, index);
  if (isScalar(node, index)) return false;
  if (node.kind === 'unknown') return false;
  if (isScalarList(node, index)) return false;
  if (location === 'query' && isScalarObject(node, index)) return false;
  // A union of scalars and scalar lists (`string | string[]`) is form-encoded as either.
  if (node.kind === 'union') return !unionMembers(node).every((member) => isScalar(member, index) || isScalarList(resolved(member, index), index));
  return true;
}

/** A value one `name=value` pair carries: primitives, literals, enums, Dates, unions of them. */
function isScalar(type: TypeNode, index: DeclarationIndex, depth = 0): boolean {
  const node = resolved(type, index, depth);
  switch (node.kind) {
    case 'string':
    case 'number':
    case 'bigint':
    case 'boolean':
    case 'literal':
    case 'date':
    case 'enum':
    case 'null':
    case 'undefined':
      return true;
    case 'union':
      return depth < 16 && node.members.every((member) => isScalar(member, index, depth + 1));
    default:
      return false;
  }
}

/** An array or tuple of scalars: `form`/`explode` (`?tag=a&tag=b`), comma-separated in a header or path. */
function isScalarList(node: TypeNode, index: DeclarationIndex): boolean {
  if (node.kind === 'array') return isScalar(node.items, index);
  if (node.kind === 'tuple') return [...node.elements.map((element) => element.type), ...(node.rest ? [node.rest] : [])].every((item) => isScalar(item, index));
  return false;
}

/** An object or record whose values are scalars: `deepObject` (`?range[from]=1&range[to]=2`). */
function isScalarObject(node: TypeNode, index: DeclarationIndex): boolean {
  if (node.kind === 'record') return isScalar(node.value, index);
  const object = mergedObject(node, index);
  if (!object) return false;
  const values = [...object.properties.map((property) => property.type), ...(object.additionalProperties ? [object.additionalProperties] : []), ...(object.numberIndex ? [object.numberIndex] : []), ...(object.patternIndexes ?? []).map((pattern) => pattern.value)];
  return values.every((value) => isScalar(value, index));
}

function unionMembers(node: TypeNode): TypeNode[] {
  return node.kind === 'union' ? node.members.filter((member) => member.kind !== 'null' && member.kind !== 'undefined') : [node];
}

/** The type behind references, without `null`/`undefined`. */
function resolved(type: TypeNode, index: DeclarationIndex, depth = 0): TypeNode {
  const node = withoutNullish(type);
  if (node.kind === 'ref' && depth < 16) return resolved(index.get(node.id).type, index, depth + 1);
  return node;
}
