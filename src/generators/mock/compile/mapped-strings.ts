/**
 * Mock strings of an intrinsic string mapping of `string` (`Uppercase<string>`, `Capitalize<string>`…),
 * alone or with constraints (`/** @minLength 3 @pattern ^[A-Z_]+$ *\/ type EnvKey = Uppercase<string>`).
 * The validator checks the strings the mapping leaves unchanged (`value.toUpperCase() === value`)
 * beside the constraints, so a mock must be both.
 *
 * A word passed through the mapping is one when only lengths constrain it: the words are ASCII,
 * whose case mappings keep the length, so a word fitted to the window stays inside it once mapped.
 * With a `@pattern` or `@format` the mapping is one more member of an intersection of strings
 * (string-intersections.ts): its language (Unicode's `Changes_When_Uppercased` and kin, as the
 * OpenAPI document says it) is searched together with the constraints, and every string kept is
 * confirmed by the mapping's own test. An empty intersection proves that no value exists
 * (`@pattern ^[a-z]+$` on `Uppercase<string>`): CG2011, as for other contradictions. A pattern
 * the search cannot read is a CG5001 warning and a mock that throws, as for the pattern alone.
 */
import { isLengthAsCodePoints } from '../../../model/is-length.js';
import type { StringConstraints, StringMapping, StringType } from '../../../model/types.js';
import { stringLiteral } from '../../kit/emit.js';
import { UnsupportedRegexError } from '../../kit/regex-sampler.js';
import type { MockContext } from './mock-context.js';
import { findStringsOfAll } from './string-intersections.js';
import { cannotSample, notFound } from './strings.js';

/** The strings each mapping leaves unchanged, as a Unicode-mode pattern (openapi/schemas/pattern-keys.ts says the same). */
const MAPPING_LANGUAGE: Record<StringMapping, string> = {
  Uppercase: '^\\P{Changes_When_Uppercased}*$',
  Lowercase: '^\\P{Changes_When_Lowercased}*$',
  Capitalize: '^(?:(?!\\p{Changes_When_Uppercased})|[\\u{10000}-\\u{10FFFF}])',
  Uncapitalize: '^(?:(?!\\p{Changes_When_Lowercased})|[\\u{10000}-\\u{10FFFF}])',
};

/** The validator's test (validate/compile/pattern-keys.ts), as TypeScript's `applyStringMapping` maps. */
const UNCHANGED: Record<StringMapping, (text: string) => boolean> = {
  Uppercase: (text) => text.toUpperCase() === text,
  Lowercase: (text) => text.toLowerCase() === text,
  Capitalize: (text) => text.charAt(0).toUpperCase() === text.charAt(0),
  Uncapitalize: (text) => text.charAt(0).toLowerCase() === text.charAt(0),
};

/** The mapping's language as a constrained string, searched beside other constraints. */
export function mappingLanguage(mapping: StringMapping): StringConstraints {
  return { pattern: { source: MAPPING_LANGUAGE[mapping], flags: 'u' } };
}

/** The validator's test that `mapping` leaves a string unchanged. */
export function unchangedBy(mapping: StringMapping): (text: string) => boolean {
  return UNCHANGED[mapping];
}

/** `text` (a string expression of ASCII letters and spaces) passed through `mapping`. */
function mapped(mapping: StringMapping, text: string): string {
  return {
    Uppercase: `${text}.toUpperCase()`,
    Lowercase: `${text}.toLowerCase()`,
    Capitalize: `${text}.replace(/^./, (first) => first.toUpperCase())`,
    Uncapitalize: `${text}.replace(/^./, (first) => first.toLowerCase())`,
  }[mapping];
}

/**
 * `text` through the mappings under `mapping` (outermost first, as the model holds them), innermost
 * first, then through `mapping`: on ASCII each sets the case of every letter or the first, so the
 * result is one the whole chain gives back (`Uncapitalize<Uppercase<string>>`: `'aBC'`, not `'abc'`).
 */
function chained(mapping: StringMapping, inner: readonly StringMapping[], text: string): string {
  return mapped(mapping, [...inner].reverse().reduce((at, each) => mapped(each, at), text));
}

