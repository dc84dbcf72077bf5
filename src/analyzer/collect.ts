/** The candidates of annotations.md: exported type declarations of the input files, with their generators. */
import { type ModuleDeclaration, Node, type SourceFile } from 'ts-morph';
import type { AnalyzerContext } from './context.js';
import type { DeclarationNode } from './declaration-table.js';
import { mergedTags } from './merged-declarations.js';
import { readerFor } from './readers/registry.js';
import { readSelection } from './tags/selection.js';
import { isInlinedAlias } from './types/declarations.js';
import { exportedFromNamespace, modelName } from './types/namespaces.js';

/** Registers every candidate of the (sorted) input files in the declaration table. */
export function collectCandidates(files: readonly SourceFile[], ctx: AnalyzerContext): void {
  for (const file of files) collectStatements(file.getStatements(), ctx);
}

/** The candidates among `statements`, and in the exported namespaces among them (nested ones too). */
function collectStatements(statements: readonly Node[], ctx: AnalyzerContext): void {
  for (const node of statements) {
    if (Node.isModuleDeclaration(node) && (node.isExported() || exportedFromNamespace(node))) {
      collectStatements(namespaceStatements(node), ctx);
      continue;
    }
    if (!isCandidate(node) || ctx.table.has(node)) continue;
    // A merged declaration's parts select together (its tags are theirs combined); the table keeps one entry.
    const { generators } = readSelection(mergedTags(node, ctx, false), modelName(node), ctx);
    ctx.table.addCandidate(node, generators);
  }
}

/** The statements of a namespace body; `namespace A.B {}` nests its body one level down. */
function namespaceStatements(node: ModuleDeclaration): Node[] {
  let body = node.getBody();
  while (body && Node.isModuleDeclaration(body)) body = body.getBody();
  return body && Node.isModuleBlock(body) ? body.getStatements() : [];
}

function isCandidate(node: Node): node is DeclarationNode {
  const declaration =
    Node.isInterfaceDeclaration(node) || Node.isClassDeclaration(node) || Node.isTypeAliasDeclaration(node) || Node.isEnumDeclaration(node);
  if (!declaration || !(node.isExported() || exportedFromNamespace(node)) || !readerFor(node)?.readType) return false;
  // Generics are emitted per use site (`Page_Order`); primitive aliases are inlined where used.
  if (!Node.isEnumDeclaration(node) && node.getTypeParameters().length > 0) return false;
  return !isInlinedAlias(node);
}
