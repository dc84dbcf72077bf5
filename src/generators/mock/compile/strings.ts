/**
 * Mock strings that satisfy every string constraint. In order of preference: a realistic runtime
 * generator (by format, else by property name) when all it can produce fits the length window;
 * free text fitted to the window; for a `@pattern` alone, strings drawn at run time from the
 * pattern's whole language (`pattern-program.ts`), with samples made at generation time as the
 * fallback; else those samples (from the pattern and/or the format's own expression), emitted as
 * a constant the runtime picks from.
 */
import type { RegexSource, StringConstraints, StringFormat, StringType } from '../../../model/types.js';
import { parseRegex } from '../../kit/regex-parse.js';
import { backtracksExponentially } from '../../kit/regex-risk.js';
import { splitLookaheads, splitMayBacktrack } from '../../kit/regex-lookaheads.js';
import { sampleRegex, SampleLimitError, UnsupportedRegexError } from '../../kit/regex-sampler.js';
import { backrefTree, hasBackreference } from '../../kit/regex-backrefs.js';
import { regexLiteral, stringLiteral } from '../../kit/emit.js';
import { patternRegExp } from '../../../model/pattern.js';
import type { MockContext } from './mock-context.js';
import { patternProgram, programCode } from './pattern-program.js';
import { SeededRandom } from '../../kit/seeded-random.js';
import { formatEnvelope, mockFormatCheck } from '../../validate/compile/format-checks.js';
import { AutomatonLimitError, patternAutomaton, regexAutomaton, type Automaton } from './regex-automaton.js';
import { searchStrings } from './string-search.js';
import { FORMAT_TEXT, TEXT_GENERATORS, formatPattern, textKindForName, type TextGenerator, type TextKind } from './text-kinds.js';

/**
 * The kinds of text a unique column's wide draw (`MockContext.wide`) adds a number to: those drawn
 * from word lists. A uuid, an email, a date, a time or an address is wide by itself, and the
 * number would make it no longer one (an `id` mocked as a uuid goes into a uuid column).
 */
export const WIDENED_TEXT: ReadonlySet<TextKind> = new Set<TextKind>(['word', 'firstName', 'lastName', 'fullName', 'city', 'country', 'street', 'url', 'hostname', 'title', 'sentence', 'slug', 'username']);

/** How many samples a constrained string gets. */
export const SAMPLE_COUNT = 16;

/** The expression of a mock string for `node`. */
export function stringExpression(node: StringType, context: MockContext): string {
  const constraints = node.constraints ?? {};
  const low = constraints.minLength ?? 0;
  const high = constraints.maxLength ?? Infinity;
  const { compiler } = context;
  if (low > high) {
    return compiler.contradiction(context, `@minLength ${low} is greater than @maxLength ${high}`, '""');
  }
  const format = constraints.format;
  const formatKind = format ? FORMAT_TEXT[format].kind : undefined;
  if (!constraints.pattern && format && formatKind && fits(TEXT_GENERATORS[formatKind], low, high)) {
    const text = `${compiler.runtime(TEXT_GENERATORS[formatKind].helper)}(r)`;
    // A unique URL's wide draw: a number after its path (`https://example.org/meadow-004213977`), where it fits.
    if (context.wide && formatKind === 'url' && TEXT_GENERATORS.url.lengths[1] + 10 <= high) return `${compiler.runtime('wideText')}(r, ${text}, ${low}, Infinity)`;
    return text;
  }
  if (!constraints.pattern && !format) {
    const generator = TEXT_GENERATORS[textKindForName(context.name)];
    const text = `${compiler.runtime(generator.helper)}(r)`;
    // A unique column's wide draw: the text with a drawn number, within the length window.
    if (context.wide && WIDENED_TEXT.has(textKindForName(context.name))) return `${compiler.runtime('wideText')}(r, ${text}, ${low}, ${Number.isFinite(high) ? high : 'Infinity'})`;
    if (fits(generator, low, high)) return text;
    return `${compiler.runtime('fitText')}(r, ${text}, ${low}, ${Number.isFinite(high) ? high : 'Infinity'})`;
  }
  return sampledExpression(constraints, low, high, context);
}

