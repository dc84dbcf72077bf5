/**
 * The members TypeScript's `Object` interface declares (lib.es5.d.ts). A property named like one
 * is checked against the inherited member when its key is missing, so an optional
 * `toString?: number` is effectively required (analyzer/prototype-members.ts, CG2019).
 */
export const OBJECT_MEMBERS: ReadonlySet<string> = new Set(['constructor', 'toString', 'toLocaleString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable']);

/** Whether TypeScript reads `name` through `Object`'s members when an object lacks it. */
export function isObjectMemberName(name: string): boolean {
  return OBJECT_MEMBERS.has(name);
}
