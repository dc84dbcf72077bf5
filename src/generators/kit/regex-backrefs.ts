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
 * lookarounds are only checked, by the engine, once the string is written. This file reads the
 * pattern into a tree that knows its groups; `regex-backref-draw.ts` draws from it.
 */
import type { AST } from '@eslint-community/regexpp';
import { patternReading } from '../../model/pattern.js';
import { parseRegex, UnsupportedRegexError, type Assertion, type CodePointRange } from './regex-parse.js';

export type CharsNode = { kind: 'chars'; ranges: CodePointRange[]; negated: boolean };

/** A node with the fewest and most code points it can match; `refs`: whether it holds a reference to a group. */
export type Node = (
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

export function times(a: number, b: number): number {
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
