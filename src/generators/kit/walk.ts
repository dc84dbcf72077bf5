/**
 * The shared type walker: one dispatch over `TypeNode` kinds, varied by a strategy object, and
 * the recursion generators need around it (children with their paths, some/every, checks that
 * collect what they find with where they found it), so no generator writes its own.
 * Generators that traverse type trees (validators, mocks, schemas) implement a strategy with one
 * method per kind instead of writing their own recursion; the context carries what a generator
 * needs along the way (value expression, path, depth, names).
 */
import type { TypeKind, TypeNode } from '../../model/types.js';
import type { DeclarationIndex } from './declaration-index.js';

/** One method per type kind; each receives the node narrowed to its kind. */
export type TypeStrategy<R, C> = {
  [K in TypeKind]: (node: Extract<TypeNode, { kind: K }>, context: C) => R;
};

/** Dispatches `node` to the strategy method for its kind. */
export function walkType<R, C>(node: TypeNode, strategy: TypeStrategy<R, C>, context: C): R {
  const visit = strategy[node.kind] as (node: TypeNode, context: C) => R;
  return visit(node, context);
}

/** A child of a type node, and the path segment from its parent to it. */
export interface TypeChild {
  node: TypeNode;
  /**
   * The segment a value path takes to reach the child: a property name, a tuple position, `*`
   * for array items, record values and additional properties; undefined for union and
   * intersection members, which describe the same value.
   */
  segment?: string;
}

/** The direct children of a type node, in source order (refs are leaves: see `WalkOptions.index`). */
export function typeChildren(node: TypeNode): TypeChild[] {
  switch (node.kind) {
    case 'array':
      return [{ node: node.items, segment: '*' }];
    case 'tuple':
      return [
        ...node.elements.map((element, position) => ({ node: element.type, segment: String(position) })),
        ...(node.rest ? [{ node: node.rest, segment: '*' }] : []),
        // Elements after a rest have no fixed position: `*`, as the rest's.
        ...(node.trailing ?? []).map((element) => ({ node: element.type, segment: '*' })),
      ];
    case 'object':
      return [
        ...node.properties.map((property) => ({ node: property.type, segment: property.name })),
        // A class's get accessors: what they return is reached too (validators check it).
        ...(node.behaviour?.accessors ?? []).map((property) => ({ node: property.type, segment: property.name })),
        ...(node.additionalProperties ? [{ node: node.additionalProperties, segment: '*' }] : []),
        ...(node.numberIndex ? [{ node: node.numberIndex, segment: '*' }] : []),
        ...(node.patternIndexes ?? []).map((index) => ({ node: index.value, segment: '*' })),
      ];
    case 'record':
      return [{ node: node.value, segment: '*' }];
    case 'union':
    case 'intersection':
      return node.members.map((member) => ({ node: member }));
    case 'unknown':
      // `Map<K, V>`, `Set<T>`: their entries are checked and mocked, as items are.
      if (node.unsupported?.form === 'map') return [{ node: node.unsupported.key, segment: '*' }, { node: node.unsupported.value, segment: '*' }];
      if (node.unsupported?.form === 'set') return [{ node: node.unsupported.items, segment: '*' }];
      return [];
    default:
      return [];
  }
}

export interface WalkOptions {
  /** Follow refs into the declarations they name (each declaration once, so cycles end). Without it refs are leaves. */
  index?: DeclarationIndex;
}

/**
 * Every node of the tree with the value path to it, depth first in source order, `visit`'s
 * results concatenated: checks that report where in a type they found something.
 */
export function collectInType<T>(node: TypeNode, visit: (node: TypeNode, path: readonly string[]) => readonly T[], options: WalkOptions = {}): T[] {
  const found: T[] = [];
  const seen = new Set<string>();
  const walk = (current: TypeNode, path: readonly string[]): void => {
    found.push(...visit(current, path));
    if (current.kind === 'ref' && options.index) {
      if (seen.has(current.id)) return;
      seen.add(current.id);
      walk(options.index.get(current.id).type, path);
      return;
    }
    for (const child of typeChildren(current)) walk(child.node, child.segment === undefined ? path : [...path, child.segment]);
  };
  walk(node, []);
  return found;
}

/** Whether `predicate` holds for `node` or a node below it (stops at the first). */
export function someType(node: TypeNode, predicate: (node: TypeNode) => boolean, options: WalkOptions = {}): boolean {
  const seen = new Set<string>();
  const some = (current: TypeNode): boolean => {
    if (predicate(current)) return true;
    if (current.kind === 'ref' && options.index) {
      if (seen.has(current.id)) return false;
      seen.add(current.id);
      return some(options.index.get(current.id).type);
    }
    return typeChildren(current).some((child) => some(child.node));
  };
  return some(node);
}

/** Whether `predicate` holds for `node` and every node below it. */
export function everyType(node: TypeNode, predicate: (node: TypeNode) => boolean, options: WalkOptions = {}): boolean {
  return !someType(node, (current) => !predicate(current), options);
}
