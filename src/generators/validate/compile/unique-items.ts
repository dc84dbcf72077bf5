/**
 * `@uniqueItems` (issue 9 T5). With `coerce`, items typed `Date` or `bigint` may arrive as their
 * strings, and two different texts can be one value (`"2024-01-01T00:00:00Z"` and
 * `"2024-01-01T00:00:00.000Z"`, `"5"` and `5n`): uniqueness is judged on the items as coercion
 * makes them, so `validateT` never returns equal items `isT` would reject. Instances are
 * converted on copies there (`coercedCopies`): only a valid value's are converted in place.
 */
import type { TypeNode } from '../../../model/types.js';
import { coerceExpression } from './coerce-strategy.js';
import type { FileCompiler } from './file-compiler.js';

/** The test that the array `value` of `items` holds no two equal items. */
export function uniqueItemsTest(items: TypeNode, compiler: FileCompiler, base: string): string {
  const unique = compiler.runtime('hasUniqueItems');
  const coerced = compiler.coerce ? coerceExpression(items, compiler, 'item', base) : undefined;
  // Coercion is total (a text that is no date or bigint stays as it is), so it may run before the
  // items are checked; on copies of class instances, so that a value judged invalid is left untouched (tester s7 R3).
  return coerced ? `${unique}(${compiler.runtime('coercedCopies')}(value, (item) => ${coerced}))` : `${unique}(value)`;
}
