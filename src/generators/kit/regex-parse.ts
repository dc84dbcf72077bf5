/**
 * A pattern's syntax tree (read by `@eslint-community/regexpp` under the one reading of
 * `model/pattern.ts`) turned into a small tree that can be sampled: sequences, alternations,
 * character sets as code-point ranges, repetitions and zero-width assertions. Backreferences,
 * lookarounds and what matches strings rather than characters (`\q{…}`, `\p{RGI_Emoji}`) cannot be
 * sampled by construction: they raise `UnsupportedRegexError`, so callers can give up cleanly.
 * The conversion is linear in the size of the tree, and only patterns whose groups nest at most
 * `MAX_GROUP_DEPTH` deep get a tree, so a hostile pattern cannot exhaust the stack.
 */
import type { AST } from '@eslint-community/regexpp';
import { MAX_PARSE_DEPTH, patternReading } from '../../model/pattern.js';
import { scannedRanges } from './regex-sets.js';

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
export const MAX_GROUP_DEPTH = MAX_PARSE_DEPTH;

const DIGIT: CodePointRange[] = [[48, 57]];
const WORD: CodePointRange[] = [[48, 57], [65, 90], [95, 95], [97, 122]];
const SPACE: CodePointRange[] = [[32, 32]];
const SPACE_ALL: CodePointRange[] = [[9, 13], [32, 32], [0xa0, 0xa0], [0xfeff, 0xfeff]];
/** What `.` samples from: letters and digits, which every `.` matches. */
const ANY: CodePointRange[] = [[48, 57], [65, 90], [97, 122]];

/**
 * The sampleable tree of `source` read with `flags` under the one reading (Unicode mode
 * always). Throws a `SyntaxError` for a pattern that reading refuses, `UnsupportedRegexError`
 * for what cannot be sampled.
 */
export function parseRegex(source: string, flags = ''): RegexNode {
  const reading = patternReading({ source, flags });
  if (!reading.ast) throw new UnsupportedRegexError(`Groups nest more than ${MAX_GROUP_DEPTH} deep`);
  return new Converter(reading.flags).disjunction(reading.ast.alternatives);
}

class Converter {
  constructor(private readonly flags: string) {}

  disjunction(alternatives: readonly AST.Alternative[]): RegexNode {
    const options = alternatives.map((alternative) => this.sequence(alternative.elements));
    return options.length === 1 ? options[0]! : { kind: 'alternation', options };
  }

  private sequence(elements: readonly AST.Element[]): RegexNode {
    const items = elements.map((element) => this.element(element));
    return items.length === 1 ? items[0]! : { kind: 'sequence', items };
  }

  private element(element: AST.Element): RegexNode {
    switch (element.type) {
      case 'Assertion':
        return assertion(element);
      case 'Quantifier': {
        const node = this.element(element.element);
        // `^*` and the like repeat nothing: the assertion stands once.
        return node.kind === 'assertion' ? node : { kind: 'repeat', node, min: element.min, max: element.max };
      }
      case 'Group':
      case 'CapturingGroup':
        return this.disjunction(element.alternatives);
      case 'Backreference':
        throw new UnsupportedRegexError('Backreferences cannot be sampled');
      case 'Character':
        return literal(element.value);
      case 'CharacterSet':
        return this.characterSet(element);
      case 'CharacterClass':
        return { kind: 'chars', ranges: this.classMembers(element.elements), negated: element.negate };
      case 'ExpressionCharacterClass':
        // `[\p{L}--[a-z]]`: the engine itself says which code points the operation leaves.
        return { kind: 'chars', ranges: scannedRanges(`[${element.raw.slice(element.negate ? 2 : 1)}`, this.flags), negated: element.negate };
    }
  }

  private characterSet(set: AST.CharacterSet): RegexNode {
    if (set.kind === 'any') return { kind: 'chars', ranges: ANY, negated: false };
    if (set.kind === 'property') return { kind: 'chars', ranges: this.propertyRanges(set), negated: set.negate };
    return escapeSet(set);
  }

  private propertyRanges(set: AST.UnicodePropertyCharacterSet): CodePointRange[] {
    if (set.strings) throw new UnsupportedRegexError(`\\p{${set.key}} matches strings, which cannot be sampled`);
    const name = set.value === null ? set.key : `${set.key}=${set.value}`;
    return scannedRanges(`\\p{${name}}`, this.flags);
  }

  /** The members of a class, escapes such as `\D` inside it taken as the printable ASCII they match. */
  private classMembers(elements: readonly AST.CharacterClassElement[]): CodePointRange[] {
    return elements.flatMap((element): CodePointRange[] => {
      switch (element.type) {
        case 'Character':
          return [[element.value, element.value]];
        case 'CharacterClassRange':
          return [[element.min.value, element.max.value]];
        case 'CharacterSet': {
          const node = element.kind === 'property' ? { kind: 'chars' as const, ranges: this.propertyRanges(element), negated: element.negate } : escapeSet(element);
          if (node.kind !== 'chars') throw new UnsupportedRegexError(`Unsupported escape in a class: ${element.raw}`);
          return node.negated ? complement(node.ranges) : node.ranges;
        }
        case 'CharacterClass': {
          const members = this.classMembers(element.elements);
          return element.negate ? complement(members) : members;
        }
        case 'ExpressionCharacterClass': {
          const node = this.element(element);
          return node.kind === 'chars' && node.negated ? complement(node.ranges) : node.kind === 'chars' ? node.ranges : [];
        }
        case 'ClassStringDisjunction':
          throw new UnsupportedRegexError(`${element.raw} matches strings, which cannot be sampled`);
      }
    });
  }
}

function assertion(element: AST.Assertion): RegexNode {
  switch (element.kind) {
    case 'start':
      return { kind: 'assertion', assert: '^' };
    case 'end':
      return { kind: 'assertion', assert: '$' };
    case 'word':
      return { kind: 'assertion', assert: element.negate ? '\\B' : '\\b' };
    default:
      throw new UnsupportedRegexError('Lookarounds cannot be sampled');
  }
}

function escapeSet(set: AST.EscapeCharacterSet): RegexNode {
  switch (set.kind) {
    case 'digit':
      return { kind: 'chars', ranges: DIGIT, negated: set.negate };
    case 'word':
      return { kind: 'chars', ranges: WORD, negated: set.negate };
    case 'space':
      return { kind: 'chars', ranges: set.negate ? SPACE_ALL : SPACE, negated: set.negate };
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
