/**
 * Values for the judges: a value's exact TypeScript type (so tsc can judge it), whether its
 * JSON form is the same value (so a JSON Schema can judge it), and mutants of a valid value
 * (a key dropped, a wrong primitive, an extra key, a number out of range…), none of which is
 * assumed valid or invalid: the judges must only agree.
 */

/** A seeded generator of 32-bit integers (mulberry32): the same seed gives the same mutants. */
export function createRandom(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % below) as number;
  };
}

/** A value's type as TypeScript literal syntax, and whether tsc's verdict on it is TypeScript's verdict on the value. */
export interface LiteralType {
  text: string;
  /**
   * False when the text is wider than the value (`number` for NaN, `Date` for an invalid date):
   * tsc's acceptance then says nothing about the value.
   */
  exact: boolean;
}

const MAX_TYPE_TEXT = 3000;

/**
 * The type whose only value is `value` (a tuple for an array, a type literal for an object: not
 * fresh, so tsc judges it structurally, as a validator sees parsed JSON). `enumMembers` maps a
 * string to the enum member type that has it as value (`"red"` → `M.Color.Red`): a string enum
 * is nominal in TypeScript, but at run time its member is the string. Undefined when the value
 * has no such type (a function, a Map) or the text would be too long.
 */
export function literalType(value: unknown, enumMembers: ReadonlyMap<string, string | null>): LiteralType | undefined {
  let exact = true;
  const print = (entry: unknown, depth: number): string | undefined => {
    if (depth > 20) return undefined;
    switch (typeof entry) {
      case 'undefined':
        return 'undefined';
      case 'boolean':
        return String(entry);
      case 'bigint':
        return `${entry}n`;
      case 'number':
        if (!Number.isFinite(entry)) {
          exact = false;
          return 'number';
        }
        return String(entry);
      case 'string': {
        const member = enumMembers.get(entry);
        // Two enums with this value: which one the target means is unknown, so no verdict.
        if (member === null) return undefined;
        return member ?? JSON.stringify(entry);
      }
      case 'object': {
        if (entry === null) return 'null';
        if (entry instanceof Date) {
          if (Number.isNaN(entry.getTime())) exact = false;
          return 'Date';
        }
        if (Array.isArray(entry)) {
          const items = entry.map((item) => print(item, depth + 1));
          return items.includes(undefined) ? undefined : `[${items.join(', ')}]`;
        }
        if (Object.getPrototypeOf(entry) !== Object.prototype && Object.getPrototypeOf(entry) !== null) return undefined;
        const members: string[] = [];
        for (const [key, item] of Object.entries(entry)) {
          const text = print(item, depth + 1);
          if (text === undefined) return undefined;
          members.push(`${JSON.stringify(key)}: ${text}`);
        }
        return `{ ${members.join('; ')} }`;
      }
      default:
        return undefined;
    }
  };
  const text = print(value, 0);
  return text === undefined || text.length > MAX_TYPE_TEXT ? undefined : { text, exact };
}

/**
 * Whether `JSON.parse(JSON.stringify(value))` is the same value: plain objects, arrays, strings,
 * finite numbers, booleans and null only (no `undefined` property, `Date`, bigint or NaN, each of
 * which JSON changes).
 */
export function isJsonFaithful(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object':
      if (value === null) return true;
      if (Array.isArray(value)) return value.every(isJsonFaithful);
      if (Object.getPrototypeOf(value) !== Object.prototype) return false;
      return Object.entries(value).every(([key, entry]) => key !== '__proto__' && isJsonFaithful(entry));
    default:
      return false;
  }
}

type Path = Array<string | number>;

/** Every path to a node of the value (the root is `[]`), objects and arrays first-to-last. */
function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (out.length > 200) return out;
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, index) => paths(item, [...prefix, index], out));
  else if (isPlainObject(value)) for (const [key, item] of Object.entries(value)) paths(item, [...prefix, key], out);
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** A deep copy of a mock value: arrays and plain objects copied, Dates too, functions (method stubs) kept. */
function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, copy(entry)])) as T;
  return value;
}

function at(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value);
}

