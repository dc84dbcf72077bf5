/** Where TypeScript's own lib files are: on disk, or where ts-morph serves them from memory. */
import type { Node } from 'ts-morph';

/** True for nodes of TypeScript's own lib files (`Map`, `Promise`, `Partial` …). */
export function isDefaultLib(node: Node): boolean {
  const file = node.getSourceFile();
  return file.isInNodeModules() && /[\\/]typescript[\\/]lib[\\/]/.test(file.getFilePath());
}
