/** Writes one parsed constraint onto a type node of the right kind. */
import type { TypeNode } from '../../model/index.js';
import type { ConstraintRequest } from './requests.js';
import {
  parseBigIntBound,
  parseCount,
  parseFormat,
  parseNumber,
  parseNumericType,
  parsePattern,
  parseStep,
  parseUrlOptions,
  type Parsed,
} from './values.js';

type Failure = Exclude<Parsed<unknown>, { value: unknown }>;

/** Sets the request's constraint on `target` (already checked to be of the right kind). */
export function setConstraint(target: TypeNode, request: ConstraintRequest): Failure | undefined {
  const { rule, value } = request;
  switch (target.kind) {
    case 'string': {
      const c = (target.constraints ??= {});
      // class-validator's length decorators count as validator.js's isLength does, not in code points.
      if (rule === 'minLength' && request.decorator) return assign(parseCount(value), (v) => (c.isLength = { ...c.isLength, min: v }));
      if (rule === 'maxLength' && request.decorator) return assign(parseCount(value), (v) => (c.isLength = { ...c.isLength, max: v }));
      if (rule === 'minLength') return assign(parseCount(value), (v) => (c.minLength = v));
      if (rule === 'maxLength') return assign(parseCount(value), (v) => (c.maxLength = v));
      // `@Matches()` runs its RegExp with its own flags (no `u` added), a `@pattern` in Unicode mode.
      if (rule === 'pattern') return assign(parsePattern(value, request.decorator), (v) => (c.pattern = v));
      if (rule === 'format') return assign(parseFormat(value), (v) => (c.format = v));
      if (rule === 'urlOptions') return assign(parseUrlOptions(value), (v) => (c.url = v));
      if (rule === 'notEmpty') c.minLength = Math.max(c.minLength ?? 0, 1);
      return undefined;
    }
    case 'number': {
      const c = (target.constraints ??= {});
      if (rule === 'minimum') return assign(parseNumber(value), (v) => (c.minimum = v));
      if (rule === 'maximum') return assign(parseNumber(value), (v) => (c.maximum = v));
      if (rule === 'exclusiveMinimum') return assign(parseNumber(value), (v) => (c.exclusiveMinimum = v));
      if (rule === 'exclusiveMaximum') return assign(parseNumber(value), (v) => (c.exclusiveMaximum = v));
      if (rule === 'multipleOf') return assign(parseStep(value), (v) => (c.multipleOf = v));
      if (rule === 'type') return assign(parseNumericType(value), (v) => (c.numericType = v));
      return undefined;
    }
    case 'bigint': {
      const c = (target.constraints ??= {});
      if (rule === 'minimum') return assign(parseBigIntBound(value), (v) => (c.minimum = v));
      if (rule === 'maximum') return assign(parseBigIntBound(value), (v) => (c.maximum = v));
      return undefined;
    }
    case 'array': {
      const c = (target.constraints ??= {});
      if (rule === 'minItems') return assign(parseCount(value), (v) => (c.minItems = v));
      if (rule === 'maxItems') return assign(parseCount(value), (v) => (c.maxItems = v));
      if (rule === 'uniqueItems') c.uniqueItems = value !== 'false';
      if (rule === 'notEmpty') c.minItems = Math.max(c.minItems ?? 0, 1);
      return undefined;
    }
    case 'tuple': {
      const c = (target.constraints ??= {});
      if (rule === 'minItems') return assign(parseCount(value), (v) => (c.minItems = v));
      if (rule === 'maxItems') return assign(parseCount(value), (v) => (c.maxItems = v));
      return undefined;
    }
    default:
      return undefined;
  }
}

function assign<T>(parsed: Parsed<T>, set: (value: T) => unknown): Failure | undefined {
  if ('error' in parsed) return parsed;
  set(parsed.value);
  return undefined;
}
