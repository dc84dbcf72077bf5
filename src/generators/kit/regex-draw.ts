/**
 * One string drawn from a parsed regular expression within a length window (in code points).
 * Lengths are planned top-down: each part of a sequence gets a window that leaves room for the
 * rest, and each quantifier picks a repetition count the window allows, so long or short windows
 * are met by construction rather than by luck. The work is linear in the size of the drawing:
 * lengths are computed once per node, a repeat plans its copies arithmetically (never a list of
 * `count` copies), and the text is collected in parts joined once. Every step is counted against
 * a budget, so a pattern whose draw would take too long stops with `DrawBudgetExceeded`.
 */
import { complement, type Assertion, type CodePointRange, type RegexNode } from './regex-parse.js';
import { matchesNegated, type FlagSemantics } from './regex-check.js';
import type { SeededRandom } from './seeded-random.js';

/** How many extra repetitions an unbounded quantifier adds when the window does not ask for more. */
const SOFT_REPEAT = 6;

/** Thrown when a draw runs out of its step budget. */
export class DrawBudgetExceeded extends Error {}

/** A drawn string, what is left to check, and whether a drawn character already failed. */
export interface Drawing {
  text: string;
  /** Code points in `text`. */
  length: number;
  assertions: { assert: Assertion; at: number }[];
  valid: boolean;
}

/** Shared across the draws of one request: the random stream, the flags and the step budget. */
export interface DrawContext {
  random: SeededRandom;
  flags: FlagSemantics;
  /** Steps left; each node visited and each option or item considered costs one. */
  budget: number;
}

/** A string for `tree` whose length is within [low, high]; undefined when impossible. */
export function draw(tree: RegexNode, low: number, high: number, context: DrawContext): Drawing | undefined {
  const state = new DrawState(context);
  if (!state.node(tree, low, high)) return undefined;
  return { text: state.parts.join(''), length: state.points, assertions: state.assertions, valid: state.valid };
}

/** Fewest and most code points `node` can match (`Infinity` when unbounded), computed once per node. */
export function lengthRange(node: RegexNode): readonly [number, number] {
  let range = lengthCache.get(node);
  if (!range) {
    range = computeLengthRange(node);
    lengthCache.set(node, range);
  }
  return range;
}

const lengthCache = new WeakMap<RegexNode, readonly [number, number]>();

function computeLengthRange(node: RegexNode): readonly [number, number] {
  switch (node.kind) {
    case 'chars':
      return [1, 1];
    case 'assertion':
      return [0, 0];
    case 'sequence': {
      let [low, high] = [0, 0];
      for (const item of node.items) {
        const [a, b] = lengthRange(item);
        [low, high] = [low + a, high + b];
      }
      return [low, high];
    }
    case 'alternation': {
      let [low, high] = [Infinity, -Infinity];
      for (const option of node.options) {
        const [a, b] = lengthRange(option);
        [low, high] = [Math.min(low, a), Math.max(high, b)];
      }
      return [low, high];
    }
    case 'repeat': {
      const [min, max] = lengthRange(node.node);
      return [times(min, node.min), times(max, node.max)];
    }
  }
}

/** `a × b` where zero wins over `Infinity` (zero repetitions of anything are empty). */
function times(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : a * b;
}

class DrawState {
  readonly parts: string[] = [];
  /** Code points and code units drawn so far. */
  points = 0;
  units = 0;
  readonly assertions: { assert: Assertion; at: number }[] = [];
  valid = true;

  constructor(private readonly context: DrawContext) {}

  node(node: RegexNode, low: number, high: number): boolean {
    this.spend(1);
    const [min, max] = lengthRange(node);
    if (Math.max(min, low) > Math.min(max, high)) return false;
    switch (node.kind) {
      case 'assertion':
        this.assertions.push({ assert: node.assert, at: this.units });
        return true;
      case 'chars':
        return this.char(node);
      case 'sequence':
        return this.sequence(node, low, high);
      case 'alternation': {
        this.spend(node.options.length);
        const fitting = node.options.filter((option) => {
          const [a, b] = lengthRange(option);
          return Math.max(a, low) <= Math.min(b, high);
        });
        return this.node(this.context.random.pick(fitting), low, high);
      }
      case 'repeat':
        return this.repeat(node, low, high);
    }
  }

  private sequence(node: Extract<RegexNode, { kind: 'sequence' }>, low: number, high: number): boolean {
    const rest = suffixRanges(node);
    this.spend(node.items.length);
    const start = this.points;
    for (let i = 0; i < node.items.length; i++) {
      if (!this.part(node.items[i]!, rest[i + 1]!, low, high, start)) return false;
    }
    return true;
  }

  private repeat(node: Extract<RegexNode, { kind: 'repeat' }>, low: number, high: number): boolean {
    const [min, max] = lengthRange(node.node);
    // Counts the window allows: at least ceil(low / max) repetitions, at most floor(high / min).
    const fewest = Math.max(node.min, max === 0 ? 0 : Math.ceil(low / max));
    const most = Math.min(node.max, min === 0 ? Infinity : Math.floor(high / min), fewest + SOFT_REPEAT);
    if (most < fewest) return false;
    const count = fewest + this.context.random.int(0, most - fewest);
    const start = this.points;
    for (let i = 0; i < count; i++) {
      const left = count - i - 1;
      if (!this.part(node.node, [times(min, left), times(max, left)], low, high, start)) return false;
    }
    return true;
  }

