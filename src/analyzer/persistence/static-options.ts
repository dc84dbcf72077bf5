/**
 * Reading TypeORM-style decorator arguments (`{ name: 'x', unique: true }`) that the
 * decorator reader turned into `StaticValue`s. Each getter says what it found, or that the
 * value had the wrong shape, so callers can report instead of guessing.
 */
import { isUnsupported, type StaticValue } from '../tags/decorators.js';

/** Found, of the wrong shape, not readable without running code (`{ type: LIMIT }`), or absent. */
export type OptionRead<T> = { value: T } | { wrong: string } | { unreadable: string } | undefined;

/** The options object among a decorator's arguments (the first object literal), if any. */
export function optionsOf(args: readonly StaticValue[]): Record<string, StaticValue> {
  for (const arg of args) {
    if (typeof arg === 'object' && arg !== null && !Array.isArray(arg) && 'object' in arg) return arg.object;
  }
  return {};
}

/** A number option, also written as a numeric string (`length: '80'`); `wrong` otherwise. */
export function numberOption(options: Record<string, StaticValue>, key: string): OptionRead<number> {
  const value = options[key];
  if (value === undefined) return undefined;
  if (isUnsupported(value)) return { unreadable: value.unsupported };
  if (typeof value === 'string' && /^\d+$/.test(value)) return { value: Number(value) };
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? { value } : { wrong: shownValue(value) };
}

/** The first string argument (`@Entity('users')`), if any. */
export function stringArgument(args: readonly StaticValue[]): string | undefined {
  return args.find((arg): arg is string => typeof arg === 'string');
}

/** A string option; `wrong` when it is present but not a string. */
export function stringOption(options: Record<string, StaticValue>, key: string): OptionRead<string> {
  const value = options[key];
  if (value === undefined) return undefined;
  if (isUnsupported(value)) return { unreadable: value.unsupported };
  return typeof value === 'string' ? { value } : { wrong: shownValue(value) };
}

/** A boolean option; `wrong` when it is present but not a boolean. */
export function booleanOption(options: Record<string, StaticValue>, key: string): OptionRead<boolean> {
  const value = options[key];
  if (value === undefined) return undefined;
  if (isUnsupported(value)) return { unreadable: value.unsupported };
  return typeof value === 'boolean' ? { value } : { wrong: shownValue(value) };
}

/** A plain JSON value (literal, array or object of literals); `wrong` for regexes, arrows and unreadable syntax. */
export function jsonOption(options: Record<string, StaticValue>, key: string): OptionRead<unknown> {
  const value = options[key];
  if (value === undefined) return undefined;
  if (isUnsupported(value)) return { unreadable: value.unsupported };
  const json = toJson(value);
  return json === NOT_JSON ? { wrong: shownValue(value) } : { value: json };
}

/** The type named by a `() => Type` argument (`@ManyToOne(() => User)`), if any. */
export function typeRefArgument(args: readonly StaticValue[]): string | undefined {
  for (const arg of args) {
    if (typeof arg === 'object' && arg !== null && !Array.isArray(arg) && 'typeRef' in arg) return arg.typeRef;
  }
  return undefined;
}

/** A value as the user wrote it, for messages. */
export function shownValue(value: StaticValue): string {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    if ('unsupported' in value) return value.unsupported;
    if ('typeRef' in value) return `() => ${value.typeRef}`;
    if ('returns' in value) return `() => ${JSON.stringify(value.returns)}`;
    if ('regex' in value) return `/${value.regex.source}/${value.regex.flags}`;
  }
  return JSON.stringify(value);
}

const NOT_JSON = Symbol('not JSON');

function toJson(value: StaticValue): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = value.map(toJson);
    return items.includes(NOT_JSON) ? NOT_JSON : items;
  }
  if (!('object' in value)) return NOT_JSON;
  const entries = Object.entries(value.object).map(([key, item]) => [key, toJson(item)] as const);
  return entries.some(([, item]) => item === NOT_JSON) ? NOT_JSON : Object.fromEntries(entries);
}
