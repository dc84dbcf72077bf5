/**
 * What to write instead of a pattern that the Unicode-mode reading (src/model/pattern.ts)
 * refuses but the legacy, flag-less grammar accepts: `\-` or `\a` outside a class, `[\d-x]`,
 * a lone `{`. The legacy syntax tree is printed back with each such character written the way
 * Unicode mode accepts, which means what the legacy reading meant; the hint offers the result
 * only when the one reading accepts it.
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';
import { PATTERN_ECMA_VERSION, readPattern } from '../../model/pattern.js';

const GENERAL =
  'Every @pattern is read in Unicode mode (the `u` flag, as JSON Schema reads patterns): escape only syntax characters ^ $ \\ . * + ? ( ) [ ] { } | / (and `-` in a class), write `\\-` for a `-` after a class escape (`[\\d\\-x]`), and `\\{` for a brace that is no quantifier.';

const PROPERTY =
  'Every @pattern is read in Unicode mode (the `u` flag, as JSON Schema reads patterns), where `\\p{…}` and `\\P{…}` name a Unicode property as ECMAScript lists them: `\\p{L}`, `\\p{Lu}`, `\\p{Script=Greek}`, `\\p{sc=Cyrillic}`; write `\\\\p` for a backslash and a p.';

/**
 * A hint for a pattern the one reading refused: undefined when the legacy grammar refuses it
 * too (the pattern is broken either way, and the message says where).
 */
export function patternHint(source: string, flags: string, message = ''): string | undefined {
  const legacy = legacyTree(source, flags);
  if (!legacy) return undefined;
  if (/propert/i.test(message)) return PROPERTY;
  const rewritten = unicodeRewrite(source, flags, legacy);
  if (rewritten === undefined) return GENERAL;
  return `Every @pattern is read in Unicode mode (the \`u\` flag, as JSON Schema reads patterns); the same pattern written for it is /${rewritten}/${flags.replace(/[gyd]/g, '')}`;
}

/** The pattern rewritten for Unicode mode with its legacy meaning, or undefined when there is none. */
export function unicodeRewrite(source: string, flags: string, legacy = legacyTree(source, flags)): string | undefined {
  // Without `u`, `\p{L}` is the text "p{L}"; the user surely meant a property: no rewrite guesses between the two.
  if (!legacy || /\\[pPk]/.test(source)) return undefined;
  const rewritten = print(legacy, false);
  return rewritten !== source && 'reading' in readPattern({ source: rewritten, flags }) ? rewritten : undefined;
}

/** The pattern read by the grammar of a RegExp without `u` or `v` (Annex B), if that grammar accepts it. */
function legacyTree(source: string, flags: string): AST.Pattern | undefined {
  if (flags.includes('v')) return undefined;
  try {
    return new RegExpParser({ ecmaVersion: PATTERN_ECMA_VERSION, strict: false }).parsePattern(source, 0, source.length, { unicode: false });
  } catch {
    return undefined;
  }
}

type Printable = AST.Node;

function print(node: Printable, inClass: boolean): string {
  switch (node.type) {
    case 'Pattern':
      return node.alternatives.map((alternative) => print(alternative, false)).join('|');
    case 'Alternative':
      return node.elements.map((element) => print(element, false)).join('');
    case 'Group':
    case 'CapturingGroup':
    case 'Assertion':
      if (!('alternatives' in node)) return node.raw;
      return `${node.raw.slice(0, node.alternatives[0]!.start - node.start)}${node.alternatives.map((alternative) => print(alternative, false)).join('|')})`;
    case 'Quantifier':
      return `${print(node.element, false)}${node.raw.slice(node.element.end - node.start)}`;
    case 'CharacterClass':
      return `[${node.negate ? '^' : ''}${node.elements.map((element) => print(element, true)).join('')}]`;
    case 'CharacterClassRange':
      return `${print(node.min, true)}-${print(node.max, true)}`;
    case 'Character':
      return character(node, inClass);
    default:
      return node.raw;
  }
}

const SYNTAX = '^$\\.*+?()[]{}|';

/** One character as Unicode mode accepts it: as written where that is valid, else itself (escaped when it is syntax). */
function character(node: AST.Character, inClass: boolean): string {
  const raw = node.raw;
  if (/^\\(?:[fnrtv]|0|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|c[A-Za-z]|[\^$\\.*+?()[\]{}|/])$/.test(raw)) return raw;
  if (inClass && raw === '\\-') return raw;
  const char = String.fromCodePoint(node.value);
  if (node.value < 0x20 || node.value === 0x7f) return `\\x${node.value.toString(16).padStart(2, '0')}`;
  if (inClass) return '\\]-^['.includes(char) ? `\\${char}` : char;
  return SYNTAX.includes(char) ? `\\${char}` : char;
}
