/**
 * One string drawn from a pattern with backreferences (`regex-backrefs.ts` reads it), left to
 * right as the engine reads the pattern: groups keep what they wrote and references write it
 * again. Lengths are planned top-down as in `regex-draw.ts`, with what follows a part taken as
 * things stand (a reference to a group already written has its length), and a group's share of
 * the window divided among it and the references that will repeat it. Every step is counted
 * against the request's budget.
 */
import { canDrawClass, drawClassCode, DrawBudgetExceeded } from './regex-draw.js';
import { assertionHolds, matchesNegated, type FlagSemantics } from './regex-check.js';
import type { Assertion } from './regex-parse.js';
import { times, type BackrefTree, type CharsNode, type Node } from './regex-backrefs.js';
import type { SeededRandom } from './seeded-random.js';

/** How many extra repetitions an unbounded quantifier adds when the window does not ask for more (as `regex-draw.ts`). */
const SOFT_REPEAT = 6;

/** A drawn string and what is left to check: assertions at their offsets, and negated classes under `i`. */
export interface BackrefDrawing {
  text: string;
  length: number;
  valid: boolean;
}

/** Shared across the draws of one request, as `DrawContext` of `regex-draw.ts`. */
export interface BackrefContext {
  random: SeededRandom;
  flags: FlagSemantics;
  budget: number;
}

/** One string of `tree` with a length in [low, high] (code points), or undefined when this draw failed. */
export function drawBackrefs(tree: BackrefTree, low: number, high: number, context: BackrefContext): BackrefDrawing | undefined {
  const state = new DrawState(context, high);
  if (!state.node(tree.root, low, high)) return undefined;
  // A commitment of a lookahead past the end: written out (an unanchored end allows it).
  for (let at = state.chars.length; at < state.forced.length; at++) state.chars.push(state.forced[at]!);
  const text = state.chars.join('');
  const valid = state.valid && state.assertions.every(({ assert, at }) => assertionHolds(assert, text, at, context.flags));
  return { text, length: state.chars.length, valid };
}

class DrawState {
  /** The text, one code point per item. */
  readonly chars: string[] = [];
  /** Code units written, for the assertions' offsets. */
  private units = 0;
  /** Characters a positive lookahead has fixed, by position. */
  readonly forced: string[] = [];
  readonly assertions: { assert: Assertion; at: number }[] = [];
  /** The text of each capturing group, by number; undefined when not set. */
  private captures: Array<string[] | undefined> = [];
  valid = true;

  constructor(
    private readonly context: BackrefContext,
    private readonly high: number,
  ) {}

  node(node: Node, low: number, high: number): boolean {
    this.spend(1);
    const [min, max] = this.range(node);
    if (Math.max(min, low) > Math.min(max, high)) return false;
    switch (node.kind) {
      case 'chars':
        return this.char(node);
      case 'sequence':
        return this.sequence(node.items, low, high);
      case 'alternation': {
        const fitting = node.options.filter((option) => {
          const [a, b] = this.range(option);
          return Math.max(a, low) <= Math.min(b, high);
        });
        return fitting.length > 0 && this.node(this.context.random.pick(fitting), low, high);
      }
      case 'repeat':
        return this.repeat(node, low, high);
      case 'group': {
        const start = this.chars.length;
        if (!this.node(node.node, low, high)) return false;
        this.captures[node.index] = this.chars.slice(start);
        return true;
      }
      case 'backref':
        return this.backref(node.index);
      case 'assertion':
        this.assertions.push({ assert: node.assert, at: this.units });
        return true;
      case 'lookahead':
        return node.negate || this.lookahead(node.node);
      case 'lookbehind':
        return node.negate || this.lookbehind(node);
    }
  }

  /**
   * A positive lookbehind: at the start of the text (an unanchored pattern) its text is written
   * there; later, its groups are what the engine captures at the end of the text so far (a
   * lookbehind without references); else it is only checked, with the whole pattern.
   */
  private lookbehind(node: Extract<Node, { kind: 'lookbehind' }>): boolean {
    if (this.chars.length === 0) return this.node(node.node, 0, this.high);
    if (!node.behind) return true;
    const match = node.behind.regex.exec(this.chars.join(''));
    if (!match) return false;
    for (let k = 0; k < node.behind.count; k++) this.captures[node.behind.first + k] = match[k + 1] === undefined ? undefined : [...match[k + 1]!];
    return true;
  }

