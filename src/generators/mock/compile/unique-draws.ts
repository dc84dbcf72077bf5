/**
 * Items of `@uniqueItems` arrays whose usual mock is one constant: `unknown` and `any` mock as
 * `null`, a `symbol` as its member's registered `Symbol.for("codegen.mock:T.key")`, so
 * `@minItems 2` could never be met. As the array's own items (`unknown[]`, `symbol[]`) they are
 * drawn from the seed instead: a word (a value of `unknown` and `any`), a registered symbol whose
 * key holds a drawn number (the same seed still gives the same symbols). Nested deeper (`{ x:
 * unknown }[]`) they stay constant, and cardinality.ts reports the array.
 */
import type { TypeNode } from '../../../model/types.js';
import { stringLiteral } from '../../kit/emit.js';
import type { MockContext } from './mock-context.js';

/** The expression of a drawn item of `items`, or undefined when its usual mock varies already. */
export function drawnUniqueItem(items: TypeNode, context: MockContext): string | undefined {
  if (items.kind !== 'unknown') return undefined;
  const form = items.unsupported?.form;
  if (form === undefined || form === 'any') return `${context.compiler.runtime('mockWord')}(r)`;
  if (form === 'symbol') return `Symbol.for(${stringLiteral(`codegen.mock:${context.label}:`)} + r.int(0, 999999))`;
  return undefined;
}
