/**
 * The classes an interface inherits non-public members from (`interface HasPriv extends Priv`,
 * through any depth of interfaces or an intersection alias): TypeScript compares such a type
 * nominally, as it does the class, so only instances of the class (or its subclasses) are values
 * of it. `implements` inherits no member, so only `extends` is followed.
 */
import { Node, type Type } from 'ts-morph';
import type { AnalyzerContext } from '../context.js';
import { behaviourOf } from './behaviour.js';
import { resolveType } from './resolve.js';
import type { Site } from './site.js';

/** Whether a type is the instance type of a class. */
export function isClassType(type: Type): boolean {
  return type.getSymbol()?.getDeclarations().some((declaration) => Node.isClassDeclaration(declaration) || Node.isClassExpression(declaration)) ?? false;
}

/**
 * The model ids of the most derived classes with non-public members among an interface's bases
 * (`Priv` for `interface Deep extends HasPriv`, `HasPriv extends Priv`); empty when there are none.
 */
export function nominalBases(type: Type, site: Site, ctx: AnalyzerContext): string[] {
  const ids: string[] = [];
  const seen = new Set<Type>();
  const visit = (base: Type): void => {
    if (seen.has(base)) return;
    seen.add(base);
    if (base.isIntersection()) {
      for (const member of base.getIntersectionTypes()) visit(member);
      return;
    }
    if (isClassType(base)) {
      // The first class with a non-public member on the way up: its instances have every one above it.
      if ((behaviourOf(base)?.privateFields.length ?? 0) === 0) return;
      const node = resolveType(base, site, ctx);
      if (node.kind === 'ref' && !ids.includes(node.id)) ids.push(node.id);
      return;
    }
    for (const next of base.getBaseTypes()) visit(next);
  };
  for (const base of type.getBaseTypes()) visit(base);
  return ids;
}
