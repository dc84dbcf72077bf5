/**
 * Validators read own properties only. Reading `value.toString` on `{}` finds the member every
 * object inherits from `Object.prototype`, so an optional `toString?: string` would reject `{}`
 * and a required `hasOwnProperty: unknown` would accept it. Only the few names `Object.prototype`
 * holds can be inherited from a plain or JSON-parsed object, so only those pay for a
 * `hasOwnProperty` call; every other property is still read directly, at no cost.
 */
import type { FileCompiler } from './file-compiler.js';

/**
 * `Object.prototype`'s own property names (ECMAScript, Annex B included): fixed by the language,
 * so written out rather than read from the Node.js that runs codegen.
 */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set([
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
  '__proto__',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

/** Whether reading `name` from an object can find an inherited member instead of a missing key. */
export function isPrototypeName(name: string): boolean {
  return PROTOTYPE_NAMES.has(name);
}

/**
 * The test that `object` holds `name` as its own property (`hasOwn(value, "toString")`), or
 * undefined when reading the key cannot find an inherited member and no test is needed.
 */
export function ownPropertyTest(object: string, name: string, compiler: FileCompiler): string | undefined {
  if (!isPrototypeName(name)) return undefined;
  return `${compiler.runtime('hasOwn')}(${object}, ${JSON.stringify(name)})`;
}
