/** Source positions: 1-based line and column, POSIX paths relative to a chosen root. */
import path from 'node:path';
import type { Node } from 'ts-morph';
import type { SourceLocation } from '../model/index.js';
import { lineAndColumnAt } from './line-columns.js';

/**
 * Answers of `relativePosix` by root, then file: it is asked for every position read (each
 * property, tag and diagnostic), always about the same few files, and path.relative is slow.
 */
const relativePaths = new Map<string, Map<string, string>>();

/** A path relative to `root`, with forward slashes on every platform. */
export function relativePosix(root: string, file: string): string {
  let byFile = relativePaths.get(root);
  if (!byFile) relativePaths.set(root, (byFile = new Map()));
  let relative = byFile.get(file);
  if (relative === undefined) {
    // A long-lived process (watch) meets few roots, but files come and go: bound the memo.
    if (byFile.size >= 10_000) byFile.clear();
    byFile.set(file, (relative = path.relative(root, file).split(path.sep).join('/')));
  }
  return relative;
}

/** Where a node starts (after its comments), as editors show it. */
export function positionOf(node: Node, root: string): SourceLocation {
  const sourceFile = node.getSourceFile();
  const { line, column } = lineAndColumnAt(sourceFile, node.getStart());
  return { file: relativePosix(root, sourceFile.getFilePath()), line, column };
}

/** The node a declaration or property is best pointed at: its name when it has one. */
export function nameNodeOf(node: Node): Node {
  const named = node as Node & { getNameNode?: () => Node | undefined };
  return named.getNameNode?.() ?? node;
}
