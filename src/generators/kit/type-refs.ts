/** Finding the declarations a type tree refers to. */
import type { TypeNode } from '../../model/types.js';

/** The ids of the declarations `node` refers to directly (not through other declarations), in order of appearance. */
export function directRefs(node: TypeNode): string[] {
  const ids: string[] = [];
  collect(node, ids);
  return [...new Set(ids)];
}

function collect(node: TypeNode, ids: string[]): void {
  switch (node.kind) {
    case 'ref':
      ids.push(node.id);
      return;
    case 'array':
      collect(node.items, ids);
      return;
    case 'tuple':
      for (const element of node.elements) collect(element.type, ids);
      if (node.rest) collect(node.rest, ids);
      return;
    case 'object':
      for (const property of node.properties) collect(property.type, ids);
      if (node.additionalProperties) collect(node.additionalProperties, ids);
      return;
    case 'record':
      collect(node.value, ids);
      return;
    case 'union':
    case 'intersection':
      for (const member of node.members) collect(member, ids);
      return;
    default:
      return;
  }
}
