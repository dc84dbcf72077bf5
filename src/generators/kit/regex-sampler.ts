/**
 * Strings sampled from a regular expression, within a length window (in code points). Each
 * sample is drawn from the parsed expression (`regex-draw.ts`) and confirmed position by position
 * (`regex-check.ts`), so the time spent is linear in the length of what is produced and never
 * depends on how the backtracking engine would fare with the pattern. Samples are capped at
 * `MAX_SAMPLE_LENGTH` code points and the work at `SAMPLE_STEP_BUDGET` steps per request; a
 * pattern that needs more raises `SampleLimitError` instead of hanging.
 */
import { parseRegex, UnsupportedRegexError, type RegexNode } from './regex-parse.js';
import { draw, DrawBudgetExceeded, lengthRange, type DrawContext, type Drawing } from './regex-draw.js';
import { assertionHolds, flagSemantics, type FlagSemantics } from './regex-check.js';
import { SeededRandom } from './seeded-random.js';
import { patternFlags } from '../../model/pattern.js';
import { sampleWithLookaheads, splitLookaheads } from './regex-lookaheads.js';
import { backrefTree, hasBackreference } from './regex-backrefs.js';
import { drawBackrefs, type BackrefDrawing } from './regex-backref-draw.js';

export { UnsupportedRegexError } from './regex-parse.js';
export { lengthRange } from './regex-draw.js';

/** The longest sample, in code points: a longer one would only bloat the generated file. */
export const MAX_SAMPLE_LENGTH = 10_000;

/** Steps (nodes visited, characters drawn) one request may take, over all its attempts. */
export const SAMPLE_STEP_BUDGET = 200 * MAX_SAMPLE_LENGTH;

/** A pattern that can be sampled in principle, but not within the sampler's documented limits. */
export class SampleLimitError extends UnsupportedRegexError {}

export interface SampleRequest {
  source: string;
  flags?: string;
  minLength?: number;
  maxLength?: number;
  /** How many distinct samples to aim for. */
  count: number;
  seed?: number;
  /** An extra test every sample must pass (e.g. a format). */
  accept?: (text: string) => boolean;
}

/**
 * Distinct strings matching `source` (read as every pattern is: in Unicode mode) and the length
 * window, sorted for stable output; empty when none exists. Throws a `SyntaxError` for a pattern
 * that reading refuses, `UnsupportedRegexError` for lookarounds (but leading lookaheads of an
 * anchored pattern, `regex-lookaheads.ts`, and those of a pattern with backreferences,
 * `regex-backrefs.ts`), and its
 * subclass `SampleLimitError` when every sample would be longer than `MAX_SAMPLE_LENGTH` or the
 * step budget runs out before the first sample.
 */
export function sampleRegex(request: SampleRequest): string[] {
  // The one reading of a pattern (Unicode mode always): a SyntaxError for what it refuses.
  const flags = patternFlags(request.flags ?? '');
  // `^(\w+)-\1$`: written as the engine reads it, each group's text repeated by its references.
  if (hasBackreference(request.source, flags)) return sampleBackreferences(request, flags);
  // `^(?=.*\d)(?=.*[A-Z]).{8,64}$`: the main part sampled, then fitted to the lookaheads.
  const split = splitLookaheads(request.source, flags);
  if (split) {
    const { minLength = 0, maxLength = Infinity, count, seed = 1, accept } = request;
    const window = { minLength, maxLength: Math.min(maxLength, MAX_SAMPLE_LENGTH) };
    return sampleWithLookaheads(split, { source: request.source, flags, ...window, count, seed, accept }, (part) => sampleRegex(part));
  }
  const tree = parseRegex(request.source, flags);
  const low = request.minLength ?? 0;
  const high = Math.min(request.maxLength ?? Infinity, MAX_SAMPLE_LENGTH);
  checkLengthLimit(tree, low, request.maxLength ?? Infinity);
  const context: DrawContext = { random: new SeededRandom(request.seed ?? 1), flags: flagSemantics(flags), budget: SAMPLE_STEP_BUDGET };
  const found = new Set<string>();
  for (let attempt = 0; attempt < request.count * 20 && found.size < request.count; attempt++) {
    let drawing: Drawing | undefined;
    try {
      drawing = draw(tree, low, high, context);
    } catch (error) {
      if (!(error instanceof DrawBudgetExceeded)) throw error;
      if (found.size > 0) break; // enough work: keep the samples found so far
      throw new SampleLimitError(`sampling it takes more than ${SAMPLE_STEP_BUDGET.toLocaleString('en')} steps`);
    }
    if (drawing === undefined) break; // the window cannot be met at all
    if (drawing.length < low || drawing.length > high || !confirmed(drawing, context.flags)) continue;
    if (request.accept && !request.accept(drawing.text)) continue;
    found.add(drawing.text);
  }
  return [...found].sort();
}

