/** How many distinct values a type has, for `@uniqueItems` arrays that must reach `minItems`. */
import { isLengthAsCodePoints } from '../../../model/is-length.js';
import type { NumberConstraints, TypeNode } from '../../../model/types.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import { multiplesWithin } from './multiples.js';
import { numberBounds, numberStep } from './numbers.js';
import { distinctPlatformValues } from './platform-values.js';
import { sampleStrings } from './strings.js';

/**
 * The number of distinct values `node` can take (`Infinity` when it is not small and finite).
 * Where the count is not the type's but that of the mocks the validators tell apart (any two
 * RegExps are equal to them, a mocked Set holds one or two items, a mock of `unknown` is `null`),
 * `reasons` is told why, for the warning: the type itself has more values.
 */
export function cardinality(node: TypeNode, index: DeclarationIndex, seen: ReadonlySet<string> = new Set(), reasons?: string[]): number {
  const count = (child: TypeNode, within = seen): number => cardinality(child, index, within, reasons);
  switch (node.kind) {
    case 'boolean':
      return 2;
    case 'null':
    case 'undefined':
    case 'literal':
      return 1;
    case 'enum':
      return node.members.length;
    case 'string': {
      const constraints = isLengthAsCodePoints(node.constraints ?? {});
      // Constrained by a pattern or format only samples are used; count those.
      if (!constraints.pattern && !constraints.format) return Infinity;
      try {
        return sampleStrings(constraints, constraints.minLength ?? 0, constraints.maxLength ?? Infinity).length || Infinity;
      } catch {
        return Infinity;
      }
    }
    case 'union':
      return node.members.reduce((total, member) => total + count(member), 0);
    case 'object': {
      // An index signature's entries are drawn: values without end.
      if (node.additionalProperties || node.numberIndex || node.patternIndexes?.length) return Infinity;
      const declared = node.properties.reduce((total, property) => total * (count(property.type) + (property.optional ? 1 : 0)), 1);
      // Without @strict any other key is allowed: the type has values without end, the mock builds only the declared keys.
      if (!node.strict && declared < Infinity) {
        reasons?.push('the mocks build only the declared properties, though the type, not @strict, takes other keys too');
      }
      return declared;
    }
    case 'tuple':
      return node.rest ? Infinity : node.elements.reduce((total, element) => total * count(element.type), 1);
    case 'ref':
      if (seen.has(node.id)) return Infinity;
      return count(index.get(node.id).type, new Set([...seen, node.id]));
    case 'unknown':
      return mockedUnknowns(node, count, reasons);
    case 'bigint':
      // `0n | 1n`: a literal is one value; a range of bigints, its width.
      if (node.literal !== undefined) return 1;
      return node.constraints?.minimum !== undefined && node.constraints.maximum !== undefined
        ? Number(BigInt(node.constraints.maximum) - BigInt(node.constraints.minimum) + 1n)
        : Infinity;
    case 'number':
      return steps(node.constraints);
    default:
      return Infinity;
  }
}

/** The mocks of an `unknown` node (unsupported-values.ts) the validators tell apart. */
function mockedUnknowns(node: Extract<TypeNode, { kind: 'unknown' }>, count: (child: TypeNode) => number, reasons: string[] | undefined): number {
  const form = node.unsupported;
  const few = (values: number, why: string): number => {
    if (values < Infinity) reasons?.push(why);
    return values;
  };
  if (!form || form.form === 'any') return few(1, 'a mock of `unknown` or `any` is `null`');
  switch (form.form) {
    case 'void':
      return 1;
    case 'symbol':
      return few(1, "a mocked symbol is its member's registered `Symbol.for(…)`");
    case 'instance': {
      const { count: values, why } = distinctPlatformValues(form.global);
      return why ? few(values, why) : values;
    }
    case 'set':
      // One or two items: n sets of one, n(n-1)/2 of two.
      return few(pairs(count(form.items), 1), 'a mocked Set holds one or two items');
    case 'map':
      return few(pairs(count(form.key), count(form.value)), 'a mocked Map holds one or two entries');
    default:
      return Infinity;
  }
}

/** How many collections of one or two distinct keys out of `keys`, each with one of `values` values. */
function pairs(keys: number, values: number): number {
  return keys * values + ((keys * (keys - 1)) / 2) * values * values;
}

/**
 * How many numbers lie within the bounds when they are integers or multiples of a step (`@type
 * int32 @minimum 1 @maximum 3` has 3), decided as the mock computes them (multiples.ts);
 * `Infinity` for other numbers, which any interval holds plenty of.
 */
function steps(constraints: NumberConstraints | undefined): number {
  const step = numberStep(constraints ?? {});
  if (!step) return Infinity;
  const { low, high } = numberBounds(constraints ?? {});
  const range = multiplesWithin(low, high, step);
  return range ? range.last - range.first + 1 : 0;
}
