/** Where a type is being resolved: the syntax that wrote it, for messages and diagnostics. */
import type { Node, Type, TypeNode as SyntaxNode } from 'ts-morph';
import type { DeclarationNode } from '../declaration-table.js';

export interface Site {
  /**
   * The syntax that wrote this very type, when there is one. It is dropped wherever the
   * checker's type no longer matches it (inside generic instantiations and mapped types),
   * so it only ever adds facts the checker forgets: aliases of primitives and their tags.
   */
  node?: SyntaxNode;
  /** `User.tags`, for messages. */
  path: string;
  /** Where diagnostics point: the property, or the declaration. */
  at: Node;
  /** The declaration whose own type this is: never turned into a reference to itself. */
  self?: DeclarationNode;
  /** Property level: `undefined` members are folded into this flag instead of kept. */
  optional?: { value: boolean };
}

/** The syntax node when it still denotes `type`, else undefined. */
export function matchingSyntax(node: SyntaxNode | undefined, type: Type): SyntaxNode | undefined {
  return node && node.getType().compilerType === type.compilerType ? node : undefined;
}

/** A child site: same path and anchor, new syntax, no self and no optional folding. */
export function childSite(site: Site, node: SyntaxNode | undefined, type: Type): Site {
  return { path: site.path, at: site.at, node: matchingSyntax(node, type) };
}
