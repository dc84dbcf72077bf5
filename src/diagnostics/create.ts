import { catalogueEntry, type DiagnosticCode } from './catalogue.js';
import type { Diagnostic, Severity } from './types.js';

export interface DiagnosticInput {
  message: string;
  file?: string;
  line?: number;
  column?: number;
  hint?: string;
  /** Overrides the catalogue's default severity. */
  severity?: Severity;
}

/** Builds a diagnostic for a catalogued code, with the catalogue's severity and fix as hint. */
export function diagnostic(code: DiagnosticCode, input: DiagnosticInput): Diagnostic {
  const entry = catalogueEntry(code);
  const result: Diagnostic = { code, severity: input.severity ?? entry.severity, message: input.message };
  if (input.file !== undefined) result.file = input.file;
  if (input.line !== undefined) result.line = input.line;
  if (input.column !== undefined) result.column = input.column;
  result.hint = input.hint ?? entry.fix;
  return result;
}
