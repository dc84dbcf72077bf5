/**
 * Intersections TypeScript reduces but the model keeps as written, read as TypeScript reads them
 * so that the mock builds one value of them: `(string | number) & string` is `string`,
 * `('a' | 'b') & ('b' | 'c')` is `'b'`, `unknown & A` is `A`, `[A, B] & A[]` is `[A, A & B]`,
 * `[string, number] & [string, 1]` is `[string, 1]`, `object & { a: string }` is `{ a: string }`
 * (`object` is `{} | unknown[]` in the model). Such members appear mostly as the items of
 * intersected arrays (`(string | number)[] & string[]`, joined-arrays.ts).
 *
 * `meet` distributes an intersection over the unions of its members and drops what has no value
 * (two different literals, a string and a number, `null` and an object) or no value a mock can
 * build and the OpenAPI document can say (an array that is also an object with named
 * properties): a union needs only one member. What it cannot decide stays an intersection, for
 * the mock's other readings (merged objects, constrained strings and numbers, narrowed literals).
 */
import type { IntersectionType, TupleElement, TupleType, TypeNode } from '../../../model/types.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import { unchangedBy } from './mapped-strings.js';
import { templateTest } from './mixed-string-intersections.js';

/** What a meet gives: a type, or no value (and why). */
export type Met = TypeNode | { none: string };

export function isNone(met: Met): met is { none: string } {
  return 'none' in met;
}

/** The intersection of `members` as TypeScript reduces it (see the file's comment). */
export function meetAll(members: readonly TypeNode[], index: DeclarationIndex): Met {
  let met: Met = members[0]!;
  for (const member of members.slice(1)) {
    if (isNone(met)) return met;
    met = meet(met, member, index);
  }
  return met;
}

/** Whether an intersection has members `meet` reads where the mock's other readings cannot: `unknown`, a tuple, a union holding a primitive or an array. */
export function needsMeet(node: IntersectionType, index: DeclarationIndex): boolean {
  return node.members.some((member) => {
    const target = resolved(member, index);
    if (isPlainUnknown(target) || target.kind === 'tuple') return true;
    return target.kind === 'union' && target.members.some((option) => ['string', 'number', 'boolean', 'bigint', 'array', 'tuple', 'unknown'].includes(resolved(option, index).kind));
  });
}

function isPlainUnknown(node: TypeNode): boolean {
  return node.kind === 'unknown' && node.unsupported === undefined;
}

/** A reference to a declaration that is no object, class or enum (`type AorB = 'a' | 'b'`) read as its type; others kept as references. */
function resolved(node: TypeNode, index: DeclarationIndex): TypeNode {
  if (node.kind !== 'ref') return node;
  const declaration = index.get(node.id);
  if (declaration.kind !== 'type' || declaration.type.kind === 'object' || declaration.type.kind === 'intersection') return node;
  return declaration.type;
}

const PRIMITIVE = new Set(['string', 'number', 'boolean', 'bigint', 'null', 'undefined', 'date']);

