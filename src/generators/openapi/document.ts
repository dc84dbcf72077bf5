/**
 * The whole document, built with openapi3-ts's `OpenApiBuilder` from the model. Pure and
 * deterministic: keys in a fixed order (`openapi`, `info`, `servers`, `tags`, `paths`,
 * `components`), paths and component names sorted, methods in OpenAPI's order.
 */
import { OpenApiBuilder, type OpenAPIObject, type SchemaObject } from 'openapi3-ts/oas31';
import type { Entity, Model } from '../../model/types.js';
import { createDeclarationIndex, type DeclarationIndex } from '../kit/declaration-index.js';
import type { PlanMemo } from '../kit/plan-memo.js';
import type { OpenapiOptions } from './options.js';
import { pathsObject, serviceEntries, type PathEntry } from './paths/operations.js';
import { resourceEntries, resourceSchemas } from './paths/resources.js';
import { componentDeclarations, declarationSchema, publicServices } from './schemas/components.js';
import { compact } from './schemas/context.js';
import { schemaContext } from './schemas/type-schema.js';
import { schemaMemo } from './schema-memo.js';
import { GENERATOR_NAME } from './options.js';

export const OPENAPI_VERSION = '3.1.0';

/** Entities that get resource paths: their declaration is public and processed by openapi. */
export function resourceEntities(model: Pick<Model, 'entities'>, index: DeclarationIndex): Entity[] {
  return model.entities.filter((entity) => {
    const declaration = index.find(entity.declaration);
    return declaration !== undefined && declaration.generators.includes(GENERATOR_NAME) && !declaration.internal;
  });
}

/** Whether the document describes nothing: no path and no schema. */
export function isEmptyDocument(document: OpenAPIObject): boolean {
  return Object.keys(document.paths ?? {}).length === 0 && Object.keys(document.components?.schemas ?? {}).length === 0;
}

/**
 * The OpenAPI 3.1 document of the model. With a plan memo kept between builds (watch), the
 * component schemas whose declarations did not change are those of the last build (schema-memo.ts).
 */
export function buildDocument(model: Model, options: OpenapiOptions, memo?: PlanMemo): OpenAPIObject {
  const index = createDeclarationIndex(model);
  const context = schemaContext(index);
  const services = publicServices(model);
  const entities = options.resources ? resourceEntities(model, index) : [];
  const entries: PathEntry[] = [
    ...serviceEntries(services, context),
    ...entities.flatMap((entity) => resourceEntries(entity, index.get(entity.declaration), context, model.entities)),
  ];
  const schemas: Record<string, SchemaObject> = {};
  const components = componentDeclarations(index, services, entities.map((entity) => entity.declaration));
  // Deep parts are named after their declaration: a name two declarations share cannot tell whose they are.
  const kept = schemaMemo(new Set(components.map((declaration) => declaration.name)).size === components.length ? memo : undefined);
  for (const declaration of components) {
    schemas[declaration.name] = kept.schema(declaration, context, (reading) => reading.within(declaration.name, () => declarationSchema(declaration, reading)));
  }
  kept.finish();
  for (const entity of entities) Object.assign(schemas, resourceSchemas(entity, index.get(entity.declaration), context, model.entities));
  // After the resource schemas: a column's schema may hoist deep parts too.
  for (const [name, schema] of context.nested) schemas[name] = schema;

  const builder = OpenApiBuilder.create({
    openapi: OPENAPI_VERSION,
    info: compact({ title: options.title, version: options.version, description: options.description }),
    ...(options.servers.length > 0 ? { servers: options.servers.map((url) => ({ url })) } : {}),
    ...(entries.some((entry) => entry.operation.tags?.length) ? { tags: [] } : {}),
    paths: {},
    ...(Object.keys(schemas).length > 0 ? { components: { schemas: {} } } : {}),
  });
  const tags = [...new Set(entries.flatMap((entry) => entry.operation.tags ?? []))].sort();
  for (const name of tags) builder.addTag({ name });
  for (const [path, item] of Object.entries(pathsObject(entries))) builder.addPath(path, item);
  for (const name of Object.keys(schemas).sort()) builder.addSchema(name, schemas[name]!);
  return builder.getSpec();
}
