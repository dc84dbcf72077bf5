/**
 * Cutting a large JSON output (openapi.json) into pieces Prettier formats alone, so that the pieces
 * joined give exactly Prettier's output for the whole file (`json` parser: the estree printer).
 *
 * An object whose source has a line break right after `{` is printed broken (`objectWrap:
 * "preserve"`), each member on its own lines at the object's depth; how a member prints depends
 * only on its own text, its indentation and whether a comma follows it. So a run of members is
 * formatted inside a wrapper that puts it at the same depth (`{\n"": {\n` … once per ancestor)
 * and, unless the run ends the object, follows it with a dummy member (the comma). The member
 * lines are taken out of the wrapper's output. A member that is itself a large object is written
 * in its run with a placeholder as its only member (a key found nowhere in the text), and the
 * placeholder's line is replaced by that object's own runs, recursively.
 */
import { CUT_ODDS, pieceHash } from './split-statements.js';
import { isStringifiedJson } from './stringified-json.js';

/** What formatting one piece of a split text gives: lines `from`–`to` (0-based, end exclusive) of a job's output. */
export interface JobLines {
  job: number;
  from: number;
  to: number;
}

/** A split text: the texts Prettier formats, and how their outputs join into the whole output. */
export interface SplitPlan {
  jobs: string[];
  /**
   * The whole output from the jobs' outputs, as segments (a literal text, or lines of a job's
   * output), or undefined when an output does not have the expected shape (format the whole file).
   */
  join(outputs: readonly string[]): (string | JobLines)[] | undefined;
}

interface JsonObject {
  open: number;
  close: number;
  members: { start: number; end: number; value: JsonObject | undefined }[];
}

/**
 * The placeholder members' key prefix: `\u0000codegen` plus the shortest suffix of digits such that
 * the text holds no `\u0000codegen<suffix>:` anywhere (as a key, a value or part of one). Prettier
 * prints JSON keys and strings as written, so no line of a job's output can then look like a
 * placeholder unless it is one.
 */
function placeholderMarker(text: string): string {
  for (let suffix = 0; ; suffix += 1) {
    const marker = `\\u0000codegen${suffix === 0 ? '' : suffix}:`;
    if (!text.includes(marker)) return marker;
  }
}

/**
 * The plan for a JSON text, or undefined when it is not worth splitting or cannot be split safely
 * (not strict JSON, not an object, blank lines or comments, an object wrap other than `preserve`).
 */
export function splitJson(text: string, options: Record<string, unknown>, minPiece: number, maxPiece: number): SplitPlan | undefined {
  if (text.length <= maxPiece || (options.objectWrap !== undefined && options.objectWrap !== 'preserve')) return undefined;
  // A text JSON.stringify wrote (the header put it through it) parses, and has no blank lines.
  if (!isStringifiedJson(text)) {
    // Prettier keeps blank lines between members; JSON.stringify writes none, so a file with any is left whole.
    if (hasBlankLine(text)) return undefined;
    try {
      JSON.parse(text);
    } catch {
      return undefined;
    }
  }
  let root: { object: JsonObject | undefined };
  try {
    root = { object: scanObject(text, skipSpace(text, 0), maxPiece) };
  } catch {
    return undefined; // nested too deep for this scanner: formatted whole
  }
  if (!root.object || !breaksAfterOpen(text, root.object)) return undefined;
  const marker = placeholderMarker(text);
  const jobs: string[] = [];
  /** Per job: how many wrapper lines come before the members, and after them. */
  const frames: { head: number; tail: number }[] = [];
  /** Placeholder id → the object whose runs replace its line. */
  const placeholders: JsonObject[] = [];
  /** An object's content as runs (jobs) and nested objects (placeholders). */
  const planObject = (object: JsonObject, depth: number): number[] => {
    const runs: number[] = [];
    let run: string[] = [];
    let size = 0;
    const flush = (last: boolean) => {
      if (run.length === 0) return;
      const open = '{\n' + '"": {\n'.repeat(depth);
      const close = '}\n'.repeat(depth + 1);
      jobs.push(`${open}${run.join(',\n')}${last ? '' : ',\n"": 0'}\n${close}`);
      frames.push({ head: depth + 1, tail: depth + 1 + (last ? 0 : 1) });
      runs.push(jobs.length - 1);
      run = [];
      size = 0;
    };
    object.members.forEach((member, index) => {
      const value = member.value;
      let memberText = text.slice(member.start, member.end);
      if (value && value.close - value.open > maxPiece && breaksAfterOpen(text, value)) {
        placeholders.push(value);
        memberText = `${text.slice(member.start, value.open)}{\n"${marker}${placeholders.length - 1}": 0\n}`;
      }
      run.push(memberText);
      size += memberText.length;
      const last = index === object.members.length - 1;
      if (last || (size >= minPiece && (size >= maxPiece || pieceHash(text, member.start, member.end) % CUT_ODDS === 0))) flush(last);
    });
    return runs;
  };
  const contents = new Map<JsonObject, number[]>();
  const visit = (object: JsonObject, depth: number) => {
    const before = placeholders.length;
    contents.set(object, planObject(object, depth));
    for (const nested of placeholders.slice(before)) visit(nested, depth + 1);
  };
  visit(root.object, 0);
  if (jobs.length < 2) return undefined;
  return {
    jobs,
    join(outputs) {
      const segments: (string | JobLines)[] = ['{\n'];
      const prefix = `"${marker}`;
      /** Placeholders replaced so far: each must be found exactly once, or the output is not what was planned. */
      const replaced = new Set<number>();
      const emit = (object: JsonObject): boolean => {
        for (const job of contents.get(object)!) {
          const lines = outputs[job]!.split('\n');
          const { head, tail } = frames[job]!;
          // The output ends with '\n', so its last split element is ''.
          const to = lines.length - 1 - tail;
          if (to < head) return false;
          let from = head;
          for (let line = head; line < to; line += 1) {
            const id = placeholderId(lines[line]!, prefix);
            if (id === undefined) continue;
            if (replaced.has(id) || placeholders[id] === undefined) return false;
            replaced.add(id);
            if (line > from) segments.push({ job, from, to: line });
            if (!emit(placeholders[id])) return false;
            from = line + 1;
          }
          if (to > from) segments.push({ job, from, to });
        }
        return true;
      };
      if (!emit(root.object!) || replaced.size !== placeholders.length) return undefined;
      segments.push('}\n');
      return segments;
    },
  };
}

