/** Small builders for model data in kit and generator unit tests. */
import type { Declaration, Model, Property, TypeNode } from '../../../src/model/types.js';

/** A declaration in `file` with sensible defaults. */
export function declaration(name: string, type: TypeNode, extra: Partial<Declaration> = {}): Declaration {
  return {
    id: name,
    name,
    kind: type.kind === 'object' ? 'interface' : type.kind === 'enum' ? 'enum' : 'type',
    source: { file: 'src/models/types.ts', line: 1, column: 1 },
    exported: true,
    docs: {},
    generators: [],
    internal: false,
    type,
    ...extra,
  };
}

/** A required property. */
export function property(name: string, type: TypeNode, extra: Partial<Property> = {}): Property {
  return {
    name,
    type,
    optional: false,
    nullable: false,
    readonly: false,
    docs: {},
    source: { file: 'src/models/types.ts', line: 1, column: 1 },
    ...extra,
  };
}

export const object = (...properties: Property[]): TypeNode => ({ kind: 'object', properties, strict: false });
export const ref = (id: string): TypeNode => ({ kind: 'ref', id });

/** A model of the given declarations. */
export function model(...declarations: Declaration[]): Model {
  const files = [...new Set(declarations.map((d) => d.source.file))].sort().map((path) => ({ path, input: true }));
  return { version: 1, files, declarations, entities: [], services: [] };
}
