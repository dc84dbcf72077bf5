/** Diagnostics as text: `file:line:col - error CODE: message`, hint, code frame in a terminal. */
import { catalogueEntry } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { codeFrame } from './code-frame.js';
import type { Colors } from './output.js';

export interface ReportOptions {
  cwd: string;
  colors: Colors;
  /** Show code frames (stderr is a terminal). */
  frames: boolean;
  /** Show stack traces of unexpected failures (`-v`). */
  verbose: boolean;
}

/** One diagnostic as the lines to print. */
export function formatDiagnostic(d: Diagnostic, options: ReportOptions): string[] {
  const { colors } = options;
  const location = d.file ? `${colors.cyan(d.file)}${d.line ? `:${colors.yellow(String(d.line))}:${colors.yellow(String(d.column ?? 1))}` : ''} - ` : '';
  const severity = d.severity === 'error' ? colors.red('error') : colors.yellow('warning');
  const lines = [`${location}${severity} ${colors.dim(d.code)}: ${d.message}`];
  if (options.frames && d.file && d.line) lines.push('', ...codeFrame(options.cwd, d.file, d.line, d.column ?? 1, colors), '');
  if (d.hint) lines.push(`  ${colors.dim('hint:')} ${d.hint}`);
  if (options.verbose && d.stack) lines.push(colors.dim(d.stack));
  return lines;
}

/** Every diagnostic, in the order found (pipeline stage, then file order). */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: ReportOptions): string[] {
  return diagnostics.flatMap((d) => formatDiagnostic(d, options));
}

/** `2 errors, 1 warning`. */
export function countSummary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const parts = [];
  if (errors) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  return parts.join(', ');
}

/**
 * Warnings that give one advice over and over in a code base: a NestJS project has an
 * `@IsOptional()` on hundreds of `x?: T` properties, each a CG2016. Without `-v` only the first
 * `FOLD_SHOWN` of such a code are printed, and one line counts the rest.
 */
export const FOLDED_CODES: ReadonlySet<string> = new Set(['CG2016']);

/** How many diagnostics of a folded code are printed in full without `-v`. */
export const FOLD_SHOWN = 3;

/** The diagnostics of one folded code that were not printed. */
export interface FoldedCode {
  code: string;
  /** How many were left out. */
  count: number;
  /** How many files those were in. */
  files: number;
}

/**
 * The diagnostics to print in full, and per folded code (`FOLDED_CODES`) what was left out:
 * errors are never folded, nor anything under `verbose`.
 */
export function foldDiagnostics(diagnostics: readonly Diagnostic[], verbose: boolean): { shown: Diagnostic[]; folded: FoldedCode[] } {
  if (verbose) return { shown: [...diagnostics], folded: [] };
  const seen = new Map<string, number>();
  const left = new Map<string, Diagnostic[]>();
  const shown = diagnostics.filter((d) => {
    if (d.severity === 'error' || !FOLDED_CODES.has(d.code)) return true;
    const count = (seen.get(d.code) ?? 0) + 1;
    seen.set(d.code, count);
    if (count <= FOLD_SHOWN) return true;
    left.set(d.code, [...(left.get(d.code) ?? []), d]);
    return false;
  });
  const folded = [...left].map(([code, rest]) => ({ code, count: rest.length, files: new Set(rest.map((d) => d.file)).size }));
  return { shown, folded };
}

/** `… and 297 more warnings CG2016 (class-validator rule looser than the type) in 41 files: -v lists each.` */
export function formatFolded(fold: FoldedCode, colors: Colors): string {
  const files = `${fold.files} file${fold.files === 1 ? '' : 's'}`;
  return `… and ${fold.count} more ${colors.yellow(fold.count === 1 ? 'warning' : 'warnings')} ${colors.dim(fold.code)} (${catalogueEntry(fold.code).title}) in ${files}: -v lists each.`;
}