function meet(a: TypeNode, b: TypeNode, index: DeclarationIndex): Met {
  if (isPlainUnknown(a)) return b;
  if (isPlainUnknown(b)) return a;
  if (JSON.stringify(a) === JSON.stringify(b)) return a;
  const x = resolved(a, index);
  const y = resolved(b, index);
  if (x.kind === 'union' || y.kind === 'union') {
    const [union, other] = x.kind === 'union' ? [x, b] : [y as Extract<TypeNode, { kind: 'union' }>, a];
    const options: TypeNode[] = [];
    let reason = 'no member of the union meets the other member';
    for (const member of union.members) {
      const met = meet(member, other, index);
      if (isNone(met)) reason = met.none;
      else if (!options.some((option) => JSON.stringify(option) === JSON.stringify(met))) options.push(met);
    }
    if (options.length === 0) return { none: reason };
    return options.length === 1 ? options[0]! : { kind: 'union', members: options };
  }
  if (x.kind === 'literal' && y.kind === 'literal') {
    if (x.value !== y.value) return { none: `${JSON.stringify(x.value)} and ${JSON.stringify(y.value)} are different literals` };
    return x.enumMember ? x : y;
  }
  if (x.kind === 'literal' || y.kind === 'literal') {
    const [literal, other] = x.kind === 'literal' ? [x, y] : [y as Extract<TypeNode, { kind: 'literal' }>, x];
    if (!PRIMITIVE.has(other.kind)) return intersection(a, b);
    if (other.kind !== typeof literal.value) return { none: `${JSON.stringify(literal.value)} is no ${other.kind}` };
    if (other.kind === 'string' && (other.template || other.mapping)) {
      const holds = (other.template ? templateTest(other.template)(String(literal.value)) : true) && (other.mapping ? unchangedBy(other.mapping)(String(literal.value)) : true);
      if (!holds) return { none: `${JSON.stringify(literal.value)} is no ${other.template ? 'string of the template' : `${other.mapping}<string>`}` };
      if (!other.constraints) return literal;
    }
    // `Code & 'ABC'`: the literal must meet the constraints too (constrained-literals.ts).
    return 'constraints' in other && other.constraints ? intersection(a, b) : literal;
  }
  if (PRIMITIVE.has(x.kind) && PRIMITIVE.has(y.kind)) {
    if (x.kind !== y.kind) return { none: `no value is both ${x.kind} and ${y.kind}` };
    return JSON.stringify(x) === JSON.stringify({ kind: x.kind }) ? b : JSON.stringify(y) === JSON.stringify({ kind: y.kind }) ? a : intersection(a, b);
  }
  if (x.kind === 'null' || y.kind === 'null' || x.kind === 'undefined' || y.kind === 'undefined') {
    return { none: `no value is both ${x.kind === 'null' || x.kind === 'undefined' ? x.kind : y.kind} and another type` };
  }
  // `string & { b: number }`: no primitive has the object's properties (TypeScript accepts none without a cast).
  if ((PRIMITIVE.has(x.kind) && isObjectType(y, index) && !isEmptyObject(shape(y, index))) || (PRIMITIVE.has(y.kind) && isObjectType(x, index) && !isEmptyObject(shape(x, index)))) {
    const primitive = PRIMITIVE.has(x.kind) ? x.kind : y.kind;
    return primitive === 'date'
      ? { none: 'a Date that is also an object type with named properties has no JSON form, and its JSON Schema (a date-time string and an object) admits no value' }
      : { none: `no ${primitive} value has the properties of an object type` };
  }
  // The fixed tuple leads: `[string, ...number[]] & [string, number]` is `[string, number]`.
  if (x.kind === 'tuple' && (y.kind === 'array' || (y.kind === 'tuple' && (isFixed(x) || !isFixed(y))))) return meetTuple(x, y, index);
  if (y.kind === 'tuple' && (x.kind === 'array' || x.kind === 'tuple')) return meetTuple(y, x, index);
  // `object & { a: string }`: the empty object of `object` meets an object type as that type.
  if (isEmptyObject(x) && isObjectType(y, index)) return b;
  if (isEmptyObject(y) && isObjectType(x, index)) return a;
  if ((isArrayType(x, index) && isObjectType(y, index)) || (isArrayType(y, index) && isObjectType(x, index))) {
    const other = isArrayType(x, index) ? y : x;
    const what = shape(other, index).kind === 'record' ? 'a record' : 'an object type with named properties';
    return { none: `an array that is also ${what} has no JSON form, and its JSON Schema (an array and an object) admits no value` };
  }
  return intersection(a, b);
}

function isEmptyObject(node: TypeNode): boolean {
  return node.kind === 'object' && node.properties.length === 0 && !node.additionalProperties && !node.patternIndexes?.length && !node.behaviour;
}

/** The type a reference names (any declaration), else the node. */
function shape(node: TypeNode, index: DeclarationIndex): TypeNode {
  return node.kind === 'ref' ? index.get(node.id).type : node;
}

function isObjectType(node: TypeNode, index: DeclarationIndex): boolean {
  const target = shape(node, index);
  return target.kind === 'object' || target.kind === 'record';
}

/** An array or tuple, written or named (`interface Tags extends Array<string> {}`). */
function isArrayType(node: TypeNode, index: DeclarationIndex): boolean {
  const target = shape(node, index);
  return target.kind === 'array' || target.kind === 'tuple';
}

