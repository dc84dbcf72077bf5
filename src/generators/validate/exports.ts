/**
 * What validate's files export, described for generators that build on it (`uses: ['validate']`).
 * The roles are validate's public contract with them (docs/templates-and-plugins.md):
 *
 * - per declaration: `is`, `validate`, `assert`, `collect` (the issue collector other validators
 *   call: `(value, path, issues) => void`) and, when the declaration's data is coerced, `coerce`;
 * - in the runtime file: `ValidationError`, `ValidationIssue`, `ValidationResult`,
 *   `ValidationIssueCode` (types but the error) and each shared helper it holds, under its own
 *   name as role (`report`, `isObject`, `hasMinLength`…).
 */
import type { PlannedExport } from '../kit/contract.js';
import type { DeclarationView } from './view-model.js';
import { PRIVATE_HELPERS, type RuntimeHelper } from './compile/runtime-helpers.js';

/** The roles of a declaration's functions. */
export const DECLARATION_ROLES = ['is', 'validate', 'assert', 'collect', 'coerce'] as const;
export type DeclarationRole = (typeof DECLARATION_ROLES)[number];

/** The exports of a validator file: each declaration's functions. */
export function fileExports(declarations: readonly DeclarationView[]): PlannedExport[] {
  return declarations.flatMap((declaration) =>
    DECLARATION_ROLES.filter((role) => role !== 'coerce' || declaration.coerces).map((role) => ({
      name: declaration.functions[role],
      role,
      declaration: declaration.id,
    })),
  );
}

/** The exports of the runtime file: its types, its error and the helpers it holds. */
export function runtimeExports(helpers: Record<RuntimeHelper, boolean>): PlannedExport[] {
  const types = ['ValidationIssue', 'ValidationResult', 'ValidationIssueCode'].map((name) => ({ name, role: name, typeOnly: true }));
  // `report` is always in the runtime file (the template emits it unconditionally).
  const included = (Object.keys(helpers) as RuntimeHelper[]).filter((helper) => (helpers[helper] || helper === 'report') && !PRIVATE_HELPERS.has(helper));
  return [{ name: 'ValidationError', role: 'ValidationError' }, ...types, ...included.map((helper) => ({ name: helper, role: helper }))];
}
