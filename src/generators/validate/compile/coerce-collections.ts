/**
 * Coercion inside `Map<K, V>` and `Set<T>` (issue 9 T4): a key, value or item typed `Date` or
 * `bigint` that arrived as its string form is converted, as in arrays and records. JSON holds no
 * Map, but code builds them (from a parsed object's entries, an ORM's rows). A `Map` or `Set`
 * with something converted is rebuilt, in iteration order, keeping its own properties
 * (`Map<K, V> & { tag: string }`, tester s7 R9); an instance of a subclass is refilled
 * in place (`refillMap`), as class instances are. Keys that become equal collapse, as `Map.set`
 * and `Set.add` collapse them: `Set<bigint>` of `"5"` and `5n` is `Set {5n}`.
 */
import type { CollectionNode } from './collection-bodies.js';
import { coerceExpression } from './coerce-strategy.js';
import type { FileCompiler } from './file-compiler.js';

/** The body of `(value: unknown): unknown` coercing the entries of a `Map` or the items of a `Set`. */
export function collectionCoerceBody(node: CollectionNode, compiler: FileCompiler, base: string): string {
  const form = node.unsupported;
  if (form.form === 'set') {
    const item = coerceExpression(form.items, compiler, 'item', `${base}Item`) ?? 'item';
    return [
      `if (!${compiler.runtime('isSetInstance')}(value)) return value;`,
      'let changed = false;',
      'const items: unknown[] = [];',
      `for (const item of value) {\nconst next = ${item};\nif (next !== item) changed = true;\nitems.push(next);\n}`,
      `return changed ? ${compiler.runtime('refillSet')}(value, items) : value;`,
    ].join('\n');
  }
  if (form.form !== 'map') return 'return value;';
  const key = coerceExpression(form.key, compiler, 'key', `${base}Key`);
  const entry = coerceExpression(form.value, compiler, 'entry', `${base}Value`);
  const tests = [...(key ? ['nextKey !== key'] : []), ...(entry ? ['next !== entry'] : [])];
  const loop = [
    ...(key ? [`const nextKey = ${key};`] : []),
    ...(entry ? [`const next = ${entry};`] : []),
    `if (${tests.join(' || ')}) changed = true;`,
    `entries.push([${key ? 'nextKey' : 'key'}, ${entry ? 'next' : 'entry'}]);`,
  ];
  return [
    `if (!${compiler.runtime('isMapInstance')}(value)) return value;`,
    'let changed = false;',
    'const entries: Array<[unknown, unknown]> = [];',
    `for (const [key, entry] of value) {\n${loop.join('\n')}\n}`,
    `return changed ? ${compiler.runtime('refillMap')}(value, entries) : value;`,
  ].join('\n');
}
