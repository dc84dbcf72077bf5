/**
 * Parts of a type nested deeper than `MAX_INLINE_DEPTH` levels become components of their own
 * (`Deep.Nested1`, referred to with `$ref`), so the document's nesting stays bounded whatever
 * the type's depth: a 200-level inline type written out inline is a JSON text nested over 400
 * levels deep, which Prettier cannot format (its printer recurses once per level). The dot keeps
 * the names clear of declarations' names, which are identifiers.
 */
import type { SchemaObject } from 'openapi3-ts/oas31';
import type { TypeNode } from '../../../model/types.js';
import { COMPONENTS_PREFIX } from './context.js';

/** Levels of composite types (objects, arrays, tuples, records, unions, intersections) written inline. */
export const MAX_INLINE_DEPTH = 16;

const COMPOSITE = new Set<TypeNode['kind']>(['object', 'array', 'tuple', 'record', 'union', 'intersection']);

/** The nesting state of one document's schemas. */
export class NestedComponents {
  /** Hoisted schemas by component name, in order of creation. */
  readonly schemas = new Map<string, SchemaObject>();
  private owner = 'Inline';
  private depth = 0;
  private readonly counters = new Map<string, number>();

  /** Runs `build` (a declaration's schema) with hoisted parts named after `owner`. */
  within<T>(owner: string, build: () => T): T {
    const [previousOwner, previousDepth] = [this.owner, this.depth];
    this.owner = owner;
    this.depth = 0;
    try {
      return build();
    } finally {
      this.owner = previousOwner;
      this.depth = previousDepth;
    }
  }

  /** The schema of `node` built by `walk`, or a `$ref` to a component holding it when it sits too deep. */
  schemaOf(node: TypeNode, walk: (node: TypeNode) => SchemaObject): SchemaObject {
    if (!COMPOSITE.has(node.kind)) return walk(node);
    if (this.depth >= MAX_INLINE_DEPTH) {
      const name = this.nextName();
      const previousDepth = this.depth;
      this.depth = 0;
      this.schemas.set(name, {}); // reserved first: the name is taken before parts below it are numbered
      try {
        this.schemas.set(name, this.inline(node, walk));
      } finally {
        this.depth = previousDepth;
      }
      return { $ref: `${COMPONENTS_PREFIX}${name}` };
    }
    return this.inline(node, walk);
  }

  private inline(node: TypeNode, walk: (node: TypeNode) => SchemaObject): SchemaObject {
    this.depth += 1;
    try {
      return walk(node);
    } finally {
      this.depth -= 1;
    }
  }

  private nextName(): string {
    const count = (this.counters.get(this.owner) ?? 0) + 1;
    this.counters.set(this.owner, count);
    return `${this.owner}.Nested${count}`;
  }
}