/** `a & b`, flattened. */
function intersection(a: TypeNode, b: TypeNode): TypeNode {
  const members = [...(a.kind === 'intersection' ? a.members : [a]), ...(b.kind === 'intersection' ? b.members : [b])];
  return { kind: 'intersection', members };
}

/** A tuple of a fixed length: no rest, no optional element. */
function isFixed(tuple: TupleType): boolean {
  return !tuple.rest && !tuple.elements.some((element) => element.optional);
}

/** A fixed tuple (no rest) met with an array (each element meets the items) or a tuple of the same shape (element by element). */
function meetTuple(tuple: TupleType, other: Extract<TypeNode, { kind: 'array' | 'tuple' }>, index: DeclarationIndex): Met {
  if (!isFixed(tuple)) return other.kind === 'tuple' ? meetVariadic(tuple, other, index) : intersection(tuple, other);
  const length = tuple.elements.length;
  let partners: TypeNode[];
  if (other.kind === 'array') {
    const { minItems = 0, maxItems = Infinity, uniqueItems } = other.constraints ?? {};
    if (length < minItems || length > maxItems) return { none: `a tuple of ${length} elements is no array of ${minItems} to ${maxItems} items` };
    if (uniqueItems) return intersection(tuple, other);
    partners = tuple.elements.map(() => other.items);
  } else {
    if (other.trailing?.length || other.elements.some((element) => element.optional)) return intersection(tuple, other);
    const fits = other.rest ? other.elements.length <= length : other.elements.length === length;
    if (!fits) return { none: `tuples of ${length} and ${other.rest ? `at least ${other.elements.length}` : other.elements.length} elements have no value in common` };
    partners = tuple.elements.map((_, i) => other.elements[i]?.type ?? other.rest!);
  }
  const elements: TupleElement[] = [];
  for (const [i, element] of tuple.elements.entries()) {
    const met = meet(element.type, partners[i]!, index);
    if (isNone(met)) return { none: `element ${i}: ${met.none}` };
    elements.push({ ...element, type: met });
  }
  return { ...tuple, elements };
}

/**
 * Two tuples with rests, aligned at the start (`[Slug, ...Min3[]] & [string, string, ...string[]]`
 * is `[Slug, Min3 & string, ...(Min3 & string)[]]`) or at the end (`[...Min3[], Slug] & [...string[],
 * string]`): the longer lead (trail) of elements, each element meeting its partner, or the other's
 * rest past its elements, and the rests meeting. TypeScript reads them so (a value of both has at
 * least the longer lead, each item of both types). Optional elements, tuple constraints and a lead
 * beside a trail stay an intersection.
 */
function meetVariadic(x: TupleType, y: TupleType, index: DeclarationIndex): Met {
  const plain = (tuple: TupleType): boolean => tuple.rest !== undefined && !tuple.constraints && !tuple.elements.some((element) => element.optional);
  if (!plain(x) || !plain(y)) return intersection(x, y);
  const leads = x.elements.length > 0 || y.elements.length > 0;
  const trails = (x.trailing?.length ?? 0) > 0 || (y.trailing?.length ?? 0) > 0;
  if (leads && trails) return intersection(x, y);
  const rest = meet(x.rest!, y.rest!, index);
  if (isNone(rest)) return { none: `the rests: ${rest.none}` };
  const side = (a: readonly TupleElement[], b: readonly TupleElement[], fromEnd: boolean): TupleElement[] | { none: string } => {
    const length = Math.max(a.length, b.length);
    // Aligned at the end, the shorter side's missing elements come first.
    const at = (list: readonly TupleElement[], i: number): TypeNode | undefined => (fromEnd ? list[i - (length - list.length)] : list[i])?.type;
    const elements: TupleElement[] = [];
    for (let i = 0; i < length; i++) {
      const met = meet(at(a, i) ?? x.rest!, at(b, i) ?? y.rest!, index);
      if (isNone(met)) return { none: `${fromEnd ? 'trailing ' : ''}element ${i}: ${met.none}` };
      elements.push({ type: met, optional: false });
    }
    return elements;
  };
  if (trails) {
    const trailing = side(x.trailing ?? [], y.trailing ?? [], true);
    return 'none' in trailing ? trailing : { ...x, elements: [], rest, trailing };
  }
  const elements = side(x.elements, y.elements, false);
  return 'none' in elements ? elements : { ...x, elements, rest };
}
