/**
 * Where a mapped type's template puts the value of its source property. A homomorphic mapped type
 * (`{ [K in keyof T]?: string }`, `{ [K in keyof T]: T[K] | null }`) copies the source property's
 * modifiers (`?`, `readonly`) and, in the checker, its declaration: the symbol TypeScript makes
 * for `FormErrors<SignUp>['country']` declares `SignUp`'s `/** @maxLength 2 *\/ country: string`.
 * The tags (and decorators) written there constrain that property's value, which the template
 * holds only where it writes `T[K]`: the whole type (`Partial`, `Nullable`'s non-null member), a
 * union member (`T[K] | string`), array items (`T[K][]`), a tuple element, the conditional branch
 * that is `T[K]`, a property of an object it builds (`{ value: T[K] }`), the argument of a generic
 * (`Field<T[K]>`, `Items<T[K]>`, at any depth). A template that is no `T[K]` (`string`, `boolean`,
 * `() => T[K]`) is a new type with no constraints, as for tsc. The same holds where TypeScript
 * links no declaration: keys renamed by `as` (`` `${K & string}Input` ``), and key sets that are
 * not `keyof T` itself (`[K in Exclude<keyof T, 'id'>]`, `[K in 'name' | 'email']`): `T[K]` names
 * the source property all the same, and so does `U[K]` of another object (`Override<T, U>`).
 *
 * Three kinds of frame say what a value read from such a `T[K]` becomes (resolve.ts):
 * - a property a mapped type made, being read: `T[K]` indexed by its key is noted (the syntax it
 *   stood for, with the source property declaring it: keyed-property.ts), and each model node
 *   read from one (resolve.ts); the source's tags then go on those nodes (properties.ts);
 * - the arguments of a generic's reference (`Field<T[K]>`), being read to name the instantiation:
 *   a value of `T[K]` there takes its source's constraints at once, so that the instantiation is
 *   one apart from `Field<string>` (`Field_UserName`), and the frame remembers the syntax;
 * - the body of such an instantiation, being read: the syntax its arguments carried takes its
 *   source's constraints wherever the body puts it (`value: V`).
 */
import { Node, type TypeNode as SyntaxNode } from 'ts-morph';
import type { Property, TypeNode } from '../../model/index.js';
import type { BoundKey } from './bindings.js';

/** One property a mapped type made, being read: the declaration it carries, and what `T[K]` was read as. */
export interface KeyedValues {
  /** The source property the checker linked to it (a homomorphic copy), if any. */
  declaration: Node | undefined;
  /** The key it was made for: `T[K]` indexed by this key (or one bound for it) is its source's value. */
  key: BoundKey | undefined;
  /** Syntax `T[K]` stood for (the source's written type, or the argument it binds) → the source property. */
  sources: Map<SyntaxNode, Node>;
  /** Model nodes read from those → the source property. */
  values: Map<TypeNode, Node>;
}

/** The syntax the arguments of a generic's reference carried, each with its source property. */
export type CarriedSources = ReadonlyMap<SyntaxNode, Node>;

type Frame = ({ kind: 'property' } & KeyedValues) | { kind: 'arguments'; met: Map<SyntaxNode, Node> } | { kind: 'body'; carried: CarriedSources };

/** The frames open, innermost last. */
const FRAMES: Frame[] = [];

/** The source properties whose tags were put on a value, per property being read (innermost last), for CG2021 (keyed-tags.ts). */
const LANDING: Set<Node>[] = [];

function within<R>(frame: Frame, read: () => R): R {
  FRAMES.push(frame);
  try {
    return read();
  } finally {
    FRAMES.pop();
  }
}

/** A property's reading, before it starts: `declaration` is the linked source property, `key` what its `K` is bound to. */
export function keyedValues(declaration: Node | undefined, key: BoundKey | undefined): KeyedValues {
  return { declaration, key, sources: new Map(), values: new Map() };
}

/** `read()` with `keyed` open: the `T[K]` of its key are noted in it. */
export function readingKeyedValues<R>(keyed: KeyedValues, read: () => R): R {
  return within(Object.assign(keyed, { kind: 'property' as const }), read);
}

/** `read()` (a reference's arguments) with a frame open; returns the syntax read there that carried a source's constraints. */
export function readingArguments<R>(read: () => R): { result: R; carried: CarriedSources } {
  const met = new Map<SyntaxNode, Node>();
  return { result: within({ kind: 'arguments', met }, read), carried: met };
}