  /** The node's length range, with references to groups already written taken at their length. */
  private range(node: Node): readonly [number, number] {
    if (!node.refs) return node.range;
    this.spend(1);
    switch (node.kind) {
      case 'backref': {
        const text = node.index === undefined ? undefined : this.captures[node.index];
        return text ? [text.length, text.length] : node.range;
      }
      case 'sequence': {
        let [low, high] = [0, 0];
        for (const item of node.items) {
          const [a, b] = this.range(item);
          [low, high] = [low + a, high + b];
        }
        return [low, high];
      }
      case 'alternation': {
        const ranges = node.options.map((option) => this.range(option));
        return [Math.min(...ranges.map(([a]) => a)), Math.max(...ranges.map(([, b]) => b))];
      }
      case 'group':
        return this.range(node.node);
      default:
        // A repeat (its groups are cleared per iteration) and a lookahead: their static range.
        return node.range;
    }
  }

  private sequence(items: readonly Node[], low: number, high: number): boolean {
    const { plain, referring } = sequencePlan(items);
    const start = this.chars.length;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      // What follows: the items without references by their fixed ranges, the others as things
      // stand now. References to the groups this item writes repeat its text, so the item's
      // share of the window is divided among it and them.
      const defined = definedGroups(item);
      let [restLow, restHigh] = plain[i + 1]!;
      let shares = 1;
      for (const j of referring) {
        if (j <= i) continue;
        const [a, b] = defined.size > 0 ? this.rangeWithout(items[j]!, defined) : this.range(items[j]!);
        restLow += a;
        restHigh += b;
        if (defined.size > 0) shares += references(items[j]!, defined);
      }
      const used = this.chars.length - start;
      const [min, max] = this.range(item);
      const childLow = Math.max(min, Math.ceil((low - used - restHigh) / shares));
      const childHigh = Math.min(max, Math.floor((high - used - restLow) / shares));
      if (childLow > childHigh) return false;
      if (!this.node(item, childLow, childHigh)) return false;
    }
    return true;
  }

  /** `range`, with references to `groups` as empty (the caller counts them apart). */
  private rangeWithout(node: Node, groups: ReadonlySet<number>): readonly [number, number] {
    if (!node.refs) return node.range;
    this.spend(1);
    switch (node.kind) {
      case 'backref':
        return node.index !== undefined && groups.has(node.index) ? [0, 0] : this.range(node);
      case 'sequence': {
        let [low, high] = [0, 0];
        for (const item of node.items) {
          const [a, b] = this.rangeWithout(item, groups);
          [low, high] = [low + a, high + b];
        }
        return [low, high];
      }
      case 'group':
        return this.rangeWithout(node.node, groups);
      default:
        return this.range(node);
    }
  }

  private repeat(node: Extract<Node, { kind: 'repeat' }>, low: number, high: number): boolean {
    const [min, max] = this.range(node.node);
    const fewest = Math.max(node.min, max === 0 ? 0 : Math.ceil(low / max));
    const most = Math.min(node.max, min === 0 ? Infinity : Math.floor(high / min), fewest + SOFT_REPEAT);
    if (most < fewest) return false;
    const count = fewest + this.context.random.int(0, most - fewest);
    const start = this.chars.length;
    for (let i = 0; i < count; i++) {
      const before = this.captures.slice();
      for (const index of node.groups) this.captures[index] = undefined;
      const at = this.chars.length;
      const used = at - start;
      const left = count - i - 1;
      const [a, b] = this.range(node.node);
      const childLow = Math.max(a, low - used - times(b, left));
      const childHigh = Math.min(b, high - used - times(a, left));
      if (childLow > childHigh || !this.node(node.node, childLow, childHigh)) return false;
      // Past the minimum, an iteration that matched nothing is not one (ECMA-262 RepeatMatcher).
      if (i >= node.min && this.chars.length === at) {
        this.captures = before;
        break;
      }
    }
    return true;
  }

  private backref(index: number | undefined): boolean {
    const text = index === undefined ? undefined : this.captures[index];
    for (const char of text ?? []) {
      const forced = this.forced[this.chars.length];
      if (forced !== undefined) {
        if (forced !== char && !this.sameIgnoringCase(forced, char)) return false;
        this.push(forced);
        continue;
      }
      // Under `i` the reference matches its group's text in any case: sometimes written so.
      this.push(this.context.flags.ignoreCase && /[a-z]/i.test(char) && this.context.random.next() < 0.25 ? swapCase(char) : char);
    }
    return true;
  }

  private sameIgnoringCase(a: string, b: string): boolean {
    return this.context.flags.ignoreCase && (a.toLowerCase() === b.toLowerCase() || a.toUpperCase() === b.toUpperCase());
  }

  /** A positive lookahead: its text drawn, then taken back and kept as what must follow. */
  private lookahead(node: Node): boolean {
    const at = this.chars.length;
    const units = this.units;
    if (!this.node(node, 0, this.high - at)) return false;
    const written = this.chars.splice(at);
    this.units = units;
    written.forEach((char, k) => (this.forced[at + k] = char));
    return true;
  }

  private char(node: CharsNode): boolean {
    const forced = this.forced[this.chars.length];
    if (forced !== undefined) {
      if (!this.matches(node, forced.codePointAt(0)!)) return false;
      this.push(forced);
      return true;
    }
    if (!canDrawClass(node, this.context.flags)) return false;
    this.spend(1);
    const { code, matches } = drawClassCode(node, this.context.flags, this.context.random);
    if (!matches) this.valid = false;
    this.push(String.fromCodePoint(code));
    return true;
  }

  /** Whether a character a lookahead fixed belongs to the class (ignoring case under `i`, ASCII exactly). */
  private matches(node: CharsNode, code: number): boolean {
    const inside = (point: number): boolean => node.ranges.some(([low, high]) => point >= low && point <= high);
    if (node.negated) return !inside(code) && matchesNegated(code, node.ranges, this.context.flags);
    if (inside(code)) return true;
    const char = String.fromCodePoint(code);
    return this.context.flags.ignoreCase && [char.toLowerCase(), char.toUpperCase()].some((variant) => inside(variant.codePointAt(0)!));
  }

  private push(char: string): void {
    this.chars.push(char);
    this.units += char.length;
  }

  private spend(steps: number): void {
    this.context.budget -= steps;
    if (this.context.budget < 0) throw new DrawBudgetExceeded();
  }
}

