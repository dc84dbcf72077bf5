/**
 * Whether a `@Matches()` regex without `u` or `v` (pattern.ts: run as written, as class-validator
 * runs it) means the same read in Unicode mode, as JSON Schema, ajv and the mock's sampler read
 * patterns. Without `u`
 * the engine reads UTF-16 units: `.`, a negated class, `\S` each match half of a surrogate pair
 * (`/^.$/` rejects `"😀"`, which `/^.$/u` accepts), `\u{41}` is 41 `u`s, `/k/i` does not match
 * the Kelvin sign. The pattern is written only when its Unicode reading means the same on every
 * string, which this decides soundly (never wrongly "the same"):
 *
 * - no atom may match a surrogate unit (a literal surrogate, `.`, a negated class or escape, a
 *   class range over them): then neither reading ever consumes part of an astral character or a
 *   lone surrogate, and a match cannot start inside a pair;
 * - no lookaround and no `\B`, which could hold inside a pair with nothing consumed;
 * - the source parses in Unicode mode to the same tree (no escape or bracket read differently).
 *
 * `i` is no concern here: the readings fold case differently (`/k/i` without `u` does not match
 * the Kelvin sign), which a schema says by writing the case partners out (openapi's pattern.ts).
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';
import { PATTERN_ECMA_VERSION, readPattern } from './pattern.js';
import type { RegexSource } from './types.js';

const SURROGATES = [0xd800, 0xdfff] as const;

/**
 * Why `regex` read in Unicode mode may accept other strings than as written; undefined when it
 * cannot (or when it is read in Unicode mode anyway: a `@pattern`, or `u`/`v` written).
 */
export function unicodeReadingProblem(regex: RegexSource): string | undefined {
  if (!regex.asWritten || /[uv]/.test(regex.flags)) return undefined;
  const read = readPattern(regex);
  if ('problem' in read) return read.problem.message;
  return read.reading.ast ? nonUnicodeProblem(read.reading.ast, regex.source) : 'groups nested too deep to compare';
}

/** Why the pattern's Unicode reading may differ from its reading as written; undefined when it cannot. */
export function nonUnicodeProblem(ast: AST.Pattern, source: string): string | undefined {
  return unsafe(ast) ?? (parsesAlike(ast, source) ? undefined : 'escapes or brackets that Unicode mode reads differently or refuses');
}

/** Whether `regex` is a `@Matches()` regex without `u` whose syntax Unicode mode reads otherwise (`\u{41}`): no Unicode-mode reader can stand in for it. */
export function unicodeSyntaxDiffers(regex: RegexSource): boolean {
  if (!regex.asWritten || /[uv]/.test(regex.flags)) return false;
  const read = readPattern(regex);
  return !('reading' in read) || read.reading.ast === undefined || !parsesAlike(read.reading.ast, regex.source);
}

/**
 * Whether `source`, read without `u` as `ast`, is read into the same tree in Unicode mode: its
 * syntax means the same in both (`\u{41}`, `\p{L}`, `\-` outside a class do not). TypeScript
 * checks a regex literal's syntax against its flags, so generated code writes one that is not
 * as a `new RegExp` (kit/emit.ts).
 */
export function parsesAlike(ast: AST.Pattern, source: string): boolean {
  try {
    return shape(new RegExpParser({ ecmaVersion: PATTERN_ECMA_VERSION }).parsePattern(source, 0, source.length, { unicode: true })) === shape(ast);
  } catch {
    return false;
  }
}

/** Whether two trees match the same strings read in the same mode: equal but for positions and raw text. */
export function sameTree(a: AST.Node, b: AST.Node): boolean {
  return shape(a) === shape(b);
}

function unsafe(node: AST.Node): string | undefined {
  switch (node.type) {
    case 'Pattern':
    case 'Group':
    case 'CapturingGroup':
      return first(node.alternatives.flatMap((alternative) => alternative.elements));
    case 'Alternative':
      return first(node.elements);
    case 'Quantifier':
      return unsafe(node.element);
    case 'Assertion':
      if (node.kind === 'lookahead' || node.kind === 'lookbehind') return 'a lookaround (it may hold inside a surrogate pair)';
      return node.kind === 'word' && node.negate ? '\\B (it holds inside a surrogate pair)' : undefined;
    case 'Character':
      return within(node.value) ? 'a surrogate written alone (half of a pair)' : undefined;
    case 'CharacterSet':
      return setMatchesSurrogate(node) ? `${node.raw} (it matches half of a surrogate pair)` : undefined;
    case 'CharacterClass':
      return classMatchesSurrogate(node) ? `the class ${node.raw} (it matches half of a surrogate pair)` : undefined;
    default:
      return undefined;
  }
}

function first(elements: readonly AST.Node[]): string | undefined {
  for (const element of elements) {
    const problem = unsafe(element);
    if (problem) return problem;
  }
  return undefined;
}

const within = (code: number): boolean => code >= SURROGATES[0] && code <= SURROGATES[1];

/** `.`, `\D`, `\S`, `\W` match surrogates; `\d`, `\s`, `\w` do not. */
function setMatchesSurrogate(node: AST.CharacterSet): boolean {
  return node.kind === 'any' || ('negate' in node && node.negate === true);
}

/** Whether a class matches some surrogate unit: a negated one unless its members cover them all. */
function classMatchesSurrogate(node: AST.CharacterClass): boolean {
  const ranges: [number, number][] = [];
  let sets = false;
  for (const element of node.elements) {
    if (element.type === 'Character') ranges.push([element.value, element.value]);
    else if (element.type === 'CharacterClassRange') ranges.push([element.min.value, element.max.value]);
    else if (element.type === 'CharacterSet' && setMatchesSurrogate(element)) sets = true;
  }
  const touches = sets || ranges.some(([low, high]) => low <= SURROGATES[1] && high >= SURROGATES[0]);
  if (!node.negate) return touches;
  // Negated: it matches the surrogates its members leave out.
  return !(sets || ranges.some(([low, high]) => low <= SURROGATES[0] && high >= SURROGATES[1]));
}

/** The tree without positions or raw text: equal shapes match the same strings in both modes. */
function shape(node: AST.Node): string {
  switch (node.type) {
    case 'Pattern':
    case 'Group':
      return `(${node.type}:${node.alternatives.map(shape).join('|')})`;
    case 'CapturingGroup':
      return `(${node.name ?? ''}:${node.alternatives.map(shape).join('|')})`;
    case 'Alternative':
      return node.elements.map(shape).join(',');
    case 'Quantifier':
      return `{${shape(node.element)};${node.min};${node.max};${node.greedy}}`;
    case 'Assertion':
      return 'alternatives' in node ? `<${node.kind}${node.negate}:${node.alternatives.map(shape).join('|')}>` : `<${node.kind}${'negate' in node ? node.negate : ''}>`;
    case 'Character':
      return `c${node.value}`;
    case 'CharacterSet':
      return `s${node.kind}${'negate' in node ? node.negate : ''}`;
    case 'CharacterClass':
      return `[${node.negate}:${node.elements.map(shape).join(',')}]`;
    case 'CharacterClassRange':
      return `r${node.min.value}-${node.max.value}`;
    case 'Backreference':
      return `b${String(node.ref)}`;
    default:
      return `?${node.type}:${node.raw}`;
  }
}
