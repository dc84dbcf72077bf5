/**
 * Mocks of platform classes (`URL`, `RegExp`, `Uint8Array`, `Error`…, model/platform-classes.ts),
 * which the validators test with `instanceof`. Each mock is drawn from the seed, so the items of a
 * `@uniqueItems` array can differ: a constant (`new URL("https://example.com/")`) gave one link
 * where `@minItems 2` asked for two, on every seed.
 *
 * Whether two instances differ is the validators' question: their `deepEqual` compares the
 * enumerable properties, own and inherited. A URL has them (its `href`, `host`… accessors), a
 * typed array its indices and a URLSearchParams only `size`; a RegExp, an Error, an ArrayBuffer, a
 * DataView, a WeakMap and a WeakSet have none, so any two are equal to the validators, however
 * they differ otherwise. `distinctPlatformValues` says how many values the mocks can tell apart.
 */
import { PLATFORM_CLASSES } from '../../../model/platform-classes.js';
import type { MockCompiler } from './mock-compiler.js';

const BIGINT_ARRAYS = new Set(['BigInt64Array', 'BigUint64Array']);
const TYPED_ARRAY = /^(?:Big)?(?:Int|Uint|Float)(?:8|16|32|64)(?:Clamped)?Array$/;
const ERROR = /^(?:Eval|Range|Reference|Syntax|Type|URI)?Error$/;
/** The most entries a mocked URLSearchParams holds (its only enumerable property is `size`). */
const MOST_PARAMS = 4;

/** A seeded instance of the platform class `name`, or undefined when it is none. */
export function platformExpression(name: string, compiler: MockCompiler): string | undefined {
  if (!PLATFORM_CLASSES.has(name)) return undefined;
  const word = (): string => `${compiler.runtime('mockWord')}(r)`;
  if (name === 'URL') return `new URL(${compiler.runtime('mockUrl')}(r))`;
  if (name === 'URLSearchParams') {
    return `new URLSearchParams(${compiler.runtime('mockArray')}(r, 0, ${MOST_PARAMS}, (): [string, string] => [${word()}, ${word()}]))`;
  }
  if (name === 'RegExp') return `new RegExp(${word()})`;
  if (name === 'ArrayBuffer') return 'new ArrayBuffer(r.int(0, 16))';
  if (name === 'DataView') return 'new DataView(new ArrayBuffer(r.int(0, 16)))';
  if (TYPED_ARRAY.test(name)) {
    const item = BIGINT_ARRAYS.has(name) ? '(): bigint => BigInt(r.int(0, 100))' : '(): number => r.int(0, 100)';
    return `new ${name}(${compiler.runtime('mockArray')}(r, 0, 4, ${item}))`;
  }
  if (ERROR.test(name)) return `new ${name}(${word()})`;
  // WeakMap, WeakSet: empty, whatever their type arguments (their entries cannot be listed).
  return PLATFORM_CLASSES.get(name);
}

/**
 * How many mocks of the platform class `name` the validators tell apart, and why it is so few
 * (`Infinity`, no reason, when there are plenty).
 */
export function distinctPlatformValues(name: string): { count: number; why?: string } {
  if (name === 'URL' || TYPED_ARRAY.test(name)) return { count: Infinity };
  if (name === 'URLSearchParams') {
    return { count: MOST_PARAMS + 1, why: `the validators tell URLSearchParams apart by their size only, and a mock holds 0 to ${MOST_PARAMS} entries` };
  }
  return { count: 1, why: `the validators' @uniqueItems compares enumerable properties, and ${name} instances have none: any two are equal` };
}
