/**
 * Prettier's JSON layout (json-layout.ts) worked out on the text rather than on a parsed value,
 * under the indentation JSON.stringify itself writes (two spaces, no tabs: Prettier's default).
 * There every line JSON.stringify wrote outside an array is already Prettier's: an object is broken
 * one member per line, at the same indentation. Only arrays may print otherwise (flat when they
 * fit, numbers filled), and a number's exponent loses its `+`. So the text is copied as it is
 * between arrays, and only the arrays that hold no object are parsed, each on its own: a watch
 * build lays out c1000's 2 MB openapi.json without parsing it whole (that took most of the time).
 */
import { flatArray, mustBreak, scalar, width, type Json } from './json-layout-rules.js';

/**
 * Prettier's output for `text`, which must be `JSON.stringify(value, null, 2)` plus a line break,
 * with `tabWidth: 2` and no tabs. Throws `Unproven` (json-layout-rules.ts) where a width cannot
 * be measured as Prettier does.
 */
export function printStringifiedLines(text: string, printWidth: number): string {
  const parts: string[] = [];
  let copied = 0;
  // `[` then a line break opens a non-empty array (a string holds no raw line break).
  for (let open = text.indexOf('[\n'); open >= 0; ) {
    const lineStart = text.lastIndexOf('\n', open) + 1;
    let indentEnd = lineStart;
    while (text.charCodeAt(indentEnd) === 32) indentEnd += 1;
    const indent = indentEnd - lineStart;
    // Its `]` is the first one at its own indentation: what it holds is indented deeper.
    const close = text.indexOf(`\n${' '.repeat(indent)}]`, open) + 1 + indent;
    const after = text.charCodeAt(close + 1) === 44 ? 1 : 0;
    // A member's key (`"key": [`) comes before it on its line; an element's array starts the line.
    const column = open > indentEnd ? indent + width(text.slice(indentEnd, open - 2)) + 2 : indent;
    const objectAt = text.indexOf('{\n', open);
    // An array holding a non-empty object is broken: its lines stay, the arrays inside are met in turn.
    if (objectAt < 0 || objectAt > close) {
      const elements = JSON.parse(text.slice(open, close + 1)) as Json[];
      const printed = arrayLayout(elements, indent, column, after, printWidth);
      if (printed !== undefined) {
        parts.push(text.slice(copied, open), printed);
        copied = close + 1;
        open = text.indexOf('[\n', copied);
        continue;
      }
    }
    open = text.indexOf('[\n', open + 2);
  }
  parts.push(text.slice(copied));
  return withoutExponentPlus(parts.join(''));
}

/**
 * The array printed flat or filled, or undefined when it is broken one element per line (its
 * lines are then JSON.stringify's, but for the arrays inside it).
 */
function arrayLayout(elements: Json[], indent: number, column: number, after: number, printWidth: number): string | undefined {
  if (!mustBreak(elements)) {
    const flat = flatArray(elements);
    if (column + width(flat) + after <= printWidth) return flat;
  }
  if (!elements.every((element) => typeof element === 'number')) return undefined;
  const inner = ' '.repeat(indent + 2);
  return `[\n${inner}${fillNumbers(elements as number[], inner, indent + 2, printWidth)}\n${' '.repeat(indent)}]`;
}

/** Numbers, each but the last with its comma, as many on a line as fit (Prettier's `fill`). */
export function fillNumbers(numbers: number[], indent: string, indentWidth: number, printWidth: number): string {
  let printed = '';
  let column = indentWidth;
  numbers.forEach((number, index) => {
    const item = index === numbers.length - 1 ? scalar(number) : `${scalar(number)},`;
    if (index === 0) {
      printed = item;
      column += item.length;
    } else if (column + 1 + item.length <= printWidth) {
      printed += ` ${item}`;
      column += 1 + item.length;
    } else {
      printed += `\n${indent}${item}`;
      column = indentWidth + item.length;
    }
  });
  return printed;
}

/** A line whose value (a member's, or an element's) is a number with a `+` in its exponent. */
const EXPONENT_LINE = /^ *(?:"(?:[^"\\]|\\.)*": )?-?(?:0|[1-9]\d*)(?:\.\d+)?e\+\d+,?$/;

/**
 * `1e+21` written `1e21`, as Prettier prints numbers, on the lines copied as JSON.stringify wrote
 * them (flat and filled arrays print their numbers with `scalar`). The number ends its line, so
 * the last `e+` of a matching line is its exponent's.
 */
function withoutExponentPlus(text: string): string {
  if (!text.includes('e+')) return text;
  return text.replace(/^.*e\+.*$/gm, (line) => {
    if (!EXPONENT_LINE.test(line)) return line;
    const at = line.lastIndexOf('e+');
    return `${line.slice(0, at + 1)}${line.slice(at + 2)}`;
  });
}
