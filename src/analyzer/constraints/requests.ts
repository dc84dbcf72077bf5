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
  /** `@IsUrl({ protocols, require_protocol })`: the options of the `web-url` format. */
  | 'urlOptions'
  | 'optional'
  /** `@IsDefined()`: the key must be present and the value neither undefined nor null. */
  | 'defined'
  | 'required';

export interface ConstraintRequest {
  rule: Rule;
  /** A tag's text, or a decorator argument; undefined when none was written. */
  value: StaticValue | undefined;
  /** How the user wrote it, for messages: `@minLength`, `@MinLength()`, `@validate min`. */
  written: string;
  location: SourceLocation;
  /** `{ each: true }`: the rule applies to every item of the array, not to the array. */
  each?: boolean;
  /** Written as a decorator: class-validator compares numbers only with numbers (`@Min('0')` rejects everything). */
  decorator?: boolean;
}

/** The JSDoc tags that are constraints, by tag name. */
export const CONSTRAINT_TAGS: readonly Rule[] = [
  'minLength', 'maxLength', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum',
  'exclusiveMaximum', 'multipleOf', 'type', 'minItems', 'maxItems', 'uniqueItems',
];

type DecoratorRule = (args: StaticValue[]) => { rule: Rule; value?: StaticValue }[];

const first = (rule: Rule): DecoratorRule => (args) => [{ rule, value: args[0] }];
const fixed = (rule: Rule, value?: StaticValue): DecoratorRule => () => [{ rule, value }];

/**
 * `@Matches(/re/flags)` or `@Matches('re', 'flags')`, as validator.js's `matches` runs it:
 * `str.match(pattern)`. `g` changes no verdict there (`match` starts over). `y` sticks the match
 * to where the RegExp's `lastIndex` stands: a string pattern is a new RegExp per call, and `g`
 * resets `lastIndex` first, so those stick it to the start, written here as an anchor (`^`, or a
 * lookbehind under `m`); a literal `/re/y` alone is one RegExp whose `lastIndex` moves from one
 * value to the next, which the pattern's reading refuses (model/pattern.ts).
 */
function matchesRegex(args: StaticValue[]): StaticValue | undefined {
  const written = typeof args[0] === 'string' ? { source: args[0], flags: typeof args[1] === 'string' ? args[1] : '' } : regexOf(args[0]);
  if (!written) return args[0];
  const fresh = typeof args[0] === 'string' || written.flags.includes('g');
  if (!fresh || !written.flags.includes('y')) return { regex: written };
  const start = written.flags.includes('m') ? '(?<![\\s\\S])' : '^';
  return { regex: { source: `${start}(?:${written.source})`, flags: written.flags.replace(/[gy]/g, '') } };
}

function regexOf(value: StaticValue | undefined): { source: string; flags: string } | undefined {
  return typeof value === 'object' && value !== null && 'regex' in value ? value.regex : undefined;
}

/** `@IsDateString()`, `@IsISO8601()`: validator.js's ISO 8601, calendar-checked with `{ strict: true }`. */
const iso8601: DecoratorRule = (args) => [{ rule: 'format', value: optionsOf(args[0])?.['strict'] === true ? 'iso8601-strict' : 'iso8601' }];

/** class-validator decorators that map onto a rule. */
export const DECORATOR_RULES: Readonly<Record<string, DecoratorRule>> = {
  MinLength: first('minLength'),
  MaxLength: first('maxLength'),
  Length: (args) => [{ rule: 'minLength', value: args[0] }, ...(args[1] === undefined || optionsOf(args[1]) ? [] : [{ rule: 'maxLength' as const, value: args[1] }])],
  Matches: (args) => [{ rule: 'pattern', value: matchesRegex(args) }],
  IsEmail: fixed('format', 'web-email'),
  IsUUID: (args) => [{ rule: 'format', value: args[0] === 'loose' ? 'uuid' : 'web-uuid' }],
  IsUrl: (args) => [{ rule: 'format', value: 'web-url' }, { rule: 'urlOptions', value: args[0] }],
  IsDateString: iso8601,
  IsISO8601: iso8601,
  // validator.js's `isIP`: version 4, 6 (a zone id allowed), or either when none is given.
  IsIP: (args) => [{ rule: 'format', value: args[0] === 4 || args[0] === '4' ? 'ipv4' : args[0] === 6 || args[0] === '6' ? 'web-ipv6' : args[0] === undefined ? 'web-ip' : args[0] }],
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
  IsDefined: fixed('defined'),
  IsNotEmpty: fixed('notEmpty'),
};

/**
 * What each supported decorator reads beyond its rule: the keys of its options objects (besides
 * `each`, and `message` and `context`, which change no verdict) and whether a leading non-object
 * argument is read (`@IsUUID('4')`'s version is not). Anything else is said (CG2015).
 */
export const READ_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  IsUrl: ['protocols', 'require_protocol'],
  IsDateString: ['strict'],
  IsISO8601: ['strict'],
};

/** Options of class-validator's `ValidationOptions` that change no verdict codegen gives. */
export const NEUTRAL_OPTIONS: readonly string[] = ['each', 'message', 'context'];

/**
 * class-validator decorators codegen recognises with no constraint rule: the type checks
 * (`@IsString()`…, `@IsEnum()`, `@IsIn()`) narrow the property's type where it allows more, and
 * are CG2023 where it allows none of theirs (constraints/type-checks.ts); the rest add nothing
 * the type does not say.
 */
export const NO_OP_DECORATORS: readonly string[] = [
  'IsString', 'IsNumber', 'IsBoolean', 'IsDate', 'IsEnum', 'IsIn', 'IsArray', 'ValidateNested', 'Type', 'IsObject',
];

/** Requests from JSDoc constraint tags, in source order. */
export function requestsFromTags(tags: readonly JsDocTag[]): ConstraintRequest[] {
  return tags
    .filter((tag) => (CONSTRAINT_TAGS as readonly string[]).includes(tag.name))
    .map((tag) => ({ rule: tag.name as Rule, value: tag.text === '' ? undefined : tag.text, written: `@${tag.name}`, location: tag.location }));
}

/** Requests from class-validator decorators, in source order; `{ each: true }` in any options argument marks them all. */
export function requestsFromDecorators(decorators: readonly DecoratorCall[]): ConstraintRequest[] {
  return decorators.flatMap((decorator) => {
    const each = decorator.arguments.some((argument) => optionsOf(argument)?.['each'] === true);
    return (DECORATOR_RULES[decorator.name]?.(decorator.arguments) ?? []).map(({ rule, value }) => ({
      rule,
      value,
      written: `@${decorator.name}()`,
      location: decorator.location,
      decorator: true,
      ...(each ? { each } : {}),
    }));
  });
}

/** The properties of an object literal argument (`{ each: true }`), or undefined for any other value. */
export function optionsOf(value: StaticValue | undefined): Record<string, StaticValue> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'object' in value ? value.object : undefined;
}
