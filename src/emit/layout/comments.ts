/**
 * Comments before a top-level statement (the header line, JSDoc), printed as Prettier's
 * printLeadingComment does: a line comment and its line break; a block comment re-indented when
 * every line starts with `*` (printIndentableBlockComment), else as written; and a blank line
 * after it where the source has one. Other comments are left to Prettier (index.ts).
 */
import type { ts as Ts } from 'ts-morph';
import type { Context, Doc } from './context.js';
import { hasNewline } from './text.js';

/** The printed comments before `statement` (the first statement's start at the start of the text: `first`). */
export function printLeadingComments(ctx: Context, statement: Ts.Statement, first: boolean): Doc[] {
  const { hardline, line, join } = ctx.b;
  const ranges = ctx.ts.getLeadingCommentRanges(ctx.text, statement.pos) ?? [];
  void first;
  const parts: Doc[] = [];
  for (const range of ranges) {
    ctx.comments.push(range.pos, range.end);
    const raw = ctx.text.slice(range.pos, range.end);
    if (range.kind === ctx.ts.SyntaxKind.SingleLineCommentTrivia) {
      parts.push(raw.trimEnd(), hardline);
    } else {
      const value = raw.slice(2, -2);
      const lines = `*${value}*`.split('\n');
      const indentable = lines.length > 1 && lines.every((text) => text.trimStart()[0] === '*');
      const printed = indentable
        ? [
            '/*',
            join(
              hardline,
              value.split('\n').map((text, index, all) => (index === 0 ? text.trimEnd() : ` ${index < all.length - 1 ? text.trim() : text.trimStart()}`)),
            ),
            '*/',
          ]
        : raw;
      parts.push(printed, hasNewline(ctx.text, range.end) ? (newlineBefore(ctx.text, range.pos) ? hardline : line) : ' ');
    }
    // A blank line after the comment is kept.
    let at = range.end;
    while (at < ctx.text.length && ' \t'.includes(ctx.text[at]!)) at += 1;
    if (ctx.text[at] === '\n') {
      at += 1;
      if (hasNewline(ctx.text, at)) parts.push(hardline);
    }
  }
  return parts;
}

/** Prettier's `hasNewline(text, index, { backwards: true })`: a line break before `index`, past spaces and tabs. */
function newlineBefore(text: string, index: number): boolean {
  let at = index - 1;
  while (at >= 0 && ' \t'.includes(text[at]!)) at -= 1;
  return at >= 0 && text[at] === '\n';
}
