/** The candidates of annotations.md: exported type declarations of the input files, with their generators. */
import { type ModuleDeclaration, Node, type SourceFile } from 'ts-morph';
import type { AnalyzerContext } from './context.js';
import type { DeclarationNode } from './declaration-table.js';
import type { CandidateMemo, Examined } from './incremental/candidate-memo.js';
import type { FileIndex } from './incremental/file-index.js';
import { mergedTags } from './merged-declarations.js';
import { readerFor } from './readers/registry.js';
import { readSelection } from './tags/selection.js';
import { isInlinedAlias } from './types/declarations.js';
import { exportedFromNamespace, modelName } from './types/namespaces.js';

/**
 * Registers every candidate of the (sorted) input files in the declaration table. With a `memo`
 * (a warm analyzer), a file's verdicts are taken from the last analysis while they hold
 * (incremental/candidate-memo.ts); registering is done afresh either way, in source order.
 */
export function collectCandidates(files: readonly SourceFile[], ctx: AnalyzerContext, memo?: CandidateMemo): void {
  const indexes = new Map<string, FileIndex | undefined>();
  for (const file of files) {
    const examineAll = () => examineStatements(file.getStatements(), ctx);
    const verdicts = memo ? memo.verdicts(file, examineAll, (node) => examine(node, ctx), indexes) : examineAll();
    for (const { node, generators, diagnostics } of verdicts) {
      // A merged declaration's parts select together (its tags are theirs combined); the table keeps one entry.
      if (!generators || ctx.table.has(node)) continue;
      ctx.diagnostics.push(...diagnostics);
      ctx.table.addCandidate(node, [...generators]);
    }
  }
}

/**
 * The verdicts on the declarations among `statements`, and in the exported namespaces among
 * them (nested ones too), in source order: each candidate, and each alias the checker inlines.
 */
function examineStatements(statements: readonly Node[], ctx: AnalyzerContext, found: Examined[] = []): Examined[] {
  for (const node of statements) {
    if (Node.isModuleDeclaration(node) && (node.isExported() || exportedFromNamespace(node))) {
      examineStatements(namespaceStatements(node), ctx, found);
      continue;
    }
    if (isExportedDeclaration(node)) found.push(examine(node, ctx));
  }
  return found;
}

/** The verdict on an exported declaration; what choosing its generators reports is kept in it, not reported. */
function examine(node: DeclarationNode, ctx: AnalyzerContext): Examined {
  const typed = Node.isTypeAliasDeclaration(node) && node.getTypeParameters().length === 0;
  if (!isCandidate(node)) return { node, generators: undefined, diagnostics: [], typed };
  const before = ctx.diagnostics.length;
  const { generators } = readSelection(mergedTags(node, ctx, false), modelName(node), ctx);
  return { node, generators, diagnostics: ctx.diagnostics.splice(before), typed };
}

/** The statements of a namespace body; `namespace A.B {}` nests its body one level down. */
function namespaceStatements(node: ModuleDeclaration): Node[] {
  let body = node.getBody();
  while (body && Node.isModuleDeclaration(body)) body = body.getBody();
  return body && Node.isModuleBlock(body) ? body.getStatements() : [];
}

/** An exported interface, class, alias or enum that a reader claims: syntax alone decides. */
function isExportedDeclaration(node: Node): node is DeclarationNode {
  const declaration =
    Node.isInterfaceDeclaration(node) || Node.isClassDeclaration(node) || Node.isTypeAliasDeclaration(node) || Node.isEnumDeclaration(node);
  return declaration && (node.isExported() || exportedFromNamespace(node)) && Boolean(readerFor(node)?.readType);
}

function isCandidate(node: DeclarationNode): boolean {
  // Generics are emitted per use site (`Page_Order`); primitive aliases are inlined where used.
  if (!Node.isEnumDeclaration(node) && node.getTypeParameters().length > 0) return false;
  return !isInlinedAlias(node);
}
