/**
 * Parsing the config text into a `yaml` Document, which keeps the position of every key and
 * value for diagnostics. JSON is parsed by the same parser (JSON is YAML 1.2) after a strict
 * `JSON.parse`, since YAML would accept what JSON does not (comments, trailing commas).
 */
import { LineCounter, parseDocument, type Document } from 'yaml';

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
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const jsonError = json ? strictJsonError(text, lineCounter) : undefined;
  if (jsonError) return { document, lineCounter, errors: [jsonError] };
  // Only the first error: the ones after it mostly follow from it.
  const first = document.errors[0];
  if (!first) return { document, lineCounter, errors: [] };
  const { line, col } = lineCounter.linePos(first.pos[0]);
  return { document, lineCounter, errors: [{ message: first.message, line, column: col }] };
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