  /** One part of a sequence, in the window left by what was drawn since `start` and what must follow. */
  private part(item: RegexNode, rest: readonly [number, number], low: number, high: number, start: number): boolean {
    const used = this.points - start;
    const [min, max] = lengthRange(item);
    const childLow = Math.max(min, low - used - rest[1]);
    const childHigh = Math.min(max, high - used - rest[0]);
    if (childLow > childHigh) return false;
    return this.node(item, childLow, childHigh);
  }

  private char(node: Extract<RegexNode, { kind: 'chars' }>): boolean {
    if (!canDrawClass(node, this.context.flags)) return false;
    this.spend(1);
    const { code, matches } = drawClassCode(node, this.context.flags, this.context.random);
    if (!matches) this.valid = false;
    this.parts.push(String.fromCodePoint(code));
    this.points++;
    this.units += code > 0xffff ? 2 : 1;
    return true;
  }

  private spend(steps: number): void {
    this.context.budget -= steps;
    if (this.context.budget < 0) throw new DrawBudgetExceeded();
  }
}

/** For each index i, the length range of `items[i..]`; computed once per sequence. */
function suffixRanges(node: Extract<RegexNode, { kind: 'sequence' }>): readonly (readonly [number, number])[] {
  let ranges = suffixCache.get(node);
  if (!ranges) {
    const built: [number, number][] = new Array(node.items.length + 1);
    built[node.items.length] = [0, 0];
    for (let i = node.items.length - 1; i >= 0; i--) {
      const [a, b] = lengthRange(node.items[i]!);
      built[i] = [built[i + 1]![0] + a, built[i + 1]![1] + b];
    }
    ranges = built;
    suffixCache.set(node, ranges);
  }
  return ranges;
}

const suffixCache = new WeakMap<RegexNode, readonly (readonly [number, number])[]>();

interface CharChoices {
  usable: CodePointRange[];
  weights: number[];
  total: number;
}

/** A class node of either sampler's tree (regex-parse.ts, regex-backrefs.ts). */
type ClassNode = Pick<Extract<RegexNode, { kind: 'chars' }>, 'ranges' | 'negated'>;

/** Whether a class has any character to draw. */
export function canDrawClass(node: ClassNode, flags: FlagSemantics): boolean {
  return charChoices(node, flags).usable.length > 0;
}

/**
 * One code point of a class that has one (`canDrawClass`). Ranges weigh by size up to 26, so
 * `[a-z!#]` gives mostly letters yet every member is reachable. `matches` is false for the rare
 * draw of a negated class that the engine would still refuse (the caller's drawing is then invalid).
 */
export function drawClassCode(node: ClassNode, flags: FlagSemantics, random: SeededRandom): { code: number; matches: boolean } {
  const { usable, weights, total } = charChoices(node, flags);
  let ticket = random.next() * total;
  let index = 0;
  while (index < usable.length - 1 && ticket >= weights[index]!) ticket -= weights[index++]!;
  const [start, end] = usable[index]!;
  const code = random.int(start, end);
  return { code, matches: !node.negated || matchesNegated(code, node.ranges, flags) };
}

/**
 * The ranges a class draws from (without surrogates) and their weights, computed once per node
 * (a tree is parsed for one set of flags). A negated class under `i` leaves out the characters
 * whose other case is a member, which would never match.
 */
function charChoices(node: ClassNode, flags: FlagSemantics): CharChoices {
  let choices = choiceCache.get(node);
  if (!choices) {
    const usable = drawableRanges(node, flags);
    const weights = usable.map(([start, end]) => Math.min(end - start + 1, 26));
    choices = { usable, weights, total: weights.reduce((a, b) => a + b, 0) };
    choiceCache.set(node, choices);
  }
  return choices;
}

const choiceCache = new WeakMap<ClassNode, CharChoices>();

/**
 * The code points a class may draw, without surrogates: its ranges, or for a negated class the
 * ones outside it that still match (under `i`, none whose other case is a member); a subset of
 * them when there are very many (every drawn one matches, which is all a mock needs).
 */
export function drawableRanges(node: ClassNode, flags: FlagSemantics): CodePointRange[] {
  const ranges = node.negated ? negatedChoices(node.ranges, flags) : node.ranges;
  return spread(ranges.flatMap(([start, end]) => withoutSurrogates(start, end)));
}

/** The most ranges a class draws from; a Unicode property has hundreds, which would only bloat a mock file. */
export const MAX_DRAWN_RANGES = 64;

/** At most `MAX_DRAWN_RANGES` of `ranges`, evenly spread (the first and last kept), so draws still reach every plane the set covers. */
function spread(ranges: CodePointRange[]): CodePointRange[] {
  if (ranges.length <= MAX_DRAWN_RANGES) return ranges;
  const step = (ranges.length - 1) / (MAX_DRAWN_RANGES - 1);
  return Array.from({ length: MAX_DRAWN_RANGES }, (_, i) => ranges[Math.round(i * step)]!);
}

function negatedChoices(ranges: readonly CodePointRange[], flags: FlagSemantics): CodePointRange[] {
  const outside = complement(ranges);
  if (!flags.ignoreCase) return outside;
  return outside.flatMap(([start, end]) => {
    const kept: CodePointRange[] = [];
    for (let code = start; code <= end; code++) {
      if (!matchesNegated(code, ranges, flags)) continue;
      const last = kept[kept.length - 1];
      if (last && last[1] === code - 1) kept[kept.length - 1] = [last[0], code];
      else kept.push([code, code]);
    }
    return kept;
  });
}

function withoutSurrogates(start: number, end: number): CodePointRange[] {
  if (end < 0xd800 || start > 0xdfff) return [[start, end]];
  const parts: CodePointRange[] = [];
  if (start < 0xd800) parts.push([start, 0xd7ff]);
  if (end > 0xdfff) parts.push([0xe000, end]);
  return parts;
}
