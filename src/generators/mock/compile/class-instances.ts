/**
 * Classes whose instances a mock cannot make. A class with methods or non-public members is
 * built on its prototype (declaration-body.ts), which the mock imports as a value; a class
 * generated code cannot import as a value has no mock, and says why: exported with `export type`
 * only, declared with no JavaScript behind it, or not exported at all while TypeScript accepts
 * only its instances (a non-public member makes it nominal: no object literal is one, TS2741).
 * A class that is not exported and has public members only stays a plain object.
 */
import type { Declaration } from '../../../model/types.js';
import { valueImportable } from '../../kit/declaration-access.js';
import type { RuntimeHelper } from './runtime-helpers.js';

/** Why no mock can build a value of this declaration, a class, or undefined when one can. */
export function unbuildableClass(declaration: Declaration): string | undefined {
  if (declaration.kind !== 'class' || declaration.type.kind !== 'object' || !declaration.type.behaviour || valueImportable(declaration)) return undefined;
  if (declaration.typeOnlyExport) return 'exported with `export type` only';
  if (declaration.exported) return 'declared with no JavaScript behind it (in a declaration file or with `declare`)';
  const nominal = declaration.type.behaviour.privateFields;
  return nominal.length > 0 ? `not exported, and only its instances are values of it (its non-public members: ${nominal.join(', ')})` : undefined;
}

/**
 * The non-public fields a class's constructor sets (`#count`, `private balance`, `constructor(private
 * id)`), not those on its prototype (`private get p()`, `#tick()`).
 */
export function constructorSetFields(declaration: Declaration): string[] {
  const behaviour = declaration.type.kind === 'object' ? declaration.type.behaviour : undefined;
  return behaviour?.privateFields.filter((name) => !behaviour.privateOnPrototype?.includes(name)) ?? [];
}

/**
 * How a mock makes an instance of a class built on its prototype: `constructed` runs the
 * constructor (no arguments) so its non-public fields hold what it sets, then adds the mocked
 * data; `withPrototype` only sets the prototype, where nothing needs the constructor or it
 * cannot be called (it requires arguments, or is `private`/`protected`).
 */
export function instanceHelper(declaration: Declaration): Extract<RuntimeHelper, 'constructed' | 'withPrototype'> {
  return constructorSetFields(declaration).length > 0 && !declaration.constructorArguments ? 'constructed' : 'withPrototype';
}
