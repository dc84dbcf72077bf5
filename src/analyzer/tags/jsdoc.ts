/**
 * JSDoc reading, shared by every reader. Tag text is taken from the raw source rather than
 * from TypeScript's parsed comment, because TypeScript parses some tags for its own purposes
 * (`@type integer` has no `{type}`, `@see` wants a name) and would drop their text.
 *
 * TypeScript attaches a JSDoc comment to a node only when a line break comes between the
 * previous token and the comment: in `{ id: number; /** @unique *\/ name: string }` it counts
 * the comment as trailing trivia of `;` and `name` gets no JSDoc. Written that way the comment
 * is meant for `name`, so comments on the previous token's line that run up to the node with
 * no line break in between are read too. One followed by a line break stays the previous
 * member's trailing comment: after `a: string; /** ... *\/` and a line break, `b` is not documented.
 */
import { Node, ts } from 'ts-morph';
import type { SourceLocation } from '../../model/index.js';
import { lineAndColumnAt } from '../line-columns.js';
import { relativePosix } from '../location.js';

export interface JsDocTag {
  /** The tag name without `@` (`minLength`). */
  name: string;
  /** The text after the name, trimmed; continuation lines kept, their leading `*` removed. */
  text: string;
  /** Where the `@` is, relative to the display root. */
  location: SourceLocation;
}

/** The JSDoc tags written on a node, in source order. */
export function readJsDocTags(node: Node, displayRoot: string): JsDocTag[] {
  const sourceFile = node.getSourceFile();
  const text = sourceFile.getFullText();
  const file = relativePosix(displayRoot, sourceFile.getFilePath());
  return jsDocsOf(node).flatMap((doc) =>
    doc.tags.map((tag) => {
      const { line, column } = lineAndColumnAt(sourceFile, tag.pos);
      return { name: tag.name, text: cleanTagText(text.slice(tag.pos + tag.name.length + 1, tag.end)), location: { file, line, column } };
    }),
  );
}

/**
 * The JSDoc tags written right before a node TypeScript attaches no JSDoc to, as a tuple
 * element (`[/** @minimum 0 *\/ x: number]`); on other nodes, `readJsDocTags`.
 */
export function readLeadingJsDocTags(node: Node, displayRoot: string): JsDocTag[] {
  if (Node.isJSDocable(node)) return readJsDocTags(node, displayRoot);
  const sourceFile = node.getSourceFile();
  const text = sourceFile.getFullText();
  const file = relativePosix(displayRoot, sourceFile.getFilePath());
  // A comment on the previous token's line is a "trailing" one to TypeScript, one after a line break "leading": both precede the node.
  const ranges = [...(ts.getTrailingCommentRanges(text, node.getPos()) ?? []), ...(ts.getLeadingCommentRanges(text, node.getPos()) ?? [])];
  const docs = ranges.filter((range, index) => ranges.findIndex((other) => other.pos === range.pos) === index).flatMap((range) => {
    const parsed = isJsDocComment(text, range) ? parseComment(text.slice(range.pos, range.end)) : undefined;
    return parsed ? [docComment(parsed, range.pos)] : [];
  });
  return docs.flatMap((doc) =>
    doc.tags.map((tag) => {
      const { line, column } = lineAndColumnAt(sourceFile, tag.pos);
      return { name: tag.name, text: cleanTagText(text.slice(tag.pos + tag.name.length + 1, tag.end)), location: { file, line, column } };
    }),
  );
}

/** The names of the JSDoc tags written on a node (for syntax-only checks such as `@entity`). */
export function jsDocTagNames(node: Node): string[] {
  return jsDocsOf(node).flatMap((doc) => doc.tags.map((tag) => tag.name));
}

/** The leading comment text without tags, trimmed; undefined when there is none. */
export function readDescription(node: Node): string | undefined {
  const docs = jsDocsOf(node);
  const last = docs[docs.length - 1];
  if (!last) return undefined;
  const body = node
    .getSourceFile()
    .getFullText()
    .slice(last.pos + 3, last.tags[0]?.pos ?? last.end - 2);
  const description = body
    .split('\n')
    .map((line) => line.replace(/^\s*\*(?!\/)\s?/, ''))
    .join('\n')
    .trim();
  return description ? description : undefined;
}