/** The id of the placeholder member a line of output is (`<indent>"<marker><id>": 0`), if it is one. */
function placeholderId(line: string, prefix: string): number | undefined {
  const trimmed = line.trimStart();
  if (!trimmed.startsWith(prefix) || !trimmed.endsWith('": 0')) return undefined;
  const digits = trimmed.slice(prefix.length, -'": 0'.length);
  return /^\d+$/.test(digits) ? Number(digits) : undefined;
}

/** Whether the object's source has a line break between `{` and its first member (Prettier then keeps it broken). */
function breaksAfterOpen(text: string, object: JsonObject): boolean {
  const first = object.members[0];
  return first !== undefined && text.slice(object.open + 1, first.start).includes('\n');
}

/** Whether a line holding only spaces and tabs follows a line break before the text's trailing white space. */
function hasBlankLine(text: string): boolean {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end -= 1;
  const blank = /\n[ \t]*\n/g;
  // The first match decides: one reaching past `end` lies in the trailing white space, and so would any later one.
  const match = blank.exec(text);
  return match !== null && match.index + match[0].length <= end;
}

const SPACE = 0x20;
const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

function isSpace(code: number): boolean {
  return code === SPACE || code === LINE_FEED || code === TAB || code === CARRIAGE_RETURN;
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && isSpace(text.charCodeAt(at))) at += 1;
  return at;
}

/** The index after the string opening at `at` (its closing quote is the first not escaped by an odd run of backslashes). */
function skipString(text: string, at: number): number {
  for (let quote = text.indexOf('"', at + 1); quote >= 0; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return quote + 1;
  }
  return text.length + 1;
}

/**
 * The members of the object opening at `open`, or undefined when there is none there. A member's
 * `value` is read (recursively) only for an object longer than `maxPiece`: only those are split;
 * every other value is only skipped, allocating nothing (the text is strict JSON: JSON.parse read
 * it, or JSON.stringify wrote it).
 */
function scanObject(text: string, open: number, maxPiece: number): JsonObject | undefined {
  if (text.charCodeAt(open) !== OPEN_BRACE) return undefined;
  const object: JsonObject = { open, close: open, members: [] };
  let cursor = skipSpace(text, open + 1);
  while (text.charCodeAt(cursor) !== CLOSE_BRACE) {
    if (cursor >= text.length) return undefined;
    const start = cursor;
    cursor = skipSpace(text, skipString(text, cursor));
    if (text.charCodeAt(cursor) !== COLON) return undefined;
    const valueAt = skipSpace(text, cursor + 1);
    const end = skipValue(text, valueAt);
    if (end < 0) return undefined;
    let value: JsonObject | undefined;
    if (end - 1 - valueAt > maxPiece && text.charCodeAt(valueAt) === OPEN_BRACE) {
      value = scanObject(text, valueAt, maxPiece);
      if (!value) return undefined;
    }
    object.members.push({ start, end, value });
    cursor = skipSpace(text, end);
    if (text.charCodeAt(cursor) === COMMA) cursor = skipSpace(text, cursor + 1);
  }
  object.close = cursor;
  return object;
}

/** The end of the value at `at` (-1 when there is none): strings skipped whole, brackets counted. */
function skipValue(text: string, at: number): number {
  const char = text.charCodeAt(at);
  if (char === QUOTE) return skipString(text, at);
  if (char === OPEN_BRACE || char === OPEN_BRACKET) {
    let depth = 0;
    for (let cursor = at; cursor < text.length; ) {
      const code = text.charCodeAt(cursor);
      if (code === QUOTE) {
        cursor = skipString(text, cursor);
        continue;
      }
      if (code === OPEN_BRACE || code === OPEN_BRACKET) depth += 1;
      else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        depth -= 1;
        if (depth === 0) return cursor + 1;
      }
      cursor += 1;
    }
    return -1;
  }
  let end = at;
  while (end < text.length && !isDelimiter(text.charCodeAt(end))) end += 1;
  return end > at ? end : -1;
}

function isDelimiter(code: number): boolean {
  return code === COMMA || code === CLOSE_BRACE || code === CLOSE_BRACKET || isSpace(code);
}
