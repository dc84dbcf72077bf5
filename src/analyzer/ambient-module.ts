/**
 * Declarations inside `declare module 'x' {}` blocks: the types of a module TypeScript knows by
 * its name (`'fs'`, `'node:fs'` in @types/node; old package typings such as
 * `declare module 'stripe' { namespace Stripe { interface Customer {} } }`).
 */
import { ts, type Node } from 'ts-morph';

/**
 * True when the declaration is inside a `declare module 'x'` block (at any depth). Its members are
 * the module's exports (implicitly, or through `export =` of a namespace), so `export` is never the
 * user's to add; generated code cannot import them by a file path either, and spells them out.
 */
export function isInAmbientModule(node: Node): boolean {
  for (let parent = node.compilerNode.parent; parent && !ts.isSourceFile(parent); parent = parent.parent) {
    if (ts.isModuleDeclaration(parent) && ts.isStringLiteral(parent.name)) return true;
  }
  return false;
}
