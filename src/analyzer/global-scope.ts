/**
 * Where a declaration lives for the code around it: in the global scope (a script file with no
 * import or export, as `env.d.ts` / `globals.d.ts` are, or a `declare global {}` block), and
 * whether JavaScript stands behind it (ambient declarations have none).
 */
import { Node, ts } from 'ts-morph';

/** The parser's flag for nodes in an ambient context (internal to TypeScript's API: 1 << 25). */
const AMBIENT = (ts.NodeFlags as unknown as { Ambient: number }).Ambient;

/**
 * True when the declaration is global: every file of the program sees it by its name, and no
 * module exports it, so generated code names it without an import (and `export` would break it).
 */
export function isGlobalDeclaration(node: Node): boolean {
  for (let parent = node.compilerNode.parent; parent && !ts.isSourceFile(parent); parent = parent.parent) {
    if (!ts.isModuleDeclaration(parent)) continue;
    if ((parent.flags & ts.NodeFlags.GlobalAugmentation) !== 0) return true;
    // `declare module 'x' {}`: the types of a module, not globals.
    if (ts.isStringLiteral(parent.name)) return false;
  }
  return !ts.isExternalModule(node.getSourceFile().compilerNode);
}

/**
 * True when nothing runs behind the declaration: it is in a declaration file, written `declare`
 * (`declare enum`, `declare const enum`, `declare class`), or inside a `declare namespace` or
 * `declare global` block. Its module has no such value at run time.
 */
export function isAmbientDeclaration(node: Node): boolean {
  return (node.compilerNode.flags & AMBIENT) !== 0;
}
