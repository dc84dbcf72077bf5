/**
 * A parser of JavaScript regular expressions into a small AST that can be sampled: sequences,
 * alternations, groups, character classes, quantifiers, anchors and the usual escapes.
 * Backreferences and lookarounds cannot be sampled by construction: they raise
 * `UnsupportedRegexError`, so callers can give up cleanly. Parsing is linear in the length of
 * the source (sticky expressions read in place, never a slice of the rest), and group nesting
 * is bounded so a hostile pattern cannot exhaust the stack.
 */

/** An inclusive range of code points. */
export type CodePointRange = readonly [number, number];

export type RegexNode =
  | { kind: 'chars'; ranges: CodePointRange[]; negated: boolean }
  | { kind: 'sequence'; items: RegexNode[] }
  | { kind: 'alternation'; options: RegexNode[] }
  | { kind: 'repeat'; node: RegexNode; min: number; max: number }
  /** Zero-width: `^`, `$`, `\b`, `\B`, checked at their position once the sample is built. */
  | { kind: 'assertion'; assert: Assertion };

export type Assertion = '^' | '$' | '\\b' | '\\B';

export class UnsupportedRegexError extends Error {}

/** How deep groups may nest; real patterns stay far below, and recursion stays within the stack. */
export const MAX_GROUP_DEPTH = 200;

const QUANTIFIER = /\{(\d+)(,(\d*))?\}/y;
const GROUP_NAME = /\?<[A-Za-z_$][\w$]*>/y;
const HEX2 = /[0-9a-fA-F]{2}/y;
const HEX4 = /[0-9a-fA-F]{4}/y;
const HEX_BRACED = /\{([0-9a-fA-F]+)\}/y;

const DIGIT: CodePointRange[] = [[48, 57]];
const WORD: CodePointRange[] = [[48, 57], [65, 90], [95, 95], [97, 122]];
const SPACE: CodePointRange[] = [[32, 32]];
const SPACE_ALL: CodePointRange[] = [[9, 13], [32, 32], [0xa0, 0xa0], [0xfeff, 0xfeff]];
/** What `.` samples from: letters and digits, which every `.` matches. */
const ANY: CodePointRange[] = [[48, 57], [65, 90], [97, 122]];

/** Parses `source` (the text between the slashes); `flags` decide what `\u{…}` means. */
export function parseRegex(source: string, flags = ''): RegexNode {
  const parser = new Parser(source, /[uv]/.test(flags));
  const node = parser.alternation();
  if (!parser.done()) throw new UnsupportedRegexError(`Unexpected ")" at ${parser.position}`);
  return node;
}

class Parser {
  position = 0;
  private depth = 0;

  constructor(
    private readonly source: string,
    private readonly unicode: boolean,
  ) {}

  done(): boolean {
    return this.position >= this.source.length;
  }

