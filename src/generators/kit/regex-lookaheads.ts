/**
 * Patterns that open with lookaheads, the shape of password rules:
 * `^(?=.*\d)(?=.*[a-z])(?=.*[A-Z])(?=.*[^\w\s]).{8,64}$`, `^(?!admin$)[a-z]{3,10}$`. At the start
 * of an anchored pattern a lookahead is a constraint on the whole string: `(?=X)` says some prefix
 * matches X (with `X = .*Y`: the text holds a Y), `(?!X)` says none does. The rest of the pattern
 * (its main part) is sampled as any pattern is; each sample is then fitted to the positive
 * lookaheads by writing a string of Y over characters no other lookahead placed, and every
 * candidate is confirmed by the user's own RegExp (run only when no part of the pattern may
 * backtrack exponentially). Everything is seeded, so the samples are the same on every run.
 */
import type { AST } from '@eslint-community/regexpp';
import { patternFlags, patternReading, patternRegExp } from '../../model/pattern.js';
import { parseRegex, UnsupportedRegexError, type RegexNode } from './regex-parse.js';
import { backtracksExponentially } from './regex-risk.js';
import { hasBackreference } from './regex-backrefs.js';
import { SeededRandom } from './seeded-random.js';

export interface Lookahead {
  negate: boolean;
  /** The lookahead's own expression (`.*\d` for `(?=.*\d)`). */
  source: string;
}

/** A pattern split into its leading lookaheads and the rest (`^.{8,64}$`). */
export interface SplitPattern {
  main: string;
  lookaheads: Lookahead[];
}

/**
 * The leading lookaheads of an anchored pattern (`^` first, no `m` flag, one alternative) and
 * its main part; undefined for a pattern of another shape (which the sampler reads as before).
 * Throws a `SyntaxError` for a pattern the one reading refuses.
 */
export function splitLookaheads(source: string, flags: string): SplitPattern | undefined {
  const reading = patternReading({ source, flags });
  if (!reading.ast || reading.flags.includes('m') || reading.ast.alternatives.length !== 1) return undefined;
  // Split apart, the groups would be numbered anew (`^(?=(\w+))\1$` leaves `^\1$`): regex-backrefs.ts reads these whole.
  if (hasBackreference(source, flags)) return undefined;
  const elements = reading.ast.alternatives[0]!.elements;
  if (elements[0]?.type !== 'Assertion' || elements[0].kind !== 'start') return undefined;
  const lookaheads: AST.LookaheadAssertion[] = [];
  for (const element of elements.slice(1)) {
    if (element.type !== 'Assertion' || element.kind !== 'lookahead') break;
    lookaheads.push(element);
  }
  if (lookaheads.length === 0) return undefined;
  const main = source.slice(0, lookaheads[0]!.start) + source.slice(lookaheads[lookaheads.length - 1]!.end);
  return {
    main,
    lookaheads: lookaheads.map((lookahead) => ({ negate: lookahead.negate, source: source.slice(lookahead.start + 3, lookahead.end - 1) })),
  };
}

/** Whether any part of a split pattern may backtrack exponentially (so its RegExp is not run). */
export function splitMayBacktrack(split: SplitPattern, flags: string): boolean {
  return [split.main, ...split.lookaheads.map((lookahead) => lookahead.source)].some((source) => backtracksExponentially(parseRegex(source, flags)));
}

/** A sampler of a pattern without leading lookaheads (`regex-sampler.ts`), for the main part and the needles. */
export type Sampler = (request: { source: string; flags: string; minLength: number; maxLength: number; count: number; seed: number }) => string[];

export interface LookaheadRequest {
  source: string;
  flags: string;
  minLength: number;
  maxLength: number;
  count: number;
  seed: number;
  accept?: ((text: string) => boolean) | undefined;
}

/** How many fits of main samples are tried per sample asked for. */
const ATTEMPTS_PER_SAMPLE = 40;

/**
 * Distinct strings of the whole pattern (lookaheads included), sorted; empty when no fit was
 * found. Throws `UnsupportedRegexError` for a part the sampler cannot read, or for a pattern
 * whose RegExp may backtrack exponentially (no candidate could be confirmed).
 */
