/**
 * A `@pattern` compiled at generation time into a "pattern program": plain data the runtime's
 * `mockPattern` walks with the seeded generator, so mock strings come from the whole language
 * of the pattern (distinct values are the norm) rather than from a handful of samples.
 *
 * A program is literal text (a string), code-point ranges (`[low, high, low, high…]`, positive
 * only), a sequence (`{ seq }`), a choice (`{ alt }`) or a repetition (`{ rep, min, max }`).
 * Everything the runtime would otherwise have to interpret is settled here: negated classes
 * become the printable ASCII characters they match (as the sampler draws them), unbounded
 * repetitions are capped the way the sampler caps them, and `^`/`$` are accepted only at the
 * ends. The pattern is read as every generator reads it (`model/pattern.ts`: Unicode mode, so a
 * class draws whole code points, astral ones included). A pattern the program cannot express
 * (`\b`, `\B`, anchors elsewhere, backreferences, lookarounds) has no program, and its mocks keep
 * picking from the generation-time samples.
 */
import type { RegexSource } from '../../../model/types.js';
import { patternFlags } from '../../../model/pattern.js';
import { flagSemantics, type FlagSemantics } from '../../kit/regex-check.js';
import { parseRegex, UnsupportedRegexError, type CodePointRange, type RegexNode } from '../../kit/regex-parse.js';
import { drawableRanges } from '../../kit/regex-draw.js';
import { MAX_SAMPLE_LENGTH } from '../../kit/regex-sampler.js';

export type PatternProgram =
  | string
  | number[]
  | { seq: PatternProgram[] }
  | { alt: PatternProgram[] }
  | { rep: PatternProgram; min: number; max: number };

/** Extra repetitions an unbounded quantifier may add, as the generation-time sampler allows. */
export const SOFT_REPEAT = 6;

/** What the program cannot say: the pattern keeps its samples. */
class NotExpressible extends Error {}

/**
 * The program drawing strings of `pattern` whose length may fall in [low, high] (code points);
 * undefined when the pattern cannot be expressed or no drawn string could fit the window.
 */
export function patternProgram(pattern: RegexSource, low: number, high: number): PatternProgram | undefined {
  let tree: RegexNode;
  try {
    tree = parseRegex(pattern.source, pattern.flags);
  } catch (error) {
    if (error instanceof UnsupportedRegexError) return undefined;
    throw error;
  }
  let program: PatternProgram;
  try {
    program = translate(tree, { atStart: true, atEnd: true, flags: flagSemantics(patternFlags(pattern.flags)) });
  } catch (error) {
    if (error instanceof NotExpressible) return undefined;
    throw error;
  }
  const [shortest] = lengths(program);
  // Never longer than the sampler's own limit, however wide a bounded quantifier is.
  clampToWindow(program, Math.min(high, MAX_SAMPLE_LENGTH) - shortest);
  const [min, max] = lengths(program);
  return max < low || min > high ? undefined : program;
}

interface Position {
  /** Whether nothing can be drawn before this node (so `^` holds), and after it (so `$` holds). */
  atStart: boolean;
  atEnd: boolean;
  flags: FlagSemantics;
}

function translate(node: RegexNode, position: Position): PatternProgram {
  switch (node.kind) {
    case 'assertion':
      if ((node.assert === '^' && position.atStart) || (node.assert === '$' && position.atEnd)) return '';
      throw new NotExpressible();
    case 'chars':
      return chars(node, position.flags);
    case 'sequence': {
      const zeroWidth = (item: RegexNode): boolean => item.kind === 'assertion';
      const firstDrawn = node.items.findIndex((item) => !zeroWidth(item));
      const lastDrawn = node.items.length - 1 - [...node.items].reverse().findIndex((item) => !zeroWidth(item));
      const items = node.items.map((item, i) =>
        translate(item, {
          ...position,
          atStart: position.atStart && (firstDrawn === -1 || i <= firstDrawn),
          atEnd: position.atEnd && (firstDrawn === -1 || i >= lastDrawn),
        }),
      );
      return sequence(items);
    }
    case 'alternation':
      return { alt: node.options.map((option) => translate(option, position)) };
    case 'repeat':
      return {
        rep: translate(node.node, { ...position, atStart: false, atEnd: false }),
        min: node.min,
        max: Number.isFinite(node.max) ? node.max : node.min + SOFT_REPEAT,
      };
  }
}

