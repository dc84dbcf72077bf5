/**
 * The `openapi` generator: one OpenAPI 3.1 document for the whole project (`openapi.json`
 * and/or `openapi.yaml`), with `components.schemas` for every processed type, `paths` from the
 * services and, with `resources: true`, REST paths for the entities. Built on the generator
 * contract exactly as a plugin would be.
 */
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { defineGenerator } from '../kit/contract.js';
import { withStringifiedJson } from '../kit/stringified-json-data.js';
import { checkOpenapi } from './check.js';
import { buildDocument, isEmptyDocument } from './document.js';
import { OPENAPI_INFO } from './info.js';
import { withDefaults, type OpenapiOptions } from './options.js';
import { DOCUMENT_FILES, serialise, serialiseJson } from './serialise.js';

export { buildDocument } from './document.js';
export type { OpenapiOptions } from './options.js';

export const openapiGenerator = defineGenerator<Partial<OpenapiOptions>>({
  ...OPENAPI_INFO,
  check: (model, options) => checkOpenapi(model, withDefaults(options)),
  plan(model, options, context) {
    const filled = withDefaults(options);
    const document = buildDocument(model, filled, context.memo);
    if (isEmptyDocument(document)) return [];
    // The document is data: serialised here, so the template only lays the text out.
    return filled.formats.map((format) => ({
      path: DOCUMENT_FILES[format],
      template: 'document.hbs',
      // JSON.stringify's text: the header can splice itself in, the formatter lay out its pieces (kit/stringified-json-data.ts).
      data: format === 'json' ? jsonData(document) : { content: serialise(document, format), document },
      source: context.configSource,
      indexExports: [],
    }));
  },
});

function jsonData(document: OpenAPIObject): { content: string; document: OpenAPIObject } {
  const json = serialiseJson(document);
  return withStringifiedJson({ content: json.text, document }, json.pieces);
}
