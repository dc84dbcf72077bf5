/** A few lines of the user's file around a diagnostic, with a caret under the column. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Colors } from './output.js';

const CONTEXT_LINES = 2;

/** The frame as lines of text, or none when the file cannot be read. */
export function codeFrame(cwd: string, file: string, line: number, column: number, colors: Colors): string[] {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch {
    return [];
  }
  const lines = text.split(/\r?\n/);
  if (line < 1 || line > lines.length) return [];
  const first = Math.max(1, line - CONTEXT_LINES);
  const last = Math.min(lines.length, line + CONTEXT_LINES);
  const width = String(last).length;
  const frame: string[] = [];
  for (let number = first; number <= last; number++) {
    const gutter = `${String(number).padStart(width)} | `;
    const source = (lines[number - 1] ?? '').replace(/\t/g, '  ');
    frame.push(number === line ? `${colors.bold('>')} ${colors.dim(gutter)}${source}` : `  ${colors.dim(gutter)}${source}`);
    if (number === line) {
      const prefix = (lines[number - 1] ?? '').slice(0, Math.max(0, column - 1)).replace(/[^\t]/g, ' ').replace(/\t/g, '  ');
      frame.push(`  ${' '.repeat(width)}${colors.dim(' | ')}${prefix}${colors.red('^')}`);
    }
  }
  return frame;
}
