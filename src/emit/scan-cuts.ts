/**
 * The candidate cuts of a TypeScript text found by a scan instead of a parse (split-statements.ts
 * parses with TypeScript, which cost c1000 about 1–2 s of CPU for 9 MB of outputs). The scan knows
 * comments, strings, template literals and brackets, and guesses regular expressions from the
 * character before a `/`; it proposes a cut only at the end of a line outside every bracket that
 * does not end in an operator or a comma, when the next thing after blank lines and comments is a
 * declaration keyword at the start of a line (`export`, `function`, `const`…): a statement that
 * cannot continue the one before (no expression goes on with `} export` or `x const`). Whatever it cannot read for sure (an unterminated string,
 * comment or regular expression, brackets that do not balance, a `;` that may be an empty
 * statement alone, which Prettier drops) gives undefined, and the caller parses. A scan misled into a
 * cut inside a construct leaves a piece that ends inside it, which Prettier refuses: the output is
 * then formatted whole (chunked-format.ts), as for any piece that fails.
 */

/** A statement end where the text may be cut: the cut (after the line break) and the statement's text, for the content-defined choice. */
export interface CutCandidate {
  /** Where the next piece starts (just after the line break ending the statement's last line). */
  cut: number;
  /** The statement's first character (after its comments) and its end (after its `;` or `}`). */
  start: number;
  end: number;
  /** Whether the statement is an `import` declaration and the next one is not. */
  endsImports: boolean;
}

/** Keywords that start a declaration or statement which no expression can continue into. */
const STARTERS = new Set(['export', 'import', 'function', 'const', 'let', 'var', 'class', 'interface', 'type', 'enum', 'declare', 'abstract', 'async', 'namespace']);
/**
 * Last characters of a line after which the next line may continue the statement (an operator, an
 * open bracket, a comma; `>` may close a type's arguments or be a comparison): no cut after them.
 */
const CONTINUES = new Set(['=', '+', '-', '*', '/', '%', '&', '|', '^', '!', '~', '?', ':', ',', '<', '>', '.', '(', '[', '{', '@']);
/** Words after which a `/` starts a regular expression (not a division). */
const BEFORE_REGEX = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'instanceof', 'yield', 'await']);

const isWordChar = (code: number) =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36 || code > 127;

