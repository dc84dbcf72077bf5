/**
 * Interfaces and classes that extend `Array<T>` or `ReadonlyArray<T>` (`interface Tags extends
 * Array<string> {}`, through other interfaces too): arrays of `T`. Members of their own cannot
 * travel with a JSON array (and no mock array has them), so they are reported (CG2004) rather
 * than dropped.
 */
import { Node, type Type, type TypeNode as SyntaxNode } from 'ts-morph';
import type { TypeNode } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import { isDefaultLib } from './declarations.js';
import { resolveEmptyNever } from './empty-never.js';
import { childSite, type Site } from './site.js';
import { unsupported } from './unsupported.js';

/** The array model of a user interface or class extending a lib array; undefined for other types. */
export function resolveArraySubtype(type: Type, site: Site, ctx: AnalyzerContext): TypeNode | undefined {
  const base = arrayBase(type.getTargetType() ?? type, new Set());
  if (!base) return undefined;
  const own = type.getProperties().filter((property) => {
    const declaration = property.getDeclarations()[0];
    return declaration && !isDefaultLib(declaration);
  });
  if (own.length > 0) {
    return unsupported(type, site, ctx, 'array-members');
  }
  const items = type.getNumberIndexType();
  if (!items) return undefined;
  const node: TypeNode = { kind: 'array', items: resolveEmptyNever(items, childSite(site, base.itemSyntax, items), ctx) };
  if (base.readonly) node.readonly = true;
  return node;
}

interface ArrayBase {
  readonly: boolean;
  /** The `T` written in `extends Array<T>` of the declaration itself, for its alias's constraints. */
  itemSyntax?: SyntaxNode;
}

function arrayBase(type: Type, seen: Set<Type>): ArrayBase | undefined {
  if (seen.has(type)) return undefined;
  seen.add(type);
  const declaration = type.getSymbol()?.getDeclarations()[0];
  if (!declaration || isDefaultLib(declaration) || !(Node.isInterfaceDeclaration(declaration) || Node.isClassDeclaration(declaration))) return undefined;
  const bases = type.getBaseTypes();
  const direct = bases.find((base) => base.isArray() || base.isReadonlyArray());
  if (direct) return { readonly: !direct.isArray(), ...writtenItem(declaration) };
  for (const base of bases) {
    const found = arrayBase(base.getTargetType() ?? base, seen);
    if (found) return { readonly: found.readonly };
  }
  return undefined;
}

function writtenItem(declaration: Node): { itemSyntax?: SyntaxNode } {
  const clauses = Node.isInterfaceDeclaration(declaration) ? declaration.getExtends() : Node.isClassDeclaration(declaration) ? [declaration.getExtends()] : [];
  for (const clause of clauses) {
    if (!clause || !/^(Readonly)?Array$/.test(clause.getExpression().getText())) continue;
    const item = clause.getTypeArguments()[0];
    return item ? { itemSyntax: item } : {};
  }
  return {};
}
