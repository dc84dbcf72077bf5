/**
 * Prettier's JSON layout (json-layout.ts) worked out on the text rather than on a parsed value,
 * under the indentation JSON.stringify itself writes (two spaces, no tabs: Prettier's default).
 * There every line JSON.stringify wrote outside an array is already Prettier's: an object is broken
 * one member per line, at the same indentation. Only arrays may print otherwise (flat when they
 * fit, numbers filled), and a number's exponent loses its `+`. So the text is copied as it is
 * between arrays, and only the arrays that hold no object are parsed, each on its own: a watch
 * build lays out c1000's 2 MB openapi.json without parsing it whole (that took most of the time).
 */
import { flatArray, mustBreak, scalar, Unproven, width, type Json } from './json-layout-rules.js';

/**
 * Prettier's output for `text`, which must be `JSON.stringify(value, null, 2)` plus a line break,
 * with `tabWidth: 2` and no tabs. Throws `Unproven` (json-layout-rules.ts) where a width cannot
 * be measured as Prettier does.
 */
export function printStringifiedLines(text: string, printWidth: number): string {
  return withoutExponentPlus(arraysLaidOut(text, printWidth, false));
}

/**
 * `printStringifiedLines` of `pieces.join('')`, laid out piece by piece: a watch build hands the
 * same pieces (one per component schema of c1000's 2 MB openapi.json) in every build, so each is
 * laid out once, and the document is only joined, not searched, copied and searched again.
 * Equal to laying out the whole text because Prettier's layout of such a text changes only arrays
 * (each read from its line's start to the character after its `]`) and lines holding a number's
 * exponent: a piece where one of those runs into the next piece throws `Unproven` (the caller lays
 * the whole text out then).
 */
export function printStringifiedPieces(pieces: readonly string[], printWidth: number): string {
  if (pieceLayoutWidth !== printWidth) {
    pieceLayouts = new Map();
    pieceLayoutWidth = printWidth;
  }
  const printed: string[] = [];
  for (let index = 0; index < pieces.length; index += 1) {
    const piece = pieces[index]!;
    let known = pieceLayouts.get(piece);
    if (known === undefined) {
      known = pieceLayout(piece, printWidth);
      if (pieceLayoutChars > MAX_PIECE_LAYOUT_CHARS) {
        pieceLayouts = new Map();
        pieceLayoutChars = 0;
      }
      pieceLayouts.set(piece, known);
      pieceLayoutChars += piece.length + known.text.length;
    }
    // Its first line goes on a line the piece before began, or its last into the next piece's.
    const joinsBefore = index > 0 && !pieces[index - 1]!.endsWith('\n');
    const joinsAfter = index < pieces.length - 1 && !piece.endsWith('\n');
    if ((joinsBefore && known.needsLineStart) || (joinsAfter && known.needsLineEnd)) throw new Unproven();
    printed.push(known.text);
  }
  return printed.join('');
}

/** A piece laid out alone, and whether that holds only where it starts or ends a line of the text. */
interface PieceLayout {
  text: string;
  /** What may be an array or an exponent on its first line: laid out as the line it begins. */
  needsLineStart: boolean;
  /** What may be part of an exponent (or an array) on its last line. */
  needsLineEnd: boolean;
}

/** Piece layouts at `pieceLayoutWidth`, by the piece's text; let go past a size (a miss lays one piece out again). */
let pieceLayouts = new Map<string, PieceLayout>();
let pieceLayoutWidth = -1;
let pieceLayoutChars = 0;
const MAX_PIECE_LAYOUT_CHARS = 64 * 1024 * 1024;

function pieceLayout(piece: string, printWidth: number): PieceLayout {
  const text = withoutExponentPlus(arraysLaidOut(piece, printWidth, true));
  const firstLineEnd = piece.indexOf('\n');
  const firstLine = firstLineEnd < 0 ? piece : piece.slice(0, firstLineEnd);
  const lastLine = piece.slice(piece.lastIndexOf('\n') + 1);
  return {
    // Flat (a slice's parent is flattened): joining thousands of concatenated pieces costs many times a flat join.
    text: text === piece ? piece : `${text}\n`.slice(0, -1),
    // `1e+21` may be cut anywhere: an `e` or `+` at a cut is read as a possible exponent's.
    needsLineStart: /[+[]/.test(firstLine),
    needsLineEnd: /[e+[]/.test(lastLine),
  };
}

/**
 * `text` with every array that holds no object laid out (json-layout-lines' rules); exponents as
 * written. `piece`: `text` is a piece of a larger text, and an array not closed in it (by its `]`
 * and the character after) throws `Unproven`.
 */
function arraysLaidOut(text: string, printWidth: number, piece: boolean): string {
  let printed = '';
  let copied = 0;
  // `[` then a line break opens a non-empty array (a string holds no raw line break).
  for (let open = text.indexOf('[\n'); open >= 0; ) {
    const lineStart = text.lastIndexOf('\n', open) + 1;
    let indentEnd = lineStart;
    while (text.charCodeAt(indentEnd) === 32) indentEnd += 1;
    const indent = indentEnd - lineStart;
    // Its `]` is the first one at its own indentation: what it holds is indented deeper.
    const closer = text.indexOf(closerAt(indent), open);
    if (piece && (closer < 0 || closer + 2 + indent >= text.length)) throw new Unproven();
    const close = closer + 1 + indent;
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
  // An array opening at the very end: its elements are in the next piece.
  if (piece && text.endsWith('[')) throw new Unproven();
  return printed + text.slice(copied);
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