/** `read()` (an instantiation's body) with the syntax its arguments carried open. */
export function readingCarried<R>(carried: CarriedSources | undefined, read: () => R): R {
  return carried && carried.size > 0 ? within({ kind: 'body', carried }, read) : read();
}

/**
 * Notes that `T[K]` was read as `bound`, `written` being the source property's written type
 * (before its own type parameters were bound) and `key` the binding of `K`: the property being
 * read for that key (or for the key it was bound for) takes it.
 */
export function noteKeyedSource(written: SyntaxNode, bound: SyntaxNode, key: BoundKey): void {
  const member = written.getParent();
  if (!member || !isValueMember(member, written)) return;
  const keys = new Set<BoundKey>();
  for (let at: BoundKey | undefined = key; at && !keys.has(at); at = at.outer) keys.add(at);
  for (let index = FRAMES.length - 1; index >= 0; index -= 1) {
    const frame = FRAMES[index]!;
    if (frame.kind !== 'property') continue;
    if ((frame.key && keys.has(frame.key)) || frame.declaration === member) {
      frame.sources.set(bound, member);
      return;
    }
  }
}

/** Whether `member` declares a value whose written type is `written` (a property, a parameter property, a getter). */
function isValueMember(member: Node, written: SyntaxNode): boolean {
  if (Node.isPropertySignature(member) || Node.isPropertyDeclaration(member) || Node.isParameterDeclaration(member)) return member.getTypeNode() === written;
  return Node.isGetAccessorDeclaration(member) && member.getReturnTypeNode() === written;
}

/** What a value read from `T[K]` becomes, by the innermost frame that knows its syntax. */
export type KeyedTake =
  /** Noted in the property being read, whose tags are put on it afterwards (properties.ts). */
  | { note(value: TypeNode): void }
  /** Constrained now by `declaration`'s tags (`quiet`: read only to name an instantiation); `constrained` says whether that changed it. */
  | { declaration: Node; quiet: boolean; constrained(changed: boolean): void };

/** Syntax whose value is being read and taken (`Code | null` while its members are read). */
const OPEN = new Set<SyntaxNode>();

/**
 * How to take a value read from `nodes` (the site's syntax and what it is bound to); undefined
 * when no frame knows them. A member of a union `T[K]` stood for counts too when the union itself
 * is not being read (`NonNullable<T[K]>` goes on with `string` of `name: string | null`).
 */
export function keyedTake(nodes: readonly (SyntaxNode | undefined)[]): KeyedTake | undefined {
  const written = nodes.filter((node): node is SyntaxNode => node !== undefined);
  return takeOf(written) ?? takeOf(written.flatMap(enclosingUnions).filter((node) => !OPEN.has(node)));
}

/** `read()` while the value of `nodes` (the site's syntax and what it is bound to) is read. */
export function readingOpen<R>(nodes: readonly (SyntaxNode | undefined)[], read: () => R): R {
  const opened = nodes.filter((node): node is SyntaxNode => node !== undefined && !OPEN.has(node));
  for (const node of opened) OPEN.add(node);
  try {
    return read();
  } finally {
    for (const node of opened) OPEN.delete(node);
  }
}

/** The unions (through parentheses) `node` is a member of, innermost first. */
function enclosingUnions(node: SyntaxNode): SyntaxNode[] {
  const unions: SyntaxNode[] = [];
  for (let parent = node.getParent(); parent && (Node.isUnionTypeNode(parent) || Node.isParenthesizedTypeNode(parent)); parent = parent.getParent()) {
    if (Node.isUnionTypeNode(parent)) unions.push(parent as SyntaxNode);
  }
  return unions;
}

function takeOf(nodes: readonly SyntaxNode[]): KeyedTake | undefined {
  if (nodes.length === 0) return undefined;
  for (let index = FRAMES.length - 1; index >= 0; index -= 1) {
    const frame = FRAMES[index]!;
    const held = frame.kind === 'property' ? frame.sources : frame.kind === 'body' ? frame.carried : undefined;
    const node = held && nodes.find((candidate) => held.has(candidate));
    if (!held || !node) continue;
    const declaration = held.get(node)!;
    const above = FRAMES.slice(index + 1).filter((open): open is Extract<Frame, { kind: 'arguments' }> => open.kind === 'arguments');
    if (frame.kind === 'property' && above.length === 0) return { note: (value) => noteKeyedValue(frame, value, declaration) };
    return {
      declaration,
      quiet: above.length > 0,
      constrained(changed) {
        landed(declaration);
        if (changed) for (const open of above) open.met.set(node, declaration);
      },
    };
  }
  return undefined;
}

