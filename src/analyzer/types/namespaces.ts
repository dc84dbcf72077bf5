/**
 * Types declared in namespaces (`export namespace TermStore { export interface Term {} }`,
 * nested ones and `namespace A.B {}` too). TypeScript code names such a type `TermStore.Term`
 * and imports `TermStore`; the model's id and name join the path with `_` (`TermStore_Term`),
 * an identifier generated functions can be named after, apart from a top-level `Term`.
 */
import { Node, ts } from 'ts-morph';

/** The namespaces enclosing `node`, outermost first; empty at the top level of a file. */
export function namespacePath(node: Node): string[] {
  const path: string[] = [];
  for (let parent = node.compilerNode.parent; parent && !ts.isSourceFile(parent); parent = parent.parent) {
    if (!ts.isModuleDeclaration(parent)) continue;
    // `declare module 'x' {}` is a module, not a namespace: its types are named as at the top level;
    // so are those of `declare global {}`, which are globals.
    if (!ts.isIdentifier(parent.name) || (parent.flags & ts.NodeFlags.GlobalAugmentation) !== 0) return [];
    path.unshift(parent.name.text);
  }
  return path;
}

/** `TermStore_Term`: the model's name for a declaration (its own name at the top level). */
export function modelName(node: Node & { getName(): string | undefined }): string {
  return [...namespacePath(node), node.getName() ?? 'Default'].join('_');
}

/** `TermStore.Term`: how TypeScript code outside the namespace names the declaration. */
export function qualifiedName(node: Node & { getName(): string | undefined }): string {
  return [...namespacePath(node), node.getName() ?? 'Default'].join('.');
}

/** The parser's flag for nodes in an ambient context (internal to TypeScript's API: 1 << 25). */
const AMBIENT = (ts.NodeFlags as unknown as { Ambient: number }).Ambient;

/**
 * True when a declaration inside a namespace is exported from it: written `export`, or in an
 * ambient namespace (a `.d.ts` file, `declare namespace`), whose members are exported without it.
 */
export function exportedFromNamespace(node: Node): boolean {
  return namespacePath(node).length > 0 && (node.compilerNode.flags & AMBIENT) !== 0;
}

/** True when every enclosing namespace is exported, so code outside the file can reach the type. */
export function namespacesExported(node: Node): boolean {
  for (let parent = node.getParent(); parent && !Node.isSourceFile(parent); parent = parent.getParent()) {
    if (Node.isModuleDeclaration(parent) && !parent.isExported() && !isInnerOfDottedName(parent) && !exportedFromNamespace(parent)) return false;
  }
  return true;
}

/** `namespace A.B {}`: `B` is written without `export` but is part of the exported `A`. */
function isInnerOfDottedName(node: Node): boolean {
  return ts.isModuleDeclaration(node.compilerNode.parent);
}
