/**
 * Object shapes: what an object check looks at (properties, extra keys, strictness). An
 * intersection with a `@strict` member is checked as one merged shape, because checking the
 * members one by one would make the strict member reject the keys the other members declare:
 * `A & B` with `A` strict accepts the keys of `A` and `B` and rejects every other key.
 */
import type { IntersectionType, ObjectType, Property, TypeNode } from '../../../model/types.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';

export interface ObjectShape {
  properties: Property[];
  /** Types every undeclared key's value must have (one per member with an index signature). */
  additional: TypeNode[];
  /** Types every undeclared numeric key's value must have (`[i: number]: V`; see `ObjectType.numberIndex`). */
  numeric: TypeNode[];
  /** Undeclared keys are rejected. */
  strict: boolean;
  /** Members of a merged intersection that are not object shapes, checked on the whole value. */
  others: TypeNode[];
}

/** The shape of a plain object type. */
export function objectShape(node: ObjectType): ObjectShape {
  return {
    properties: node.properties,
    additional: node.additionalProperties ? [node.additionalProperties] : [],
    numeric: node.numberIndex ? [node.numberIndex] : [],
    strict: node.strict,
    others: [],
  };
}

/**
 * The merged shape of an intersection, when one of its object members (direct or through refs)
 * is strict; undefined when the members can simply be checked one after the other.
 */
export function strictIntersectionShape(node: IntersectionType, index: DeclarationIndex): ObjectShape | undefined {
  const objects: ObjectType[] = [];
  const others: TypeNode[] = [];
  flatten(node, index, objects, others, new Set());
  if (!objects.some((object) => object.strict)) return undefined;
  return {
    properties: objects.flatMap((object) => object.properties),
    additional: objects.flatMap((object) => (object.additionalProperties ? [object.additionalProperties] : [])),
    numeric: objects.flatMap((object) => (object.numberIndex ? [object.numberIndex] : [])),
    strict: true,
    others,
  };
}

function flatten(node: TypeNode, index: DeclarationIndex, objects: ObjectType[], others: TypeNode[], seen: Set<string>): void {
  if (node.kind === 'object') {
    objects.push(node);
  } else if (node.kind === 'intersection') {
    for (const member of node.members) flatten(member, index, objects, others, seen);
  } else if (node.kind === 'ref' && !seen.has(node.id)) {
    const target = index.get(node.id).type;
    if (target.kind !== 'object' && target.kind !== 'intersection') {
      others.push(node);
      return;
    }
    seen.add(node.id);
    flatten(target, index, objects, others, seen);
  } else {
    others.push(node);
  }
}

/** Whether a check of `node` needs statements (a loop or a switch) and so becomes its own function. */
export function needsOwnFunction(node: TypeNode, index: DeclarationIndex): boolean {
  switch (node.kind) {
    case 'object':
    case 'array':
    case 'tuple':
    case 'record':
      return true;
    case 'union':
      return node.discriminant !== undefined;
    case 'intersection':
      return strictIntersectionShape(node, index) !== undefined;
    default:
      return false;
  }
}

/**
 * The test that `key` is a numeric name as TypeScript means it (the canonical text of a number),
 * which a number index signature constrains.
 */
export function numericKeyTest(key: string): string {
  return `String(Number(${key})) === ${key}`;
}