export function sampleWithLookaheads(split: SplitPattern, request: LookaheadRequest, sample: Sampler): string[] {
  const flags = patternFlags(request.flags);
  // Each part is read by the sampler's parser: a lookbehind or backreference in one is refused here.
  const needles = split.lookaheads.map((lookahead) => (lookahead.negate ? undefined : needleOf(lookahead, flags)));
  if (splitMayBacktrack(split, flags)) throw new UnsupportedRegexError('Lookaheads beside a part that may backtrack exponentially cannot be checked');
  const whole = patternRegExp({ source: request.source, flags: request.flags });
  const prefixes = split.lookaheads.map((lookahead) => new RegExp(`^(?:${lookahead.source})`, flags));
  const bases = sample({ source: split.main, flags, minLength: request.minLength, maxLength: request.maxLength, count: request.count * 4, seed: request.seed });
  if (bases.length === 0) return [];
  const needleSamples = needles.map((needle) =>
    needle === undefined ? [] : sample({ source: needle.source, flags, minLength: 0, maxLength: request.maxLength, count: 16, seed: request.seed }),
  );
  const random = new SeededRandom(request.seed);
  const found = new Set<string>();
  for (let attempt = 0; attempt < request.count * ATTEMPTS_PER_SAMPLE && found.size < request.count; attempt++) {
    const text = fit(bases[attempt % bases.length]!, needles, needleSamples, prefixes, random);
    if (text === undefined || !whole.test(text)) continue;
    const length = [...text].length;
    if (length < request.minLength || length > request.maxLength) continue;
    if (request.accept && !request.accept(text)) continue;
    found.add(text);
  }
  return [...found].sort();
}

interface Needle {
  /** What the text must hold (`\d` of `(?=.*\d)`). */
  source: string;
  /** Whether it may stand anywhere (`.*` before it) or only at the start. */
  anywhere: boolean;
}

/**
 * What a positive lookahead asks the text to hold: `.*Y` (any characters, then Y) holds Y
 * anywhere; another lookahead holds its whole expression at the start.
 */
function needleOf(lookahead: Lookahead, flags: string): Needle {
  const tree = parseRegex(lookahead.source, flags);
  const items = tree.kind === 'sequence' ? tree.items : [tree];
  const first = items[0];
  if (first && skipsAnything(first) && items.length > 1) {
    const rest = lookahead.source.replace(/^(?:\.\*|\[\^\]\*|\[\\s\\S\]\*)\??/, '');
    if (rest !== lookahead.source) return { source: rest, anywhere: true };
  }
  return { source: lookahead.source, anywhere: false };
}

/** `.*` and its like: a repeat from zero of a class. */
function skipsAnything(node: RegexNode): boolean {
  return node.kind === 'repeat' && node.min === 0 && node.node.kind === 'chars';
}

/**
 * `base` with a sample of each positive lookahead's needle written over characters no earlier
 * needle took (at a random place when it may stand anywhere, at the start otherwise), for the
 * lookaheads the text does not meet already; undefined when a needle does not fit.
 */
function fit(base: string, needles: ReadonlyArray<Needle | undefined>, samples: readonly string[][], prefixes: readonly RegExp[], random: SeededRandom): string | undefined {
  const chars = [...base];
  const taken = new Set<number>();
  for (const [i, needle] of needles.entries()) {
    if (!needle || prefixes[i]!.test(chars.join(''))) continue;
    const options = samples[i]!;
    if (options.length === 0) return undefined;
    const written = [...random.pick(options)];
    const places: number[] = [];
    for (let at = 0; at + written.length <= chars.length; at++) {
      if (needle.anywhere ? written.every((_, k) => !taken.has(at + k)) : at === 0) places.push(at);
    }
    if (places.length === 0) return undefined;
    const at = random.pick(places);
    written.forEach((char, k) => {
      chars[at + k] = char;
      taken.add(at + k);
    });
  }
  return chars.join('');
}
