/**
 * Mocks of platform classes (`URL`, `RegExp`, `Uint8Array`, `Error`…, model/platform-classes.ts),
 * which the validators test with `instanceof`. Each mock is drawn from the seed, so the items of a
 * `@uniqueItems` array can differ: a constant (`new URL("https://example.com/")`) gave one link
 * where `@minItems 2` asked for two, on every seed.
 *
 * Whether two instances differ is the validators' question: their `deepEqual` is Node's
 * `util.isDeepStrictEqual` (docs/validate.md). A URL differs by its href, a URLSearchParams by its
 * text, a typed array by its bytes, a RegExp by its source, an Error by its message, an ArrayBuffer
 * or DataView by its bytes (a mock's are zeros, so by its length), and a WeakMap or WeakSet, whose
 * entries cannot be read, from every other one. `distinctPlatformValues` says how many values the
 * mocks can tell apart.
 */
import { PLATFORM_CLASSES } from '../../../model/platform-classes.js';
import type { MockCompiler } from './mock-compiler.js';
import { WORD_LISTS } from './word-lists.js';

const BIGINT_ARRAYS = new Set(['BigInt64Array', 'BigUint64Array']);
const TYPED_ARRAY = /^(?:Big)?(?:Int|Uint|Float)(?:8|16|32|64)(?:Clamped)?Array$/;
const ERROR = /^(?:Eval|Range|Reference|Syntax|Type|URI)?Error$/;
/** The most entries a mocked URLSearchParams holds. */
const MOST_PARAMS = 4;
/** The longest mocked ArrayBuffer, in bytes. */
const MOST_BYTES = 16;

/** A seeded instance of the platform class `name`, or undefined when it is none. */
export function platformExpression(name: string, compiler: MockCompiler): string | undefined {
  if (!PLATFORM_CLASSES.has(name)) return undefined;
  const word = (): string => `${compiler.runtime('mockWord')}(r)`;
  if (name === 'URL') return `new URL(${compiler.runtime('mockUrl')}(r))`;
  if (name === 'URLSearchParams') {
    return `new URLSearchParams(${compiler.runtime('mockArray')}(r, 0, ${MOST_PARAMS}, (): [string, string] => [${word()}, ${word()}]))`;
  }
  if (name === 'RegExp') return `new RegExp(${word()})`;
  if (name === 'ArrayBuffer') return `new ArrayBuffer(r.int(0, ${MOST_BYTES}))`;
  if (name === 'DataView') return `new DataView(new ArrayBuffer(r.int(0, ${MOST_BYTES})))`;
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
  const words = WORD_LISTS.WORDS.length;
  if (name === 'RegExp') return { count: words, why: `a mocked RegExp is one of ${words} words` };
  if (ERROR.test(name)) return { count: words, why: `a mocked ${name}'s message is one of ${words} words` };
  if (name === 'ArrayBuffer' || name === 'DataView') {
    return { count: MOST_BYTES + 1, why: `a mocked ${name} holds 0 to ${MOST_BYTES} zero bytes, told apart by their number` };
  }
  // URL, URLSearchParams, typed arrays: drawn from many values. WeakMap, WeakSet: each equal only to itself.
  return { count: Infinity };
}
