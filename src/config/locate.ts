/** Turning a key path (`['projects', 'api', 'input']`) into the file position of that key or value. */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { KeyPath } from './check-value.js';

export interface Position {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/**
 * Finds where a key path is written. `key` (default) points at the last key of the path
 * (or at the item, for an array index); `value` at its value. Undefined when not in the file.
 */
export type Locate = (keyPath: KeyPath, target?: 'key' | 'value') => Position | undefined;

/** A locator over a parsed document; `file` is the path diagnostics show. */
export function createLocator(document: Document, lineCounter: LineCounter, file: string): Locate {
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  return (keyPath, target = 'key') => {
    let node = resolve(document, document.contents);
    if (keyPath.length === 0) return at(node?.range?.[0] ?? 0);
    for (const [index, segment] of keyPath.entries()) {
      const last = index === keyPath.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) return undefined;
        const keyNode = pair.key as Node;
        const valueNode = resolve(document, pair.value as Node | null);
        if (last) return at((target === 'value' ? valueNode?.range?.[0] : undefined) ?? keyNode.range?.[0] ?? 0);
        node = valueNode;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = resolve(document, node.items[segment] as Node | undefined);
        if (!item) return undefined;
        if (last) return at(item.range?.[0] ?? 0);
        node = item;
      } else {
        return undefined;
      }
    }
    return undefined;
  };
}

/** A locator for when there is no document: nothing can be located. */
export const locateNothing: Locate = () => undefined;

/**
 * Where a project setting is written: in the project's own entry under `projects:`, else at
 * the top level it inherits from (which is also where a config without `projects:` has it).
 */
export function locateInProject(
  locate: Locate,
  projectName: string,
  keyPath: KeyPath,
  target: 'key' | 'value' = 'key',
): Position | undefined {
  return locate(['projects', projectName, ...keyPath], target) ?? locate(keyPath, target);
}

function resolve(document: Document, node: Node | null | undefined): Node | undefined {
  if (node === null || node === undefined) return undefined;
  if (isAlias(node)) return (node.resolve(document) as Node | undefined) ?? undefined;
  return node;
}

/** The position of the path, or of its nearest ancestor written in the file. */
export function locateNearest(locate: Locate, keyPath: KeyPath, target: 'key' | 'value' = 'key'): Position | undefined {
  for (let length = keyPath.length; length >= 0; length--) {
    const found = locate(keyPath.slice(0, length), length === keyPath.length ? target : 'key');
    if (found) return found;
  }
  return undefined;
}

/** `projects.api.input[0]`: a key path as messages show it. */
export function formatKeyPath(keyPath: KeyPath): string {
  return keyPath.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}
