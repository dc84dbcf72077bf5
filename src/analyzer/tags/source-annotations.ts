/**
 * The annotations a property declaration carries for its value: its own tags and decorators, and
 * the ones its ancestors wrote on the property it declares again (base-tags.ts, base-decorators.ts).
 * Read for a property's own declaration, and for the source property a mapped type's `T[K]` names
 * (types/keyed-values.ts).
 */
import type { Node } from 'ts-morph';
import type { AnalyzerContext } from '../context.js';
import { baseClassDecorators, keptBaseDecorators } from './base-decorators.js';
import { baseConstraintTags } from './base-tags.js';
import type { PropertyAnnotations } from './families.js';

/** The annotations of `node` (a property's declaration, when it has one), for the property at `path`. */
export function declarationAnnotations(node: Node | undefined, path: string, ctx: AnalyzerContext): Omit<PropertyAnnotations, 'inheritedDocs'> {
  const tags = node ? ctx.tags(node) : [];
  const decorators = node ? ctx.decorators(node) : [];
  const baseDecorators = keptBaseDecorators(decorators, baseClassDecorators(node, (declared) => ctx.decorators(declared)));
  // `override code = 'abc'` below `/** @maxLength 3 */ code!: string`: the ancestors' constraint tags stay in force (base-tags.ts).
  const baseTags = baseConstraintTags(node, (declared) => ctx.tags(declared));
  return { node, tags, decorators, baseDecorators, baseTags, path };
}
