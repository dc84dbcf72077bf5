/** The candidates of annotations.md: exported type declarations of the input files, with their generators. */
import { Node, type SourceFile } from 'ts-morph';
import type { AnalyzerContext } from './context.js';
import type { DeclarationNode } from './declaration-table.js';
import { readerFor } from './readers/registry.js';
import { readSelection } from './tags/selection.js';
import { isInlinedAlias } from './types/declarations.js';

/** Registers every candidate of the (sorted) input files in the declaration table. */
export function collectCandidates(files: readonly SourceFile[], ctx: AnalyzerContext): void {
  for (const file of files) {
    for (const node of file.getStatements()) {
      if (!isCandidate(node)) continue;
      const { generators } = readSelection(ctx.tags(node), node.getName() ?? 'Default', ctx);
      ctx.table.addCandidate(node, generators);
    }
  }
}

function isCandidate(node: Node): node is DeclarationNode {
  const declaration =
    Node.isInterfaceDeclaration(node) || Node.isClassDeclaration(node) || Node.isTypeAliasDeclaration(node) || Node.isEnumDeclaration(node);
  if (!declaration || !node.isExported() || !readerFor(node)?.readType) return false;
  // Generics are emitted per use site (`Page_Order`); primitive aliases are inlined where used.
  if (!Node.isEnumDeclaration(node) && node.getTypeParameters().length > 0) return false;
  return !isInlinedAlias(node);
}
