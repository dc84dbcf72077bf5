/**
 * The rules of Prettier's JSON layout that json-layout.ts (on a parsed value) and
 * json-layout-lines.ts (on JSON.stringify's text) share: how a scalar prints, when an array must
 * break, an array printed flat, and the width Prettier measures.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Thrown inside the printers when a width cannot be measured as Prettier does. */
export class Unproven extends Error {}

/** A scalar as Prettier prints it: as written, but `1e+21` is `1e21`. */
export function scalar(value: null | boolean | number | string): string {
  const text = JSON.stringify(value);
  return typeof value === 'number' ? text.replace('e+', 'e') : text;
}

/**
 * Whether Prettier breaks the array whatever its width: its `shouldBreak` rule (more than one
 * element, all arrays with more than one element; all objects with several members is the next
 * case), a non-empty object anywhere inside it (a hard line break), or an array inside it that
 * breaks so (a broken group breaks every group around it).
 */
export function mustBreak(elements: Json[]): boolean {
  if (elements.length > 1 && elements.every((element) => Array.isArray(element) && element.length > 1)) return true;
  return elements.some(breaksAround);
}

function breaksAround(value: Json): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (!Array.isArray(value)) return Object.keys(value).length > 0;
  return mustBreak(value);
}

/** The array on one line (it holds no non-empty object). */
export function flatArray(elements: Json[]): string {
  return `[${elements.map((element) => (Array.isArray(element) ? flatArray(element) : element !== null && typeof element === 'object' ? '{}' : scalar(element))).join(', ')}]`;
}

/** The width Prettier measures for `text`: its length, when all of it is printable ASCII. */
export function width(text: string): number {
  if (/[^\x20-\x7e]/.test(text)) throw new Unproven();
  return text.length;
}
