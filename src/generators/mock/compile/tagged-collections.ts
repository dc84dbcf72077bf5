/**
 * Mocks of a Map or Set met with object types: `interface Reg extends Map<string, number> { label:
 * string }` (the analyzer reads it as `Map<string, number> & { label: string }`), `type Tagged =
 * Map<string, Entry> & { tag: string }`. The value is a real Map (Set) of mocked entries with the
 * other members' mocked properties assigned to it, which TypeScript takes for the intersection
 * and the validators check (entries and own properties). It was a CG5001 warning and a mock that
 * threw on every seed. A redeclared Map or Set method (`get(key: string): number`) is the
 * collection's own, not stubbed; a data property named as a Map or Set member (`size`) would break
 * the collection: such an intersection stays unbuilt (the caller says why).
 */
import type { IntersectionType, ObjectType, TypeNode, UnknownType } from '../../../model/types.js';
import type { MockContext } from './mock-context.js';

/** The names Map and Set instances answer to, which an own property must not take. */
const COLLECTION_MEMBERS = new Set([...Object.getOwnPropertyNames(Map.prototype), ...Object.getOwnPropertyNames(Set.prototype)]);

export interface TaggedCollection {
  collection: UnknownType;
  /** The object members, to be merged into the collection. */
  others: TypeNode[];
}

/**
 * The parts of an intersection of one Map or Set with object types (directly or through aliases),
 * or undefined for any other intersection.
 */
export function taggedCollection(node: IntersectionType, context: MockContext): TaggedCollection | undefined {
  const { index } = context.compiler;
  const resolved = (member: TypeNode): TypeNode => (member.kind === 'ref' ? index.get(member.id).type : member);
  const collections = node.members.filter((member) => {
    const type = resolved(member);
    return type.kind === 'unknown' && (type.unsupported?.form === 'map' || type.unsupported?.form === 'set');
  });
  if (collections.length !== 1) return undefined;
  const others = node.members.filter((member) => member !== collections[0]);
  const plain = others.every((member) => {
    const type = resolved(member);
    return type.kind === 'object' && !type.additionalProperties && !type.numberIndex && !type.patternIndexes?.length && type.properties.every((property) => !COLLECTION_MEMBERS.has(property.name));
  });
  if (!plain || others.length === 0) return undefined;
  // A redeclared Map method (`get(key: string): number`) is the collection's own: a stub would shadow the working one.
  const kept = others.map((member) => (member.kind === 'object' && member.behaviour ? withoutCollectionMethods(member) : member));
  // Through a reference the stubs cannot be left out.
  if (kept.some((member) => member.kind === 'ref' && (resolved(member) as ObjectType).behaviour?.methods.some((name) => COLLECTION_MEMBERS.has(name)))) return undefined;
  return { collection: resolved(collections[0]!) as UnknownType, others: kept };
}

function withoutCollectionMethods(node: ObjectType): ObjectType {
  const methods = node.behaviour!.methods.filter((name) => !COLLECTION_MEMBERS.has(name));
  return { ...node, behaviour: { ...node.behaviour!, methods } };
}

/**
 * `Object.assign(new Map<K, V>(…entries), { label: … })`: `collection` and `others` are the
 * mocks of the parts (unsupported-values.ts builds the collection).
 */
export function taggedCollectionExpression(collection: string, others: string[]): string {
  const own = others.length === 1 ? others[0]! : `{ ${others.map((other) => `...${other}`).join(', ')} }`;
  return `Object.assign(${collection}, ${own})`;
}
