/** Where a type is being resolved: the syntax that wrote it, for messages and diagnostics. */
import { Node, type Type, type TypeNode as SyntaxNode } from 'ts-morph';
import type { DeclarationNode } from '../declaration-table.js';
import { boundArgument, mentionsBound, type Bindings } from './bindings.js';
import type { Written } from './written-syntax.js';

export interface Site {
  /**
   * The syntax that wrote this very type, when there is one. It is dropped wherever the
   * checker's type no longer matches it (inside generic instantiations and mapped types),
   * so it only ever adds facts the checker forgets: aliases of primitives and their tags.
   */
  node?: SyntaxNode;
  /**
   * The type arguments written for the type parameters `node` may mention (`T` in `Box<T>`'s
   * `value: T` while reading `Box<Code>`); see bindings.ts.
   */
  bindings?: Bindings;
  /**
   * The written members of a union the checker's type keeps, when no one syntax node wrote it
   * (`Code` and `null` of `Exclude<Code | number | null, number>`; see-through.ts).
   */
  members?: Written[];
  /** `User.tags`, for messages. */
  path: string;
  /** Where diagnostics point: the property, or the declaration. */
  at: Node;
  /** The declaration whose own type this is: never turned into a reference to itself. */
  self?: DeclarationNode;
  /** Property level: `undefined` members are folded into this flag instead of kept. */
  optional?: { value: boolean };
}

/**
 * The syntax node when it still denotes `type`, else undefined. Syntax that mentions a bound
 * type parameter (`T[]`, `[T, T]`, `T | null`) is kept when its form instantiates element by
 * element; each `T` is replaced by its argument, and checked again, where it is met.
 */
export function matchingSyntax(node: SyntaxNode | undefined, type: Type, bindings?: Bindings): SyntaxNode | undefined {
  if (!node) return undefined;
  if (denotes(node.getType(), type)) return node;
  if (!mentionsBound(node, bindings)) return undefined;
  // `T[K]` in `[K in keyof T]: T[K][]`: the property `T`'s argument wrote, checked where it is read (resolve.ts).
  return instantiatesStructurally(node) || (Node.isIndexedAccessTypeNode(node) && boundArgument(node, bindings)) ? node : undefined;
}

/** Whether the written type is the checked one, or the checked one is it and `undefined` (an optional's `?` adds it). */
export function denotes(written: Type, checked: Type): boolean {
  return written.compilerType === checked.compilerType || onlyAddsUndefined(written, checked);
}

/**
 * `[Code?]`, `[(Email | Cents)?]`: the checker adds `| undefined` to an optional element's written
 * type; that alone is no change (a written union's members are the checked ones but `undefined`).
 */
function onlyAddsUndefined(written: Type, checked: Type): boolean {
  if (!checked.isUnion()) return false;
  const defined = checked.getUnionTypes().filter((member) => !member.isUndefined());
  const members = written.isUnion() ? written.getUnionTypes() : [written];
  return defined.length === members.length && members.every((member) => defined.some((type) => type.compilerType === member.compilerType));
}

function instantiatesStructurally(node: SyntaxNode): boolean {
  return (
    Node.isTypeReference(node) ||
    Node.isArrayTypeNode(node) ||
    Node.isTupleTypeNode(node) ||
    Node.isParenthesizedTypeNode(node) ||
    Node.isUnionTypeNode(node) ||
    Node.isTypeLiteral(node) ||
    (Node.isTypeOperatorTypeNode(node) && Node.isTupleTypeNode(node.getTypeNode())) ||
    (Node.isTypeOperatorTypeNode(node) && Node.isArrayTypeNode(node.getTypeNode()))
  );
}

/** A child site: same path, anchor and bindings, new syntax, no self and no optional folding. */
export function childSite(site: Site, node: SyntaxNode | undefined, type: Type): Site {
  const child: Site = { path: site.path, at: site.at, node: matchingSyntax(node, type, site.bindings) };
  if (site.bindings) child.bindings = site.bindings;
  return child;
}
