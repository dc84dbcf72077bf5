/**
 * Prettier's layout of a JSON output, printed without Prettier. Formatting c1000's 2 MB
 * openapi.json with Prettier costs seconds of CPU (parse, doc, print); what Prettier's `json`
 * parser prints for a text `JSON.stringify(value, null, 2)` wrote follows a few rules, which this
 * file applies in one pass (test/property/json-layout.test.ts proves the output byte-identical to
 * Prettier's on random documents under random options, and on every OpenAPI document the fixtures
 * and the example expect):
 *
 * - a non-empty object is printed broken, one member per line: Prettier keeps an object expanded
 *   when its source has a line break after `{` (`objectWrap: "preserve"`), and JSON.stringify
 *   with an indent always writes one;
 * - a member is `key: value` on one line, never broken after the colon (Prettier's assignment
 *   layout for JSON);
 * - an array is printed flat when its line fits in `printWidth` (the comma after it counted), else
 *   one element per line; it is broken whatever its width when it holds a non-empty object at any
 *   depth (a hard line break), or when it has more than one element and all are arrays with more
 *   than one element, or when an array inside it is broken so (a broken group breaks its parents);
 * - an array of numbers only, when broken, is filled: as many numbers per line as fit;
 * - strings and keys are printed as written; numbers too, but an exponent loses its `+`.
 *
 * Only the options that proof covers are taken (jsonLayoutOptions); anything else (a plugin, an
 * `objectWrap: "collapse"`, a parser chosen in the config, a Prettier other than 3) leaves the
 * text to Prettier, as does a text that is not JSON.stringify's with an indent of 2, or a line
 * whose width depends on characters outside printable ASCII (Prettier measures East Asian wide
 * characters and emoji as two columns).
 */

import { fillNumbers, printStringifiedLines, printStringifiedPieces } from './json-layout-lines.js';
import { flatArray, mustBreak, scalar, Unproven, width, type Json } from './json-layout-rules.js';

/** The options the layout depends on. */
export interface JsonLayoutOptions {
  printWidth: number;
  tabWidth: number;
  useTabs: boolean;
}

/**
 * Options of a resolved Prettier config that the proof covers: the three the layout reads, the
 * line ending (applied after formatting, formatter.ts), and options of other languages or of
 * JavaScript syntax JSON does not have (checked by the property test to change nothing).
 */
const IGNORED_OPTIONS = new Set([
  'endOfLine',
  'semi',
  'singleQuote',
  'jsxSingleQuote',
  'trailingComma',
  'bracketSpacing',
  'bracketSameLine',
  'quoteProps',
  'arrowParens',
]);

/**
 * The layout options for an output whose inferred parser is `parser`, under Prettier `version`
 * and the user's resolved `config`, or undefined when the proof does not reach them (Prettier
 * formats the output then).
 */
