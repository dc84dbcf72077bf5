/** What the schema strategies share while walking a type tree. */
import type { SchemaObject } from 'openapi3-ts/oas31';
import type { TypeNode } from '../../../model/types.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';

/** Where component schemas live; every `$ref` the generator writes starts with it. */
export const COMPONENTS_PREFIX = '#/components/schemas/';

export interface SchemaContext {
  index: DeclarationIndex;
  /** The schema of a nested type (the strategy walk, passed in so the parts need not import each other). */
  schemaOf(node: TypeNode): SchemaObject;
  /**
   * Schemas of parts nested too deep to be written inline (`Deep.Nested1`), by component name:
   * the document adds them to `components.schemas` (see `nested-components.ts`).
   */
  readonly nested: Map<string, SchemaObject>;
  /** Runs `build` with nested parts hoisted under `owner`'s name (a declaration's). */
  within<T>(owner: string, build: () => T): T;
}

/** `{ $ref: '#/components/schemas/Name' }` for a declaration id. */
export function refTo(id: string, context: Pick<SchemaContext, 'index'>): SchemaObject {
  return { $ref: `${COMPONENTS_PREFIX}${context.index.get(id).name}` };
}

/** The object without its `undefined` entries, keys in the order written. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
