/**
 * Parsing of constraint values, one function per value shape. Each returns the value or an
 * error message; the caller turns errors into diagnostics at the tag's position.
 */
import { suggest } from '../../config/suggest.js';
import { NUMERIC_TYPES, STRING_FORMATS, type NumericType, type RegexSource, type StringFormat, type UrlOptions } from '../../model/index.js';
import { patternFlags, readPattern } from '../../model/pattern.js';
import type { StaticValue } from '../tags/decorators.js';
import { patternHint } from './pattern-hint.js';

export type Parsed<T> = { value: T } | { error: string; code?: 'CG2002' | 'CG2003' | 'CG2005'; hint?: string };

const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/** A JSON number, written (`-1.5`, `1e3`) or passed to a decorator. */
export function parseNumber(value: StaticValue | undefined): Parsed<number> {
  const number = typeof value === 'number' ? value : typeof value === 'string' && JSON_NUMBER.test(value.trim()) ? Number(value.trim()) : undefined;
  if (number !== undefined && Number.isFinite(number)) return { value: number };
  // `1e400` is JSON-shaped but no double: a bound of Infinity is no bound, and JSON cannot write it.
  if (number !== undefined) return { error: `expected a finite number, got ${typeof value === 'string' ? `'${value.trim()}' (${String(number)} as a double)` : String(number)}` };
  return { error: `expected a number, got ${shown(value)}` };
}

/**
 * The double a written decimal number reads as (`Number(text)`), when that double is not the
 * number written: `9007199254740993` gives 9007199254740992, `1.00000000000000001` gives 1.
 * Undefined when the text is what the double prints as, up to notation (`0.1`, `1e300`, `1e23`:
 * every JSON and JavaScript reader takes them for that same double), or is no JSON number.
 */
export function roundedNumber(text: string): number | undefined {
  const written = decimalParts(text.trim());
  const value = Number(text.trim());
  if (written === undefined || !Number.isFinite(value)) return undefined;
  const read = decimalParts(String(value));
  return read !== undefined && read === written ? undefined : value;
}

/** A JSON number as `sign digits e exponent` with no leading or trailing zeros in the digits (`0` for zero). */
function decimalParts(text: string): string | undefined {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match) return undefined;
  const fraction = match[3] ?? '';
  const all = `${match[2]}${fraction}`;
  const digits = all.replace(/^0+/, '');
  if (digits === '') return '0';
  const trimmed = digits.replace(/0+$/, '');
  const exponent = Number(match[4] ?? 0) - fraction.length + (digits.length - trimmed.length);
  return `${match[1]}${trimmed}e${exponent}`;
}

/** A length or count: a non-negative integer. */
export function parseCount(value: StaticValue | undefined): Parsed<number> {
  const parsed = parseNumber(value);
  if ('error' in parsed) return { error: `expected a non-negative integer, got ${shown(value)}` };
  return Number.isInteger(parsed.value) && parsed.value >= 0 ? parsed : { error: `expected a non-negative integer, got ${shown(value)}` };
}

/** A positive step, kept as the decimal string written so `0.01` stays exact. */
export function parseStep(value: StaticValue | undefined): Parsed<string> {
  const parsed = parseNumber(value);
  if ('error' in parsed || parsed.value <= 0) return { error: `expected a positive number, got ${shown(value)}` };
  return { value: typeof value === 'string' ? value.trim() : String(parsed.value) };
}

/** A bigint bound as a decimal string (`-5`, `9007199254740993`, optionally with `n`). */
export function parseBigIntBound(value: StaticValue | undefined): Parsed<string> {
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : typeof value === 'string' ? value.trim() : '';
  return /^-?\d+n?$/.test(text) ? { value: text.replace(/n$/, '') } : { error: `expected an integer, got ${shown(value)}` };
}

const FLAGS_HINT = 'A @pattern takes the flags i, m, s and v; u is always on, and g, y and d change nothing for one test and are dropped.';

/**
 * `/re/flags`, bare `re`, or a decorator's regex literal, checked under the one reading of
 * a pattern (`model/pattern.ts`: Unicode mode always). A pattern that reading refuses is
 * CG2003, naming the offset, with the pattern rewritten for Unicode mode when that is possible.
 */
