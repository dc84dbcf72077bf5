/**
 * The name a source file exports a type under, when generated code cannot import it by its own
 * name: `export default interface Receipt {}` is imported as `default`, `interface X {}` with
 * `export { X as Y }` as `Y`. A type in a namespace is reached through its outermost namespace,
 * so that namespace's export name is the one that counts.
 */
import { Node, ts, type ModuleDeclaration } from 'ts-morph';
import type { DeclarationNode } from './declaration-table.js';

/** The export name of the declaration (or its outermost namespace) when it is not its own name; undefined otherwise. */
export function importNameOf(node: DeclarationNode): string | undefined {
  const top: DeclarationNode | ModuleDeclaration = outermostNamespace(node) ?? node;
  const own = top.getName();
  // The common case answers without listing the file's exports.
  if (own !== undefined && top.hasExportKeyword() && !top.hasDefaultKeyword()) return undefined;
  const names: string[] = [];
  for (const [name, declarations] of top.getSourceFile().getExportedDeclarations()) {
    if (declarations.some((declaration) => declaration === top)) names.push(name);
  }
  if (names.length === 0 || (own !== undefined && names.includes(own))) return undefined;
  // `export { X as Y }` beside `export default X`: either is right; a named export reads better.
  return names.filter((name) => name !== 'default').sort()[0] ?? 'default';
}

/** The outermost `namespace` enclosing `node` (not a `declare module 'x'`), if any. */
function outermostNamespace(node: Node): ModuleDeclaration | undefined {
  let found: ModuleDeclaration | undefined;
  for (let parent = node.getParent(); parent && !Node.isSourceFile(parent); parent = parent.getParent()) {
    if (Node.isModuleDeclaration(parent) && ts.isIdentifier(parent.compilerNode.name)) found = parent;
  }
  return found;
}

/**
 * True when the file exports the declaration (or its outermost namespace) with `export type`
 * only (`export type { Kind }`): generated code can import it as a type, never as a value.
 */
export function isTypeOnlyExport(node: DeclarationNode): boolean {
  const top: DeclarationNode | ModuleDeclaration = outermostNamespace(node) ?? node;
  if (top.hasExportKeyword()) return false;
  const name = top.getName();
  const specifiers = top
    .getSourceFile()
    .getExportDeclarations()
    .filter((declaration) => !declaration.getModuleSpecifier())
    .flatMap((declaration) => declaration.getNamedExports().map((specifier) => ({ declaration, specifier })))
    .filter(({ specifier }) => specifier.getName() === name);
  return specifiers.length > 0 && specifiers.every(({ declaration, specifier }) => declaration.isTypeOnly() || specifier.isTypeOnly());
}
