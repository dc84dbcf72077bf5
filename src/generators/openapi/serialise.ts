/** The document as the text of each requested format. */
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { stringify } from 'yaml';
import type { DocumentFormat } from './options.js';

/** The file name of each format. */
export const DOCUMENT_FILES: Record<DocumentFormat, string> = { json: 'openapi.json', yaml: 'openapi.yaml' };

/**
 * JSON with two-space indentation, or YAML without anchors (a schema object shared by two
 * places is written out twice, as readers of an API document expect) and without folded lines.
 */
export function serialise(document: OpenAPIObject, format: DocumentFormat): string {
  if (format === 'json') return `${JSON.stringify(document, null, 2)}\n`;
  return stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 });
}
