/**
 * Template literal types (`` `wifi${number}` ``, `StringType.template`) read as TypeScript reads
 * them. TypeScript does not match a string against a template as a regular expression would: its
 * checker (`inferFromLiteralPartsToTemplateLiteral`) takes the opening and closing texts, then
 * ends each hole but the last where the text after it *first* occurs (one code unit when another
 * hole follows directly), and the last hole runs to the closing text; then each hole's text must be
 * a value of its type (`isValidTypeForTemplateLiteralPlaceholder`): anything for `string`; for
 * `number`, a non-empty text that `+text` reads as a finite number (`isValidNumberString`: `" 1"`,
 * `"0x1F"`, `".5"`, `"1e3"` pass; `"1e400"`, `"Infinity"`, `""` do not); for `bigint`, an
 * integer literal with an optional `-` and no separators (`isValidBigIntString`: `"-0x1F"`, not
 * `"01"` or `" 1"`); for an intrinsic mapping of `string` (`${Uppercase<string>}`), a text the
 * mapping leaves unchanged (`isMemberOfStringMapping`: `""` passes, `"ß"` does not, since it maps
 * to `"SS"`; `Capitalize` looks at the first UTF-16 unit only). So `` `${string}x${number}` ``
 * rejects `"axbx1"` (the first hole is `"a"`, the second `"bx1"`), `` `${number}${number}` ``
 * rejects `"1e5"` (`"1"`, `"e5"`), and `` `${Uppercase<string>}${number}` `` rejects `"AB1"`
 * (`"A"`, `"B1"`).
 *
 * The validators run that algorithm (the runtime's `isTemplate`); the OpenAPI document gets an
 * ECMAScript (Unicode mode) pattern that says the same (`templatePattern`, approximations listed
 * there); the mock builds hole texts that end where TypeScript ends them (`safeHole`).
 */
import type { StringMapping, StringType, TemplateLiteral, TypeNode } from '../../model/types.js';

/** A hole as the runtime reads it: a primitive's name, an intrinsic mapping's, or the texts a literal union allows. */
export type TemplateHole = 'string' | 'number' | 'bigint' | StringMapping | string[];

/** The holes of a template as the runtime's `isTemplate` takes them. */
export function templateHoles(template: TemplateLiteral): TemplateHole[] {
  return template.holes.map(holeOf);
}

function holeOf(node: TypeNode): TemplateHole {
  switch (node.kind) {
    case 'string':
      return node.mapping ?? 'string';
    case 'number':
    case 'bigint':
      return node.kind;
    case 'boolean':
      return ['false', 'true'];
    case 'literal':
      return [String(node.value)];
    case 'union':
      return node.members.flatMap((member) => {
        const hole = holeOf(member);
        return typeof hole === 'string' ? [] : hole;
      });
    default:
      throw new Error(`A template literal hole of kind ${node.kind} is not in the model.`);
  }
}

/** The template's TypeScript text (`` `wifi${number}` ``), holes printed by `print`. */
export function templateTypeText(template: TemplateLiteral, print: (node: TypeNode) => string): string {
  return `\`${template.texts.map((text, i) => templateText(text) + (i < template.holes.length ? `\${${print(template.holes[i]!)}}` : '')).join('')}\``;
}