export function jsonLayoutOptions(version: string, parser: string | null, config: Record<string, unknown>): JsonLayoutOptions | undefined {
  if (parser !== 'json' || !version.startsWith('3.')) return undefined;
  const { printWidth = 80, tabWidth = 2, useTabs = false, objectWrap = 'preserve', plugins = [], ...rest } = config;
  if (!isCount(printWidth) || !isCount(tabWidth) || typeof useTabs !== 'boolean') return undefined;
  if (objectWrap !== 'preserve' || !Array.isArray(plugins) || plugins.length > 0) return undefined;
  if (Object.keys(rest).some((name) => !IGNORED_OPTIONS.has(name))) return undefined;
  return { printWidth, tabWidth, useTabs };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/**
 * Prettier's output for `text` (LF, with a final line break), or undefined when `text` is not
 * exactly `JSON.stringify(value, null, 2)` plus a line break (`stringified`: the caller knows it
 * is, so the check is skipped) or a width it depends on cannot be measured here.
 */
export function printJsonLayout(text: string, options: JsonLayoutOptions, stringified = false): string | undefined {
  const lines = options.tabWidth === 2 && !options.useTabs;
  let value: Json | undefined;
  if (!stringified || !lines) {
    try {
      value = JSON.parse(text) as Json;
    } catch {
      return undefined;
    }
    if (!stringified && `${JSON.stringify(value, null, 2)}\n` !== text) return undefined;
  }
  try {
    // JSON.stringify's own indentation: its lines are Prettier's but for arrays (json-layout-lines.ts).
    if (lines) return printStringifiedLines(text, options.printWidth);
    return `${new Printer(options).value(value!, 0, 0, 0)}\n`;
  } catch (failure) {
    if (failure instanceof Unproven) return undefined;
    throw failure;
  }
}

/**
 * Prettier's output for `pieces.join('')`, a text as for `printJsonLayout` with `stringified`,
 * each piece laid out on its own and remembered (json-layout-lines.ts `printStringifiedPieces`);
 * undefined where that is not proven (other indentation, an array or exponent across two pieces,
 * a width not measured here): then lay the joined text out with `printJsonLayout`.
 */
export function printJsonPieces(pieces: readonly string[], options: JsonLayoutOptions): string | undefined {
  if (options.tabWidth !== 2 || options.useTabs) return undefined;
  try {
    return printStringifiedPieces(pieces, options.printWidth);
  } catch (failure) {
    if (failure instanceof Unproven) return undefined;
    throw failure;
  }
}

class Printer {
  private readonly indents: string[] = [''];

  constructor(private readonly options: JsonLayoutOptions) {}

  /**
   * `value` printed at `depth`, starting at column `column`, with `after` columns following it on
   * its last line (a comma).
   */
  value(value: Json, depth: number, column: number, after: number): string {
    if (value === null || typeof value !== 'object') return scalar(value);
    if (Array.isArray(value)) return this.array(value, depth, column, after);
    const keys = Object.keys(value);
    if (keys.length === 0) return '{}';
    const inner = this.indent(depth + 1);
    const innerWidth = (depth + 1) * this.indentWidth();
    let printed = '{\n';
    keys.forEach((key, index) => {
      const last = index === keys.length - 1;
      const name = JSON.stringify(key);
      const member = value[key]!;
      // The key's width only matters on the line of an array that may stay flat.
      const column = Array.isArray(member) && member.length > 0 ? innerWidth + width(name) + 2 : 0;
      printed += `${inner}${name}: ${this.value(member, depth + 1, column, last ? 0 : 1)}${last ? '\n' : ',\n'}`;
    });
    return `${printed}${this.indent(depth)}}`;
  }

  private array(elements: Json[], depth: number, column: number, after: number): string {
    if (elements.length === 0) return '[]';
    if (!mustBreak(elements)) {
      const flat = flatArray(elements);
      if (column + width(flat) + after <= this.options.printWidth) return flat;
    }
    const inner = this.indent(depth + 1);
    const innerWidth = (depth + 1) * this.indentWidth();
    if (elements.every((element) => typeof element === 'number')) return `[\n${inner}${this.fill(elements as number[], inner, innerWidth)}\n${this.indent(depth)}]`;
    const lines = elements.map((element, index) => {
      const last = index === elements.length - 1;
      return `${inner}${this.value(element, depth + 1, innerWidth, last ? 0 : 1)}${last ? '' : ','}`;
    });
    return `[\n${lines.join('\n')}\n${this.indent(depth)}]`;
  }

  /** Numbers, each but the last with its comma, as many on a line as fit (Prettier's `fill`). */
  private fill(numbers: number[], indent: string, indentWidth: number): string {
    return fillNumbers(numbers, indent, indentWidth, this.options.printWidth);
  }

  private indentWidth(): number {
    return this.options.tabWidth;
  }

  private indent(depth: number): string {
    while (this.indents.length <= depth) {
      this.indents.push(this.options.useTabs ? '\t'.repeat(this.indents.length) : ' '.repeat(this.indents.length * this.options.tabWidth));
    }
    return this.indents[depth]!;
  }
}
