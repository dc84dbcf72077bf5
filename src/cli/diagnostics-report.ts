/** Diagnostics as text: `file:line:col - error CODE: message`, hint, code frame in a terminal. */
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
