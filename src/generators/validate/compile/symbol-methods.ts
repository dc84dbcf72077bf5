/**
 * Methods keyed by a well-known symbol (`[Symbol.iterator](): Iterator<T>`,
 * `ObjectType.behaviour.symbolMethods`): a value TypeScript accepts has a function there, so the
 * validators test `typeof Reflect.get(value, Symbol.iterator) === "function"`, looked up through
 * the prototype as TypeScript reads it (a generator or a class instance has it there). `Reflect.get`
 * reads a symbol key of the `UnknownObject` the validators see without a cast.
 */
import type { ObjectType } from '../../../model/types.js';
import type { FileCompiler } from './file-compiler.js';
import { scalarCheck, type ScalarNode } from './scalar-checks.js';

/** One test per symbol method of an object shape, and what its issue expects. */
export function symbolMethodTests(methods: NonNullable<ObjectType['behaviour']>['symbolMethods'], x = 'value'): Array<{ test: string; expected: string }> {
  return (methods ?? []).map(({ symbol, optional }) => {
    const read = `Reflect.get(${x}, Symbol.${symbol})`;
    const test = optional ? `(${read} === undefined || typeof ${read} === "function")` : `typeof ${read} === "function"`;
    return { test, expected: `a [Symbol.${symbol}]() method` };
  });
}

/**
 * One test per data member keyed by a well-known symbol (`[Symbol.toStringTag]: string`,
 * `ObjectType.behaviour.symbolProperties` with a `type`: a primitive, a literal or a union of
 * them), read through the prototype as TypeScript reads it (a class's `get [Symbol.toStringTag]()`).
 */
export function symbolDataTests(properties: NonNullable<ObjectType['behaviour']>['symbolProperties'], compiler: FileCompiler, x = 'value'): Array<{ test: string; expected: string }> {
  return (properties ?? []).flatMap(({ symbol, constant, optional, exactOptional, type }) => {
    if (!(symbol || constant) || !type) return [];
    // `[tag]: string` with `export const tag = Symbol()`: the const, imported as a value.
    const key = symbol ? `Symbol.${symbol}` : compiler.symbolConstant(constant!);
    const read = `Reflect.get(${x}, ${key})`;
    const checks = (type.kind === 'union' ? type.members : [type]).map((member) => scalarCheck(member as ScalarNode, read, compiler));
    const one = checks.length === 1 ? checks[0]!.test : `(${checks.map((check) => check.test).join(' || ')})`;
    // Under exactOptionalPropertyTypes a missing key passes and a present `undefined` does not, as for named keys (is-strategy.ts).
    const test = exactOptional ? `(!(${key} in ${x}) || ${one})` : optional ? `(${read} === undefined || ${one})` : one;
    return [{ test, expected: `[${symbol ? `Symbol.${symbol}` : constant!.name}]: ${checks.map((check) => check.expected).join(' or ')}` }];
  });
}