/**
 * Notes a model node read from syntax `T[K]` stood for. A union's members are noted too: the
 * union `T[K] | null` is read as, with `T[K]` = `Code | null`, takes them in as its own.
 */
function noteKeyedValue(keyed: KeyedValues, value: TypeNode, declaration: Node): void {
  keyed.values.set(value, declaration);
  if (value.kind === 'union') for (const member of value.members) keyed.values.set(member, declaration);
}

/** Records that `declaration`'s tags were put on a value of each property being read. */
export function landed(declaration: Node): void {
  for (const open of LANDING) open.add(declaration);
}

/** `read()`, and the source properties whose tags it put on a value. */
export function landing<R>(read: () => R): { result: R; landed: ReadonlySet<Node> } {
  const open = new Set<Node>();
  LANDING.push(open);
  try {
    return { result: read(), landed: open };
  } finally {
    LANDING.pop();
  }
}

/** The source properties whose values a property's reading noted, in the order met. */
export function keyedSources(keyed: KeyedValues): Node[] {
  return [...new Set([...keyed.sources.values(), ...keyed.values.values()])];
}

/**
 * The source properties a property's reading met (`keyed`, when a mapped type made it) and those
 * the open instantiation bodies carry, each with the syntax that stood for its value.
 */
export function metSources(keyed: KeyedValues | undefined): Array<{ declaration: Node; nodes: Set<SyntaxNode> }> {
  const met = new Map<Node, Set<SyntaxNode>>();
  const add = (node: SyntaxNode, declaration: Node) => {
    const nodes = met.get(declaration) ?? new Set<SyntaxNode>();
    met.set(declaration, nodes.add(node));
  };
  if (keyed) for (const [node, declaration] of keyed.sources) add(node, declaration);
  for (const frame of FRAMES) if (frame.kind === 'body') for (const [node, declaration] of frame.carried) add(node, declaration);
  return [...met].map(([declaration, nodes]) => ({ declaration, nodes }));
}

/** A place in a property's type tree: the node there, and how to put another in its stead. */
export interface TypePlace {
  node: TypeNode;
  replace(next: TypeNode): void;
}

/**
 * Whether the property's type is `declaration`'s value alone, but for `null` and `undefined`
 * (`Partial`'s `T[P]`, `Nullable`'s `T[K] | null`, the taken branch of a conditional): its tags
 * then apply to the property as they apply to the source's.
 */
export function isWholeValue(type: TypeNode, keyed: KeyedValues, declaration: Node): boolean {
  if (keyed.values.get(type) === declaration) return true;
  if (type.kind !== 'union') return false;
  const defined = type.members.filter((member) => member.kind !== 'null' && member.kind !== 'undefined');
  return defined.length > 0 && defined.every((member) => keyed.values.get(member) === declaration);
}

/**
 * The outermost places of `property`'s type that hold `declaration`'s value, not looking into
 * references (other declarations) and leaving out a `null` or `undefined` the source's value
 * brought (constraints never apply to them).
 */
export function keyedPlaces(property: Property, keyed: KeyedValues, declaration: Node): TypePlace[] {
  const places: TypePlace[] = [];
  visit({ node: property.type, replace: (next) => (property.type = next) }, keyed, declaration, places, 0);
  return places;
}

/** How deep a type tree is searched (a template nests `T[K]` a few levels at most). */
const DEPTH = 16;

function visit(place: TypePlace, keyed: KeyedValues, declaration: Node, places: TypePlace[], depth: number): void {
  const { node } = place;
  const source = keyed.values.get(node);
  if (source) {
    if (source === declaration && node.kind !== 'null' && node.kind !== 'undefined') places.push(place);
    return;
  }
  if (depth === DEPTH) return;
  for (const child of children(node)) visit(child, keyed, declaration, places, depth + 1);
}

function children(node: TypeNode): TypePlace[] {
  const at = <T>(holder: T, key: keyof T): TypePlace => ({ node: holder[key] as TypeNode, replace: (next) => ((holder as Record<keyof T, unknown>)[key] = next) });
  switch (node.kind) {
    case 'union':
    case 'intersection':
      return node.members.map((_, index) => at(node.members, index));
    case 'array':
      return [at(node, 'items')];
    case 'record':
      return [at(node, 'value')];
    case 'tuple':
      return [...node.elements, ...(node.trailing ?? [])].map((element) => at(element, 'type')).concat(node.rest ? [at(node, 'rest')] : []);
    case 'object':
      return node.properties.map((property) => at(property, 'type'));
    default:
      return [];
  }
}
