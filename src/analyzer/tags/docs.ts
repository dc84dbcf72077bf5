/** The documentation tags: description, `@title`, `@deprecated`, `@example`, `@default`. */
import type { Node } from 'ts-morph';
import type { Docs } from '../../model/index.js';
import { readDescription, type JsDocTag } from './jsdoc.js';

/**
 * JSDoc tag names this family reads. `@readOnly` and `@writeOnly` are JSON Schema's spellings,
 * `@readonly` and `@writeonly` TypeScript's; each pair means one thing.
 */
export const DOC_TAGS = ['title', 'deprecated', 'example', 'default', 'readonly', 'readOnly', 'writeonly', 'writeOnly', 'description'] as const;

/**
 * The docs written on a node. Keys without a value are left out, so the JSON stays small.
 * `readValue` reads the text of `@default` and `@example` (`bigintDocValue` on a bigint property).
 */
export function readDocs(node: Node, tags: readonly JsDocTag[], readValue: (text: string) => unknown = parseDocValue): Docs {
  const docs: Docs = {};
  const description = readDescription(node) ?? tags.find((tag) => tag.name === 'description')?.text;
  if (description) docs.description = description;
  for (const tag of tags) {
    if (tag.name === 'title' && tag.text) docs.title = tag.text;
    if (tag.name === 'deprecated') docs.deprecated = tag.text || true;
    if (tag.name === 'example' && tag.text) (docs.examples ??= []).push(readValue(tag.text));
    if (tag.name === 'default' && tag.text) docs.default = readValue(tag.text);
  }
  return docs;
}

/** `docs` over `fallback`: the node's own docs win, the fallback fills the gaps (an inlined alias's docs). */
export function mergeDocs(own: Docs, fallback: Docs): Docs {
  return { ...fallback, ...own };
}

/** JSON when the text parses as JSON, the bare text otherwise (`@example jane@example.com`). */
export function parseDocValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * A documented value of a `bigint` property (tester9 F1): an integer, written bare
 * (`@default 9223372036854775807`) or as a bigint literal (`9223372036854775807n`), keeps the
 * digits as written, where JSON would read the nearest double (9223372036854775808): a number
 * where a double holds it exactly, else the string of its digits, as a bigint travels in JSON.
 * Other text is read as `parseDocValue` reads it (`"9223372036854775807"` is that string).
 */
export function bigintDocValue(text: string): unknown {
  const integer = /^\s*(-?\d+)n?\s*$/.exec(text);
  if (!integer) return parseDocValue(text);
  const value = BigInt(integer[1]!);
  return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
}
