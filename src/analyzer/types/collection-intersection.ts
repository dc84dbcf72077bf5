/**
 * Intersections that TypeScript reduces to one of their members: with `/** @pattern ^[a-z]+$ *\/
 * type Slug = string`, `string[] & Slug[]`, `Array<Min3> & Array<Slug>`, `Record<string, Slug> &
 * Record<string, string>`, `[Slug] & [string]`, `Record<'a' | 'b', Slug> & Record<'a' | 'b',
 * string>`, `Set<Slug> & Set<string>` and `Box<Slug> & Box<string>` are one type to the checker
 * (`string[]`, …), which forgets the aliases. A value of the intersection is a value of every
 * member, so each item (element, value, property) must meet every member's constraints for it:
 * the written members are read one by one and met, part by part (member-constraints.ts meets two
 * strings; two patterns stay an intersection of them, each checked). What cannot be met part by
 * part (tuples of other lengths, two instantiations of a generic interface, `Box_Slug` and
 * `Box_string`) stays an intersection of the members, which the validators and schemas check
 * member by member.
 */
import { Node, type IntersectionTypeNode, type Type, type TypeNode as SyntaxNode } from 'ts-morph';
import type { ArrayType, ObjectType, RecordType, TupleType, TypeNode, UnionType, UnsupportedForm } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import { mentionsBound } from './bindings.js';
import { withMemberConstraints } from './member-constraints.js';
import { resolveType } from './resolve.js';
import { childSite, type Site } from './site.js';

type Collection = ArrayType | TupleType | RecordType;

/**
 * The written members of `node` met, when the checker reduced the intersection (`type` is no
 * intersection) to an object type (an array, tuple, record, object, Set, Map) and the members as
 * written differ (one carries a constraint the others lack); undefined otherwise, with nothing reported.
 */
export function meetWrittenCollections(node: IntersectionTypeNode, type: Type, site: Site, ctx: AnalyzerContext): TypeNode | undefined {
  if (type.isIntersection() || !type.isObject()) return undefined;
  const members = flatten(node);
  // `T[] & Slug[]` in a generic: a member's own type would be the declaration's (`T[]`), not the instantiation's; read as before.
  if (members.length < 2 || members.some((member) => mentionsBound(member, site.bindings))) return undefined;
  const before = ctx.diagnostics.length;
  const read = members.map((member) => resolveType(member.getType(), childSite(site, member, member.getType()), ctx));
  if (!read.every(isStructured) || allEqual(read)) {
    // Nothing to keep that the checker's type does not say: read as usual, reported once there.
    ctx.diagnostics.splice(before);
    return undefined;
  }
  return meetNodes(read);
}

/** `(A & B) & C` is A, B and C. */
function flatten(node: SyntaxNode): SyntaxNode[] {
  if (Node.isParenthesizedTypeNode(node)) return flatten(node.getTypeNode());
  if (Node.isIntersectionTypeNode(node)) return node.getTypeNodes().flatMap(flatten);
  return [node];
}

function isCollection(node: TypeNode): node is Collection {
  return node.kind === 'array' || node.kind === 'tuple' || node.kind === 'record';
}

/** What an object type reads as: a collection, an object, a reference, a `Set` or `Map`. */
function isStructured(node: TypeNode): boolean {
  return isCollection(node) || node.kind === 'object' || node.kind === 'ref' || formOf(node, 'set') !== undefined || formOf(node, 'map') !== undefined;
}

function allEqual(nodes: readonly TypeNode[]): boolean {
  const first = JSON.stringify(nodes[0]);
  return nodes.every((node) => JSON.stringify(node) === first);
}

/** One node that is each of `nodes`: collections of one shape met item by item, primitives by their constraints, else their intersection. */
function meetNodes(nodes: readonly TypeNode[]): TypeNode {
  if (allEqual(nodes)) return nodes[0]!;
  const first = nodes[0]!;
  if (first.kind === 'array' && nodes.every((node) => node.kind === 'array')) return meetArrays(first, nodes as ArrayType[]) ?? intersection(nodes);
  if (first.kind === 'tuple' && nodes.every((node) => node.kind === 'tuple')) return meetTuples(first, nodes as TupleType[]) ?? intersection(nodes);
  if (first.kind === 'record' && nodes.every((node) => node.kind === 'record' && node.key === first.key)) {
    return { ...first, value: meetNodes((nodes as RecordType[]).map((node) => node.value)) };
  }
  if (first.kind === 'object' && nodes.every((node) => node.kind === 'object')) return meetObjects(first, nodes as ObjectType[]) ?? intersection(nodes);
  if (first.kind === 'union' && nodes.every((node) => node.kind === 'union')) return meetUnions(first, nodes as UnionType[]) ?? intersection(nodes);
  const sets = nodes.map((node) => formOf(node, 'set'));
  if (sets.every((set) => set !== undefined)) return { kind: 'unknown', unsupported: { ...sets[0]!, items: meetNodes(sets.map((set) => set.items)) } };
  const maps = nodes.map((node) => formOf(node, 'map'));
  if (maps.every((map) => map !== undefined)) return { kind: 'unknown', unsupported: { ...maps[0]!, key: meetNodes(maps.map((map) => map.key)), value: meetNodes(maps.map((map) => map.value)) } };
  if (isStructured(first) || nodes.some(isStructured)) return intersection(nodes);
  return withMemberConstraints(first, nodes);
}