function fits(generator: TextGenerator, low: number, high: number): boolean {
  return generator.lengths[0] >= low && generator.lengths[1] <= high;
}

function sampledExpression(constraints: StringConstraints, low: number, high: number, context: MockContext): string {
  const { compiler } = context;
  let search: StringSearch;
  try {
    search = findStrings(constraints, low, high);
  } catch (error) {
    if (!(error instanceof UnsupportedRegexError)) throw error;
    return cannotSample(context, error.message);
  }
  const { samples } = search;
  if (search.verdict !== undefined) {
    const what = [constraints.pattern ? `@pattern /${constraints.pattern.source}/` : '', constraints.format ? `@format ${constraints.format}` : '']
      .filter(Boolean)
      .join(' and ');
    const window = Number.isFinite(high) ? ` with a length of ${low} to ${high} characters` : low > 0 ? ` with a length of at least ${low} characters` : '';
    if (search.verdict === 'contradiction') {
      return compiler.contradiction(context, `no string matches ${what}${window}`, '""');
    }
    if (search.unreadable) return cannotSample(context, search.reason);
    return notFound(context, `${what}${window}`, search.reason);
  }
  const samplesName = compiler.constant(`[${samples.map((sample) => JSON.stringify(sample)).join(', ')}]`, `${context.base}Samples`);
  // Fewer samples than asked for means the sampler met the whole language already: nothing to add.
  const drawn = samples.length >= SAMPLE_COUNT ? runtimeLanguage(constraints) : undefined;
  const program = drawn && patternProgram(drawn, low, high);
  if (!drawn || !program) return `r.pick(${samplesName})`;
  const programName = compiler.constant(programCode(program), `${context.base}Pattern`);
  const regexName = compiler.regexConstant(regexLiteral({ source: drawn.source, flags: drawn.flags.replace(/[gy]/g, '') }), `${context.base}Regex`);
  const max = Number.isFinite(high) ? String(high) : 'Infinity';
  return `${compiler.runtime('mockPattern')}(r, ${programName}, ${regexName}, ${low}, ${max}, ${samplesName})`;
}

/**
 * The expression whose strings the mock draws at run time, each draw confirmed against it and the
 * length window: a `@pattern` alone, or a `@format` alone through its expression (`FORMAT_TEXT`),
 * every string of which is a value of the format (test/unit/type-forms/format-mocks.test.ts
 * holds them to the validator's checks and ajv-formats'). A format beside a pattern keeps the
 * samples, checked against both at generation time: the format's own check is not in the mock
 * runtime, and the pattern's strings are not all values of the format.
 */
function runtimeLanguage(constraints: StringConstraints): RegexSource | undefined {
  if (constraints.pattern) return constraints.format ? undefined : constraints.pattern;
  if (!constraints.format || !DRAWN_FORMATS.has(constraints.format)) return undefined;
  const source = formatPattern(constraints);
  return source === undefined ? undefined : { source: `^(?:${source})$`, flags: '' };
}

/**
 * Formats whose expression in `FORMAT_TEXT` holds only valid values. Not `web-email`: its local
 * part may run past the 64 bytes validator.js's `isEmail` allows (the samples are checked).
 */
export const DRAWN_FORMATS: ReadonlySet<StringFormat> = new Set(
  (Object.keys(FORMAT_TEXT) as StringFormat[]).filter((format) => format !== 'web-email'),
);

/**
 * A located warning (CG5001) for constraints the mock found no value for but cannot prove
 * contradictory: the value stays `""`, which the validator rejects, and the hint says what to do.
 */
