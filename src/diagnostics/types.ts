/**
 * Problems are plain data. Every stage returns them instead of throwing, the CLI renders them
 * (tsc style `file:line:col - error CODE: message`, a code frame in a terminal, or JSON).
 */

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Stable code from the catalogue (`CG2004`). */
  code: string;
  severity: Severity;
  message: string;
  /** Path as the user would click it: relative to the working folder when possible, POSIX. */
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
  /** What to do about it. */
  hint?: string;
  /** Stack trace of an unexpected failure; printed only with `-v`. */
  stack?: string;
}

/** True when any diagnostic is an error (or, under `strict`, a warning). */
export function hasErrors(diagnostics: readonly Diagnostic[], strict = false): boolean {
  return diagnostics.some((d) => d.severity === 'error' || (strict && d.severity === 'warning'));
}

/**
 * Thrown only across a stage boundary that cannot return a value (a template helper, a
 * plugin's code); the pipeline catches it and reports its diagnostics.
 */
export class DiagnosticError extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n'));
    this.name = 'DiagnosticError';
    this.diagnostics = diagnostics;
  }
}