/** A word passed through `mapping` (and the mappings under it), so they leave it unchanged; typed `Uppercase<string>` and so on. */
export function mappedWord(mapping: StringMapping, context: MockContext, inner: readonly StringMapping[] = []): string {
  return `(${chained(mapping, inner, `${context.compiler.runtime('mockWord')}(r)`)} as ${mapping}<string>)`;
}

/** Whether the chain, applied innermost first as tsc applies it, gives `text` back. */
function chainKeeps(mapping: StringMapping, inner: readonly StringMapping[]): (text: string) => boolean {
  const apply = (text: string, each: StringMapping): string =>
    each === 'Uppercase' ? text.toUpperCase() : each === 'Lowercase' ? text.toLowerCase() : (each === 'Capitalize' ? text.charAt(0).toUpperCase() : text.charAt(0).toLowerCase()) + text.slice(1);
  return (text) => [...inner].reverse().concat(mapping).reduce(apply, text) === text;
}

/** The mock of `node`, a string with a `mapping` (and no template), with or without constraints. */
export function mappedStringExpression(node: StringType & { mapping: StringMapping }, context: MockContext): string {
  const { compiler } = context;
  const mapping = node.mapping;
  const inner = node.innerMappings ?? [];
  // `@MaxLength(n)` (validator.js's count) read as code points: mock texts carry no variation selectors, on which the counts agree.
  const constraints: StringConstraints = isLengthAsCodePoints(node.constraints ?? {});
  const typeText = `${mapping}<string>`;
  const brand = (expression: string): string => (node.brand ? `(${expression} as never)` : expression);
  if (!constraints.pattern && !constraints.format && constraints.minLength === undefined && constraints.maxLength === undefined) {
    return brand(mappedWord(mapping, context, inner));
  }
  const low = constraints.minLength ?? 0;
  const high = constraints.maxLength ?? Infinity;
  const fail = (why: string): string => `${compiler.runtime('cannotMock')}(${stringLiteral(`${context.label}: ${why}`)})`;
  if (low > high) return compiler.contradiction(context, `@minLength ${low} is greater than @maxLength ${high}`, fail('no value exists'));
  if (!constraints.pattern && !constraints.format) {
    // ASCII words: the mapping keeps their length, so the fitted window holds.
    const text = `${compiler.runtime('fitText')}(r, ${compiler.runtime('mockWord')}(r), ${low}, ${Number.isFinite(high) ? high : 'Infinity'})`;
    return brand(`(${chained(mapping, inner, text)} as ${typeText})`);
  }
  const { minLength: _min, maxLength: _max, ...expressive } = constraints;
  const language = mappingLanguage(mapping);
  let search;
  try {
    search = findStringsOfAll([expressive, language], low, high);
  } catch (error) {
    if (!(error instanceof UnsupportedRegexError)) throw error;
    return brand(`(${cannotSample(context, error.message)} as ${typeText})`);
  }
  const what = `${describe(constraints)} that ${typeText} leaves unchanged`;
  if (search.verdict === 'contradiction') return compiler.contradiction(context, `no string matches ${what}`, fail('no value exists'));
  // Past the search's limits (`@pattern ^[A-Z]{10001}$`): a warning and a mock that throws, as for that pattern alone.
  if (search.verdict === 'unknown' && search.unreadable) return brand(`(${cannotSample(context, search.reason)} as ${typeText})`);
  const samples = search.samples.filter(inner.length > 0 ? chainKeeps(mapping, inner) : UNCHANGED[mapping]);
  if (samples.length === 0) {
    return brand(`(${notFound(context, what, search.verdict === 'unknown' ? search.reason : `the strings found all change under ${mapping}`)} as ${typeText})`);
  }
  const constant = compiler.constant(`[${samples.map(stringLiteral).join(', ')}]`, `${context.base}Samples`);
  return brand(`(r.pick(${constant}) as ${typeText})`);
}

function describe(constraints: StringConstraints): string {
  const { pattern, format, minLength, maxLength } = constraints;
  const window = maxLength !== undefined ? ` with a length of ${minLength ?? 0} to ${maxLength} characters` : minLength ? ` with a length of at least ${minLength} characters` : '';
  return [pattern ? `@pattern /${pattern.source}/` : '', format ? `@format ${format}` : ''].filter(Boolean).join(' and ') + window;
}
