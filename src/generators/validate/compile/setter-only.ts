/**
 * A set accessor without a get (`class Setter { set label(v: string) {} }`, `Property.setterOnly`).
 * TypeScript types the key as the setter's parameter and requires it: `{}` is no `Setter`,
 * `{ label: 'a' }` is one, and so is `new Setter()`, which reads `undefined` there because
 * it inherits the accessor. So a value reading `undefined` passes when it holds the key by
 * inheritance (the accessor), not as its own property (`{ label: undefined }`, which TypeScript
 * rejects); any other value is checked as the key's type says.
 */
import { stringLiteral } from '../../kit/emit.js';
import type { FileCompiler } from './file-compiler.js';

/** The test that `value` inherits the key `name` (the setter) rather than holding it. */
export function inheritsKey(name: string, compiler: FileCompiler): string {
  return `${stringLiteral(name)} in value && !${compiler.runtime('hasOwn')}(value, ${stringLiteral(name)})`;
}

/** `isT`'s test of a setter-only key read as `x`, whose value's own test is `test`. */
export function setterOnlyTest(name: string, x: string, test: string, compiler: FileCompiler): string {
  return `(${x} === undefined ? ${inheritsKey(name, compiler)} : ${test})`;
}
