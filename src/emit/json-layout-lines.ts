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
  let printed = '';
  let copied = 0;
  // `[` then a line break opens a non-empty array (a string holds no raw line break).
  for (let open = text.indexOf('[\n'); open >= 0; ) {
    const lineStart = text.lastIndexOf('\n', open) + 1;
    let indentEnd = lineStart;
    while (text.charCodeAt(indentEnd) === 32) indentEnd += 1;
    const indent = indentEnd - lineStart;
    // Its `]` is the first one at its own indentation: what it holds is indented deeper.
    const close = text.indexOf(closerAt(indent), open) + 1 + indent;
    const objectAt = text.indexOf('{\n', open);
    // An array holding a non-empty object is broken: its lines stay, the arrays inside are met in turn.
    if (objectAt < 0 || objectAt > close) {
      const layout = arrayLineLayout(text.slice(lineStart, close + 2), open - lineStart, indent, printWidth);
      if (layout !== undefined) {
        // Concatenated, not joined: joining thousands of slices costs several times as much.
        printed += text.slice(copied, open) + layout;
        copied = close + 1;
        open = text.indexOf('[\n', copied);
        continue;
      }
    } else if (open > indentEnd) {
      // Its key's width is not used, but one Prettier measures otherwise leaves the text to Prettier, as ever.
      width(text.slice(indentEnd, open - 2));
    }
    open = text.indexOf('[\n', open + 2);
  }
  return withoutExponentPlus(printed + text.slice(copied));
}

/** `\n`, `indent` spaces and `]`: the line that closes an array opened at that indentation. */
const closers: string[] = [];

function closerAt(indent: number): string {
  return (closers[indent] ??= `\n${' '.repeat(indent)}]`);
}

/**
 * The layout of arrays holding no object, by what it depends on (see `arrayLineLayout`): in a
 * watch session the same arrays come back in every build of a large JSON output (c1000's
 * openapi.json holds 2,100), and parsing and measuring each again was most of laying it out.
 * `null` where the array stays broken. Let go past a size: a miss only costs laying one out again.
 */
let layouts = new Map<string, string | null>();
const MAX_LAYOUTS = 50_000;

/**
 * The layout of the array opening at `open` in `line`, which runs from the start of the array's
 * first line to the character after its `]` (a comma or a line break): everything the layout reads
 * (the key before it, its indentation, its elements, the comma after it), so equal lines lay out
 * alike. Undefined when it stays broken one element per line.
 */
function arrayLineLayout(line: string, open: number, indent: number, printWidth: number): string | undefined {
  const key = `${printWidth}\u0000${line}`;
  const known = layouts.get(key);
  if (known !== undefined) return known ?? undefined;
  const close = line.length - 2;
  const after = line.charCodeAt(close + 1) === 44 ? 1 : 0;
  // A member's key (`"key": [`) comes before it on its line; an element's array starts the line.
  const column = open > indent ? indent + width(line.slice(indent, open - 2)) + 2 : indent;
  const elements = JSON.parse(line.slice(open, close + 1)) as Json[];
  const printed = arrayLayout(elements, indent, column, after, printWidth);
  if (layouts.size >= MAX_LAYOUTS) layouts = new Map();
  layouts.set(key, printed ?? null);
  return printed;
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