export function parsePattern(value: StaticValue | undefined, asWritten = false): Parsed<RegexSource> {
  const found = toRegexSource(value);
  if (!found) return { error: `expected a regular expression, got ${shown(value)}` };
  const regex: RegexSource = asWritten ? { ...found, asWritten: true } : found;
  const read = readPattern(regex);
  if ('reading' in read) return { value: regex };
  const { kind, message, offset } = read.problem;
  const at = offset === undefined ? '' : ` at offset ${offset}`;
  if (kind === 'flags') {
    const hint = asWritten && regex.flags.includes('y') ? 'Drop the flag y (write ^ to match at the start), or pass the pattern as a string, a new RegExp per value.' : FLAGS_HINT;
    return { error: `invalid regular expression /${regex.source}/${regex.flags}: ${message}`, code: 'CG2003', hint };
  }
  const hint = asWritten ? undefined : patternHint(regex.source, regex.flags, message);
  // Valid without `u` but not with it: say that the Unicode mode is why.
  const mode = hint === undefined ? '' : ` (read as /${regex.source}/${patternFlags(regex.flags)}: every @pattern is read in Unicode mode)`;
  return { error: `invalid regular expression /${regex.source}/${regex.flags}${at}: ${message}${mode}`, code: 'CG2003', ...(hint === undefined ? {} : { hint }) };
}

/** One of the formats of annotations.md; unknown ones are CG2005 with a did-you-mean. */
export function parseFormat(value: StaticValue | undefined): Parsed<StringFormat> {
  if (typeof value !== 'string' || value.trim() === '') {
    return { error: `expected a format name, got ${shown(value)}`, hint: 'Name a format, e.g. `@format email`; `@IsIP()` takes 4, 6 or no version (either).' };
  }
  const name = value.trim();
  if ((STRING_FORMATS as readonly string[]).includes(name)) return { value: name as StringFormat };
  const close = suggest(name, STRING_FORMATS);
  return {
    error: `unknown format '${name}'${close ? `. Did you mean '${close}'?` : ''}`,
    code: 'CG2005',
    hint: `Known formats: ${STRING_FORMATS.join(', ')}.`,
  };
}

/** `@IsUrl()`'s options: `protocols` (strings) and `require_protocol`, validator.js's defaults for the ones left out. */
export function parseUrlOptions(value: StaticValue | undefined): Parsed<UrlOptions> {
  const options = typeof value === 'object' && value !== null && !Array.isArray(value) && 'object' in value ? value.object : {};
  if (value !== undefined && !('object' in Object(value))) return { error: `expected an options object, got ${shown(value)}` };
  const protocols = options['protocols'] ?? ['http', 'https', 'ftp'];
  const requireProtocol = options['require_protocol'] ?? false;
  if (!Array.isArray(protocols) || protocols.length === 0 || !protocols.every((protocol) => typeof protocol === 'string' && /^[a-z][a-z0-9+.-]*$/i.test(protocol))) {
    return { error: `expected \`protocols\` to be an array of protocol names, got ${shown(protocols)}` };
  }
  if (typeof requireProtocol !== 'boolean') return { error: `expected \`require_protocol\` to be true or false, got ${shown(requireProtocol)}` };
  return { value: { protocols: protocols as string[], requireProtocol } };
}

/** A numeric type name for `@type` (`integer`, `int32` …). */
export function parseNumericType(value: StaticValue | undefined): Parsed<NumericType> {
  const name = typeof value === 'string' ? value.trim() : '';
  if ((NUMERIC_TYPES as readonly string[]).includes(name)) return { value: name as NumericType };
  const close = suggest(name, NUMERIC_TYPES);
  return { error: `expected one of ${NUMERIC_TYPES.join(', ')}, got ${shown(value)}${close ? `. Did you mean '${close}'?` : ''}` };
}

function toRegexSource(value: StaticValue | undefined): RegexSource | undefined {
  if (typeof value === 'object' && value !== null && 'regex' in value) return value.regex;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const match = /^\/(.*)\/([a-z]*)$/s.exec(value.trim());
  return match ? { source: match[1]!, flags: match[2]! } : { source: value.trim(), flags: '' };
}

function shown(value: StaticValue | undefined): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'object' && value !== null && 'unsupported' in value) return `'${value.unsupported}'`;
  // JSON.stringify would show Infinity and NaN as `null`.
  if (typeof value === 'number') return String(value);
  return `'${typeof value === 'string' ? value : JSON.stringify(value)}'`;
}