/** Refuses a window the pattern could meet only with samples longer than the limit. */
function checkLengthLimit(tree: RegexNode, low: number, maxLength: number): void {
  const [min, max] = lengthRange(tree);
  const shortest = Math.max(min, low);
  if (shortest > MAX_SAMPLE_LENGTH && shortest <= Math.min(max, maxLength)) {
    throw new SampleLimitError(
      `its shortest match has ${formatLength(shortest)} characters, above the sampler's limit of ${MAX_SAMPLE_LENGTH.toLocaleString('en')}`,
    );
  }
}

function formatLength(length: number): string {
  return Number.isFinite(length) && length < 1e15 ? length.toLocaleString('en') : 'more than 10^15';
}

/** Whether the drawn characters all matched and every assertion holds where it was drawn. */
function confirmed(drawing: Drawing, flags: FlagSemantics): boolean {
  return drawing.valid && drawing.assertions.every(({ assert, at }) => assertionHolds(assert, drawing.text, at, flags));
}

/**
 * Strings of a pattern with backreferences (`regex-backrefs.ts`), each confirmed by its drawn
 * assertions and, unless the pattern may backtrack exponentially, by the RegExp itself. One with
 * lookarounds beside such a part cannot be confirmed, and is refused.
 */
function sampleBackreferences(request: SampleRequest, flags: string): string[] {
  const tree = backrefTree(request.source, flags);
  if (tree.risky && tree.lookarounds) throw new UnsupportedRegexError('Lookarounds beside a part that may backtrack exponentially cannot be checked');
  const regex = tree.risky ? undefined : new RegExp(request.source, flags);
  const low = request.minLength ?? 0;
  const high = Math.min(request.maxLength ?? Infinity, MAX_SAMPLE_LENGTH);
  const [min, max] = tree.root.range;
  const shortest = Math.max(min, low);
  if (shortest > MAX_SAMPLE_LENGTH && shortest <= Math.min(max, request.maxLength ?? Infinity)) {
    throw new SampleLimitError(`its shortest match has ${formatLength(shortest)} characters, above the sampler's limit of ${MAX_SAMPLE_LENGTH.toLocaleString('en')}`);
  }
  if (shortest > Math.min(max, high)) return [];
  const context = { random: new SeededRandom(request.seed ?? 1), flags: flagSemantics(flags), budget: SAMPLE_STEP_BUDGET };
  const found = new Set<string>();
  // More tries than a plain pattern's: a lookahead's commitment or a window shared by a group and its references fails more draws.
  for (let attempt = 0; attempt < request.count * 40 && found.size < request.count; attempt++) {
    let drawing: BackrefDrawing | undefined;
    try {
      drawing = drawBackrefs(tree, low, high, context);
    } catch (error) {
      if (!(error instanceof DrawBudgetExceeded)) throw error;
      if (found.size > 0) break;
      throw new SampleLimitError(`sampling it takes more than ${SAMPLE_STEP_BUDGET.toLocaleString('en')} steps`);
    }
    if (!drawing || !drawing.valid || drawing.length < low || drawing.length > high) continue;
    if ((regex && !regex.test(drawing.text)) || (request.accept && !request.accept(drawing.text))) continue;
    found.add(drawing.text);
  }
  return [...found].sort();
}
