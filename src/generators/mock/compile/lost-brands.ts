/**
 * Where the mock's type text drops a brand. The model keeps a branded primitive (`string & {
 * readonly __brand: 'Code' }`) as the primitive with `brand` set, so a type printed through it
 * reads `string`; a helper alias the generated file can import prints by name and keeps the brand
 * (`Brand<string, 'Code'>`), but a helper that is not exported is printed as its structure, which
 * no longer has the brand (tester s8 R2: `code: Brand<string, 'Code'>` with a local `Brand`).
 * A value typed by such text is cast (`as never`), as a branded primitive's own value is.
 */
import { nameable } from '../../kit/declaration-access.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import { printsLossily } from '../../kit/print-type.js';
import { typeChildren } from '../../kit/walk.js';
import type { TypeNode } from '../../../model/types.js';

/**
 * Whether `printType(node)` prints a branded primitive as its bare primitive, so that a value
 * typed by that text is not assignable where TypeScript's own (branded) type is expected.
 */
export function losesBrand(node: TypeNode, index: DeclarationIndex, expanding: Set<string> = new Set()): boolean {
  if ((node.kind === 'string' || node.kind === 'number' || node.kind === 'bigint') && node.brand) return true;
  if (node.kind !== 'ref') return typeChildren(node).some((child) => losesBrand(child.node, index, expanding));
  const declaration = index.get(node.id);
  const instantiation = declaration.instantiation;
  // Printed by name: `Id`, `Box<…>` with its arguments printed (each may lose a brand itself).
  if (nameable(declaration) && !instantiation?.typeArguments.some(printsLossily)) {
    return instantiation ? instantiation.typeArguments.some((argument) => losesBrand(argument, index, expanding)) : false;
  }
  // Printed as its structure, as print-type.ts does (a cycle prints `unknown` there: nothing lost).
  if (expanding.has(node.id)) return false;
  expanding.add(node.id);
  const lost = losesBrand(declaration.type, index, expanding);
  expanding.delete(node.id);
  return lost;
}