/** The value with the node at `path` replaced by `make(node)` (or, for `DELETE`, its key removed). */
function replaced(value: unknown, path: Path, make: (node: unknown) => unknown): unknown {
  if (path.length === 0) return make(value);
  const root = copy(value);
  const parent = at(root, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path[path.length - 1]!;
  const next = make(parent[key]);
  if (next === DELETE) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else parent[key] = next;
  return root;
}

const DELETE = Symbol('delete');

/** Replacements of a node whatever its kind: a value of another kind. */
const ANY_KIND: Array<(node: unknown) => unknown> = [
  () => null,
  () => 'x',
  () => 0,
  () => true,
  () => ({}),
  () => [],
  () => undefined,
];

/** Replacements of a node by its kind: edges of its own kind. */
function sameKind(node: unknown): Array<() => unknown> {
  if (typeof node === 'string') return [() => '', () => `${node}!`, () => 'A'.repeat(300), () => 'ABC', () => node.toUpperCase(), () => 'a@b.co', () => '2024-02-29'];
  if (typeof node === 'number') return [() => -1, () => node + 0.5, () => 1e9, () => node + 1, () => -node - 1000, () => 2 ** 31, () => Number.NaN];
  if (typeof node === 'bigint') return [() => -node - 1n, () => node * 10n ** 20n, () => Number(node)];
  if (typeof node === 'boolean') return [() => !node, () => String(node)];
  if (node instanceof Date) return [() => node.toISOString(), () => new Date(Number.NaN)];
  if (Array.isArray(node))
    return [
      () => [],
      () => [...copy(node), copy(node[node.length - 1] ?? null)],
      () => node.slice(1),
      () => node.slice(0, -1),
      () => [...copy(node), 'x'],
      () => ({ ...copy(node) }),
    ];
  if (isPlainObject(node)) {
    const keys = Object.keys(node);
    const key = keys[0];
    return [
      () => ({ ...copy(node), extra: 1 }),
      () => ({ ...copy(node), 0: true }),
      () => ({ ...copy(node), constructor: 1 }),
      () => Object.fromEntries(Object.entries(copy(node)).slice(1)),
      ...(key === undefined ? [] : [() => ({ ...copy(node), [key]: undefined })]),
    ];
  }
  return [];
}

/** What a mutant is: where, and the mutation (`at /a/0: drop key b`), for messages. */
export interface Mutant {
  value: unknown;
  how: string;
}

/**
 * `count` mutants of `value`, each one change at one node: a key dropped, a node of another kind,
 * an edge of its own kind (empty or long string, out-of-range number, an extra item or key).
 */
export function mutants(value: unknown, count: number, random: (below: number) => number): Mutant[] {
  const all = paths(value);
  const out: Mutant[] = [];
  for (let i = 0; i < count; i += 1) {
    const path = all[random(all.length)]!;
    const node = at(value, path);
    const where = `/${path.join('/')}`;
    const choice = random(10);
    if (choice === 0 && path.length > 0) {
      out.push({ value: replaced(value, path, () => DELETE), how: `at ${where}: removed` });
      continue;
    }
    const own = sameKind(node);
    if (choice >= 4 && own.length > 0) {
      const pick = random(own.length);
      out.push({ value: replaced(value, path, own[pick]!), how: `at ${where}: edge ${pick} of its kind` });
      continue;
    }
    const pick = random(ANY_KIND.length);
    out.push({ value: replaced(value, path, ANY_KIND[pick]!), how: `at ${where}: replaced by ${show(ANY_KIND[pick]!(undefined))}` });
  }
  return out;
}

/** A value for a message: JSON with bigints as `12n`, `undefined` and NaN spelled out, cut at `limit` characters. */
export function show(value: unknown, limit = 600): string {
  const text = JSON.stringify(value, function (this: Record<string, unknown>, key: string, entry: unknown) {
    // `entry` is what toJSON made of it: a Date is already a string there, so read the holder.
    const raw = this[key];
    if (raw instanceof Date) return `<Date ${Number.isNaN(raw.getTime()) ? 'invalid' : raw.toISOString()}>`;
    if (typeof entry === 'bigint') return `${entry}n`;
    if (entry === undefined) return '<undefined>';
    if (typeof entry === 'number' && !Number.isFinite(entry)) return `<${entry}>`;
    return entry;
  }) ?? String(value);
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}
