/**
 * The one reading of a `@pattern`, shared by the analyzer (which refuses what it cannot read)
 * and every generator (the validator's RegExp, the OpenAPI `pattern`, the mock sampler).
 *
 * A pattern is an ECMAScript regular expression read in Unicode mode: JSON Schema 2020-12
 * (core §6.4, which OpenAPI 3.1 adopts) says regular expressions "SHOULD be built with the "u"
 * flag (or equivalent)", and ajv builds them so. So `u` is always on, whether written or not
 * (`v`, the Unicode-sets mode that extends `u`, stands in its place when written); `i`, `m` and
 * `s` keep their meaning; `g`, `y` and `d` are dropped, since they change nothing for one test
 * except that `g` and `y` make `RegExp.test` start where the last call stopped.
 *
 * A class-validator `@Matches()` regex (`RegexSource.asWritten`) is read as the library runs it
 * instead: its own flags, no `u` added (`.` is one UTF-16 unit); `g` and `d` dropped, and a `y`
 * left (a stateful literal `/re/y`) refused. non-unicode-pattern.ts says when Unicode mode, which
 * JSON Schema and the mock's sampler read, means the same.
 *
 * The syntax is read by `@eslint-community/regexpp` (the parser ESLint uses) at the language
 * level this project's Node runs (ES2024), and the engine itself must accept the result.
 */
import { RegExpParser, RegExpSyntaxError, type AST } from '@eslint-community/regexpp';
import type { RegexSource } from './types.js';

/** The ECMAScript edition patterns are read at: the one Node 20 implements (the `v` flag, no modifiers). */
export const PATTERN_ECMA_VERSION = 2024;

/**
 * How deep groups may nest for the syntax tree to be built: the parser recurses per group, and
 * real patterns stay far below. Deeper patterns are still checked by the engine, but have no tree.
 */
export const MAX_PARSE_DEPTH = 200;

/** A pattern as every generator reads it. */
export interface PatternReading {
  source: string;
  /** The flags of the RegExp to build: `u` (or `v`) always, `g`/`y`/`d` never, in the engine's order. */
  flags: string;
  /** The syntax tree; undefined only when groups nest deeper than `MAX_PARSE_DEPTH`. */
  ast: AST.Pattern | undefined;
  /** A `@Matches()` regex, read with its own flags (in Unicode mode only if `u` or `v` is written). */
  asWritten?: true;
}

/** Why a pattern cannot be read, with the offset in the source where the reading failed. */
export interface PatternProblem {
  /** `flags`: a flag the reading does not know; `syntax`: the parser's verdict; `engine`: this Node's. */
  kind: 'flags' | 'syntax' | 'engine';
  message: string;
  /** Offset in `source` (code units), when the parser knows it. */
  offset?: number;
}

const KEPT_FLAGS = 'imsv';

/**
 * The flags of the one reading (`"gi"` → `"iu"`, `"v"` → `"v"`); unknown letters are kept for the
 * engine to refuse. A regex `asWritten` (`@Matches()`) keeps its own: no `u` is added, and `y`
 * stays for the reading to refuse (the analyzer has already turned the stateless uses of `y`
 * into an anchor: constraints/requests.ts).
 */
export function patternFlags(flags: string, asWritten = false): string {
  const written = new Set([...flags].filter((flag) => !(asWritten ? 'gd' : 'gyd').includes(flag)));
  if (!asWritten && !written.has('v')) written.add('u');
  // The engine's own order (`RegExp.prototype.flags`), so equal readings print equally.
  return [...written].sort((a, b) => order(a) - order(b)).join('');
}

function order(flag: string): number {
  const index = 'dgimsuvy'.indexOf(flag);
  return index === -1 ? 100 + flag.charCodeAt(0) : index;
}

type PatternRead = { reading: PatternReading } | { problem: PatternProblem };

/** Readings already made, per flags then source: every build asks again for each pattern of the model (watch rebuilds most). */
const readings = new Map<string, Map<string, PatternRead>>();
let readingCount = 0;
/** Past this many readings the memo starts over, so a long session with ever new patterns stays bounded. */
const MAX_READINGS = 4_096;

