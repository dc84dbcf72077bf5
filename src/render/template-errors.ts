/** Turns Handlebars exceptions into diagnostics that point into the template file. */
import { diagnostic } from '../diagnostics/create.js';
import { DiagnosticError, type Diagnostic } from '../diagnostics/types.js';
import { suggest } from '../config/suggest.js';
import { missingPartialName, TemplateFailure, type TagLocation } from './template-failure.js';
import type { TemplateOutline } from './template-outline.js';

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

/**
 * A runtime error: a missing value or a throwing helper (located by the strict lookups and the
 * helper wrappers), a missing partial (located through the template's outline), or a Handlebars
 * exception with its own position. Anything else has no position: the file alone, never a
 * made-up 1:1.
 */
export function runtimeErrorDiagnostic(error: unknown, file: string, outline?: TemplateOutline, partials: readonly string[] = []): Diagnostic[] {
  if (error instanceof DiagnosticError) return error.diagnostics;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof TemplateFailure) return [failureDiagnostic(error, file)];
  const missingPartial = missingPartialName(error);
  if (missingPartial !== undefined) return [partialDiagnostic(missingPartial, file, outline, partials)];
  const structured = error as HandlebarsException;
  const located = diagnostic('CG3002', { message: stripPosition(message), file, ...position(structured) });
  if (error instanceof Error && error.stack && structured.lineNumber === undefined) located.stack = error.stack;
  return [located];
}

/** A helper called with arguments that nobody registered: found before the template runs. */
export function unknownHelperDiagnostic(name: string, loc: TagLocation, file: string, helpers: readonly string[]): Diagnostic {
  const alternative = suggest(name, helpers.filter((helper) => !helper.includes(' ')));
  return diagnostic('CG3002', {
    message: `Helper "${name}" is not registered${alternative ? `; did you mean "${alternative}"?` : ''}`,
    file,
    line: loc.start.line,
    column: loc.start.column + 1,
    hint: "Correct the name, or register the helper: a generator's `helpers`, or the `helpers` module of a manifest plugin (see docs/templates-and-plugins.md).",
  });
}

function failureDiagnostic(failure: TemplateFailure, file: string): Diagnostic {
  const located = diagnostic('CG3002', {
    message: failure.message,
    file,
    ...(failure.loc ? { line: failure.loc.start.line, column: failure.loc.start.column + 1 } : {}),
    ...(failure.kind === 'helper-threw'
      ? { hint: 'The helper threw: fix it, or the values the template passes to it. Run with -v for its stack trace.' }
      : {}),
  });
  const cause = failure.cause;
  if (failure.kind === 'helper-threw' && cause instanceof Error && cause.stack) located.stack = cause.stack;
  return located;
}

function partialDiagnostic(name: string, file: string, outline: TemplateOutline | undefined, partials: readonly string[]): Diagnostic {
  const tags = outline?.partials ?? [];
  const tag = tags.find((candidate) => candidate.name === name) ?? (tags.filter((candidate) => candidate.name === undefined).length === 1 ? tags.find((candidate) => candidate.name === undefined) : undefined);
  const alternative = suggest(name, partials);
  const known = partials.length > 0 ? `; the partials are ${partials.join(', ')}` : '; there are no partials';
  return diagnostic('CG3003', {
    message: `Partial "${name}" not found${alternative ? ` (did you mean "${alternative}"?)` : known}`,
    file,
    ...(tag ? { line: tag.loc.start.line, column: tag.loc.start.column + 1 } : {}),
    hint: 'A partial is a .hbs file in a partials folder (see "Partials" in docs/templates-and-plugins.md): add it, or correct the name.',
  });
}

function position(error: HandlebarsException): { line?: number; column?: number } {
  return typeof error.lineNumber === 'number' ? { line: error.lineNumber, column: (error.column ?? 0) + 1 } : {};
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
