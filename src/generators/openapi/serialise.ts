/** The document as the text of each requested format. */
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { stringify } from 'yaml';
import type { DocumentFormat } from './options.js';

/** The file name of each format. */
export const DOCUMENT_FILES: Record<DocumentFormat, string> = { json: 'openapi.json', yaml: 'openapi.yaml' };

/**
 * JSON with two-space indentation, or YAML without anchors (a schema object shared by two
 * places is written out twice, as readers of an API document expect) and without folded lines.
 * The YAML reads the same under YAML 1.2 and YAML 1.1 (`compat`): a string 1.1 would take for
 * something else (`yes`, `no`, `on`, `off`, `y`, `n`, `2024-01-01`, `12:30:00`, `1_000`) is
 * quoted, keys included, since many OpenAPI tools still read YAML 1.1 (PyYAML, SnakeYAML in
 * openapi-generator and swagger-parser, go-yaml v2), where `on:` is the key `true`.
 */
export function serialise(document: OpenAPIObject, format: DocumentFormat): string {
  if (format === 'json') return serialiseJson(document).text;
  return stringify(document, { aliasDuplicateObjects: false, lineWidth: 0, compat: 'yaml-1.1' });
}

/**
 * The JSON text (`JSON.stringify(document, null, 2)` and a line break), and when it is made from
 * the text of each component schema, the pieces it is joined from: the part before the schemas,
 * each schema's entry, the `,\n` between two, the part after. An entry is the same string in every
 * build where its schema object is the same (a watch build), so the formatter lays it out once
 * (emit/json-layout-lines.ts). Each piece holds whole arrays, and starts or ends a line but where
 * an entry's closing `}` meets the comma after it.
 */
export function serialiseJson(document: OpenAPIObject): { text: string; pieces?: readonly string[] } {
  const pieces = jsonPieces(document);
  return pieces ? { text: concatenated(pieces), pieces } : { text: `${JSON.stringify(document, null, 2)}\n` };
}

/**
 * The pieces as one string, concatenated rather than joined: V8 keeps such a string as a rope of
 * the pieces until something reads its characters. A watch build hands the pieces on (the header
 * and the layout work on them) and never reads the 2 MB text, so it is not copied in every build;
 * whoever reads it (a one-shot run's header, a template of the user's) flattens it once.
 */
function concatenated(pieces: readonly string[]): string {
  let text = '';
  for (const piece of pieces) text += piece;
  return text;
}

/**
 * The JSON text of each component schema's entry (name and schema), by the schema object: a
 * watch workspace hands the schemas of unchanged declarations out again as the same objects
 * (schema-memo.ts), which are never changed, so their text is written once.
 */
const entryTexts = new WeakMap<object, { name: string; text: string }>();

/** Where `components.schemas` goes in the text of the document without it. */
const SCHEMAS_MARK = '\u0000components.schemas';

/** Between two entries of `components.schemas`. */
const ENTRY_SEPARATOR = ',\n';

/**
 * The pieces of `JSON.stringify(document, null, 2)` and a line break, put together from the text
 * of each component schema (most of a document) and the rest: the same bytes (a schema's text
 * indented by the depth it sits at: JSON strings hold no raw line breaks), without writing the
 * unchanged schemas again. Undefined for a document without schemas, or anything stranger.
 */
function jsonPieces(document: OpenAPIObject): string[] | undefined {
  const schemas = document.components?.schemas;
  if (!schemas || Object.keys(document.components!).length !== 1 || Object.keys(schemas).length === 0) return undefined;
  const outline = JSON.stringify({ ...document, components: { schemas: SCHEMAS_MARK } }, null, 2);
  const marked = `    "schemas": ${JSON.stringify(SCHEMAS_MARK)}`;
  const at = outline.indexOf(marked);
  if (at < 0 || outline.indexOf(marked, at + 1) >= 0) return undefined;
  const pieces = [`${outline.slice(0, at)}    "schemas": {\n`];
  for (const [name, schema] of Object.entries(schemas)) {
    const text = entryText(name, schema);
    // Left out by JSON.stringify too (an undefined entry); anything stranger is written whole.
    if (text === undefined) return undefined;
    if (pieces.length > 1) pieces.push(ENTRY_SEPARATOR);
    pieces.push(text);
  }
  pieces.push(`\n    }${outline.slice(at + marked.length)}\n`);
  return pieces;
}

/**
 * The schema's entry of `components.schemas` as JSON text, indented as such; undefined for what
 * JSON leaves out. Made by `join`, which gives a flat string: joining c1000's 1,150 entries made
 * of concatenated parts took ten times as long as joining flat ones, on every watch build.
 */
function entryText(name: string, schema: unknown): string | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const known = entryTexts.get(schema);
  if (known?.name === name) return known.text;
  const json = JSON.stringify(schema, null, 2);
  if (json === undefined) return undefined;
  const text = ['      ', JSON.stringify(name), ': ', json.replaceAll('\n', '\n      ')].join('');
  entryTexts.set(schema, { name, text });
  return text;
}
