/**
 * How generated code may reach a user's declaration: by name as a type (imported from its module,
 * or global), and as a value (an enum's members, a class for `instanceof` or its prototype), which
 * needs a module with JavaScript behind it.
 */
import type { Declaration } from '../../model/types.js';

/** Whether generated code can write the declaration's name as a type: it is exported, or global. */
export function nameable(declaration: Declaration): boolean {
  return declaration.exported || declaration.global === true;
}

/**
 * Whether generated code can import the declaration as a value: exported, not with `export type`
 * only, and not ambient (a `declare enum`, an enum or class of a declaration file: its module
 * has no such value at run time, and a `declare const enum` cannot be imported under
 * `isolatedModules`/`verbatimModuleSyntax`).
 */
export function valueImportable(declaration: Declaration): boolean {
  return declaration.exported && !declaration.typeOnlyExport && !declaration.ambient && !/\.d\.[cm]?ts$/.test(declaration.source.file);
}