/** Adjacent literal text merged, empty text dropped; a single part stands alone. */
function sequence(items: PatternProgram[]): PatternProgram {
  const merged: PatternProgram[] = [];
  for (const item of items) {
    if (item === '') continue;
    const last = merged[merged.length - 1];
    if (typeof item === 'string' && typeof last === 'string') merged[merged.length - 1] = last + item;
    else merged.push(item);
  }
  if (merged.length === 0) return '';
  return merged.length === 1 ? merged[0]! : { seq: merged };
}

function chars(node: Extract<RegexNode, { kind: 'chars' }>, flags: FlagSemantics): PatternProgram {
  const ranges = drawableRanges(node, flags);
  if (ranges.length === 0) throw new NotExpressible();
  if (ranges.every(([start, end]) => start === end && start === ranges[0]![0])) return String.fromCodePoint(ranges[0]![0]);
  return merged(ranges).flat();
}

/** Ranges sorted, with overlapping and adjacent ones joined (`[89]` is one range, not two points). */
function merged(ranges: readonly CodePointRange[]): CodePointRange[] {
  const result: [number, number][] = [];
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = result[result.length - 1];
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else result.push([start, end]);
  }
  return result;
}

/** Fewest and most code points the program draws. */
export function lengths(program: PatternProgram): [number, number] {
  if (typeof program === 'string') {
    const length = [...program].length;
    return [length, length];
  }
  if (Array.isArray(program)) return [1, 1];
  if ('seq' in program) {
    return program.seq.map(lengths).reduce(([a, b], [c, d]) => [a + c, b + d], [0, 0]);
  }
  if ('alt' in program) {
    const all = program.alt.map(lengths);
    return [Math.min(...all.map(([a]) => a)), Math.max(...all.map(([, b]) => b))];
  }
  const [a, b] = lengths(program.rep);
  return [a * program.min, b * program.max];
}

/**
 * Caps each repetition at the count beyond which every string would be longer than the window
 * allows: `slack` is how much longer than the program's shortest string a string may be. Sound,
 * since each extra copy adds at least its item's shortest length to a string already at least
 * the shortest; so no string that fits is lost, and fewer draws miss the window. A negative slack
 * (the window is shorter than every string) leaves the minimum counts, for the caller to refuse.
 */
function clampToWindow(program: PatternProgram, slack: number): void {
  if (typeof program === 'string' || Array.isArray(program)) return;
  if ('seq' in program) program.seq.forEach((item) => clampToWindow(item, slack));
  else if ('alt' in program) program.alt.forEach((option) => clampToWindow(option, slack));
  else {
    const [itemMin] = lengths(program.rep);
    if (itemMin > 0) program.max = Math.max(program.min, Math.min(program.max, program.min + Math.floor(slack / itemMin)));
    clampToWindow(program.rep, slack);
  }
}

/** The program as TypeScript data (`{ seq: ["97", [56, 57]] }`). */
export function programCode(program: PatternProgram): string {
  if (typeof program === 'string') return JSON.stringify(program);
  if (Array.isArray(program)) return `[${program.join(', ')}]`;
  if ('seq' in program) return `{ seq: [${program.seq.map(programCode).join(', ')}] }`;
  if ('alt' in program) return `{ alt: [${program.alt.map(programCode).join(', ')}] }`;
  return `{ rep: ${programCode(program.rep)}, min: ${program.min}, max: ${program.max} }`;
}
