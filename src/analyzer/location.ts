/** Source positions: 1-based line and column, POSIX paths relative to a chosen root. */
import path from 'node:path';
import type { Node } from 'ts-morph';
import type { SourceLocation } from '../model/index.js';

/** A path relative to `root`, with forward slashes on every platform. */
export function relativePosix(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** Where a node starts (after its comments), as editors show it. */
export function positionOf(node: Node, root: string): SourceLocation {
  const sourceFile = node.getSourceFile();
  const { line, column } = sourceFile.getLineAndColumnAtPos(node.getStart());
  return { file: relativePosix(root, sourceFile.getFilePath()), line, column };
}

/** The node a declaration or property is best pointed at: its name when it has one. */
export function nameNodeOf(node: Node): Node {
  const named = node as Node & { getNameNode?: () => Node | undefined };
  return named.getNameNode?.() ?? node;
}