export function notFound(context: MockContext, what: string, reason: string): string {
  context.compiler.problems.push({
    code: 'CG5001',
    severity: 'warning',
    message: `mock cannot produce a value for ${context.label}: it found no string matching ${what} that the validator accepts (${reason}), so its mocks hold "" and fail validation.`,
    hint: 'If such strings exist, narrow the @pattern towards them (the mock samples it) or pass the value in tests (`mockT({ … })`); if none exist, relax one of the constraints.',
    source: context.source,
  });
  return '""';
}

/**
 * A located warning (CG5001) for a pattern the mock cannot build strings of, and a mock that
 * throws when called: the validators, schemas and other mocks are generated as usual. Also for
 * a pattern beside a mapping, a template or another pattern that the search cannot read.
 */
export function cannotSample(context: MockContext, why: string): string {
  const { compiler } = context;
  compiler.problems.push({
    code: 'CG5001',
    severity: 'warning',
    message: `mock cannot build ${context.label}: its @pattern cannot be sampled (${why}); the mocks that hold it throw when called.`,
    hint: 'Pass the value in tests (`mockT({ … })`), write the pattern without the construct named, or leave the type out of `mock` with `@codegen`.',
    source: context.source,
  });
  return `${compiler.runtime('cannotMock')}(${stringLiteral(`${context.label}: its @pattern cannot be sampled`)})`;
}

/**
 * Mock strings found for a string's constraints, and when there are none, whether that is proven.
 * `unreadable`: the search could not read a part (past its limits, or a construct it refuses), so
 * no string was even tried; the mock then throws (`cannotSample`) rather than hold `""`.
 */
export type StringSearch =
  | { samples: string[]; verdict?: undefined }
  | { samples: []; verdict: 'contradiction' }
  | { samples: []; verdict: 'unknown'; reason: string; unreadable?: true };

/** Strings satisfying pattern, format and length at once; empty when none was found. */
export function sampleStrings(constraints: StringConstraints, low: number, high: number): string[] {
  return findStrings(constraints, low, high).samples;
}

/**
 * Strings the generated validator accepts for these constraints: sampled from the format's
 * expression or the pattern and confirmed by the other and by the validator's own format check
 * (`format-checks.ts`); failing that, searched in the intersection of the pattern, the format's
 * envelope and the length window (`string-search.ts`), whose emptiness proves a contradiction.
 */
export function findStrings(constraints: StringConstraints, low: number, high: number): StringSearch {
  // Deterministic (fixed seeds, step budgets) and costly (a format beside a pattern searches
  // automata for seconds): each answer is kept for the process, so a watch rebuild, a second
  // generator run or the same constraints on another property do not search again.
  const key = JSON.stringify([constraints, low, high]);
  let found = FOUND.get(key);
  if (!found) {
    found = searchOnce(constraints, low, high);
    if (FOUND.size >= FOUND_LIMIT) FOUND.delete(FOUND.keys().next().value!);
    FOUND.set(key, found);
  }
  return found.verdict === undefined ? { samples: [...found.samples] } : found;
}

/** Answers of `findStrings` by constraints and length window, oldest first. */
const FOUND = new Map<string, StringSearch>();
const FOUND_LIMIT = 4_096;

function searchOnce(constraints: StringConstraints, low: number, high: number): StringSearch {
  const accepts = acceptor(constraints, low, high);
  let sampled: string[];
  try {
    sampled = sampleFirst(constraints, low, high, accepts);
  } catch (error) {
    // Past the sampler's limits the search (bounded too) would not fare better.
    if (!(error instanceof UnsupportedRegexError) || error instanceof SampleLimitError || !constraints.pattern) throw error;
    return searchUnreadable(constraints, low, high, accepts, error);
  }
  if (sampled.length >= SAMPLE_COUNT || (sampled.length > 0 && !constraints.format)) return { samples: sampled };
  if (sampled.length === 0 && constraints.pattern && hasBackreference(constraints.pattern.source, constraints.pattern.flags)) {
    const verdict = backreferenceVerdict(constraints.pattern, low, high);
    if (verdict) return verdict;
  }
  // A format's sampler that met few of the pattern's strings (`@format uri @pattern ^urn:` gives `urn:`): the search adds more.
  const searched = searchFallback([constraints], low, high, accepts);
  if (sampled.length === 0) return searched;
  return { samples: [...new Set([...sampled, ...searched.samples])].sort().slice(0, SAMPLE_COUNT) };
}