/** `node`'s unsupported form when it is a `form` (`Set<T>`, `Map<K, V>`). */
function formOf<F extends 'set' | 'map'>(node: TypeNode, form: F): Extract<UnsupportedForm, { form: F }> | undefined {
  return node.kind === 'unknown' && node.unsupported?.form === form ? (node.unsupported as Extract<UnsupportedForm, { form: F }>) : undefined;
}

/** Objects with the same properties (names, optionality), property by property; their other facts are the first's. */
function meetObjects(first: ObjectType, objects: readonly ObjectType[]): ObjectType | undefined {
  const shape = (object: ObjectType) => JSON.stringify(object.properties.map((property) => [property.name, property.optional, property.nullable]));
  const { properties, ...rest } = first;
  if (objects.some((object) => shape(object) !== shape(first) || !sameFacts(object, first))) return undefined;
  return { ...rest, properties: properties.map((property, i) => ({ ...property, type: meetNodes(objects.map((object) => object.properties[i]!.type)) })) };
}

/** Whether two objects say the same beyond their properties' types (index signatures, strictness…). */
function sameFacts(a: ObjectType, b: ObjectType): boolean {
  const facts = (object: ObjectType) => JSON.stringify({ ...object, properties: undefined });
  return facts(a) === facts(b);
}

/** Unions of as many members, of the same kinds in the same order (`Slug | undefined` and `string | undefined`), member by member. */
function meetUnions(first: UnionType, unions: readonly UnionType[]): UnionType | undefined {
  const kinds = (union: UnionType) => union.members.map((member) => member.kind).join();
  if (unions.some((union) => kinds(union) !== kinds(first))) return undefined;
  return { ...first, members: first.members.map((_, i) => meetNodes(unions.map((union) => union.members[i]!))) };
}

/** Arrays: their own constraints met (`@minItems` of one, `@maxItems` of another), their items met; undefined when the constraints conflict. */
function meetArrays(first: ArrayType, arrays: readonly ArrayType[]): ArrayType | undefined {
  if (arrays.some((array) => Boolean(array.readonly) !== Boolean(first.readonly))) return undefined;
  // The arrays' own constraints, met as member-constraints.ts meets them (over one placeholder item, so only they differ).
  const item: TypeNode = { kind: 'unknown' };
  const met = withMemberConstraints({ ...first, items: item }, arrays.map((array) => ({ ...array, items: item })));
  if (met.kind !== 'array') return undefined;
  return { ...met, items: meetNodes(arrays.map((array) => array.items)) };
}

/** Tuples of one shape (the same elements, optional ones alike, and rests), element by element. */
function meetTuples(first: TupleType, tuples: readonly TupleType[]): TupleType | undefined {
  const shape = (tuple: TupleType) => JSON.stringify([tuple.elements.map((element) => [element.optional, Boolean(element.exactOptional)]), tuple.rest !== undefined, (tuple.trailing ?? []).length, tuple.constraints ?? null, Boolean(tuple.readonly)]);
  if (tuples.some((tuple) => shape(tuple) !== shape(first))) return undefined;
  const elements = first.elements.map((element, i) => ({ ...element, type: meetNodes(tuples.map((tuple) => tuple.elements[i]!.type)) }));
  const rest = first.rest ? { rest: meetNodes(tuples.map((tuple) => tuple.rest!)) } : {};
  const trailing = first.trailing ? { trailing: first.trailing.map((element, i) => ({ ...element, type: meetNodes(tuples.map((tuple) => tuple.trailing![i]!.type)) })) } : {};
  return { ...first, elements, ...rest, ...trailing };
}

function intersection(nodes: readonly TypeNode[]): TypeNode {
  return { kind: 'intersection', members: [...nodes] };
}
