/**
 * Line and column of a position, in ts-morph's numbering (`SourceFile.getLineAndColumnAtPos`:
 * lines are counted by `\n`, a column counts from the last `\n` or `\r`, both 1-based), from an
 * index of the file's line breaks built once per parsed file. ts-morph scans the text from its
 * start on every call, which made reading a large file (a 39,000-line declaration file) quadratic.
 */
import type { SourceFile, ts } from 'ts-morph';

interface LineIndex {
  /** Positions of `\n`, ascending. */
  newlines: number[];
  /** Positions of `\n` and `\r`, ascending. */
  breaks: number[];
}

const indexes = new WeakMap<ts.SourceFile, LineIndex>();

/** `sourceFile.getLineAndColumnAtPos(pos)`, in logarithmic time. */
export function lineAndColumnAt(sourceFile: SourceFile, pos: number): { line: number; column: number } {
  const text = sourceFile.getFullText();
  // Out of range: ts-morph's own error.
  if (pos < 0 || pos > text.length) return sourceFile.getLineAndColumnAtPos(pos);
  const compiled = sourceFile.compilerNode;
  let index = indexes.get(compiled);
  if (!index) indexes.set(compiled, (index = indexLines(text)));
  const line = countBelow(index.newlines, pos) + 1;
  const before = countBelow(index.breaks, pos);
  const lineStart = before === 0 ? 0 : index.breaks[before - 1]! + 1;
  return { line, column: pos - lineStart + 1 };
}

function indexLines(text: string): LineIndex {
  const newlines: number[] = [];
  const breaks: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      newlines.push(i);
      breaks.push(i);
    } else if (code === 13) breaks.push(i);
  }
  return { newlines, breaks };
}

/** How many entries of the ascending `positions` are below `pos`. */
function countBelow(positions: readonly number[], pos: number): number {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (positions[middle]! < pos) low = middle + 1;
    else high = middle;
  }
  return low;
}
