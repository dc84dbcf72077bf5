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
  if (format === 'json') return `${jsonText(document)}\n`;
  return stringify(document, { aliasDuplicateObjects: false, lineWidth: 0, compat: 'yaml-1.1' });
}

/**
 * The JSON text of each component schema's entry (name and schema), by the schema object: a
 * watch workspace hands the schemas of unchanged declarations out again as the same objects
 * (schema-memo.ts), which are never changed, so their text is written once.
 */
const entryTexts = new WeakMap<object, { name: string; text: string }>();

/** Where `components.schemas` goes in the text of the document without it. */
const SCHEMAS_MARK = '\u0000components.schemas';

/**
 * `JSON.stringify(document, null, 2)`, put together from the text of each component schema
 * (most of a document) and the rest: the same bytes (a schema's text indented by the depth it
 * sits at: JSON strings hold no raw line breaks), without writing the unchanged schemas again.
 */
function jsonText(document: OpenAPIObject): string {
  const schemas = document.components?.schemas;
  if (!schemas || Object.keys(document.components!).length !== 1 || Object.keys(schemas).length === 0) return JSON.stringify(document, null, 2);
  const outline = JSON.stringify({ ...document, components: { schemas: SCHEMAS_MARK } }, null, 2);
  const marked = `    "schemas": ${JSON.stringify(SCHEMAS_MARK)}`;
  const at = outline.indexOf(marked);
  if (at < 0 || outline.indexOf(marked, at + 1) >= 0) return JSON.stringify(document, null, 2);
  const entries: string[] = [];
  for (const [name, schema] of Object.entries(schemas)) {
    const text = entryText(name, schema);
    // Left out by JSON.stringify too (an undefined entry); anything stranger is written whole.
    if (text === undefined) return JSON.stringify(document, null, 2);
    entries.push(text);
  }
  return `${outline.slice(0, at)}    "schemas": {\n${entries.join(',\n')}\n    }${outline.slice(at + marked.length)}`;
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
