/**
 * The lengths a tuple allows: its shape's (`[a, b?]` has 1 or 2 elements, `[a, ...b[]]` 1 or
 * more) and, with `@minItems` / `@maxItems` (issue 9 G4), the part of that range the bounds keep.
 * Pure; shared by the analyzer (CG2006, CG2011) and the generators.
 */
import type { TupleType } from './types.js';

/** Fewest and most elements a tuple's shape allows (`max` undefined with a rest element). */
export function tupleShapeLength(node: TupleType): { min: number; max: number | undefined } {
  let required = 0;
  node.elements.forEach((element, i) => {
    if (!element.optional) required = i + 1;
  });
  return { min: required + (node.trailing?.length ?? 0), max: node.rest ? undefined : node.elements.length };
}

/** Fewest and most elements a tuple accepts: its shape's, within its `@minItems` / `@maxItems`. */
export function tupleLength(node: TupleType): { min: number; max: number | undefined } {
  const shape = tupleShapeLength(node);
  const { minItems, maxItems } = node.constraints ?? {};
  const max = maxItems === undefined ? shape.max : Math.min(maxItems, shape.max ?? Infinity);
  return { min: Math.max(shape.min, minItems ?? 0), max };
}
