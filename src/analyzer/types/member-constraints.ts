/**
 * A property several members of an intersection declare must meet every member's constraints:
 * `{ b: string } & { b: Code }`, with `/** @pattern ^[A-Z]{3}$ *\/ type Code = string`, has
 * `b` matching the pattern. TypeScript sees one type (`string`) and one declaration, the first
 * member's, which carries none of them; the validators and schemas check each member, so the
 * merged property the mock builds must carry them all.
 *
 * Bounds meet (the highest minimum, the lowest maximum); a pattern, format or step only one
 * member sets, or all set alike, is kept. Two different patterns (or formats, steps) cannot be
 * one constraint: the property is then the intersection of the members' types, which the mock
 * reports it cannot build (CG5001), rather than building values that fail the validators.
 */
import type { IsLengthBounds, TypeNode } from '../../model/index.js';

type Constrained = Extract<TypeNode, { kind: 'string' | 'number' | 'bigint' | 'array' }>;

/** `merged` with the constraints of every member's own type for the property (`nodes`). */
export function withMemberConstraints(merged: TypeNode, nodes: readonly TypeNode[]): TypeNode {
  if (nodes.length < 2) return merged;
  // `{ l: Code[] } & { l: Lit[] }`: the checker's members forgot `Code`; the members as written keep it.
  if (merged.kind === 'intersection' && nodes.every((node) => node.kind === 'array')) return { kind: 'intersection', members: [...nodes] };
  const narrowed = withNarrowingConstraints(merged, nodes);
  if (narrowed) return narrowed;
  if (!isConstrained(merged) || !nodes.some((node) => isConstrained(node) && node.constraints)) return merged;
  if (!nodes.every((node) => node.kind === merged.kind)) return merged;
  const met = meet(merged, nodes as Constrained[]);
  return met ?? { kind: 'intersection', members: [...nodes] };
}

/**
 * `{ b: Code } & { b: 'ABC' | 'abc' }`: TypeScript narrows `string` to the literals (or to an
 * enum, `{ n: Mid } & { n: Level }`) and forgets `Code`'s `@pattern`, which the validators still
 * check. The property stays the literals intersected with every constrained primitive, and the
 * mock picks only literals that meet them all (generators/mock/compile/constrained-literals.ts).
 * The same holds for `Code & ('ABC' | 'abc')` written as a type (resolve.ts). Undefined when
 * `merged` is no narrowing (a literal, a union or a ref) or no member is a constrained primitive.
 */
export function withNarrowingConstraints(merged: TypeNode, nodes: readonly TypeNode[]): TypeNode | undefined {
  if (merged.kind !== 'literal' && merged.kind !== 'union' && merged.kind !== 'ref') return undefined;
  // `{ b: Code | null } & { b: 'ABC' | 'abc' | null }`: the literals narrowed, `null` kept beside them;
  // `Partial<Record<K, Min3 & StartsA>>`: `string | undefined` narrowed, `undefined` kept beside it.
  const empty = merged.kind === 'union' ? merged.members.filter(isEmpty) : [];
  const literals = empty.length > 0 ? withoutEmpty(merged) : merged;
  const primitives = nodes
    .flatMap((node) => (empty.length > 0 && node.kind === 'union' ? node.members.filter((member) => !isEmpty(member)) : [node]))
    .filter((node) => isNarrowable(node) && node.constraints !== undefined);
  if (primitives.length === 0) return undefined;
  const narrowed: TypeNode = { kind: 'intersection', members: [literals, ...primitives] };
  return empty.length > 0 ? { kind: 'union', members: [narrowed, ...empty] } : narrowed;
}

function isEmpty(node: TypeNode): boolean {
  return node.kind === 'null' || node.kind === 'undefined';
}

function withoutEmpty(union: TypeNode): TypeNode {
  const members = union.kind === 'union' ? union.members.filter((member) => !isEmpty(member)) : [union];
  return members.length === 1 ? members[0]! : { kind: 'union', members };
}

function isNarrowable(node: TypeNode): node is Extract<TypeNode, { kind: 'string' | 'number' }> {
  return node.kind === 'string' || node.kind === 'number';
}

function isConstrained(node: TypeNode): node is Constrained {
  return node.kind === 'string' || node.kind === 'number' || node.kind === 'bigint' || node.kind === 'array';
}

/** `merged` with every node's constraints at once; undefined when two of them cannot be one. */
function meet(merged: Constrained, nodes: readonly Constrained[]): TypeNode | undefined {
  const all = nodes.map((node) => (node.constraints ?? {}) as Record<string, unknown>);
  const constraints: Record<string, unknown> = {};
  for (const key of new Set(all.flatMap((each) => Object.keys(each)))) {
    const values = all.map((each) => each[key]).filter((value) => value !== undefined);
    const value = meetValues(key, values);
    if (value === CONFLICT) return undefined;
    if (value !== undefined) constraints[key] = value;
  }
  const result = { ...merged, ...(Object.keys(constraints).length > 0 ? { constraints } : {}) } as Constrained;
  if (result.kind === 'array') {
    const items = nodes.map((node) => (node as Extract<Constrained, { kind: 'array' }>).items);
    const metItems = withMemberConstraints(result.items, items);
    if (metItems.kind === 'intersection' && result.items.kind !== 'intersection') return undefined;
    return { ...result, items: metItems };
  }
  return result;
}

const CONFLICT = Symbol('conflict');

const LOWER_BOUNDS = new Set(['minLength', 'minItems', 'minimum', 'exclusiveMinimum']);
const UPPER_BOUNDS = new Set(['maxLength', 'maxItems', 'maximum', 'exclusiveMaximum']);

function meetValues(key: string, values: readonly unknown[]): unknown {
  if (key === 'uniqueItems') return values.some(Boolean) || undefined;
  // class-validator's length bounds (validator.js's count): each bound meets its kind.
  if (key === 'isLength') {
    const bounds = values as IsLengthBounds[];
    const min = Math.max(...bounds.map((b) => b.min ?? -Infinity));
    const max = Math.min(...bounds.map((b) => b.max ?? Infinity));
    return { ...(Number.isFinite(min) ? { min } : {}), ...(Number.isFinite(max) ? { max } : {}) };
  }
  if (values.every((value) => typeof value === 'number') && (LOWER_BOUNDS.has(key) || UPPER_BOUNDS.has(key))) {
    return LOWER_BOUNDS.has(key) ? Math.max(...(values as number[])) : Math.min(...(values as number[]));
  }
  // bigint bounds are decimal strings.
  if (values.every((value) => typeof value === 'string' && /^-?\d+$/.test(value)) && (key === 'minimum' || key === 'maximum')) {
    const sorted = [...(values as string[])].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
    return key === 'minimum' ? sorted[sorted.length - 1] : sorted[0];
  }
  const distinct = new Set(values.map((value) => JSON.stringify(value)));
  return distinct.size === 1 ? values[0] : CONFLICT;
}
