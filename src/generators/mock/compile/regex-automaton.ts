/**
 * A regular expression as a nondeterministic automaton over code points that accepts every string
 * the expression's `test` accepts, and possibly more: what it cannot follow exactly it widens.
 * Lookarounds and word boundaries are dropped (each only removes strings), a backreference may
 * be any string, `^`/`$` under `m` may stand anywhere, and a case-insensitive class takes all of
 * Unicode beyond ASCII where it holds any of it. So an empty intersection of such automata is a
 * proof that no string satisfies them all (`string-search.ts`), and a string they share is only a
 * candidate, which the real checks then confirm.
 *
 * Unanchored expressions match inside longer strings, as `test` does: the automaton reads any
 * text before and after, and `^`/`$` (without `m`) hold only at the ends.
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';
import type { RegexSource } from '../../../model/types.js';
import { patternReading, PATTERN_ECMA_VERSION } from '../../../model/pattern.js';
import type { CodePointRange } from '../../kit/regex-parse.js';
import { scannedRanges } from '../../kit/regex-sets.js';

export const MAX_CODE_POINT = 0x10ffff;

/** Sorted, disjoint, non-adjacent ranges. */
export type CharSet = readonly CodePointRange[];

/** A move: on a character of `on`; or without reading (`on` absent), where `assert` says when. */
export interface Edge {
  to: number;
  on?: CharSet;
  assert?: '^' | '$';
}

export interface Automaton {
  start: number;
  final: number;
  /** Edges by the state they leave. */
  edges: Edge[][];
}

/** An expression the automaton cannot express even widened (`\q{…}`, `\p{RGI_Emoji}`), or too large to build. */
export class AutomatonLimitError extends Error {}

/** States one automaton may have: a pattern that expands beyond (`x{1000}{1000}`) is left to sampling. */
export const MAX_STATES = 20_000;

const ALL: CharSet = [[0, MAX_CODE_POINT]];
const LINE_TERMINATORS: CharSet = [[10, 10], [13, 13], [0x2028, 0x2029]];
const SPACE: CharSet = normalize([[9, 13], [32, 32], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff]]);
const DIGIT: CharSet = [[48, 57]];
const WORD: CharSet = [[48, 57], [65, 90], [95, 95], [97, 122]];

/** The automaton of a `@pattern`, read as every generator reads it (`model/pattern.ts`). */
export function patternAutomaton(pattern: RegexSource): Automaton {
  const reading = patternReading(pattern);
  if (!reading.ast) throw new AutomatonLimitError('groups nest too deep');
  return new Builder(reading.flags).build(reading.ast);
}

/** The automaton of an expression with its own flags (a validator's format check, read as the engine reads it). */
export function regexAutomaton(regex: RegexSource): Automaton {
  const unicode = regex.flags.includes('u');
  const unicodeSets = regex.flags.includes('v');
  const ast = new RegExpParser({ ecmaVersion: PATTERN_ECMA_VERSION }).parsePattern(regex.source, 0, regex.source.length, { unicode, unicodeSets });
  return new Builder(regex.flags).build(ast);
}

interface Fragment {
  start: number;
  end: number;
}

class Builder {
  private readonly edges: Edge[][] = [];
  private readonly ignoreCase: boolean;
  private readonly multiline: boolean;
  private readonly dotAll: boolean;

  constructor(private readonly flags: string) {
    this.ignoreCase = flags.includes('i');
    this.multiline = flags.includes('m');
    this.dotAll = flags.includes('s');
  }

  build(ast: AST.Pattern): Automaton {
    // Any text before and after the match, as `test` finds it anywhere.
    const start = this.state();
    const final = this.state();
    this.edge(start, { to: start, on: ALL });
    this.edge(final, { to: final, on: ALL });
    const body = this.disjunction(ast.alternatives);
    this.edge(start, { to: body.start });
    this.edge(body.end, { to: final });
    return { start, final, edges: this.edges };
  }

  private state(): number {
    if (this.edges.length >= MAX_STATES) throw new AutomatonLimitError(`it needs more than ${MAX_STATES} states`);
    this.edges.push([]);
    return this.edges.length - 1;
  }

  private edge(from: number, edge: Edge): void {
    this.edges[from]!.push(edge);
  }

  private disjunction(alternatives: readonly AST.Alternative[]): Fragment {
    const start = this.state();
    const end = this.state();
    for (const alternative of alternatives) {
      const inner = this.sequence(alternative.elements);
      this.edge(start, { to: inner.start });
      this.edge(inner.end, { to: end });
    }
    return { start, end };
  }

  private sequence(elements: readonly AST.Element[]): Fragment {
    const start = this.state();
    let end = start;
    for (const element of elements) {
      const inner = this.element(element);
      this.edge(end, { to: inner.start });
      end = inner.end;
    }
    return { start, end };
  }

  private element(element: AST.Element): Fragment {
    switch (element.type) {
      case 'Assertion':
        return this.assertion(element);
      case 'Quantifier':
        return this.quantifier(element);
      case 'Group':
      case 'CapturingGroup':
        return this.disjunction(element.alternatives);
      case 'Backreference':
        // The group's text, whatever it was: any string.
        return this.loop(ALL);
      case 'Character':
        return this.chars(this.cased([[element.value, element.value]]));
      case 'CharacterSet':
        return this.chars(this.cased(this.characterSet(element)));
      case 'CharacterClass':
      case 'ExpressionCharacterClass':
        return this.chars(this.cased(this.classSet(element)));
    }
  }

