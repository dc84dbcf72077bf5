/**
 * Mock strings for an intersection of constrained strings (`StartsA & EndsZ`: two `@pattern`s on
 * one string, or one alias's pattern beside another's `@format` or lengths), which the analyzer
 * keeps as an intersection the validator checks member by member (member-constraints.ts).
 *
 * The way is the one a `@format` beside a `@pattern` takes (strings.ts), over every member at
 * once: each member's sampler draws strings, and only those every member's check accepts are
 * kept (rejection sampling against the validator's checks, bounded tries, a fixed seed); when
 * that finds too few, the search through the intersection of all members' automata
 * (string-search.ts) adds some, and proves a contradiction when the intersection is empty. Only
 * when neither finds a value is there a diagnostic: CG2011 for a proven contradiction, else a
 * CG5001 warning of strings.ts (a mock that throws when a member cannot be read, `""` otherwise). The strings are found at generation time, and the mock picks
 * from them with its seed.
 */
import { isLengthAsCodePoints } from '../../../model/is-length.js';
import type { RegexSource, StringConstraints, StringType, TypeNode } from '../../../model/types.js';
import { patternRegExp } from '../../../model/pattern.js';
import { parseRegex } from '../../kit/regex-parse.js';
import { isTemplateString } from '../../kit/template-literal.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import { UnsupportedRegexError } from '../../kit/regex-sampler.js';
import type { MockContext } from './mock-context.js';
import { acceptor, cannotSample, mayBacktrackExponentially, notFound, SAMPLE_COUNT, sampleFirst, searchFallback, stringExpression, type StringSearch } from './strings.js';

/**
 * The members' string types when every member is a plain constrained string (directly or through a
 * reference), else undefined. A template or a mapping (`Uppercase<string> & StartsA & EndsZ`) is
 * mixed-string-intersections.ts's, which types the mock as the intersection.
 */
export function stringMembers(members: readonly TypeNode[], index: DeclarationIndex): StringType[] | undefined {
  const strings: StringType[] = [];
  for (const member of members) {
    const target = member.kind === 'ref' ? index.get(member.id).type : member;
    if (target.kind !== 'string' || isTemplateString(target) || target.mapping !== undefined) return undefined;
    strings.push(target);
  }
  return strings;
}

/** The expression of a mock string meeting every member's constraints. */
export function intersectedStringExpression(members: readonly StringType[], context: MockContext): string {
  const { compiler } = context;
  // `@MaxLength(n)` (validator.js's count) read as code points: mock texts carry no variation selectors, on which the counts agree.
  const parts = members.map((member) => isLengthAsCodePoints(member.constraints ?? {}));
  const low = Math.max(0, ...parts.map((part) => part.minLength ?? 0));
  const high = Math.min(Infinity, ...parts.map((part) => part.maxLength ?? Infinity));
  // A branded member (`StartsA & EndsZ & Brand`): no string is of the branded type but through a cast.
  const cast = (expression: string): string => (members.some((member) => member.brand) ? `(${expression} as never)` : expression);
  if (low > high) return compiler.contradiction(context, `the members' lengths leave no window (at least ${low}, at most ${high} characters)`, cast('""'));
  // One pattern or format at most (`Min3 & StartsA` kept apart): one string's constraints, mocked as such.
  const expressive = parts.filter((part) => part.pattern || part.format);
  if (expressive.length <= 1) {
    const merged: StringConstraints = { ...expressive[0], minLength: low, ...(Number.isFinite(high) ? { maxLength: high } : {}) };
    return cast(stringExpression({ kind: 'string', constraints: merged }, context));
  }
  const search = findStringsOfAll(expressive, low, high);
  if (search.verdict !== undefined) {
    const what = describe(expressive, low, high);
    if (search.verdict === 'contradiction') return compiler.contradiction(context, `no string matches ${what}`, cast('""'));
    // A member neither the sampler nor the search can read: a mock that throws, as for one such pattern.
    if (search.unreadable) return cannotSample(context, search.reason);
    return cast(notFound(context, what, search.reason));
  }
  const samples = compiler.constant(`[${search.samples.map((sample) => JSON.stringify(sample)).join(', ')}]`, `${context.base}Samples`);
  return cast(`r.pick(${samples})`);
}

/**
 * Strings every part accepts, with a length in [low, high]: each part's samples kept when all the
 * parts' checks accept them, then the search through the intersection of their automata. Each
 * part has a pattern or a format.
 */
export function findStringsOfAll(parts: readonly StringConstraints[], low: number, high: number): StringSearch {
  // A pattern that may backtrack exponentially is not run at generation time (strings.ts): only
  // its own sampler, or the search built from it, vouches for a string matching it. One the
  // sampler cannot read (a backreference, a lookaround) is run: the search only widens it.
  const unreadable = parts.map((part) => part.pattern !== undefined && !readable(part.pattern));
  const risky = parts.map((part, i) => part.pattern !== undefined && !unreadable[i] && mayBacktrackExponentially(part.pattern.source, part.pattern.flags));
  const checks = parts.map((part, i) => {
    const check = acceptor(part, low, high);
    const regex = unreadable[i] ? patternRegExp(part.pattern!) : undefined;
    return regex ? (text: string) => check(text) && regex.test(text) : check;
  });
  const accepts = (text: string): boolean => checks.every((check) => check(text));
  const found = new Set<string>();
  // A member the sampler cannot read (a backreference) leaves the others' samplers and the search.
  const refusals: string[] = [];
  parts.forEach((part, i) => {
    if (found.size >= SAMPLE_COUNT || risky.some((isRisky, j) => isRisky && j !== i)) return;
    try {
      for (const text of sampleFirst(part, low, high, accepts, accepts)) if (accepts(text)) found.add(text);
    } catch (error) {
      if (!(error instanceof UnsupportedRegexError)) throw error;
      refusals.push(error.message);
    }
  });
  if (found.size >= SAMPLE_COUNT) return { samples: [...found].sort().slice(0, SAMPLE_COUNT) };
  const searched = searchFallback(parts, low, high, accepts);
  if (found.size === 0 && searched.verdict === 'unknown' && refusals.length > 0) {
    return { ...searched, reason: `${searched.reason}; the sampler cannot read a member: ${refusals.join('; ')}`, unreadable: true as const };
  }
  if (found.size === 0) return searched;
  return { samples: [...new Set([...found, ...searched.samples])].sort().slice(0, SAMPLE_COUNT) };
}

/** Whether the sampler's parser reads the pattern (it refuses backreferences and lookarounds). */
function readable(pattern: RegexSource): boolean {
  try {
    parseRegex(pattern.source, pattern.flags);
    return true;
  } catch {
    return false;
  }
}

function describe(parts: readonly StringConstraints[], low: number, high: number): string {
  const each = parts.flatMap((part) => [part.pattern ? `@pattern /${part.pattern.source}/` : '', part.format ? `@format ${part.format}` : ''].filter(Boolean));
  const window = Number.isFinite(high) ? ` with a length of ${low} to ${high} characters` : low > 0 ? ` with a length of at least ${low} characters` : '';
  return `${each.join(' and ')}${window}`;
}
