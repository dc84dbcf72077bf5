/**
 * A printer of codegen's own TypeScript layout that gives Prettier's output without Prettier's
 * parse and AST-to-Doc steps (most of its cost on c1000's validators). The piece is parsed with
 * TypeScript's parser; if every node is of a kind the printer supports, it builds the Doc
 * Prettier's estree printer would build for it (statements.ts, expressions.ts, binaryish.ts,
 * types.ts) and prints it with Prettier's own `printDocToString`, so fits and breaks are
 * Prettier's. Anything else (an unsupported kind, a comment anywhere but before a top-level
 * statement, a parse error) returns undefined: the piece goes to Prettier unchanged.
 * test/unit/emit/layout.test.ts proves the output equal to Prettier's on every piece it accepts.
 */
import type { ts as Ts } from 'ts-morph';
import type { Context, Doc, DocModule } from './context.js';

import { printLeadingComments } from './comments.js';
import { printExpression } from './expressions.js';
import { printStatement } from './statements.js';
import { Unsupported } from './unsupported.js';
import type { LayoutOptions } from './options.js';

export { layoutOptions, type LayoutOptions } from './options.js';

/** What the printer needs from its callers: TypeScript and Prettier's `doc` module (the Prettier that would format the piece). */
export interface LayoutTools {
  ts: typeof Ts;
  doc: DocModule;
  /** Told why a text was left to Prettier (tests, measurements). */
  onUnsupported?: (reason: string) => void;
}

/**
 * Prettier's output for the TypeScript `text` (LF line endings) under `options`, or undefined
 * when the printer does not support all of it.
 */
export function printLayout(text: string, options: LayoutOptions, tools: LayoutTools): string | undefined {
  const { ts, doc } = tools;
  const file = ts.createSourceFile('piece.ts', text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, true, ts.ScriptKind.TS);
  if ((file as unknown as { parseDiagnostics: readonly unknown[] }).parseDiagnostics.length > 0) return undefined;
  if (file.statements.length === 0) return undefined;
  const ctx: Context = {
    ts,
    text,
    file,
    b: doc.builders,
    willBreak: doc.utils.willBreak,
    tabWidth: options.tabWidth,
    literals: [],
    comments: [],
    print: (node, parent, key) => printExpression(ctx, node, parent, key),
  };
  let program: Doc;
  try {
    const parts: Doc[] = [];
    file.statements.forEach((statement, index) => {
      const comments = printLeadingComments(ctx, statement, index === 0);
      const printed = printStatement(ctx, statement, file);
      parts.push(comments.length > 0 ? [...comments, printed] : printed);
    });
    // printSequence's separators, with each statement printed above (comments included).
    const separated = joinStatements(ctx, file.statements, parts);
    program = [separated, doc.builders.hardline];
    assertNoOtherComments(ctx);
  } catch (failure) {
    if (failure instanceof Unsupported) {
      tools.onUnsupported?.(failure.message);
      return undefined;
    }
    throw failure;
  }
  return doc.printer.printDocToString(program, { printWidth: options.printWidth, tabWidth: options.tabWidth, useTabs: options.useTabs, endOfLine: 'lf' } as never).formatted;
}

function joinStatements(ctx: Context, statements: readonly Ts.Statement[], printed: Doc[]): Doc[] {
  const { hardline } = ctx.b;
  const parts: Doc[] = [];
  statements.forEach((statement, index) => {
    parts.push(printed[index]!);
    if (index < statements.length - 1) {
      parts.push(hardline);
      if (isNextLineEmptyAfter(ctx, statement.end)) parts.push(hardline);
    }
  });
  return parts;
}

function isNextLineEmptyAfter(ctx: Context, end: number): boolean {
  let at = end;
  while (at < ctx.text.length && ',; \t'.includes(ctx.text[at]!)) at += 1;
  if (ctx.text[at] !== '\n') return false;
  at += 1;
  while (at < ctx.text.length && ' \t'.includes(ctx.text[at]!)) at += 1;
  return ctx.text[at] === '\n';
}

/** Any `//` or `/*` outside the literals printed and the comments printed is a comment the printer did not place: Unsupported. */
function assertNoOtherComments(ctx: Context): void {
  const spans: number[][] = [];
  for (let index = 0; index < ctx.literals.length; index += 2) spans.push([ctx.literals[index]!, ctx.literals[index + 1]!]);
  for (let index = 0; index < ctx.comments.length; index += 2) spans.push([ctx.comments[index]!, ctx.comments[index + 1]!]);
  spans.sort((a, b) => a[0]! - b[0]!);
  let span = 0;
  for (let at = ctx.text.indexOf('/'); at >= 0; at = ctx.text.indexOf('/', at + 1)) {
    const next = ctx.text[at + 1];
    if (next !== '/' && next !== '*') continue;
    while (span < spans.length && spans[span]![1]! <= at) span += 1;
    const inside = span < spans.length && spans[span]![0]! <= at && at < spans[span]![1]!;
    if (!inside) throw new Unsupported('comment');
  }
}
