/** CG2011: constraint sets no value can satisfy (`@minLength 5 @maxLength 2`, `@minimum 1.2 @maximum 1.8` on an integer). */
import { tupleShapeLength, type NumberConstraints, type StringConstraints, type SourceLocation, type TupleType, type TypeNode } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';

/** Reports a contradiction on `target`'s constraints, and drops an emptied constraints object; false when it reported one. */
export function checkSatisfiable(target: TypeNode, at: SourceLocation, path: string, ctx: AnalyzerContext): boolean {
  const problem = contradiction(target);
  if (problem) ctx.reportOnce('CG2011', at, 'satisfiable', `Contradictory constraints on ${path}: ${problem}.`);
  if ('constraints' in target && target.constraints && Object.keys(target.constraints).length === 0) delete target.constraints;
  return problem === undefined;
}

function contradiction(target: TypeNode): string | undefined {
  switch (target.kind) {
    case 'string':
      return target.constraints ? stringContradiction(target.constraints) : undefined;
    case 'array':
      return exceeds(target.constraints?.minItems, target.constraints?.maxItems, 'minItems', 'maxItems');
    case 'tuple':
      return target.constraints ? tupleContradiction(target) : undefined;
    case 'bigint': {
      const { minimum, maximum } = target.constraints ?? {};
      return minimum !== undefined && maximum !== undefined && BigInt(minimum) > BigInt(maximum)
        ? `minimum ${minimum} is greater than maximum ${maximum}`
        : undefined;
    }
    case 'number':
      return target.constraints ? numberContradiction(target.constraints) : undefined;
    default:
      return undefined;
  }
}

function exceeds(low: number | undefined, high: number | undefined, lowName: string, highName: string): string | undefined {
  return low !== undefined && high !== undefined && low > high ? `${lowName} ${low} is greater than ${highName} ${high}` : undefined;
}

/**
 * Lengths in code points and as validator.js counts (`isLength`, never more than the code points
 * and at least half of them: model/is-length.ts) beside each other.
 */
function stringContradiction(c: StringConstraints): string | undefined {
  const { minLength, maxLength, isLength } = c;
  return (
    exceeds(minLength, maxLength, 'minLength', 'maxLength') ??
    exceeds(isLength?.min, isLength?.max, '@MinLength', '@MaxLength') ??
    exceeds(isLength?.min, maxLength, '@MinLength', 'maxLength') ??
    (minLength !== undefined && isLength?.max !== undefined && minLength > 2 * isLength.max
      ? `minLength ${minLength} code points, but @MaxLength(${isLength.max}) allows at most ${2 * isLength.max} (a character and a variation selector count as one)`
      : undefined)
  );
}

/** `@minItems 4` on `[a, b?]`: the bounds leave no length the tuple's shape allows. */
function tupleContradiction(target: TupleType): string | undefined {
  const { minItems, maxItems } = target.constraints ?? {};
  const plain = exceeds(minItems, maxItems, 'minItems', 'maxItems');
  if (plain) return plain;
  const shape = tupleShapeLength(target);
  if (minItems !== undefined && shape.max !== undefined && minItems > shape.max) return `minItems ${minItems}, but the tuple has at most ${elements(shape.max)}`;
  if (maxItems !== undefined && maxItems < shape.min) return `maxItems ${maxItems}, but the tuple has at least ${elements(shape.min)}`;
  return undefined;
}

const elements = (count: number): string => `${count} element${count === 1 ? '' : 's'}`;

function numberContradiction(c: NumberConstraints): string | undefined {
  const plain = exceeds(c.minimum, c.maximum, 'minimum', 'maximum');
  if (plain) return plain;
  const low = Math.max(c.minimum ?? -Infinity, c.exclusiveMinimum ?? -Infinity);
  const high = Math.min(c.maximum ?? Infinity, c.exclusiveMaximum ?? Infinity);
  const lowOpen = c.exclusiveMinimum !== undefined && c.exclusiveMinimum >= (c.minimum ?? -Infinity);
  const highOpen = c.exclusiveMaximum !== undefined && c.exclusiveMaximum <= (c.maximum ?? Infinity);
  if (low > high || (low === high && (lowOpen || highOpen))) return `the bounds leave no number between ${low} and ${high}`;
  if (c.numericType && c.numericType !== 'float' && c.numericType !== 'double') {
    const first = lowOpen ? Math.floor(low) + 1 : Math.ceil(low);
    const last = highOpen ? Math.ceil(high) - 1 : Math.floor(high);
    if (first > last) return `no integer lies between ${low} and ${high}`;
  }
  return undefined;
}
