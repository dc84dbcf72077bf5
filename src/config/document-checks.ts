/**
 * Checks of the parsed YAML document, before it becomes plain data: nesting depth and duplicate
 * keys. One iterative walk, linear in the size of the document (the `yaml` library's own
 * `uniqueKeys` compares every key with every other one, which hangs on a mapping of 100,000 keys),
 * and no recursion, so a deeply nested document cannot exhaust the stack.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { CONFIG_LIMITS, formatCount } from './limits.js';
import type { ParseError } from './parse.js';

/** The first structural problem of `document` (too deep, a key written twice), if any. */
export function checkDocument(document: Document, lineCounter: LineCounter): ParseError | undefined {
  const at = (node: Node, message: string): ParseError => {
    const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
    return { message, line, column: col };
  };
  const pending: { node: unknown; depth: number }[] = [{ node: document.contents, depth: 0 }];
  while (pending.length > 0) {
    const { node, depth } = pending.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= CONFIG_LIMITS.nesting) {
      return at(node, `mappings and sequences nest more than ${CONFIG_LIMITS.nesting} levels deep`);
    }
    if (isMap(node)) {
      const duplicate = duplicateKey(node.items, lineCounter);
      if (duplicate) return at(duplicate.node, duplicate.message);
    }
    for (const item of node.items) {
      if (isPair(item)) pending.push({ node: item.value, depth: depth + 1 });
      else if (!isAlias(item)) pending.push({ node: item, depth: depth + 1 });
    }
  }
  return undefined;
}

function duplicateKey(pairs: readonly unknown[], lineCounter: LineCounter): { node: Node; message: string } | undefined {
  const seen = new Map<string, Node>();
  for (const pair of pairs) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    // Keys are compared as the plain object will hold them: `1` and "1" are the same key.
    const key = String(pair.key.value);
    const first = seen.get(key);
    if (first) {
      const { line } = lineCounter.linePos(first.range?.[0] ?? 0);
      return { node: pair.key, message: `Map keys must be unique: "${key}" is already written on line ${formatCount(line)}` };
    }
    seen.set(key, pair.key);
  }
  return undefined;
}
