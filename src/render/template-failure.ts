/**
 * A failure inside a running template that knows where it happened: the tag's position (from
 * the Handlebars AST) and what was involved (a path, a helper). Thrown by the strict lookups
 * and the helper wrappers, turned into a diagnostic by `template-errors.ts`.
 */

import { DiagnosticError } from '../diagnostics/types.js';

/** A tag's position as Handlebars reports it: 1-based line, 0-based column. */
export interface TagLocation {
  start: { line: number; column: number };
}

export type TemplateFailureKind = 'missing-value' | 'helper-threw';

export class TemplateFailure extends Error {
  constructor(
    message: string,
    readonly kind: TemplateFailureKind,
    readonly loc: TagLocation | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TemplateFailure';
  }
}

const MISSING_PARTIAL = /^The partial (.*) could not be found$/;

/** The partial name of Handlebars' "The partial x could not be found", which carries no position. */
export function missingPartialName(error: unknown): string | undefined {
  return error instanceof Error ? MISSING_PARTIAL.exec(error.message)?.[1] : undefined;
}

/**
 * True for errors that already say where they happened, or that are located later from the
 * template's outline (a missing partial): outer helpers must pass them on unchanged.
 */
export function isLocated(error: unknown): boolean {
  if (error instanceof TemplateFailure || missingPartialName(error) !== undefined) return true;
  if (error instanceof DiagnosticError) return true;
  return typeof (error as { lineNumber?: unknown } | null)?.lineNumber === 'number';
}