function swapCase(char: string): string {
  return char === char.toLowerCase() ? char.toUpperCase() : char.toLowerCase();
}

/**
 * A sequence's length plan, made once: `plain[i]`, the range of the items from `i` on that hold no
 * reference (fixed); `referring`, the indexes of those that do (their range depends on the draw).
 */
function sequencePlan(items: readonly Node[]): { plain: ReadonlyArray<readonly [number, number]>; referring: readonly number[] } {
  let plan = planCache.get(items);
  if (!plan) {
    const plain: Array<readonly [number, number]> = new Array(items.length + 1);
    plain[items.length] = [0, 0];
    for (let i = items.length - 1; i >= 0; i--) {
      const [a, b] = items[i]!.refs ? [0, 0] : items[i]!.range;
      plain[i] = [plain[i + 1]![0] + a, plain[i + 1]![1] + b];
    }
    plan = { plain, referring: items.flatMap((item, i) => (item.refs ? [i] : [])) };
    planCache.set(items, plan);
  }
  return plan;
}

const planCache = new WeakMap<readonly Node[], ReturnType<typeof sequencePlan>>();

/** The capturing groups a node writes (computed once per node). */
function definedGroups(node: Node): ReadonlySet<number> {
  let groups = groupCache.get(node);
  if (!groups) {
    groups = collectGroups(node, new Set());
    groupCache.set(node, groups);
  }
  return groups;
}

const groupCache = new WeakMap<Node, Set<number>>();

function collectGroups(node: Node, into: Set<number>): Set<number> {
  switch (node.kind) {
    case 'group':
      into.add(node.index);
      collectGroups(node.node, into);
      break;
    case 'sequence':
      node.items.forEach((item) => collectGroups(item, into));
      break;
    case 'alternation':
      node.options.forEach((option) => collectGroups(option, into));
      break;
    case 'repeat':
    case 'lookahead':
    case 'lookbehind':
      collectGroups(node.node, into);
      break;
    default:
      break;
  }
  return into;
}

/** How many times, at least, `node` repeats the text of one of `groups` (references under a repeat count its minimum). */
function references(node: Node, groups: ReadonlySet<number>): number {
  switch (node.kind) {
    case 'backref':
      return node.index !== undefined && groups.has(node.index) ? 1 : 0;
    case 'sequence':
      return node.items.reduce((sum, item) => sum + references(item, groups), 0);
    case 'group':
      return references(node.node, groups);
    case 'repeat':
      return node.min * references(node.node, groups);
    default:
      return 0;
  }
}

