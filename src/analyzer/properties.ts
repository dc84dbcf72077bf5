/** Properties of an object type: name, type, optional, nullable, readonly, docs and constraints. */
import { Node, Scope, ts, type Symbol as TsSymbol, type Type, type TypeNode as SyntaxNode } from 'ts-morph';
import type { Docs, Property } from '../model/index.js';
import type { AnalyzerContext } from './context.js';
import { readDocs, mergeDocs } from './tags/docs.js';
import { applyPropertyTags } from './tags/families.js';
import { reportUnknownAnnotations } from './tags/known-tags.js';
import { inlinedAliasOf } from './types/declarations.js';
import { resolveType } from './types/resolve.js';
import type { Site } from './types/site.js';

/** The data properties of an object type, in the checker's order (declaration order). */
export function readProperties(type: Type, owner: Site, ctx: AnalyzerContext): Property[] {
  return type.getProperties().flatMap((symbol) => {
    const property = readProperty(symbol, owner, ctx);
    return property ? [property] : [];
  });
}

function readProperty(symbol: TsSymbol, owner: Site, ctx: AnalyzerContext): Property | undefined {
  const node = symbol.getDeclarations()[0];
  if (!isDataProperty(symbol, node)) return undefined;
  const name = symbol.getName();
  const path = `${owner.path}.${name}`;
  const at = node ?? owner.at;
  const checked = symbol.getTypeAtLocation(at);
  const syntax = declaredSyntax(symbol, node, checked);
  const optional = { value: symbol.isOptional() };
  const type = resolveType(syntax?.getType() ?? checked, { node: syntax, path, at, optional }, ctx);
  const property: Property = {
    name,
    type,
    optional: optional.value,
    nullable: false,
    readonly: isReadonly(symbol, node),
    docs: {},
    source: ctx.source(at),
  };
  const tags = node ? ctx.tags(node) : [];
  const decorators = node ? ctx.decorators(node) : [];
  reportUnknownAnnotations(tags, decorators, path, ctx);
  applyPropertyTags(property, { node, tags, decorators, inheritedDocs: aliasDocs(syntax, ctx), path }, ctx);
  property.nullable = property.type.kind === 'union' && property.type.members.some((member) => member.kind === 'null');
  return property;
}

/** Methods, accessors and non-public members are behaviour, not data. */
function isDataProperty(symbol: TsSymbol, node: Node | undefined): boolean {
  if (symbol.hasFlags(ts.SymbolFlags.Method | ts.SymbolFlags.Accessor | ts.SymbolFlags.Prototype)) return false;
  if (!node) return true;
  if (Node.isMethodSignature(node) || Node.isMethodDeclaration(node) || Node.isGetAccessorDeclaration(node) || Node.isSetAccessorDeclaration(node)) return false;
  if (Node.isPropertyDeclaration(node) && node.getScope() !== Scope.Public) return false;
  if (Node.isParameterDeclaration(node) && node.getScope() !== undefined && node.getScope() !== Scope.Public) return false;
  return !(Node.isPropertyDeclaration(node) && node.getNameNode().getKind() === ts.SyntaxKind.PrivateIdentifier);
}

/**
 * The type as written. A property produced by instantiation or a mapped type (`Omit<Book, 'id'>`)
 * keeps it only when its type is still the written one, so the aliases in it (`price: Money`)
 * and their constraints survive `Pick`, `Omit`, `Partial` and `Readonly`, while `T` in a generic does not leak.
 */
function declaredSyntax(symbol: TsSymbol, node: Node | undefined, checked: Type): SyntaxNode | undefined {
  if (!node) return undefined;
  if (!(Node.isPropertySignature(node) || Node.isPropertyDeclaration(node) || Node.isParameterDeclaration(node))) return undefined;
  const syntax = node.getTypeNode();
  if (!syntax || !symbol.hasFlags(ts.SymbolFlags.Transient)) return syntax;
  return sameTypeIgnoringUndefined(syntax.getType(), checked) ? syntax : undefined;
}

/** `Partial` adds `| undefined` to an optional property's type; that alone is no change. */
function sameTypeIgnoringUndefined(written: Type, checked: Type): boolean {
  if (written.compilerType === checked.compilerType) return true;
  if (!checked.isUnion()) return false;
  const defined = checked.getUnionTypes().filter((member) => !member.isUndefined());
  const writtenMembers = written.isUnion() ? written.getUnionTypes() : [written];
  return defined.length === writtenMembers.length && defined.every((member, i) => member.compilerType === writtenMembers[i]!.compilerType);
}

function isReadonly(symbol: TsSymbol, node: Node | undefined): boolean {
  if (node && Node.isReadonlyable(node) && node.isReadonly()) return true;
  // `Readonly<T>` marks the mapped symbols with the checker's internal Readonly check flag.
  const getCheckFlags = (ts as unknown as { getCheckFlags?: (s: ts.Symbol) => number }).getCheckFlags;
  return ((getCheckFlags?.(symbol.compilerSymbol) ?? 0) & 8) !== 0;
}

/** Docs of the inlined aliases a property's type names directly (`Email`, `Email | null`). */
function aliasDocs(syntax: SyntaxNode | undefined, ctx: AnalyzerContext): Docs {
  const members = syntax && Node.isUnionTypeNode(syntax) ? syntax.getTypeNodes() : syntax ? [syntax] : [];
  return members.reduce<Docs>((docs, member) => {
    const alias = inlinedAliasOf(member);
    return alias ? mergeDocs(docs, readDocs(alias, ctx.tags(alias))) : docs;
  }, {});
}
