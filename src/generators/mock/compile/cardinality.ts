/** How many distinct values a type has, for `@uniqueItems` arrays that must reach `minItems`. */
import type { TypeNode } from '../../../model/types.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import { sampleStrings } from './strings.js';

/** The number of distinct values `node` can take (`Infinity` when it is not small and finite). */
export function cardinality(node: TypeNode, index: DeclarationIndex, seen: ReadonlySet<string> = new Set()): number {
  switch (node.kind) {
    case 'boolean':
      return 2;
    case 'null':
    case 'undefined':
    case 'literal':
      return 1;
    case 'enum':
      return node.members.length;
    case 'string': {
      const constraints = node.constraints ?? {};
      // Constrained by a pattern or format only samples are used; count those.
      if (!constraints.pattern && !constraints.format) return Infinity;
      try {
        return sampleStrings(constraints, constraints.minLength ?? 0, constraints.maxLength ?? Infinity).length || Infinity;
      } catch {
        return Infinity;
      }
    }
    case 'union':
      return node.members.reduce((total, member) => total + cardinality(member, index, seen), 0);
    case 'object':
      return node.properties.reduce(
        (total, property) => total * (cardinality(property.type, index, seen) + (property.optional ? 1 : 0)),
        1,
      );
    case 'tuple':
      return node.rest ? Infinity : node.elements.reduce((total, element) => total * cardinality(element.type, index, seen), 1);
    case 'ref':
      if (seen.has(node.id)) return Infinity;
      return cardinality(index.get(node.id).type, index, new Set([...seen, node.id]));
    default:
      return Infinity;
  }
}