/**
 * For a pattern the sampler cannot read (a backreference: `^(\w)\w*\1$`): the search, which reads
 * it widened (a backreference as any string), with each candidate confirmed by the pattern itself,
 * run as the validator runs it (as for an intersection's member, string-intersections.ts). When
 * that finds nothing either, the sampler's refusal stands.
 */
function searchUnreadable(constraints: StringConstraints, low: number, high: number, accepts: (text: string) => boolean, refusal: UnsupportedRegexError): StringSearch {
  const pattern = constraints.pattern!;
  // A RegExp that may backtrack exponentially is never run here: its refusal stands.
  if (hasBackreference(pattern.source, pattern.flags) && mayBacktrackExponentially(pattern.source, pattern.flags)) throw refusal;
  const regex = patternRegExp(pattern);
  const searched = searchFallback([constraints], low, high, (text) => accepts(text) && regex.test(text));
  if (searched.verdict === 'unknown') throw new UnsupportedRegexError(`${refusal.message}, and the search found no string it accepts`);
  return searched;
}

/**
 * For a pattern with backreferences whose sampler drew nothing (`regex-backrefs.ts` writes each
 * reference as its group's text): a contradiction when no length its groups and references can
 * add up to meets the window (`^(a)\1$` is two characters long); the search's verdict otherwise,
 * unless the pattern may backtrack exponentially, where the search's candidates (which read a
 * reference as any string) could not be confirmed by running it. Undefined: let the search run.
 */
function backreferenceVerdict(pattern: RegexSource, low: number, high: number): StringSearch | undefined {
  const [min, max] = backrefTree(unanchored(pattern.source), pattern.flags).root.range;
  if (Math.max(min, low) > Math.min(max, high)) return { samples: [], verdict: 'contradiction' };
  if (!mayBacktrackExponentially(pattern.source, pattern.flags)) return undefined;
  return { samples: [], verdict: 'unknown', reason: 'the sampler drew none, and the pattern may backtrack exponentially, so it is not run on other candidates', unreadable: true };
}

/**
 * The samplers' way: fast and realistic, but blind to values outside their own expressions.
 * `filter` also holds the pattern's own samples to another test (an intersection's other members).
 */
export function sampleFirst(constraints: StringConstraints, low: number, high: number, accepts: (text: string) => boolean, filter?: (text: string) => boolean): string[] {
  const window = { minLength: low, maxLength: high, count: SAMPLE_COUNT };
  const formatSource = formatPattern(constraints);
  const pattern = constraints.pattern;
  if (!pattern) return sampleRegex({ source: formatSource!, ...window, accept: accepts });
  if (!formatSource) {
    const samples = sampleRegex({ source: pattern.source, flags: pattern.flags, ...window, ...(filter ? { accept: filter } : {}) });
    return samples.length > 0 ? samples : sampleRegex({ source: unanchored(pattern.source), flags: pattern.flags, ...window, ...(filter ? { accept: filter } : {}) });
  }
  // The user's RegExp backtracks: on a pattern that can take exponential time (`^([a-z]+)+$`)
  // the format's samples are not tested against it; the pattern's own samples, tested by the
  // format's (linear) check, are.
  if (!mayBacktrackExponentially(pattern.source, pattern.flags)) {
    const fromFormat = sampleRegex({ source: formatSource, ...window, accept: accepts });
    if (fromFormat.length > 0) return fromFormat;
  }
  return sampleRegex({ source: pattern.source, flags: pattern.flags, ...window, accept: acceptor({ ...constraints, pattern: undefined }, low, high) });
}

