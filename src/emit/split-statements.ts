/**
 * Where a TypeScript output can be cut into pieces that Prettier formats alone, so that the
 * pieces' outputs joined give exactly Prettier's output for the whole file (chunked-format.ts).
 *
 * Prettier prints a program as its top-level statements one after the other, each printed on its
 * own, separated by a line break, plus one blank line when the source has an empty line right after
 * the statement (`isNextLineEmpty`). Comments on their own lines before a statement are that
 * statement's leading comments. So a cut is safe right after the line break that ends a statement's
 * last line, when nothing but spaces and tabs follows the statement on that line; the next piece
 * then starts with the blank lines (if any: the separator) and the next statement's comments.
 *
 * Cuts are never made before a statement that would read differently alone: a string expression
 * (alone it would be a directive), and the file is not cut at all when it has empty statements
 * (`;`, which Prettier drops, so a piece could print as nothing) or does not parse.
 */
import type { ts as Ts } from 'ts-morph';
import { scanCuts, type CutCandidate } from './scan-cuts.js';

/** One piece of a split text: its text without the blank lines that start it, and whether there were any. */
export interface TextPiece {
  text: string;
  /** Whether the whole file's output has a blank line before this piece (never for the first). */
  blankBefore: boolean;
}

/** Pieces are at least this long (in characters) unless the file ends: Prettier costs about 1 ms a call before any work. */
export const MIN_PIECE = 3_000;
/** A piece ends at the first safe cut after this length, whatever the content-defined rule says. */
export const MAX_PIECE = 32_000;
/**
 * Past the minimum, a piece ends after a statement (or member) whose text hashes to 0 modulo this:
 * pieces of about 3,000 + 8 statements' worth of text, and cuts that depend on the statement itself
 * much more than on where the last cut was, so the cuts after an edit soon fall where they fell before.
 */
export const CUT_ODDS = 8;

let typescript: Promise<typeof Ts> | undefined;
/** TypeScript, loaded on first use: a run that formats nothing (no-op, `--no-format`) never pays for it. */
function loadTypeScript(): Promise<typeof Ts> {
  typescript ??= import('ts-morph').then((module) => module.ts);
  return typescript;
}

/**
 * The top-level pieces of a TypeScript text (LF line endings), or undefined when it cannot be cut
 * safely (it does not parse, has empty statements, or has a single safe piece).
 *
 * Which cuts are used is content-defined, as in rsync: after at least `minPiece` characters, a
 * piece ends at a statement whose text hashes to 0 modulo `CUT_ODDS` (or once it passes
 * `maxPiece`), so an edit moves the cuts near it only and the pieces after it keep their text,
 * and their cache entries. The imports that open the file are always a piece of their own.
 */
export async function splitStatements(text: string, minPiece = MIN_PIECE, maxPiece = MAX_PIECE, scan = false): Promise<TextPiece[] | undefined> {
  if (text.length < 2 * minPiece || text.charCodeAt(0) === 0xfeff) return undefined;
  // `scan`: the cheaper scan (scan-cuts.ts) proposes the cuts; what it cannot read for sure is parsed.
  const candidates = (scan ? scanCuts(text) : undefined) ?? (await parsedCuts(text));
  if (!candidates) return undefined;
  const cuts: number[] = [];
  let pieceStart = 0;
  for (const candidate of candidates) {
    const length = candidate.cut - pieceStart;
    // The imports that open a file change with most edits (a name more or less): they are a piece of their own, however short.
    const { endsImports } = candidate;
    if (!endsImports && length < minPiece) continue;
    if (!endsImports && length < maxPiece && pieceHash(text, candidate.start, candidate.end) % CUT_ODDS !== 0) continue;
    cuts.push(candidate.cut);
    pieceStart = candidate.cut;
  }
  // A last piece shorter than the minimum joins the one before.
  if (cuts.length > 0 && text.length - cuts[cuts.length - 1]! < minPiece / 2) cuts.pop();
  if (cuts.length === 0) return undefined;
  const pieces: TextPiece[] = [];
  let start = 0;
  for (const end of [...cuts, text.length]) {
    const piece = text.slice(start, end);
    // Prettier keeps one blank line after a statement when the line after it is empty ([ \t]* only).
    const blank = /^(?:[ \t]*\n)+/.exec(piece);
    pieces.push({ text: blank ? piece.slice(blank[0].length) : piece, blankBefore: start > 0 && blank !== null });
    start = end;
  }
  return pieces;
}

/**
 * The candidate cuts of `text` from TypeScript's parse: after each top-level statement whose last
 * line holds nothing else, unless the next statement is a string expression; undefined when the
 * text does not parse or has empty statements.
 */
export async function parsedCuts(text: string): Promise<CutCandidate[] | undefined> {
  const ts = await loadTypeScript();
  // JSDoc is trivia to the cuts (a statement's start skips comments either way): parsing it would cost twice the rest.
  const file = ts.createSourceFile('output.ts', text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, ts.ScriptKind.TS);
  if ((file as unknown as { parseDiagnostics: readonly unknown[] }).parseDiagnostics.length > 0) return undefined;
  const statements = file.statements;
  if (statements.some((statement) => statement.kind === ts.SyntaxKind.EmptyStatement)) return undefined;
  const candidates: CutCandidate[] = [];
  let leadingImports = 0;
  while (leadingImports < statements.length && ts.isImportDeclaration(statements[leadingImports]!)) leadingImports += 1;
  for (let index = 0; index + 1 < statements.length; index += 1) {
    const statement = statements[index]!;
    const next = statements[index + 1]!;
    const lineEnd = text.indexOf('\n', statement.end);
    // Something else on the statement's last line (a trailing comment, the next statement): no cut.
    if (lineEnd < 0 || lineEnd >= next.getStart(file) || !/^[ \t]*$/.test(text.slice(statement.end, lineEnd))) continue;
    if (ts.isExpressionStatement(next) && ts.isStringLiteral(next.expression)) continue;
    candidates.push({ cut: lineEnd + 1, start: statement.getStart(file), end: statement.end, endsImports: index === leadingImports - 1 });
  }
  return candidates;
}

/** FNV-1a over the UTF-16 code units of `text` from `start` to `end`: where content-defined cuts fall. */
export function pieceHash(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
