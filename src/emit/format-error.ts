/** Turns a Prettier failure into CG3004, pointing into the generated text (never written). */
import { diagnostic, DiagnosticError } from '../diagnostics/index.js';

interface PrettierFailure {
  message?: unknown;
  loc?: { start?: { line?: number; column?: number } };
}

/** The CG3004 error for Prettier rejecting the generated `text` of output file `shown`. */
export function formatError(shown: string, text: string, failure: unknown): DiagnosticError {
  const { message, loc } = (failure ?? {}) as PrettierFailure;
  const reason = firstLine(typeof message === 'string' ? message : String(failure)).replace(/\s*\(\d+:\d+\)$/, '');
  const line = loc?.start?.line;
  const column = loc?.start?.column;
  const where = line === undefined ? '' : ` at ${line}:${column ?? 1} of the generated text`;
  const excerpt = line === undefined ? '' : `\n${codeExcerpt(text, line, column ?? 1)}`;
  return new DiagnosticError([
    diagnostic('CG3004', { message: `Prettier cannot format ${shown}: ${reason}${where}.${excerpt}`, file: shown }),
  ]);
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}

/** The failing line with one line of context either side and a caret under the column. */
export function codeExcerpt(text: string, line: number, column: number): string {
  const lines = text.split('\n');
  const first = Math.max(1, line - 1);
  const last = Math.min(lines.length, line + 1);
  const width = String(last).length;
  const out: string[] = [];
  for (let number = first; number <= last; number += 1) {
    const marker = number === line ? '>' : ' ';
    out.push(`${marker} ${String(number).padStart(width)} | ${lines[number - 1] ?? ''}`);
    if (number === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, column - 1))}^`);
  }
  return out.join('\n');
}
