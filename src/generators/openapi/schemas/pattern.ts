/**
 * A `@pattern` as a JSON Schema `pattern`, which has no flags and is read in Unicode mode (JSON
 * Schema 2020-12 core §6.4): the one reading of `model/pattern.ts`, so `u` needs no writing. The
 * other flags are written into the pattern, on its syntax tree: `s` makes `.` `[\s\S]`, `m` makes
 * `^` and `$` hold beside line terminators too, and `i` gives each letter every character it
 * matches ignoring case (`k` becomes `[Kk\u{212A}]`, as `/k/iu` matches the Kelvin sign). A
 * pattern with a flag that cannot be written so (`i` on a backreference, or on a `\p{…}` case
 * folding changes: `\p{Lu}`, not `\p{sc=Cyrillic}`) is left out, and `patternProblems` says
 * why; a `v` pattern is written as a `u` one when it is one, else left out.
 */
import type { AST } from '@eslint-community/regexpp';
import { readPattern } from '../../../model/pattern.js';
import type { RegexSource } from '../../../model/types.js';
import { casePartners, closedUnderCase } from './case-partners.js';
import { nonUnicodeProblem } from '../../../model/non-unicode-pattern.js';
import { nonUnicodePartners } from './case-partners-without-u.js';

/** How many code points a class may span for `i` to be written into it member by member. */
const MAX_FOLDED_CLASS = 20_000;

const LINE_TERMINATORS = '\\n\\r\\u2028\\u2029';
/** Under `iu`, `\w` also matches the long s and the Kelvin sign. */
const WORD_IU = '\\w\\u017F\\u212A';

interface Edit {
  start: number;
  end: number;
  text: string;
}

interface Rewrite {
  /** Undefined when no JSON Schema pattern can say it. */
  text: string | undefined;
  /** What the rewrite could not say (each a short phrase), empty when it is exact. */
  problems: string[];
}

/** The pattern as a JSON Schema `pattern`, its flags written into it; undefined when it cannot be one (see `patternProblems`). */
export function patternText(regex: RegexSource): string | undefined {
  return rewrite(regex).text;
}

/** What the JSON Schema `pattern` of `regex` cannot say, as phrases for a warning; empty when it says everything. */
export function patternProblems(regex: RegexSource): string[] {
  return rewrite(regex).problems;
}

