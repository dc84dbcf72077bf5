/**
 * JSDoc reading, shared by every reader. Tag text is taken from the raw source rather than
 * from TypeScript's parsed comment, because TypeScript parses some tags for its own purposes
 * (`@type integer` has no `{type}`, `@see` wants a name) and would drop their text.
 */
import { Node, type JSDoc } from 'ts-morph';
import type { SourceLocation } from '../../model/index.js';
import { positionOf } from '../location.js';

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
  const tags: JsDocTag[] = [];
  for (const doc of jsDocsOf(node)) {
    for (const tag of doc.getTags()) {
      const raw = tag.getSourceFile().getFullText().slice(tag.getStart(), tag.getEnd());
      const name = tag.getTagName();
      tags.push({ name, text: cleanTagText(raw.slice(name.length + 1)), location: positionOf(tag, displayRoot) });
    }
  }
  return tags;
}

/** The leading comment text without tags, trimmed; undefined when there is none. */
export function readDescription(node: Node): string | undefined {
  const docs = jsDocsOf(node);
  const last = docs[docs.length - 1];
  const text = last?.getDescription().trim();
  return text ? text : undefined;
}

function jsDocsOf(node: Node): JSDoc[] {
  return Node.isJSDocable(node) ? node.getJsDocs() : [];
}

function cleanTagText(text: string): string {
  return text
    .split('\n')
    .map((line, index) => (index === 0 ? line : line.replace(/^\s*\*\s?/, '')))
    .join('\n')
    .replace(/\s*\*?\s*$/, '')
    .trim();
}
