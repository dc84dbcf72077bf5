/**
 * A `@Matches()` regex without `u` whose syntax Unicode mode reads otherwise (`'^\u{41}$'` is 41
 * `u`s, `[\w-.]` a class of `\w`, `-` and `.`, `a{,2}` the text `a{,2}`: non-unicode-pattern.ts),
 * spelled again from its tree as written so that both modes read one tree: `^u{41}$`,
 * `[\w\-.]`, `a\{,2\}`. The sampler, which reads patterns in Unicode mode, then draws from what
 * class-validator runs, and the regex still means what it meant as written (checked: the new
 * source reads into the original tree in both modes, or there is no spelling).
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';
import { parsesAlike, sameTree } from './non-unicode-pattern.js';
import { PATTERN_ECMA_VERSION, readPattern } from './pattern.js';
import type { RegexSource } from './types.js';

/** `regex` spelled so that Unicode mode reads it as it is written; undefined when it cannot be (a lone surrogate before its partner). */
export function unicodeSpelling(regex: RegexSource): RegexSource | undefined {
  const read = readPattern(regex);
  if (!('reading' in read) || !read.reading.ast) return undefined;
  const source = spell(read.reading.ast);
  if (source === undefined || !parsesAlike(read.reading.ast, source)) return undefined;
  // The same tree as written too: the RegExp built from the new source is the one class-validator runs.
  try {
    const again = new RegExpParser({ ecmaVersion: PATTERN_ECMA_VERSION }).parsePattern(source, 0, source.length, { unicode: false });
    if (!sameTree(again, read.reading.ast)) return undefined;
  } catch {
    return undefined;
  }
  return { ...regex, source };
}

/** Characters written as themselves outside a class; others are escaped. */
const PLAIN = /^[A-Za-z0-9 !"#%&',\-:;<=>@_~`]$/;
/** Characters that take a backslash: the syntax characters and `/`. */
const SYNTAX = /^[\^$\\.*+?()[\]{}|/]$/;

function spell(node: AST.Node): string | undefined {
  switch (node.type) {
    case 'Pattern':
      return joined(node.alternatives, '|');
    case 'Alternative':
      return sequence(node.elements);
    case 'Group':
      // A group with modifiers (`(?i:…)`) has no spelling here.
      return 'modifiers' in node && node.modifiers ? undefined : wrap('(?:', joined(node.alternatives, '|'));
    case 'CapturingGroup':
      return wrap(node.name ? `(?<${node.name}>` : '(', joined(node.alternatives, '|'));
    case 'Quantifier': {
      const element = spell(node.element);
      if (element === undefined) return undefined;
      const count = node.max === Infinity ? (node.min === 0 ? '*' : node.min === 1 ? '+' : `{${node.min},}`) : node.min === node.max ? `{${node.min}}` : node.min === 0 && node.max === 1 ? '?' : `{${node.min},${node.max}}`;
      return `${element}${count}${node.greedy ? '' : '?'}`;
    }
    case 'Assertion':
      return assertion(node);
    case 'Character':
      return character(node.value, node.parent.type === 'CharacterClass' || node.parent.type === 'CharacterClassRange');
    case 'CharacterSet':
      return characterSet(node);
    case 'CharacterClass': {
      const elements = node.elements.map((element) => spell(element));
      return elements.some((element) => element === undefined) ? undefined : `[${node.negate ? '^' : ''}${elements.join('')}]`;
    }
    case 'CharacterClassRange':
      return `${character(node.min.value, true)}-${character(node.max.value, true)}`;
    case 'Backreference':
      return typeof node.ref === 'number' ? `\\${node.ref}` : `\\k<${node.ref}>`;
    default:
      return undefined;
  }
}

/** An alternative's elements; a digit right after a numbered backreference is escaped, so it is not read as part of the number. */
function sequence(nodes: readonly AST.Node[]): string | undefined {
  let text = '';
  for (const [position, node] of nodes.entries()) {
    let part = spell(node);
    if (part === undefined) return undefined;
    const previous = nodes[position - 1];
    if (previous?.type === 'Backreference' && /^[0-9]/.test(part)) part = `\\u003${part[0]}${part.slice(1)}`;
    text += part;
  }
  return text;
}

function joined(nodes: readonly AST.Node[], separator: string): string | undefined {
  const parts = nodes.map((node) => spell(node));
  return parts.some((part) => part === undefined) ? undefined : parts.join(separator);
}

function wrap(open: string, inner: string | undefined): string | undefined {
  return inner === undefined ? undefined : `${open}${inner})`;
}

function assertion(node: AST.Assertion): string | undefined {
  switch (node.kind) {
    case 'start':
      return '^';
    case 'end':
      return '$';
    case 'word':
      return node.negate ? '\\B' : '\\b';
    case 'lookahead':
      return wrap(node.negate ? '(?!' : '(?=', joined(node.alternatives, '|'));
    case 'lookbehind':
      return wrap(node.negate ? '(?<!' : '(?<=', joined(node.alternatives, '|'));
    default:
      return undefined;
  }
}

function characterSet(node: AST.CharacterSet): string | undefined {
  switch (node.kind) {
    case 'any':
      return '.';
    case 'digit':
      return node.negate ? '\\D' : '\\d';
    case 'space':
      return node.negate ? '\\S' : '\\s';
    case 'word':
      return node.negate ? '\\W' : '\\w';
    default:
      return undefined;
  }
}

/** One UTF-16 unit (the regex is read without `u`): as itself, with a backslash, or `\uXXXX`. */
function character(value: number, inClass: boolean): string {
  const text = String.fromCharCode(value);
  if (PLAIN.test(text) && !(inClass && text === '-')) return text;
  if (SYNTAX.test(text) || (inClass && text === '-')) return `\\${text}`;
  return `\\u${value.toString(16).toUpperCase().padStart(4, '0')}`;
}