/** The candidates in `text` (LF line endings), or undefined when the scan cannot read it for sure. */
export function scanCuts(text: string): CutCandidate[] | undefined {
  if (text.startsWith('#!')) return undefined;
  const candidates: CutCandidate[] = [];
  /** Bracket depth, and the depths at which open template substitutions (`${`) began. */
  let depth = 0;
  const templates: number[] = [];
  /** The last significant character (not space, not comment) and where it was. */
  let last = '';
  let lastAt = -1;
  /** The word the last significant character ended, if it ended one (for `return /re/`). */
  let lastWord = '';
  /** A statement end waiting for the next token to tell whether it is a cut. */
  let pending: { cut: number; end: number } | undefined;
  /** Where the current top-level statement started, and whether it is an import. */
  let statementStart = -1;
  let statementIsImport = false;
  let onlyImportsSoFar = true;
  let index = 0;
  const length = text.length;

  /** A significant token starts at `at`: settles a pending cut, and notes a top-level statement's start. */
  const token = (at: number): boolean => {
    if (pending) {
      const lineStart = at === 0 || text.charCodeAt(at - 1) === 10;
      const word = lineStart ? wordAt(text, at) : '';
      if (lineStart && STARTERS.has(word)) {
        const nextIsImport = isImportDeclaration(text, at, word);
        candidates.push({ cut: pending.cut, start: statementStart, end: pending.end, endsImports: onlyImportsSoFar && statementIsImport && !nextIsImport });
        onlyImportsSoFar &&= statementIsImport;
        statementStart = at;
        statementIsImport = nextIsImport;
      }
      pending = undefined;
    }
    if (statementStart < 0) {
      statementStart = at;
      statementIsImport = isImportDeclaration(text, at, wordAt(text, at));
    }
    return true;
  };

  while (index < length) {
    const code = text.charCodeAt(index);
    // Line break: a statement may end here.
    if (code === 10) {
      if (depth === 0 && templates.length === 0 && lastAt >= 0 && !CONTINUES.has(last) && onlySpacesBetween(text, lastAt + 1, index)) {
        pending = { cut: index + 1, end: lastAt + 1 };
      }
      index += 1;
      continue;
    }
    if (code === 32 || code === 9 || code === 13) {
      index += 1;
      continue;
    }
    const next = text.charCodeAt(index + 1);
    if (code === 47 && next === 47) {
      const end = text.indexOf('\n', index);
      index = end < 0 ? length : end;
      continue;
    }
    if (code === 47 && next === 42) {
      const end = text.indexOf('*/', index + 2);
      if (end < 0) return undefined;
      index = end + 2;
      continue;
    }
    token(index);
    if (code === 39 || code === 34) {
      const end = stringEnd(text, index, code);
      if (end < 0) return undefined;
      index = end;
      last = '"';
      lastAt = index - 1;
      lastWord = '';
      continue;
    }
    if (code === 96) {
      const end = templateEnd(text, index + 1);
      if (end < 0) return undefined;
      if (text.charCodeAt(end - 1) !== 96) {
        // Stopped at `${`: the substitution is code, until its closing brace.
        templates.push(depth);
        depth += 1;
      }
      index = end;
      last = '`';
      lastAt = index - 1;
      lastWord = '';
      continue;
    }
    if (code === 47 && startsRegex(last, lastWord)) {
      const end = regexEnd(text, index + 1);
      if (end < 0) return undefined;
      index = end;
      last = '"'; // a value, as a string is
      lastAt = index - 1;
      lastWord = '';
      continue;
    }
    if (code === 123 || code === 40 || code === 91) depth += 1;
    if (code === 125 || code === 41 || code === 93) {
      depth -= 1;
      if (depth < 0) return undefined;
      if (code === 125 && templates.length > 0 && templates[templates.length - 1] === depth) {
        // The end of a `${…}`: the template's text goes on.
        templates.pop();
        const end = templateEnd(text, index + 1);
        if (end < 0) return undefined;
        if (text.charCodeAt(end - 1) !== 96) {
          templates.push(depth);
          depth += 1;
        }
        index = end;
        last = '`';
        lastAt = index - 1;
        lastWord = '';
        continue;
      }
    }
    // A `;` after a statement's end at the top level may be an empty statement, which Prettier drops: a
    // piece of it alone would print as nothing. Right after `}` on its line (`function f() {};`, or the
    // end of `const a = {…};`), it goes with that line's piece, which prints the same lines either way.
    if (code === 59 && depth === 0 && (last === ';' || last === '' || (last === '}' && text.lastIndexOf('\n', index) > lastAt))) return undefined;
    if (isWordChar(code)) {
      let end = index + 1;
      while (end < length && isWordChar(text.charCodeAt(end))) end += 1;
      lastWord = text.slice(index, end);
      last = text[end - 1]!;
      lastAt = end - 1;
      index = end;
      continue;
    }
    last = text[index]!;
    lastAt = index;
    lastWord = '';
    index += 1;
  }
  if (depth !== 0 || templates.length > 0) return undefined;
  return candidates;
}

function wordAt(text: string, at: number): string {
  let end = at;
  while (end < text.length && isWordChar(text.charCodeAt(end))) end += 1;
  return text.slice(at, end);
}

/** `import …` as a declaration (not `import(…)` nor `import.meta`). */
function isImportDeclaration(text: string, at: number, word: string): boolean {
  if (word !== 'import') return false;
  const after = text.charCodeAt(at + 6);
  return after === 32 || after === 123 || after === 9;
}

function onlySpacesBetween(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at += 1) {
    const code = text.charCodeAt(at);
    if (code !== 32 && code !== 9 && code !== 13) return false;
  }
  return true;
}

/** Whether a `/` after `last` (and the word it ended) starts a regular expression. */
function startsRegex(last: string, lastWord: string): boolean {
  if (lastWord !== '') return BEFORE_REGEX.has(lastWord);
  return !(last === ')' || last === ']' || last === '}' || last === '"' || last === '`' || last === '/');
}

/** The index after the string opened at `start` with `quote`, or -1 when it does not end on its line. */
function stringEnd(text: string, start: number, quote: number): number {
  for (let at = start + 1; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === 92) at += 1;
    else if (code === quote) return at + 1;
    else if (code === 10) return -1;
  }
  return -1;
}

/** The index after the template text starting at `from`: after its closing backtick, or after a `${`; -1 when it does not end. */
function templateEnd(text: string, from: number): number {
  for (let at = from; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === 92) at += 1;
    else if (code === 96) return at + 1;
    else if (code === 36 && text.charCodeAt(at + 1) === 123) return at + 2;
  }
  return -1;
}

/** The index after the regular expression whose body starts at `from` (and its flags), or -1 when it does not end on its line. */
function regexEnd(text: string, from: number): number {
  let inClass = false;
  for (let at = from; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === 10) return -1;
    if (code === 92) at += 1;
    else if (code === 91) inClass = true;
    else if (code === 93) inClass = false;
    else if (code === 47 && !inClass) {
      let end = at + 1;
      while (end < text.length && isWordChar(text.charCodeAt(end))) end += 1;
      return end;
    }
  }
  return -1;
}