  private assertion(element: AST.Assertion): Fragment {
    const start = this.state();
    const end = this.state();
    const anchored = !this.multiline && (element.kind === 'start' || element.kind === 'end');
    this.edge(start, anchored ? { to: end, assert: element.kind === 'start' ? '^' : '$' } : { to: end });
    return { start, end };
  }

  private quantifier(element: AST.Quantifier): Fragment {
    const start = this.state();
    let end = start;
    for (let i = 0; i < element.min; i++) {
      const inner = this.element(element.element);
      this.edge(end, { to: inner.start });
      end = inner.end;
    }
    if (element.max === Infinity) {
      const inner = this.element(element.element);
      this.edge(end, { to: inner.start });
      this.edge(inner.end, { to: end });
      return { start, end };
    }
    const last = this.state();
    for (let i = element.min; i < element.max; i++) {
      const inner = this.element(element.element);
      this.edge(end, { to: inner.start });
      this.edge(end, { to: last });
      end = inner.end;
    }
    this.edge(end, { to: last });
    return { start, end: last };
  }

  private chars(on: CharSet): Fragment {
    const start = this.state();
    const end = this.state();
    this.edge(start, { to: end, on });
    return { start, end };
  }

  private loop(on: CharSet): Fragment {
    const start = this.state();
    this.edge(start, { to: start, on });
    return { start, end: start };
  }

  private characterSet(set: AST.CharacterSet): CharSet {
    switch (set.kind) {
      case 'any':
        return this.dotAll ? ALL : complement(LINE_TERMINATORS);
      case 'digit':
        return set.negate ? complement(DIGIT) : DIGIT;
      case 'word':
        return set.negate ? complement(WORD) : WORD;
      case 'space':
        return set.negate ? complement(SPACE) : SPACE;
      case 'property': {
        if (set.strings) throw new AutomatonLimitError(`\\p{${set.key}} matches strings`);
        const ranges = normalize(scannedRanges(`\\p{${set.value === null ? set.key : `${set.key}=${set.value}`}}`, this.flags));
        return set.negate ? complement(ranges) : ranges;
      }
    }
  }

  private classSet(element: AST.CharacterClass | AST.ExpressionCharacterClass): CharSet {
    if (element.type === 'ExpressionCharacterClass') {
      // `[\p{L}--[a-z]]`: the engine itself says which code points the operation leaves.
      const ranges = normalize(scannedRanges(`[${element.raw.slice(element.negate ? 2 : 1)}`, this.flags));
      return element.negate ? complement(ranges) : ranges;
    }
    const members = normalize(
      element.elements.flatMap((member): CodePointRange[] => {
        switch (member.type) {
          case 'Character':
            return [[member.value, member.value]];
          case 'CharacterClassRange':
            return [[member.min.value, member.max.value]];
          case 'CharacterSet':
            return [...this.characterSet(member)];
          case 'CharacterClass':
          case 'ExpressionCharacterClass':
            return [...this.classSet(member)];
          case 'ClassStringDisjunction':
            throw new AutomatonLimitError(`${member.raw} matches strings`);
        }
      }),
    );
    return element.negate ? complement(members) : members;
  }

  /** Under `i`, every character equal to a member ignoring case (beyond ASCII: all of it). */
  private cased(set: CharSet): CharSet {
    if (!this.ignoreCase) return set;
    const extra: CodePointRange[] = [];
    for (const [low, high] of set) {
      for (let code = Math.max(low, 65); code <= Math.min(high, 122); code++) {
        if (code <= 90 || code >= 97) extra.push([code ^ 32, code ^ 32]);
      }
      if (high >= 0x80) extra.push([0x80, MAX_CODE_POINT], [75, 75], [83, 83], [107, 107], [115, 115]);
    }
    // ſ (U+017F) folds to s and the Kelvin sign (U+212A) to k.
    if (contains(set, 115) || contains(set, 83)) extra.push([0x17f, 0x17f]);
    if (contains(set, 107) || contains(set, 75)) extra.push([0x212a, 0x212a]);
    return normalize([...set, ...extra]);
  }
}

/** Sorted, merged ranges. */
export function normalize(ranges: readonly CodePointRange[]): CharSet {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const result: Array<[number, number]> = [];
  for (const [low, high] of sorted) {
    const last = result[result.length - 1];
    if (last && low <= last[1] + 1) last[1] = Math.max(last[1], high);
    else result.push([low, high]);
  }
  return result;
}

/** Every code point outside `set`. */
export function complement(set: CharSet): CharSet {
  const result: CodePointRange[] = [];
  let next = 0;
  for (const [low, high] of set) {
    if (low > next) result.push([next, low - 1]);
    next = high + 1;
  }
  if (next <= MAX_CODE_POINT) result.push([next, MAX_CODE_POINT]);
  return result;
}

export function contains(set: CharSet, code: number): boolean {
  return set.some(([low, high]) => code >= low && code <= high);
}
