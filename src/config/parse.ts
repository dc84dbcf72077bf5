/**
 * Parsing the config text into a `yaml` Document, which keeps the position of every key and
 * value for diagnostics. JSON is parsed by the same parser (JSON is YAML 1.2) after a strict
 * `JSON.parse`, since YAML would accept what JSON does not (comments, trailing commas).
 * Duplicate keys and nesting are checked by `checkDocument` (linear, no recursion), and
 * aliases are expanded with a bound, so no document can take unbounded time or memory.
 */
import { isAlias, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { checkDocument } from './document-checks.js';
import { CONFIG_LIMITS } from './limits.js';

export interface ParseError {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface ParsedConfig {
  document: Document;
  lineCounter: LineCounter;
  /** The first syntax error, if any (later ones mostly follow from it). */
  errors: ParseError[];
}

/** Parses YAML, or JSON when `json` is true; errors carry the position of the problem. */
export function parseConfigText(text: string, json: boolean): ParsedConfig {
  const lineCounter = new LineCounter();
  const tooDeep = flowTooDeep(text);
  if (tooDeep !== undefined) {
    return { document: parseDocument(''), lineCounter, errors: [{ message: tooDeepMessage(), ...positionOf(text, tooDeep) }] };
  }
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const jsonError = json ? strictJsonError(text, lineCounter) : undefined;
  if (jsonError) return { document, lineCounter, errors: [jsonError] };
  // Only the first error: the ones after it mostly follow from it.
  const first = document.errors[0];
  if (!first) {
    const structural = checkDocument(document, lineCounter);
    return { document, lineCounter, errors: structural ? [structural] : [] };
  }
  const { line, col } = lineCounter.linePos(first.pos[0]);
  return { document, lineCounter, errors: [{ message: parserMessage(first.message), line, column: col }] };
}

/** The parser's message; its stack running out on deep nesting is said as what it means. */
function parserMessage(message: string): string {
  return /Maximum call stack size exceeded/.test(message) ? tooDeepMessage() : message;
}

function tooDeepMessage(): string {
  return `mappings and sequences nest more than ${CONFIG_LIMITS.nesting} levels deep`;
}

/**
 * The offset of the first `[` or `{` that opens more flow collections than the nesting limit,
 * outside quotes and comments. The YAML parser recurses per level, so `[[[[…` is refused here,
 * in one linear scan, before it can spend seconds running out of stack.
 */
function flowTooDeep(text: string): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === '\\' && quote === '"') i++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (char === '[' || char === '{') {
      if (++depth > CONFIG_LIMITS.nesting) return i;
    } else if ((char === ']' || char === '}') && depth > 0) {
      depth--;
    }
  }
  return undefined;
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/**
 * The document as plain data, expanding at most `CONFIG_LIMITS.aliases` alias uses: a
 * "billion laughs" document (aliases of aliases) is an error at its first alias.
 */
export function documentToJS(document: Document, lineCounter: LineCounter): { value: unknown } | { error: ParseError } {
  try {
    return { value: document.toJS({ maxAliasCount: CONFIG_LIMITS.aliases }) };
  } catch (error) {
    if (!(error instanceof ReferenceError) || !/alias/i.test(error.message)) throw error;
    let alias: Node | undefined;
    visit(document, { Alias: (_, node) => ((alias ??= node), visit.BREAK) });
    const { line, col } = lineCounter.linePos((alias && isAlias(alias) ? alias.range?.[0] : undefined) ?? 0);
    const message = /Excessive alias count/.test(error.message)
      ? `its aliases expand to more than ${CONFIG_LIMITS.aliases} copies of their anchors; write the values out, or use fewer aliases`
      : error.message;
    return { error: { message, line, column: col } };
  }
}

function strictJsonError(text: string, lineCounter: LineCounter): ParseError | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { message: cleanJsonMessage(message), ...jsonErrorPosition(message, text, lineCounter) };
  }
}

/** V8 names the position as an offset (Node 20) or as line and column (Node 22+). */
function jsonErrorPosition(message: string, text: string, lineCounter: LineCounter): { line: number; column: number } {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const offset = /at position (\d+)/.exec(message);
  const at = offset ? Number(offset[1]) : /end of JSON input/.test(message) ? text.length : 0;
  const { line, col } = lineCounter.linePos(at);
  return { line, column: col };
}

function cleanJsonMessage(message: string): string {
  return message.replace(/\s*(in JSON )?at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
}
