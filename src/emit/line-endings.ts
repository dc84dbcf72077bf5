/**
 * Line endings are the checkout's business as much as codegen's: git `core.autocrlf` or a
 * `.gitattributes` `eol` rewrites them on checkout, and Prettier's `endOfLine` chooses them for
 * new text. So codegen compares and hashes text with line endings normalised to LF, and writes
 * the line ending the project's Prettier config asks for.
 */

/** Prettier's `endOfLine` values (`auto`: keep what the file on disk uses). */
export type EndOfLine = 'lf' | 'crlf' | 'cr' | 'auto';

/** The text with every CRLF and lone CR turned into LF. */
export function toLf(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Whether two texts differ at most in their line endings. */
export function sameButLineEndings(a: string, b: string): boolean {
  return a === b || toLf(a) === toLf(b);
}

/** The line ending a text uses, judged by its first one (as Prettier's `auto` does); LF when it has none. */
export function detectLineEnding(text: string): 'lf' | 'crlf' | 'cr' {
  const index = text.search(/\r\n?|\n/);
  if (index < 0 || text[index] === '\n') return 'lf';
  return text[index + 1] === '\n' ? 'crlf' : 'cr';
}

/**
 * LF text with its line endings set to `endOfLine`; `auto` keeps those of `existing` (the file
 * on disk), and LF for a new file.
 */
export function withLineEnding(lfText: string, endOfLine: EndOfLine, existing?: string): string {
  const chosen = endOfLine === 'auto' ? (existing === undefined ? 'lf' : detectLineEnding(existing)) : endOfLine;
  if (chosen === 'crlf') return lfText.replace(/\n/g, '\r\n');
  if (chosen === 'cr') return lfText.replace(/\n/g, '\r');
  return lfText;
}

/** A Prettier `endOfLine` option value as codegen uses it; anything else is Prettier's default, `lf`. */
export function endOfLineOption(value: unknown): EndOfLine {
  return value === 'crlf' || value === 'cr' || value === 'auto' ? value : 'lf';
}