/** Text between the holes of a template literal (type or expression), escaped. */
export function templateText(text: string): string {
  return text.replace(/[\\`]|\$\{/g, (match) => `\\${match}`);
}

/** Whether a string node is a template literal type. */
export function isTemplateString(node: TypeNode): node is StringType & { template: TemplateLiteral } {
  return node.kind === 'string' && node.template !== undefined;
}

// ---------------------------------------------------------------------------------------------
// The pattern (OpenAPI)

/** `+text` finite: optional white space (StrWhiteSpaceChar is `\s`), a decimal or 0x/0b/0o literal, white space; or white space alone. */
const NUMBER = String.raw`(?:\s*(?:[+\-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+\-]?\d+)?|0[xX][\da-fA-F]+|0[bB][01]+|0[oO][0-7]+)\s*|\s+)`;
/** A bigint literal's text with an optional `-`: `0`, no leading zero, or 0x/0b/0o; no separators. */
const BIGINT = String.raw`-?(?:0|[1-9]\d*|0[xX][\da-fA-F]+|0[bB][01]+|0[oO][0-7]+)`;
/** Characters a number's or bigint's text can hold: a following text starting with one may occur inside the hole. */
const NUMBER_CHARS = /^[\s\d+\-.a-fA-FxXoO]/u;
const BIGINT_CHARS = /^[\d\-a-fA-FxXoO]/u;

/**
 * A code point that `Uppercase`/`Lowercase` leaves unchanged: exactly those Unicode's
 * `Changes_When_Uppercased`/`Changes_When_Lowercased` properties leave out (every code point was
 * checked against `toUpperCase`/`toLowerCase`, test/unit/validate/mapped-templates.test.ts). A
 * string is unchanged when each of its code points is: JavaScript maps a string code point by
 * code point, its one context rule (a final sigma) being about `Σ`, which changes anyway.
 */
const UNCHANGED: Record<'Uppercase' | 'Lowercase', string> = {
  Uppercase: '\\P{Changes_When_Uppercased}',
  Lowercase: '\\P{Changes_When_Lowercased}',
};

/** What `Capitalize`/`Uncapitalize` looks at: the first UTF-16 unit, which an astral character's high surrogate is (never changed). */
const FIRST: Record<'Capitalize' | 'Uncapitalize', string> = {
  Capitalize: `(?:${UNCHANGED.Uppercase}|[\\u{10000}-\\u{10FFFF}])`,
  Uncapitalize: `(?:${UNCHANGED.Lowercase}|[\\u{10000}-\\u{10FFFF}])`,
};

/**
 * An anchored ECMAScript pattern (Unicode mode) that matches what TypeScript accepts for the
 * template, its holes ending where TypeScript ends them (a hole's text cannot run past the first
 * occurrence of the text after it). Two approximations, both rare: a `number` hole accepts a text
 * whose value overflows to `Infinity` (`1e400`), which TypeScript rejects (a pattern cannot bound a
 * number's value); and a one-character hole followed directly by another hole matches one code
 * point of the Basic Multilingual Plane, where TypeScript would take half of a surrogate pair.
 * A mapped hole (`${Uppercase<string>}`) is exact otherwise, on the Unicode version of the engine
 * that runs the pattern (the validator asks `toUpperCase` of the engine it runs on).
 */
export function templatePattern(template: TemplateLiteral): string {
  const holes = templateHoles(template);
  let groups = 0;
  const parts = [`^${escapeText(template.texts[0]!)}`];
  holes.forEach((hole, i) => {
    const next = i === holes.length - 1 ? undefined : template.texts[i + 1]!;
    parts.push(holePattern(hole, next, () => (groups += 1)));
    parts.push(escapeText(template.texts[i + 1]!));
  });
  return `${parts.join('')}$`;
}

/** One hole's pattern; `next` is the text after it, undefined for the last hole. */
function holePattern(hole: TemplateHole, next: string | undefined, group: () => number): string {
  if (next === undefined) return fullPattern(hole);
  if (next === '') {
    // Another hole follows directly: this one holds exactly one code unit.
    if (hole === 'string') return '[\\u0000-\\uffff]';
    if (hole === 'number') return '[\\d\\s]';
    if (hole === 'bigint') return '\\d';
    // One BMP character the mapping leaves unchanged (for one unit, Capitalize is Uppercase).
    if (typeof hole === 'string') return `(?=[\\u0000-\\uffff])${UNCHANGED[hole === 'Capitalize' || hole === 'Uppercase' ? 'Uppercase' : 'Lowercase']}`;
    return alternatives(hole.filter((text) => text.length === 1));
  }
  const text = escapeText(next);
  // The hole ends at the first occurrence of `next`: no occurrence may start inside it.
  const free = `(?!${text})`;
  if (hole === 'string') return `(?:${free}[\\s\\S])*`;
  if (typeof hole !== 'string') return alternatives(hole.filter((literal) => (literal + next).indexOf(next) === literal.length));
  if (hole !== 'number' && hole !== 'bigint') return mappedPattern(hole, free);
  const chars = hole === 'number' ? NUMBER_CHARS : BIGINT_CHARS;
  if (!chars.test(next)) return fullPattern(hole);
  // `next` may occur inside a number's text (`.` in `1.5`): capture the rest from its first
  // occurrence, then require the hole to end exactly there (where the rest is all that is left).
  const n = group();
  return `(?=(?:${free}[\\s\\S])*(${text}[\\s\\S]*)$)${fullPattern(hole)}(?=\\${n}$)`;
}

function fullPattern(hole: TemplateHole): string {
  if (hole === 'string') return '[\\s\\S]*';
  if (hole === 'number') return NUMBER;
  if (hole === 'bigint') return BIGINT;
  if (typeof hole === 'string') return mappedPattern(hole, '');
  return alternatives(hole);
}

/** A mapped hole's text, every code point of it preceded by `free` (a lookahead that stops the hole, or nothing). */
function mappedPattern(mapping: StringMapping, free: string): string {
  if (mapping === 'Uppercase' || mapping === 'Lowercase') return `(?:${free}${UNCHANGED[mapping]})*`;
  return `(?:${free}${FIRST[mapping]}(?:${free}[\\s\\S])*)?`;
}

function alternatives(texts: readonly string[]): string {
  // No text can pass: a class that matches nothing.
  if (texts.length === 0) return '[]';
  return `(?:${texts.map(escapeText).join('|')})`;
}

/** A literal text in a Unicode-mode pattern: only syntax characters may be escaped there (`\-` is an error). */
function escapeText(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, (match) => `\\${match}`);
}

// ---------------------------------------------------------------------------------------------
// Mock values

/**
 * What a mock may put in hole `i` so that TypeScript ends the hole where the mock does: a text
 * in which the text after the hole cannot start (none of its first character), or one code unit
 * when another hole follows. `literals` narrows a literal union's texts the same way.
 */
export interface SafeHole {
  /** The hole holds exactly one character. */
  single: boolean;
  /** A character the hole's text must not hold (the first of the text after it), if any. */
  avoid?: string;
  /** For a literal union, the texts that pass. */
  literals?: string[];
}

/** How a mock must build each hole of `template` (see `SafeHole`). */
export function safeHoles(template: TemplateLiteral): SafeHole[] {
  const holes = templateHoles(template);
  return holes.map((hole, i) => {
    const next = i === holes.length - 1 ? undefined : template.texts[i + 1]!;
    const single = next === '';
    const avoid = next ? next[0] : undefined;
    const literals = typeof hole === 'string' ? undefined : hole.filter((text) => (next === undefined ? true : next === '' ? text.length === 1 : (text + next).indexOf(next) === text.length));
    return { single, ...(avoid === undefined ? {} : { avoid }), ...(literals ? { literals } : {}) };
  });
}
