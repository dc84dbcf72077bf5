/**
 * Properties whose names a plain object inherits at run time but TypeScript does not know it
 * inherits: `__proto__` and Annex B's `__defineGetter__`, `__defineSetter__`, `__lookupGetter__`,
 * `__lookupSetter__` (TypeScript's `Object` interface declares none of them). TypeScript accepts
 * `{}` for `{ __proto__?: string }` and rejects it for `{ __proto__: string }`; reading
 * `value.__proto__` of `{}` would find `Object.prototype` instead, so these keys are read only
 * when the object holds them (`hasOwn(value, "__proto__")`, the own data property JSON.parse
 * makes of a `"__proto__"` key).
 *
 * The names TypeScript's `Object` interface declares (`toString`, `constructor`, `valueOf`…) are
 * read through the prototype, as TypeScript reads them: `{}` is not a `{ toString?: number }`,
 * because its inherited `toString` is not a number (see analyzer/prototype-members.ts).
 */
import { OBJECT_MEMBERS } from '../../../model/object-members.js';
import type { FileCompiler } from './file-compiler.js';

/** Inherited at run time, unknown to TypeScript's `Object` interface (ECMAScript and its Annex B). */
const RUNTIME_ONLY_NAMES: ReadonlySet<string> = new Set(['__proto__', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);

/** Whether reading `name` from an object can find an inherited member where TypeScript sees a missing key. */
export function isPrototypeName(name: string): boolean {
  return RUNTIME_ONLY_NAMES.has(name);
}

/**
 * The test that `object` holds `name` as its own property (`hasOwn(value, "__proto__")`), or
 * undefined when reading the key reads what TypeScript reads and no test is needed.
 */
export function ownPropertyTest(object: string, name: string, compiler: FileCompiler): string | undefined {
  if (!isPrototypeName(name)) return undefined;
  return `${compiler.runtime('hasOwn')}(${object}, ${JSON.stringify(name)})`;
}

/** `value.valueOf`, `value["toString"]`…: TypeScript types these reads as the inherited member, whatever the object holds. */
const INHERITED_READ = new RegExp(`(?:\\.(?:${[...OBJECT_MEMBERS].join('|')})|\\["(?:${[...OBJECT_MEMBERS].join('|')})"\\])$`);

/**
 * `x` for a comparison with a literal: `(value.valueOf as unknown)` where `x` reads a member
 * TypeScript's `Object` interface declares, whose type (`() => Object`) has nothing in common
 * with `5` (TS2367); `x` itself otherwise, and for typeof tests, which narrow it.
 */
export function comparableRead(x: string): string {
  return INHERITED_READ.test(x) ? `(${x} as unknown)` : x;
}
