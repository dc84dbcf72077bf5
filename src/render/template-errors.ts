/** Turns Handlebars exceptions into diagnostics that point into the template file. */
import { diagnostic } from '../diagnostics/create.js';
import { DiagnosticError, type Diagnostic } from '../diagnostics/types.js';

interface HandlebarsException {
  message: string;
  lineNumber?: number;
  column?: number;
}

/** A parse error: Handlebars says the line in prose and the column with a caret under an excerpt. */
export function parseErrorDiagnostic(error: unknown, file: string, source: string): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  const structured = error as HandlebarsException;
  if (typeof structured.lineNumber === 'number') {
    return diagnostic('CG3001', {
      message: `Parse error: ${stripPosition(message)}`,
      file,
      line: structured.lineNumber,
      column: (structured.column ?? 0) + 1,
    });
  }
  const match = /^Parse error on line (\d+):\n(.*)\n(-*)\^\n([\s\S]*)$/.exec(message);
  if (!match) return diagnostic('CG3001', { message: `Parse error: ${message}`, file, line: 1, column: 1 });
  const line = Number(match[1]);
  const excerpt = match[2] ?? '';
  const caret = (match[3] ?? '').length;
  return diagnostic('CG3001', {
    message: `Parse error: ${describeExpectation(match[4] ?? '')}`,
    file,
    line,
    column: locateExcerpt(source, line, excerpt.slice(0, caret)),
  });
}

/** A runtime error (strict mode lookups, a throwing helper). */
export function runtimeErrorDiagnostic(error: unknown, file: string): Diagnostic[] {
  if (error instanceof DiagnosticError) return error.diagnostics;
  const message = error instanceof Error ? error.message : String(error);
  const structured = error as HandlebarsException;
  return [
    diagnostic('CG3002', {
      message: stripPosition(message),
      file,
      line: structured.lineNumber ?? 1,
      column: (structured.column ?? 0) + 1,
    }),
  ];
}

function stripPosition(message: string): string {
  return message.replace(/ - \d+:\d+$/, '');
}

/** Handlebars shows the last 20 characters before the error with newlines removed: find them on the line. */
function locateExcerpt(source: string, line: number, before: string): number {
  const text = source.split('\n')[line - 1] ?? '';
  for (let length = before.length; length > 0; length--) {
    const index = text.lastIndexOf(before.slice(before.length - length));
    if (index >= 0) return index + length + 1;
  }
  return 1;
}

/** `Expecting 'ID', 'STRING', … got 'INVALID'`: a short list is helpful, a long one is noise. */
function describeExpectation(text: string): string {
  const match = /^Expecting (.*), got '([^']*)'$/.exec(text.trim());
  if (!match) return text;
  const expected = (match[1] ?? '').split(', ');
  const got = match[2] === 'INVALID' ? 'an invalid token' : `'${match[2]}'`;
  return expected.length <= 3 ? `expected ${expected.join(' or ')}, got ${got}` : `unexpected ${got}`;
}
