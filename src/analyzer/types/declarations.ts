/**
 * Which syntax and checker types name a model declaration, and which aliases are inlined
 * instead (`type Email = string` is a primitive with tags, not a declaration of its own).
 */
import { Node, type Symbol as TsSymbol, type Type } from 'ts-morph';
import type { DeclarationNode } from '../declaration-table.js';
import { isDefaultLib } from '../default-lib.js';
import { primaryDeclaration } from '../merged-declarations.js';
import { isSelfReferencingAlias } from './recursive-alias.js';
import { isUnresolvedType } from './unresolved.js';

export { isDefaultLib };


/**
 * True for an alias of a primitive, a single literal, an array or a tuple: inlined at each use.
 * An array or tuple alias that mentions itself is a declaration instead (recursive-alias.ts).
 */
export function isInlinedAlias(node: Node): boolean {
  if (!Node.isTypeAliasDeclaration(node) || node.getTypeParameters().length > 0) return false;
  const type = node.getType();
  // Read as a declaration of its own, so that the name it cannot resolve is reported even when unused.
  if (isUnresolvedType(type)) return false;
  if (type.isBoolean()) return true;
  if (type.isArray() || type.isReadonlyArray() || type.isTuple()) return !isSelfReferencingAlias(node);
  if (type.isUnion() || type.isIntersection() || type.isObject()) return false;
  return !type.isEnum() && !type.isTypeParameter();
}

/**
 * The declaration node behind a symbol (through imports and re-exports), if it is a type
 * declaration; for merged declarations, the part that stands for them (merged-declarations.ts).
 */
export function declarationOf(symbol: TsSymbol | undefined): DeclarationNode | undefined {
  const resolved = symbol?.isAlias() ? symbol.getAliasedSymbol() : symbol;
  for (const node of resolved?.getDeclarations() ?? []) {
    if (
      Node.isInterfaceDeclaration(node) ||
      Node.isClassDeclaration(node) ||
      Node.isTypeAliasDeclaration(node) ||
      Node.isEnumDeclaration(node)
    ) {
      return primaryDeclaration(node);
    }
  }
  return undefined;
}

/** The alias a `TypeReference` syntax node names, when it is inlined (`Email`). */
export function inlinedAliasOf(node: Node | undefined): DeclarationNode | undefined {
  if (!node || !Node.isTypeReference(node)) return undefined;
  const declaration = declarationOf(node.getTypeName().getSymbol());
  return declaration && isInlinedAlias(declaration) ? declaration : undefined;
}

/** A non-generic, non-inlined type alias a `TypeReference` names (`UserPatch`), for a ref. */
export function namedAliasOf(node: Node | undefined): DeclarationNode | undefined {
  if (!node || !Node.isTypeReference(node) || node.getTypeArguments().length > 0) return undefined;
  const declaration = declarationOf(node.getTypeName().getSymbol());
  if (!declaration || !Node.isTypeAliasDeclaration(declaration) || isDefaultLib(declaration)) return undefined;
  return isInlinedAlias(declaration) || declaration.getTypeParameters().length > 0 ? undefined : declaration;
}

export interface NamedType {
  node: DeclarationNode;
  /** Empty for a plain reference; the arguments of a generic instantiation otherwise. */
  typeArguments: Type[];
}

/**
 * A class of Node's API as @types/node declares it that is behaviour, as a lib class is, not data
 * to read member by member (which reported its members inside @types/node under an
 * instantiation's model name, `Buffer_ArrayBufferOrUnknown`): one of methods only
 * (`EventEmitter`), or one extending a lib class or such a class (`Buffer` extends `Uint8Array`,
 * `Readable` an `EventEmitter`). A type of data with methods (`Stats` of `node:fs`) and an
 * interface of data only (`NodeJS.ProcessEnv`) stay data.
 */
export function isNodeClass(type: Type, seen: Set<Type> = new Set()): boolean {
  if (seen.has(type)) return false;
  seen.add(type);
  const declarations = type.getSymbol()?.getDeclarations() ?? [];
  if (declarations.length === 0 || !declarations.every((declaration) => NODE_TYPES.test(declaration.getSourceFile().getFilePath()))) return false;
  if (!declarations.some((declaration) => Node.isClassDeclaration(declaration) || Node.isInterfaceDeclaration(declaration))) return false;
  const members = type.getProperties().flatMap((property) => property.getDeclarations());
  const data = members.some((member) => Node.isPropertySignature(member) || Node.isPropertyDeclaration(member));
  if (!data) return members.some((member) => Node.isMethodSignature(member) || Node.isMethodDeclaration(member));
  const target = type.getTargetType() ?? type;
  return target.getBaseTypes().some((base) => {
    const declaration = base.getSymbol()?.getDeclarations()[0];
    return (declaration !== undefined && isDefaultLib(declaration)) || isNodeClass(base, seen);
  });
}

const NODE_TYPES = /[\\/]node_modules[\\/]@types[\\/]node[\\/]/;

/** The user declaration a checker type is an instance of, if any (not a lib's, nor one of Node's classes). */
export function namedTypeOf(type: Type): NamedType | undefined {
  const alias = type.getAliasSymbol();
  const aliasNode = declarationOf(alias);
  if (aliasNode && !isDefaultLib(aliasNode) && Node.isTypeAliasDeclaration(aliasNode) && !isInlinedAlias(aliasNode)) {
    return { node: aliasNode, typeArguments: type.getAliasTypeArguments() };
  }
  if (type.isArray() || type.isReadonlyArray() || type.isTuple()) return undefined;
  const node = declarationOf(type.getSymbol());
  if (!node || isDefaultLib(node) || Node.isTypeAliasDeclaration(node) || isNodeClass(type)) return undefined;
  // `typeof Color` (the enum object) has the enum's symbol too: it is an object, read structurally.
  if (Node.isEnumDeclaration(node)) return type.isEnum() && !type.isObject() ? { node, typeArguments: [] } : undefined;
  const parameters = node.getTypeParameters().length;
  if (parameters === 0) return { node, typeArguments: [] };
  const target = type.getTargetType();
  if (!target || target.compilerType === type.compilerType) return undefined;
  return { node, typeArguments: type.getTypeArguments().slice(0, parameters) };
}
