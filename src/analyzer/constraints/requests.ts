/**
 * The validation vocabulary's three spellings (JSDoc tags, class-validator decorators and the
 * compact `@validate` form) turned into one list of requests, applied afterwards in one place.
 */
import type { SourceLocation } from '../../model/index.js';
import type { DecoratorCall, StaticValue } from '../tags/decorators.js';
import type { JsDocTag } from '../tags/jsdoc.js';

export type Rule =
  | 'minLength'
  | 'maxLength'
  | 'pattern'
  | 'format'
  | 'minimum'
  | 'maximum'
  | 'exclusiveMinimum'
  | 'exclusiveMaximum'
  | 'multipleOf'
  | 'type'
  | 'minItems'
  | 'maxItems'
  | 'uniqueItems'
  /** `@validate min=n`: a length, a count or a bound depending on the property's kind. */
  | 'min'
  | 'max'
  | 'notEmpty'
  | 'optional'
  | 'required';

export interface ConstraintRequest {
  rule: Rule;
  /** A tag's text, or a decorator argument; undefined when none was written. */
  value: StaticValue | undefined;
  /** How the user wrote it, for messages: `@minLength`, `@MinLength()`, `@validate min`. */
  written: string;
  location: SourceLocation;
}

/** The JSDoc tags that are constraints, by tag name. */
export const CONSTRAINT_TAGS: readonly Rule[] = [
  'minLength', 'maxLength', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum',
  'exclusiveMaximum', 'multipleOf', 'type', 'minItems', 'maxItems', 'uniqueItems',
];

type DecoratorRule = (args: StaticValue[]) => { rule: Rule; value?: StaticValue }[];

const first = (rule: Rule): DecoratorRule => (args) => [{ rule, value: args[0] }];
const fixed = (rule: Rule, value?: StaticValue): DecoratorRule => () => [{ rule, value }];

/** class-validator decorators that map onto a rule. */
export const DECORATOR_RULES: Readonly<Record<string, DecoratorRule>> = {
  MinLength: first('minLength'),
  MaxLength: first('maxLength'),
  Length: (args) => [{ rule: 'minLength', value: args[0] }, ...(args[1] === undefined ? [] : [{ rule: 'maxLength' as const, value: args[1] }])],
  Matches: (args) => [{ rule: 'pattern', value: typeof args[0] === 'string' ? { regex: { source: args[0], flags: typeof args[1] === 'string' ? args[1] : '' } } : args[0] }],
  IsEmail: fixed('format', 'email'),
  IsUUID: fixed('format', 'uuid'),
  IsUrl: fixed('format', 'url'),
  IsDateString: fixed('format', 'date-time'),
  IsISO8601: fixed('format', 'date-time'),
  IsIP: (args) => [{ rule: 'format', value: args[0] === 4 || args[0] === '4' ? 'ipv4' : args[0] === 6 || args[0] === '6' ? 'ipv6' : undefined }],
  Min: first('minimum'),
  Max: first('maximum'),
  IsInt: fixed('type', 'integer'),
  IsPositive: fixed('exclusiveMinimum', 0),
  IsNegative: fixed('exclusiveMaximum', 0),
  IsDivisibleBy: first('multipleOf'),
  ArrayMinSize: first('minItems'),
  ArrayMaxSize: first('maxItems'),
  ArrayUnique: fixed('uniqueItems'),
  ArrayNotEmpty: fixed('minItems', 1),
  IsOptional: fixed('optional'),
  IsNotEmpty: fixed('notEmpty'),
};

/** class-validator decorators codegen recognises but that add nothing the type does not say. */
export const NO_OP_DECORATORS: readonly string[] = [
  'IsString', 'IsNumber', 'IsBoolean', 'IsDate', 'IsEnum', 'IsArray', 'ValidateNested', 'Type', 'IsDefined', 'IsObject',
];

/** Requests from JSDoc constraint tags, in source order. */
export function requestsFromTags(tags: readonly JsDocTag[]): ConstraintRequest[] {
  return tags
    .filter((tag) => (CONSTRAINT_TAGS as readonly string[]).includes(tag.name))
    .map((tag) => ({ rule: tag.name as Rule, value: tag.text === '' ? undefined : tag.text, written: `@${tag.name}`, location: tag.location }));
}

/** Requests from class-validator decorators, in source order. */
export function requestsFromDecorators(decorators: readonly DecoratorCall[]): ConstraintRequest[] {
  return decorators.flatMap((decorator) =>
    (DECORATOR_RULES[decorator.name]?.(decorator.arguments) ?? []).map(({ rule, value }) => ({
      rule,
      value,
      written: `@${decorator.name}()`,
      location: decorator.location,
    })),
  );
}
