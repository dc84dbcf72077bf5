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
  // Tuples with rests or optional elements, aligned (`[Slug, ...Min3[]] & [string, string, ...string[]]`).
  if (x.kind === 'tuple' && y.kind === 'tuple' && !(isFixed(x) && isFixed(y))) {
    const aligned = meetVariadic(x, y, index);
    if (aligned) return aligned;
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
  if (!isFixed(tuple)) return other.kind === 'array' ? meetWithArray(tuple, other, index) : intersection(tuple, other);
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
 * Two tuples, one at least with a rest or an optional element, as TypeScript reads their
 * intersection: aligned at the start (`[Slug, ...Min3[]] & [string, string, ...string[]]` is
 * `[Slug, Min3 & string, ...(Min3 & string)[]]`) or, with trailing elements and no leading ones,
 * at the end (`[...Min3[], Slug] & [...string[], string]`). Each position meets its partner, or
 * the other's rest past its elements; the tuple ends where one of them must. Optional elements,
 * tuple constraints and a lead beside a trail are left to the caller (undefined).
 */
function meetVariadic(x: TupleType, y: TupleType, index: DeclarationIndex): Met | undefined {
  // `[string, number?] & [string, ...number[]]`: a mock typed `[string, number?]` is no value of the intersection to TypeScript (its element may be undefined).
  const optional = (tuple: TupleType): boolean => tuple.elements.some((element) => element.optional);
  if (x.constraints || y.constraints || optional(x) || optional(y)) return undefined;
  const leads = x.elements.length > 0 || y.elements.length > 0;
  const trails = (x.trailing?.length ?? 0) > 0 || (y.trailing?.length ?? 0) > 0;
  if (leads && trails) return undefined;
  if (trails && (!x.rest || !y.rest)) return undefined;
  const rest = x.rest && y.rest ? meet(x.rest, y.rest, index) : undefined;
  if (rest && isNone(rest)) return { none: `the rests: ${rest.none}` };
  if (trails) {
    const trailing = aligned(x.trailing ?? [], y.trailing ?? [], x.rest!, y.rest!, true, index);
    return 'none' in trailing ? trailing : { ...x, elements: [], rest: rest as TypeNode, trailing };
  }
  // Without a rest a tuple holds no more than its elements: the result ends there.
  const most = Math.min(x.rest ? Infinity : x.elements.length, y.rest ? Infinity : y.elements.length);
  const count = Math.min(Math.max(x.elements.length, y.elements.length), most);
  const required = (tuple: TupleType): number => tuple.elements.filter((element) => !element.optional).length;
  if (Math.max(required(x), required(y)) > most) return { none: `tuples of at least ${Math.max(required(x), required(y))} and at most ${most} elements have no value in common` };
  const elements: TupleElement[] = [];
  for (let i = 0; i < count; i++) {
    const [a, b] = [x.elements[i], y.elements[i]];
    const met = meet(a?.type ?? x.rest!, b?.type ?? y.rest!, index);
    const required = (a !== undefined && !a.optional) || (b !== undefined && !b.optional);
    if (isNone(met)) {
      if (required) return { none: `element ${i}: ${met.none}` };
      break;
    }
    elements.push({ type: met, optional: !required });
  }
  const { trailing: _trailing, rest: _rest, ...tuple } = x;
  return elements.length === count && rest ? { ...tuple, elements, rest } : { ...tuple, elements };
}

/** Two lists of required elements aligned at the start (or the end), each position meeting its partner or the other's rest. */
function aligned(a: readonly TupleElement[], b: readonly TupleElement[], restA: TypeNode, restB: TypeNode, fromEnd: boolean, index: DeclarationIndex): TupleElement[] | { none: string } {
  const length = Math.max(a.length, b.length);
  const at = (list: readonly TupleElement[], i: number): TypeNode | undefined => (fromEnd ? list[i - (length - list.length)] : list[i])?.type;
  const elements: TupleElement[] = [];
  for (let i = 0; i < length; i++) {
    const met = meet(at(a, i) ?? restA, at(b, i) ?? restB, index);
    if (isNone(met)) return { none: `${fromEnd ? 'trailing ' : ''}element ${i}: ${met.none}` };
    elements.push({ type: met, optional: false });
  }
  return elements;
}

/** A tuple with a rest met with an array without constraints (`[Slug, ...Min3[]] & string[]`): every element and the rest meet its items. */
function meetWithArray(tuple: TupleType, array: Extract<TypeNode, { kind: 'array' }>, index: DeclarationIndex): Met {
  // Optional elements: as for two tuples (meetVariadic), a mock typed with them is no value of the intersection.
  if (array.constraints || tuple.constraints || tuple.elements.some((element) => element.optional)) return intersection(tuple, array);
  const { rest: _rest, trailing: _trailing, ...base } = tuple;
  const elements: TupleElement[] = [];
  for (const [i, element] of tuple.elements.entries()) {
    const met = meet(element.type, array.items, index);
    if (isNone(met)) return { none: `element ${i}: ${met.none}` };
    elements.push({ ...element, type: met });
  }
  const trailing: TupleElement[] = [];
  for (const [j, element] of (tuple.trailing ?? []).entries()) {
    const met = meet(element.type, array.items, index);
    if (isNone(met)) return { none: `trailing element ${j}: ${met.none}` };
    trailing.push({ ...element, type: met });
  }
  const rest = tuple.rest && meet(tuple.rest, array.items, index);
  // A rest no item meets is empty: the trailing elements follow the leading ones directly.
  if (!rest || isNone(rest)) return { ...base, elements: [...elements, ...trailing] };
  return { ...base, elements, rest, ...(trailing.length > 0 ? { trailing } : {}) };
}
