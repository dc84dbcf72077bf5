/**
 * Patterns with backreferences (`^(\w+)-\1$`, `^(?<q>['"]).*\k<q>$`), read so that strings of
 * them can be drawn by construction: the text is written left to right as the engine would read
 * it, each capturing group remembers what it wrote, and a backreference writes that again. The
 * engine's rules are followed (ECMA-262 §22.2.2): a group not (yet) set matches the empty string
 * (a forward reference, a reference from inside its own group, a group in an alternative not
 * taken or inside a negative lookaround); a quantifier clears the groups inside it at each
 * iteration, so a reference after it sees the last iteration's text; an iteration past the
 * minimum that matches nothing does not count. Under `i` a backreference may write its group's
 * text in another case. A positive lookahead writes its text as a commitment that what follows
 * must keep (so `^(?=(\w+))\1$` works); a positive lookbehind sets its groups from the text
 * already written (or writes its text, at the start of an unanchored pattern); negative
 * lookarounds are only checked, by the engine, once the string is written.
 */
import type { AST } from '@eslint-community/regexpp';
import { patternReading } from '../../model/pattern.js';
import { parseRegex, UnsupportedRegexError, type Assertion, type CodePointRange } from './regex-parse.js';
import { drawableRanges, DrawBudgetExceeded } from './regex-draw.js';
import { assertionHolds, matchesNegated, type FlagSemantics } from './regex-check.js';
import type { SeededRandom } from './seeded-random.js';

type CharsNode = { kind: 'chars'; ranges: CodePointRange[]; negated: boolean };

/** A node with the fewest and most code points it can match. */
type Node = (
  | CharsNode
  | { kind: 'sequence'; items: Node[] }
  | { kind: 'alternation'; options: Node[] }
  /** `groups`: the capturing groups inside, cleared at each iteration. */
  | { kind: 'repeat'; node: Node; min: number; max: number; groups: number[] }
  | { kind: 'group'; index: number; node: Node }
  /** `index` undefined: a reference that always matches the empty string (forward, or from inside its group). */
  | { kind: 'backref'; index: number | undefined }
  | { kind: 'assertion'; assert: Assertion }
  | { kind: 'lookahead'; negate: boolean; node: Node }
  /** `behind`: the content as a RegExp that ends where the lookbehind stands, and the number of its first group (none when it has references). */
  | { kind: 'lookbehind'; negate: boolean; node: Node; behind: { regex: RegExp; first: number; count: number } | undefined }
) & { range: readonly [number, number]; refs: boolean };

/** A pattern with backreferences, ready to draw from. */
export interface BackrefTree {
  root: Node;
  /** Whether it holds lookarounds, which only the engine can confirm. */
  lookarounds: boolean;
  /** Whether a backtracking engine may take exponential time on it (so it is never run). */
  risky: boolean;
}

/** Whether `source` (read as every pattern is) holds a backreference. */
export function hasBackreference(source: string, flags = ''): boolean {
  const ast = patternReading({ source, flags }).ast;
  if (!ast) return false;
  let found = false;
  visit(ast, (node) => {
    if (node.type === 'Backreference') found = true;
  });
  return found;
}

/**
 * The drawable tree of a pattern with backreferences. Throws `UnsupportedRegexError` for what
 * cannot be drawn (strings classes, groups nested too deep, duplicate named groups).
 */
export function backrefTree(source: string, flags: string): BackrefTree {
  const reading = patternReading({ source, flags });
  if (!reading.ast) throw new UnsupportedRegexError('Groups nest too deep');
  const groups: AST.CapturingGroup[] = [];
  visit(reading.ast, (node) => {
    if (node.type === 'CapturingGroup') groups.push(node);
  });
  groups.sort((a, b) => a.start - b.start);
  const builder = new Builder(reading.flags, new Map(groups.map((group, i) => [group, i + 1])));
  const root = builder.disjunction(reading.ast.alternatives, new Set());
  return { root, lookarounds: builder.lookarounds, risky: risky(root, false) };
}

function visit(node: AST.Node, see: (node: AST.Node) => void): void {
  see(node);
  switch (node.type) {
    case 'Pattern':
    case 'Group':
    case 'CapturingGroup':
      node.alternatives.forEach((alternative) => visit(alternative, see));
      return;
    case 'Assertion':
      if (node.kind === 'lookahead' || node.kind === 'lookbehind') node.alternatives.forEach((alternative) => visit(alternative, see));
      return;
    case 'Alternative':
      node.elements.forEach((element) => visit(element, see));
      return;
    case 'Quantifier':
      visit(node.element, see);
      return;
    default:
      return;
  }
}

/** Builds the tree, knowing which groups are surely set at each point (so a reference's least length is its group's). */
class Builder {
  lookarounds = false;
  private readonly nodes = new Map<number, Node>();

  constructor(
    private readonly flags: string,
    private readonly indexes: ReadonlyMap<AST.CapturingGroup, number>,
  ) {}

  disjunction(alternatives: readonly AST.Alternative[], set: Set<number>): Node {
    if (alternatives.length === 1) return this.sequence(alternatives[0]!.elements, set);
    const after: Set<number>[] = [];
    const options = alternatives.map((alternative) => {
      const own = new Set(set);
      const node = this.sequence(alternative.elements, own);
      after.push(own);
      return node;
    });
    // Surely set after the alternation: what every option sets.
    for (const index of after[0]!) if (after.every((own) => own.has(index))) set.add(index);
    const range = [Math.min(...options.map((option) => option.range[0])), Math.max(...options.map((option) => option.range[1]))] as const;
    return { kind: 'alternation', options, range, refs: options.some((option) => option.refs) };
  }