/**
 * The reading of `regex`, or the problem that stops it (unknown flag, syntax the Unicode mode
 * refuses…). Equal sources and flags give the same object: callers read it and never change it.
 */
export function readPattern(regex: RegexSource): PatternRead {
  const key = regex.asWritten ? `as written ${regex.flags}` : regex.flags;
  let bySource = readings.get(key);
  const known = bySource?.get(regex.source);
  if (known) return known;
  const read = readPatternAfresh(regex);
  if (readingCount >= MAX_READINGS) {
    readings.clear();
    readingCount = 0;
    bySource = undefined;
  }
  if (!bySource) readings.set(key, (bySource = new Map()));
  bySource.set(regex.source, read);
  readingCount += 1;
  return read;
}

function readPatternAfresh(regex: RegexSource): PatternRead {
  const flags = patternFlags(regex.flags, regex.asWritten);
  if (flags.includes('y')) {
    return { problem: { kind: 'flags', message: "the flag y makes each test start where class-validator's previous one stopped (the RegExp's lastIndex), so its verdict depends on the value checked before" } };
  }
  const unknown = [...flags].find((flag) => !`${KEPT_FLAGS}u`.includes(flag));
  if (unknown !== undefined) return { problem: { kind: 'flags', message: `unknown flag '${unknown}'` } };
  if (flags.includes('u') && flags.includes('v')) return { problem: { kind: 'flags', message: "the flags 'u' and 'v' exclude each other" } };
  let ast: AST.Pattern | undefined;
  if (groupDepth(regex.source, flags.includes('v')) <= MAX_PARSE_DEPTH) {
    try {
      ast = new RegExpParser({ ecmaVersion: PATTERN_ECMA_VERSION }).parsePattern(regex.source, 0, regex.source.length, {
        unicode: flags.includes('u'),
        unicodeSets: flags.includes('v'),
      });
    } catch (error) {
      // A stack overflow (nesting the depth scan missed) leaves the pattern to the engine alone.
      if (error instanceof RangeError) ast = undefined;
      else if (error instanceof RegExpSyntaxError) return { problem: { kind: 'syntax', message: syntaxMessage(error), offset: error.index } };
      else throw error;
    }
  }
  try {
    new RegExp(regex.source, flags);
  } catch (error) {
    return { problem: { kind: 'engine', message: (error as Error).message } };
  }
  return { reading: { source: regex.source, flags, ast, ...(regex.asWritten ? { asWritten: true as const } : {}) } };
}

/** The reading of a pattern already accepted by the analyzer; throws for one that is not (a hand-built model). */
export function patternReading(regex: RegexSource): PatternReading {
  const read = readPattern(regex);
  if ('problem' in read) throw new SyntaxError(`Invalid regular expression /${regex.source}/${regex.flags}: ${read.problem.message}`);
  return read.reading;
}

/** The RegExp of the one reading, for tests at generation time. */
export function patternRegExp(regex: RegexSource): RegExp {
  return new RegExp(regex.source, patternFlags(regex.flags, regex.asWritten));
}

/** `Invalid regular expression: /\-/u: Invalid escape` → `Invalid escape`. */
function syntaxMessage(error: RegExpSyntaxError): string {
  const match = /^Invalid regular expression: \/[\s\S]*\/[a-z]*: ([\s\S]*)$/.exec(error.message);
  return match ? match[1]! : error.message;
}

/**
 * How deep groups nest, read in one linear pass (escapes and classes skipped; classes nest
 * only with `v`), so a hostile pattern is never handed to the recursive parser.
 */
export function groupDepth(source: string, unicodeSets = false): number {
  let depth = 0;
  let deepest = 0;
  let inClass = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (char === '[' && (unicodeSets || inClass === 0)) inClass++;
    else if (char === ']' && inClass > 0) inClass--;
    else if (inClass > 0) continue;
    else if (char === '(') deepest = Math.max(deepest, ++depth);
    else if (char === ')') depth--;
  }
  return deepest;
}
