/**
 * The wire forms of a value, as a server or a database driver hands them over before dates and
 * bigints are revived: what `coerce` exists for.
 */

/**
 * `value` with every `Date` as its ISO text and every `bigint` as its decimal text, at any depth:
 * arrays, plain objects, Maps and Sets are rebuilt (a subclass of Map or Set is refilled, keeping
 * its class), a class instance is changed in place (a copy would lose its private fields).
 */
export function toWire(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return String(value);
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(toWire);
  if (value instanceof Map) return refill(value, [...value].map(([key, entry]) => [toWire(key), toWire(entry)] as const));
  if (value instanceof Set) return refill(value, [...value].map(toWire));
  const prototype: unknown = Object.getPrototypeOf(value);
  const record = value as Record<string, unknown>;
  const target: Record<string, unknown> = prototype === Object.prototype || prototype === null ? {} : record;
  for (const key of Object.keys(record)) target[key] = toWire(record[key]);
  return target;
}

function refill<T extends Map<unknown, unknown> | Set<unknown>>(collection: T, items: unknown[]): T {
  if (collection instanceof Map) {
    const entries = items as Array<readonly [unknown, unknown]>;
    if (Object.getPrototypeOf(collection) === Map.prototype) return new Map(entries) as T;
    collection.clear();
    for (const [key, entry] of entries) collection.set(key, entry);
    return collection;
  }
  if (Object.getPrototypeOf(collection) === Set.prototype) return new Set(items) as T;
  collection.clear();
  for (const item of items) collection.add(item);
  return collection;
}

/** `JSON.stringify` with bigints as their decimal text (their wire form, docs/openapi.md). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, entry: unknown) => (typeof entry === 'bigint' ? String(entry) : entry));
}