/** A JSDoc comment and its tags, as positions in the node's source file. */
interface DocComment {
  pos: number;
  end: number;
  tags: { name: string; pos: number; end: number }[];
}

/**
 * The comments found on each syntax node, with the text of its file they were found in. They
 * follow from that text alone, so a warm analyzer, which reads the tags of every candidate on
 * every build (collect.ts, the entity markers), finds those of an unchanged file here; a node
 * TypeScript's incremental parser carried into an edited file's new tree meets another text.
 */
const docsFound = new WeakMap<ts.Node, { text: string; docs: readonly DocComment[] }>();

/** The JSDoc comments written directly before a node, in source order, whatever the line layout. */
function jsDocsOf(node: Node): readonly DocComment[] {
  const own = attachedJsDocs(node);
  if (!own) return [];
  const text = node.getSourceFile().getFullText();
  const found = docsFound.get(node.compilerNode);
  if (found && found.text === text) return found.docs;
  const attached = own.map((doc) => docComment(doc, 0));
  const docs = [...sameLineJsDocs(node, attached), ...attached].sort((a, b) => a.pos - b.pos);
  docsFound.set(node.compilerNode, { text, docs });
  return docs;
}

/**
 * The JSDoc comments TypeScript attached to a node; undefined for a node that takes none. A
 * constructor's parameter property (`constructor(/** @maxLength 3 *\/ public code: string)`) is
 * a property of its class, documented where it is written: TypeScript attaches the comment to the
 * parameter (its language service shows it on the property), though ts-morph's
 * ParameterDeclaration offers no getJsDocs. A plain parameter's comments are not read.
 */
function attachedJsDocs(node: Node): readonly ts.JSDoc[] | undefined {
  if (Node.isJSDocable(node)) return node.getJsDocs().map((doc) => doc.compilerNode);
  if (!Node.isParameterDeclaration(node) || !node.isParameterProperty()) return undefined;
  const parameter = node.compilerNode;
  // The parameter's own comments, not the constructor's `@param` tags TypeScript lists with them.
  return ts.getJSDocCommentsAndTags(parameter).filter((doc): doc is ts.JSDoc => ts.isJSDoc(doc) && doc.parent === parameter);
}

/** JSDoc comments TypeScript left unattached because they share a line with the previous token. */
function sameLineJsDocs(node: Node, attached: readonly DocComment[]): DocComment[] {
  const text = node.getSourceFile().getFullText();
  const start = node.getStart();
  const docs: DocComment[] = [];
  for (const range of ts.getTrailingCommentRanges(text, node.getPos()) ?? []) {
    if (range.end > start || !isJsDocComment(text, range) || attached.some((doc) => doc.pos === range.pos)) continue;
    if (/[\r\n\u2028\u2029]/.test(text.slice(range.end, start))) continue;
    const parsed = parseComment(text.slice(range.pos, range.end));
    if (parsed) docs.push(docComment(parsed, range.pos));
  }
  return docs;
}

/**
 * Parses one comment on its own, in front of a dummy statement TypeScript attaches it to.
 * The comment text is unchanged, so its positions are the original ones minus its start.
 */
function parseComment(comment: string): ts.JSDoc | undefined {
  const file = ts.createSourceFile('comment.ts', `${comment}\nvar _;`, ts.ScriptTarget.Latest, true);
  const [statement] = file.statements;
  if (!statement) return undefined;
  return ts.getJSDocCommentsAndTags(statement).find((doc): doc is ts.JSDoc => ts.isJSDoc(doc));
}

function docComment(doc: ts.JSDoc, offset: number): DocComment {
  const tags = (doc.tags ?? []).map((tag) => ({ name: tag.tagName.text, pos: tag.pos + offset, end: tag.end + offset }));
  return { pos: doc.pos + offset, end: doc.end + offset, tags };
}

/** `/** ... *\/`, not `/**\/` or a plain block or line comment (the test TypeScript itself uses). */
function isJsDocComment(text: string, range: ts.CommentRange): boolean {
  return range.kind === ts.SyntaxKind.MultiLineCommentTrivia && text.startsWith('/**', range.pos) && text[range.pos + 3] !== '/';
}

function cleanTagText(text: string): string {
  return text
    .split('\n')
    .map((line, index) => (index === 0 ? line : line.replace(/^\s*\*\s?/, '')))
    .join('\n')
    .replace(/\s*\*?\s*$/, '')
    .trim();
}
