/** The shape every declaration reader has; see registry.ts for the ordered list. */
import type { Node } from 'ts-morph';
import type { DeclarationKind, TypeNode } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import type { DeclarationNode, TableEntry } from '../declaration-table.js';

export interface DeclarationBody {
  kind: DeclarationKind;
  type: TypeNode;
}

export interface DeclarationReader {
  name: string;
  /** True when this reader owns the node; the first reader that claims a node reads it. */
  claims(node: Node): boolean;
  /**
   * The declaration's type, for readers of type declarations. Readers without it claim
   * declarations that are not types (services), so those never become type declarations.
   */
  readType?(node: DeclarationNode, entry: TableEntry, ctx: AnalyzerContext): DeclarationBody;
}
