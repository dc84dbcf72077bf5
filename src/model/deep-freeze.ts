/**
 * `value` with every object in it frozen, in place, and returned. The model is plain JSON data
 * (no cycles, no class instances), so this reaches all of it; parts already frozen (declarations
 * a watch build reuses) are not walked again.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const part of Object.values(value)) deepFreeze(part);
    Object.freeze(value);
  }
  return value;
}
