/**
 * Methods keyed by a well-known symbol (`[Symbol.iterator](): Iterator<T>`,
 * `ObjectType.behaviour.symbolMethods`): a value TypeScript accepts has a function there, so the
 * validators test `typeof Reflect.get(value, Symbol.iterator) === "function"`, looked up through
 * the prototype as TypeScript reads it (a generator or a class instance has it there). `Reflect.get`
 * reads a symbol key of the `UnknownObject` the validators see without a cast.
 */
import type { ObjectType } from '../../../model/types.js';

/** One test per symbol method of an object shape, and what its issue expects. */
export function symbolMethodTests(methods: NonNullable<ObjectType['behaviour']>['symbolMethods'], x = 'value'): Array<{ test: string; expected: string }> {
  return (methods ?? []).map(({ symbol, optional }) => {
    const read = `Reflect.get(${x}, Symbol.${symbol})`;
    const test = optional ? `(${read} === undefined || typeof ${read} === "function")` : `typeof ${read} === "function"`;
    return { test, expected: `a [Symbol.${symbol}]() method` };
  });
}
