/** Documentation (description, title, deprecation, default, examples) as schema annotations. */
import type { SchemaObject } from 'openapi3-ts/oas31';
import type { Docs } from '../../../model/types.js';
import { compact } from './context.js';

/**
 * The annotations of `docs`. A deprecation reason has no keyword of its own: it is appended to
 * the description, so readers of the document still see why.
 */
export function docsAnnotations(docs: Docs): SchemaObject {
  const reason = typeof docs.deprecated === 'string' && docs.deprecated !== '' ? `Deprecated: ${docs.deprecated}` : undefined;
  const description = [docs.description, reason].filter(Boolean).join('\n\n');
  return compact({
    title: docs.title,
    description: description === '' ? undefined : description,
    deprecated: docs.deprecated !== undefined ? true : undefined,
    default: docs.default,
    examples: docs.examples && docs.examples.length > 0 ? docs.examples : undefined,
  });
}

/**
 * `schema` with the annotations added: `title` and `description` lead (as readers expect),
 * the others follow the keywords; an annotation never replaces a keyword the schema has.
 */
export function annotate(schema: SchemaObject, annotations: SchemaObject): SchemaObject {
  const added = Object.entries(annotations).filter(([key]) => !(key in schema));
  const leads = (key: string) => (key === 'title' || key === 'description') && schema.$ref === undefined;
  return {
    ...Object.fromEntries(added.filter(([key]) => leads(key))),
    ...schema,
    ...Object.fromEntries(added.filter(([key]) => !leads(key))),
  };
}