  private sequence(elements: readonly AST.Element[], set: Set<number>): Node {
    const items = elements.map((element) => this.element(element, set));
    if (items.length === 1) return items[0]!;
    const range = [items.reduce((sum, item) => sum + item.range[0], 0), items.reduce((sum, item) => sum + item.range[1], 0)] as const;
    return { kind: 'sequence', items, range, refs: items.some((item) => item.refs) };
  }

  private element(element: AST.Element, set: Set<number>): Node {
    switch (element.type) {
      case 'CapturingGroup': {
        const index = this.indexes.get(element)!;
        const node = this.disjunction(element.alternatives, set);
        set.add(index);
        const group: Node = { kind: 'group', index, node, range: node.range, refs: node.refs };
        this.nodes.set(index, group);
        return group;
      }
      case 'Group':
        return this.disjunction(element.alternatives, set);
      case 'Quantifier': {
        const own = element.min > 0 ? set : new Set(set);
        const node = this.element(element.element, own);
        const groups = [...this.indexes].filter(([group]) => group.start >= element.start && group.end <= element.end).map(([, index]) => index);
        const range = [times(node.range[0], element.min), times(node.range[1], element.max)] as const;
        return { kind: 'repeat', node, min: element.min, max: element.max, groups, range, refs: node.refs };
      }
      case 'Backreference': {
        if (element.ambiguous) throw new UnsupportedRegexError('Duplicate named groups cannot be sampled');
        const index = this.indexes.get(element.resolved as AST.CapturingGroup)!;
        const group = this.nodes.get(index);
        // A group not closed before the reference is never set when the engine reads it (ECMA-262 clears it per iteration).
        if (!group || (element.resolved as AST.CapturingGroup).end > element.start) return { kind: 'backref', index: undefined, range: [0, 0], refs: false };
        return { kind: 'backref', index, range: [set.has(index) ? group.range[0] : 0, group.range[1]], refs: true };
      }
      case 'Assertion':
        return this.assertion(element, set);
      default: {
        // A character, class or escape: read as the sampler reads it (one code point).
        const node = parseRegex(element.raw, this.flags);
        if (node.kind !== 'chars') throw new UnsupportedRegexError(`${element.raw} cannot be sampled`);
        return { ...node, range: [1, 1], refs: false };
      }
    }
  }

  private assertion(element: AST.Assertion, set: Set<number>): Node {
    const none = { range: [0, 0] as const, refs: false };
    switch (element.kind) {
      case 'start':
        return { kind: 'assertion', assert: '^', ...none };
      case 'end':
        return { kind: 'assertion', assert: '$', ...none };
      case 'word':
        return { kind: 'assertion', assert: element.negate ? '\\B' : '\\b', ...none };
      case 'lookahead': {
        this.lookarounds = true;
        // A negative lookahead leaves no group set; a positive one sets what it sets.
        const node = this.disjunction(element.alternatives, element.negate ? new Set(set) : set);
        return { kind: 'lookahead', negate: element.negate, node, range: [0, 0], refs: node.refs };
      }
      case 'lookbehind': {
        this.lookarounds = true;
        // Read backwards by the engine; its groups count as not surely set after it.
        const node = this.disjunction(element.alternatives, new Set(set));
        const inner = [...this.indexes].filter(([group]) => group.start > element.start && group.end < element.end).map(([, index]) => index);
        let references = false;
        visit(element, (child) => (references ||= child.type === 'Backreference'));
        const behind = element.negate || references || inner.length === 0 ? undefined : { regex: new RegExp(`(?:${element.raw.slice(4, -1)})$`, this.flags), first: Math.min(...inner), count: inner.length };
        return { kind: 'lookbehind', negate: element.negate, node, behind, ...none };
      }
    }
  }
}

function times(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : a * b;
}

/** The rule of `regex-risk.ts`: a repeat that can run more than once around another, or around an alternation. */
function risky(node: Node, insideRepeat: boolean): boolean {
  switch (node.kind) {
    case 'repeat': {
      const repeats = node.max > 1;
      if (repeats && insideRepeat) return true;
      return risky(node.node, insideRepeat || repeats);
    }
    case 'alternation':
      return (insideRepeat && node.options.length > 1) || node.options.some((option) => risky(option, insideRepeat));
    case 'sequence':
      return node.items.some((item) => risky(item, insideRepeat));
    case 'group':
    case 'lookahead':
    case 'lookbehind':
      return risky(node.node, insideRepeat);
    default:
      return false;
  }
}

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
    const { usable, weights, total } = choices(node, this.context.flags);
    if (usable.length === 0) return false;
    this.spend(1);
    const { random } = this.context;
    let ticket = random.next() * total;
    let index = 0;
    while (index < usable.length - 1 && ticket >= weights[index]!) ticket -= weights[index++]!;
    const [start, end] = usable[index]!;
    const code = random.int(start, end);
    if (node.negated && !matchesNegated(code, node.ranges, this.context.flags)) this.valid = false;
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

interface Choices {
  usable: CodePointRange[];
  weights: number[];
  total: number;
}

const choiceCache = new WeakMap<CharsNode, Choices>();

/** The ranges a class draws from and their weights, as `regex-draw.ts` weighs them. */
function choices(node: CharsNode, flags: FlagSemantics): Choices {
  let found = choiceCache.get(node);
  if (!found) {
    const usable = drawableRanges(node, flags);
    const weights = usable.map(([start, end]) => Math.min(end - start + 1, 26));
    found = { usable, weights, total: weights.reduce((a, b) => a + b, 0) };
    choiceCache.set(node, found);
  }
  return found;
}