/**
 * The search through the intersection of every part's pattern and format envelope (one part, or
 * the members of an intersection of strings), with candidates confirmed as the samplers' are.
 */
export function searchFallback(parts: readonly StringConstraints[], low: number, high: number, accepts: (text: string) => boolean): StringSearch {
  let automata: Automaton[];
  try {
    automata = parts.flatMap((constraints) => {
      const envelope = constraints.format ? formatEnvelope(constraints.format) : undefined;
      return [...(constraints.pattern ? [patternAutomaton(constraints.pattern)] : []), ...(envelope ? [regexAutomaton(envelope)] : [])];
    });
  } catch (error) {
    if (!(error instanceof AutomatonLimitError)) throw error;
    return { samples: [], verdict: 'unknown', reason: `the search cannot read it: ${error.message}`, unreadable: true };
  }
  // No expression at all (a `password` longer than its sampler writes): any string, read by the empty expression.
  if (automata.length === 0) automata = [regexAutomaton({ source: '', flags: '' })];
  const result = searchStrings(automata, low, high);
  if (result.kind === 'empty') return { samples: [], verdict: 'contradiction' };
  if (result.kind === 'unknown') return { samples: [], verdict: 'unknown', reason: result.reason };
  const random = new SeededRandom(1);
  const found = new Set<string>();
  for (let attempt = 0; attempt < SAMPLE_COUNT * 40 && found.size < SAMPLE_COUNT; attempt++) {
    const text = result.draw(random);
    if (accepts(text)) found.add(text);
  }
  if (found.size === 0) {
    const checks = parts.length === 1 ? "the format's check" : "the members' checks";
    return { samples: [], verdict: 'unknown', reason: `the strings the search drew all failed ${checks}` };
  }
  return { samples: [...found].sort() };
}

/**
 * What the validator checks, at generation time: the length in code points, the pattern (as every
 * generator reads it; not run when it may backtrack exponentially, where the sampler or the
 * automaton built the text from the pattern itself) and the format's own check.
 */
export function acceptor(constraints: StringConstraints, low: number, high: number): (text: string) => boolean {
  const pattern = constraints.pattern;
  const userRegex = pattern && !mayBacktrackExponentially(pattern.source, pattern.flags) ? patternRegExp(pattern) : undefined;
  const check = mockFormatCheck(constraints);
  return (text) => {
    const length = [...text].length;
    return length >= low && length <= high && (!userRegex || userRegex.test(text)) && (!check || check(text));
  };
}

/**
 * The pattern with `.*` where it is not anchored: a pattern without `^` or `$` matches inside
 * longer strings, which is how a short pattern meets a long `@minLength`.
 */
function unanchored(source: string): string {
  const start = source.startsWith('^') ? '' : '.*';
  const end = /(^|[^\\])\$$/.test(source) ? '' : '.*';
  return `${start}(?:${source})${end}`;
}

/**
 * Whether a backtracking engine can take exponential time on `source`: a repeat that can run
 * more than once around another such repeat or an alternation (`(a+)+`, `(a|ab)*`), the shape of
 * every classic ReDoS. Unparsable patterns count as risky.
 */
export function mayBacktrackExponentially(source: string, flags = ''): boolean {
  try {
    // Backreferences (`^(\w+)-\1$`): the same rule, read on the tree that draws them.
    if (hasBackreference(source, flags)) return backrefTree(source, flags).risky;
    // Leading lookaheads (`^(?=.*\d).{8,}$`): each part is judged alone (regex-lookaheads.ts).
    const split = splitLookaheads(source, flags);
    return split ? splitMayBacktrack(split, flags) : backtracksExponentially(parseRegex(source, flags));
  } catch {
    return true;
  }
}