function rewrite(regex: RegexSource): Rewrite {
  const read = readPattern(regex);
  if ('problem' in read) return { text: regex.source, problems: [`anything, as the pattern is invalid (${read.problem.message})`] };
  const { reading } = read;
  const { source, flags } = reading;
  // A `@Matches()` regex without `u`: written only where Unicode mode reads it the same (model/non-unicode-pattern.ts).
  const unicode = /[uv]/.test(flags);
  if (!unicode) {
    const problem = reading.ast ? nonUnicodeProblem(reading.ast, source) : 'groups nested too deep to compare';
    if (problem) return { text: undefined, problems: [`what class-validator's reading without the u flag means (${problem}), so the pattern is left out`] };
  }
  if (flags.includes('v')) {
    // JSON Schema reads with `u`: a `v` pattern that is also a `u` pattern is written as one, any other is left out.
    const asUnicode = { source, flags: flags.replace('v', '') };
    if ('problem' in readPattern(asUnicode)) return { text: undefined, problems: ['the flag v, so the pattern is left out (it is no pattern in u mode, which JSON Schema reads patterns in)'] };
    const rewritten = rewrite(asUnicode);
    return { text: rewritten.text, problems: ['the flag v (the pattern is read in u mode, as JSON Schema reads patterns)', ...rewritten.problems] };
  }
  if (!/[ims]/.test(flags) || !reading.ast) {
    return { text: source, problems: /[ims]/.test(flags) ? [`the flags ${flags.replace(/[uv]/g, '')} (groups nest too deep to rewrite)`] : [] };
  }
  const folder = new Folder(flags, unicode);
  folder.alternatives(reading.ast.alternatives);
  let text = source;
  for (const edit of folder.edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  // A flag it could not write would make the schema refuse values the validator accepts (`/(a)\1/i`
  // takes `aA`) or the reverse: no pattern then, as for a `v` or `@Matches()` pattern it cannot say.
  return { text: folder.problems.length > 0 ? undefined : text, problems: [...new Set(folder.problems)] };
}

class Folder {
  readonly edits: Edit[] = [];
  readonly problems: string[] = [];
  private readonly ignoreCase: boolean;
  private readonly multiline: boolean;
  private readonly dotAll: boolean;
  /** Unicode mode's case rules (`k` is also the Kelvin sign, `\w` also `ſ` and `K` under `i`), else those of a regex without `u`. */
  private readonly unicode: boolean;
  private readonly partners: (code: number) => number[];

  constructor(flags: string, unicode = true) {
    this.ignoreCase = flags.includes('i');
    this.multiline = flags.includes('m');
    this.dotAll = flags.includes('s');
    this.unicode = unicode;
    this.partners = unicode ? casePartners : nonUnicodePartners;
  }

  alternatives(alternatives: readonly AST.Alternative[]): void {
    for (const alternative of alternatives) for (const element of alternative.elements) this.element(element);
  }

  private element(node: AST.Element): void {
    switch (node.type) {
      case 'Group':
      case 'CapturingGroup':
        return this.alternatives(node.alternatives);
      case 'Quantifier':
        return this.element(node.element);
      case 'Assertion':
        return this.assertion(node);
      case 'Character': {
        const partners = this.ignoreCase ? this.partners(node.value) : [];
        // The letter as written first (`[hH]`), then its partners.
        if (partners.length > 1) this.replace(node, `[${[node.value, ...partners.filter((code) => code !== node.value)].map(escaped).join('')}]`);
        return;
      }
      case 'CharacterSet':
        return this.characterSet(node);
      case 'CharacterClass':
        if (this.ignoreCase) this.characterClass(node);
        return;
      case 'Backreference':
        if (this.ignoreCase) this.problems.push('the flag i on a backreference');
        return;
      case 'ExpressionCharacterClass':
        return; // `v` only, refused above
    }
  }

  private assertion(node: AST.Assertion): void {
    if (node.kind === 'lookahead' || node.kind === 'lookbehind') return this.alternatives(node.alternatives);
    if (node.kind === 'start' && this.multiline) this.replace(node, `(?<![^${LINE_TERMINATORS}])`);
    else if (node.kind === 'end' && this.multiline) this.replace(node, `(?![^${LINE_TERMINATORS}])`);
    else if (node.kind === 'word' && this.ignoreCase && this.unicode) this.problems.push(`the flag i on ${node.raw}`);
  }

  private characterSet(node: AST.CharacterSet): void {
    if (node.kind === 'any') {
      if (this.dotAll) this.replace(node, '[\\s\\S]');
    } else if (node.kind === 'word') {
      if (this.ignoreCase && this.unicode) this.replace(node, node.negate ? `[^${WORD_IU}]` : `[${WORD_IU}]`);
    } else if (node.kind === 'property' && this.ignoreCase && !(this.unicode && closedUnderCase(node.raw))) {
      this.problems.push(`the flag i on ${node.raw}`);
    }
  }

  /** The class with every member's case partners added (closed under case, it means the same negated or not). */
  private characterClass(node: AST.CharacterClass): void {
    const members: [number, number][] = [];
    for (const element of node.elements) {
      if (element.type === 'Character') members.push([element.value, element.value]);
      else if (element.type === 'CharacterClassRange') members.push([element.min.value, element.max.value]);
      else if (element.type === 'CharacterSet' && element.kind === 'word' && !element.negate) {
        if (this.unicode) members.push([0x17f, 0x17f], [0x212a, 0x212a]);
      }
      // A property i leaves as it is adds no partner: its members' partners are members already.
      else if (element.type === 'CharacterSet' && element.kind === 'property' && this.unicode && closedUnderCase(element.raw)) continue;
      else if (element.type === 'CharacterSet' && (element.kind === 'property' || element.kind === 'word')) {
        this.problems.push(`the flag i on ${element.raw} in a class`);
        return;
      }
    }
    const size = members.reduce((total, [low, high]) => total + high - low + 1, 0);
    if (size > MAX_FOLDED_CLASS) {
      this.problems.push(`the flag i on a class of more than ${MAX_FOLDED_CLASS.toLocaleString('en')} characters`);
      return;
    }
    const inside = (code: number): boolean => members.some(([low, high]) => code >= low && code <= high);
    const extra = new Set<number>();
    for (const [low, high] of members) {
      for (let code = low; code <= high; code++) for (const partner of this.partners(code)) if (!inside(partner)) extra.add(partner);
    }
    if (extra.size === 0) return;
    const added = runs([...extra].sort((a, b) => a - b))
      .map(([low, high]) => (high - low >= 2 ? `${escaped(low)}-${escaped(high)}` : low === high ? escaped(low) : `${escaped(low)}${escaped(high)}`))
      .join('');
    // Before the closing bracket: the members as written, then their partners.
    this.edits.push({ start: node.end - 1, end: node.end - 1, text: added });
  }

  private replace(node: AST.Node, text: string): void {
    if (text !== node.raw) this.edits.push({ start: node.start, end: node.end, text });
  }
}

/** A code point as class member text: printable ASCII letters and digits as they are, everything else `\u{…}`. */
function escaped(code: number): string {
  return /[A-Za-z0-9]/.test(String.fromCodePoint(code)) ? String.fromCodePoint(code) : `\\u{${code.toString(16).toUpperCase()}}`;
}

/** Ascending code points as runs of consecutive ones. */
function runs(codes: readonly number[]): [number, number][] {
  const result: [number, number][] = [];
  for (const code of codes) {
    const last = result[result.length - 1];
    if (last && last[1] === code - 1) last[1] = code;
    else result.push([code, code]);
  }
  return result;
}