  alternation(): RegexNode {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.position++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0]! : { kind: 'alternation', options };
  }

  private sequence(): RegexNode {
    const items: RegexNode[] = [];
    while (!this.done() && this.peek() !== '|' && this.peek() !== ')') items.push(this.quantified(this.atom()));
    return items.length === 1 ? items[0]! : { kind: 'sequence', items };
  }

  private quantified(node: RegexNode): RegexNode {
    const quantifier = this.quantifier();
    if (!quantifier) return node;
    if (this.peek() === '?') this.position++; // lazy: same strings
    if (node.kind === 'assertion') return node;
    if (quantifier.min > quantifier.max) throw new UnsupportedRegexError('Quantifier range out of order');
    return { kind: 'repeat', node, ...quantifier };
  }

  private quantifier(): { min: number; max: number } | undefined {
    const char = this.peek();
    if (char === '*') return this.advance({ min: 0, max: Infinity });
    if (char === '+') return this.advance({ min: 1, max: Infinity });
    if (char === '?') return this.advance({ min: 0, max: 1 });
    if (char !== '{') return undefined;
    const match = this.sticky(QUANTIFIER);
    if (!match) return undefined;
    const min = Number(match[1]);
    return { min, max: match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]) };
  }

  private advance<T>(value: T): T {
    this.position++;
    return value;
  }

  private atom(): RegexNode {
    const char = this.source[this.position++]!;
    switch (char) {
      case '^':
      case '$':
        return { kind: 'assertion', assert: char };
      case '.':
        return { kind: 'chars', ranges: ANY, negated: false };
      case '(':
        return this.group();
      case '[':
        return this.charClass();
      case '\\':
        return this.escape();
      default: {
        const code = this.source.codePointAt(this.position - 1)!;
        if (code > 0xffff) this.position++;
        return literal(code);
      }
    }
  }

  private group(): RegexNode {
    if (this.source.startsWith('?:', this.position)) this.position += 2;
    else if (this.sticky(GROUP_NAME)) {
      // the name is read; the position already stands after '>'
    } else if (this.peek() === '?') {
      throw new UnsupportedRegexError('Lookarounds cannot be sampled');
    }
    if (++this.depth > MAX_GROUP_DEPTH) throw new UnsupportedRegexError(`Groups nest more than ${MAX_GROUP_DEPTH} deep`);
    const node = this.alternation();
    this.depth--;
    if (this.source[this.position++] !== ')') throw new UnsupportedRegexError('Unclosed group');
    return node;
  }

  private charClass(): RegexNode {
    const negated = this.peek() === '^';
    if (negated) this.position++;
    const ranges: CodePointRange[] = [];
    while (this.peek() !== ']') {
      if (this.done()) throw new UnsupportedRegexError('Unclosed character class');
      const start = this.classAtom();
      if (start.length !== 1 || this.peek() !== '-' || this.source[this.position + 1] === ']') {
        ranges.push(...start);
        continue;
      }
      this.position++; // '-'
      const end = this.classAtom();
      if (end.length !== 1) {
        ranges.push(...start, [45, 45], ...end);
        continue;
      }
      ranges.push([start[0]![0], end[0]![1]]);
    }
    this.position++; // ']'
    return { kind: 'chars', ranges, negated };
  }

  /** One class member: a single code point as a one-point range, or the ranges of `\d`-style escapes. */
  private classAtom(): CodePointRange[] {
    const char = this.source[this.position++]!;
    if (char !== '\\') {
      const code = this.source.codePointAt(this.position - 1)!;
      if (code > 0xffff) this.position++;
      return [[code, code]];
    }
    const escaped = this.source[this.position]!;
    if (escaped === 'b') {
      this.position++;
      return [[8, 8]];
    }
    const node = this.escape();
    if (node.kind !== 'chars' || node.negated) {
      if (node.kind === 'chars') return complement(node.ranges);
      throw new UnsupportedRegexError(`Unsupported escape in a class: \\${escaped}`);
    }
    return node.ranges;
  }

  private escape(): RegexNode {
    const char = this.source[this.position++];
    if (char === undefined) throw new UnsupportedRegexError('Trailing backslash');
    switch (char) {
      case 'd':
        return { kind: 'chars', ranges: DIGIT, negated: false };
      case 'D':
        return { kind: 'chars', ranges: DIGIT, negated: true };
      case 'w':
        return { kind: 'chars', ranges: WORD, negated: false };
      case 'W':
        return { kind: 'chars', ranges: WORD, negated: true };
      case 's':
        return { kind: 'chars', ranges: SPACE, negated: false };
      case 'S':
        return { kind: 'chars', ranges: SPACE_ALL, negated: true };
      case 'b':
      case 'B':
        return { kind: 'assertion', assert: char === 'b' ? '\\b' : '\\B' };
      case 'n':
        return literal(10);
      case 'r':
        return literal(13);
      case 't':
        return literal(9);
      case 'f':
        return literal(12);
      case 'v':
        return literal(11);
      case '0':
        return literal(0);
      case 'x':
        return literal(this.hex(HEX2));
      case 'u':
        // `\u{…}` is a code point only with the u or v flag; without them `\u` is a plain "u".
        if (this.peek() === '{' && !this.unicode) return literal(117);
        return literal(this.peek() === '{' ? this.hex(HEX_BRACED) : this.hex(HEX4));
      case 'c': {
        const letter = this.source.charCodeAt(this.position++);
        return literal(letter % 32);
      }
      case 'k':
        throw new UnsupportedRegexError('Backreferences cannot be sampled');
      default:
        if (/[1-9]/.test(char)) throw new UnsupportedRegexError('Backreferences cannot be sampled');
        if (char === 'p' || char === 'P') throw new UnsupportedRegexError('Unicode property escapes are not supported');
        return literal(char.codePointAt(0)!);
    }
  }

  private hex(pattern: RegExp): number {
    const match = this.sticky(pattern);
    if (!match) throw new UnsupportedRegexError('Malformed hexadecimal escape');
    const code = parseInt(match[1] ?? match[0], 16);
    if (code > 0x10ffff) throw new UnsupportedRegexError('Code point out of range');
    return code;
  }

  /** `pattern` (sticky) matched at the current position, which moves past the match. */
  private sticky(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = this.position;
    const match = pattern.exec(this.source);
    if (match) this.position += match[0].length;
    return match;
  }

  private peek(): string | undefined {
    return this.source[this.position];
  }
}

function literal(code: number): RegexNode {
  return { kind: 'chars', ranges: [[code, code]], negated: false };
}

/** The printable ASCII code points outside `ranges`, as ranges. */
export function complement(ranges: readonly CodePointRange[]): CodePointRange[] {
  const result: CodePointRange[] = [];
  let start: number | undefined;
  for (let code = 32; code <= 127; code++) {
    const inside = code === 127 || ranges.some(([low, high]) => code >= low && code <= high);
    if (!inside && start === undefined) start = code;
    if (inside && start !== undefined) {
      result.push([start, code - 1]);
      start = undefined;
    }
  }
  return result;
}
