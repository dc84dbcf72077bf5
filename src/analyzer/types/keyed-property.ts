/**
 * `T[K]` in a mapped type's template, read for one property (`K` bound to `'code'`, bindings.ts):
 * the property `code` as the source wrote it. `Nullable<Src>` with
 * `type Nullable<T> = { [K in keyof T]: T[K] | null }` is, to the checker, `string | null` for
 * `code`: `Src`'s `code: Code` (an alias with `@minLength 2`) is plain `string` there. Found
 * here, `Code` stands where `T[K]` is written, in a union, an array, a tuple, a conditional's
 * branch, `NonNullable<T[K]>`, a nested mapped type (`DeepPartial<T[K]>`), so its constraints
 * reach the property as they do through `Partial`'s bare `T[P]`.
 *
 * The object is read by the checker when its type is concrete (`Src`, `Pick<Src, 'code'>`,
 * another mapped type's instantiation: written-syntax.ts follows those), and by its syntax when it
 * still names the parameters of an enclosing generic (`Nullable<T>` inside
 * `type Twice<T> = Nullable<Nullable<T>>`), whose checker type has no properties to ask.
 */
import { Node, ts, type IndexedAccessTypeNode, type TypeNode as SyntaxNode } from 'ts-morph';
import { bindingsOf, boundArgument, boundParameter, mentionsBound, withKey, type Bindings, type Bound, type BoundKey } from './bindings.js';
import { declarationOf, isDefaultLib } from './declarations.js';
import { noteKeyedSource } from './keyed-values.js';
import { ownedPropertySyntax } from './written-syntax.js';

/** Objects followed through aliases and mapped types before giving up (a cycle in what is written). */
const DEPTH = 32;

/**
 * The written type of the property `T[K]` names, `K` being a bound key; undefined when `K` is
 * no bound key, the object is an unbound type parameter, or no such property is written
 * (a symbol key, an index signature, an array's number key).
 */
export function keyedProperty(node: IndexedAccessTypeNode, bindings: Bindings): Bound | undefined {
  let index = node.getIndexTypeNode();
  while (Node.isParenthesizedTypeNode(index)) index = index.getTypeNode();
  const key = boundKey(index, bindings);
  if (!key) return undefined;
  const written = node.getObjectTypeNode();
  const object = boundArgument(written, bindings) ?? { node: written, bindings };
  // `T[K]` with `K` = `number` over `T` = `Code[]`: an element-wise mapping of an array (mapped-array.ts).
  const item = key.key.flags & ts.TypeFlags.Number ? arrayItemSyntax(object.node) : undefined;
  if (item) return boundArgument(item, object.bindings) ?? { node: item, bindings: object.bindings };
  const found = writtenProperty(object, key, DEPTH) ?? originProperty(written, index, object.node, key);
  if (!found) return undefined;
  const bound = boundArgument(found.node, found.bindings) ?? found;
  noteKeyedSource(found.node, bound.node, key);
  return bound;
}

/**
 * The key `K` stands for: a mapped type's key while one property is read, or the single literal a
 * written argument binds it to (`Get<Sub, 'code'>` of `type Get<T, K extends keyof T> = { v: T[K] }`).
 * Undefined for anything else (a union of keys, `keyof T`, an unbound `K`).
 */
function boundKey(index: SyntaxNode, bindings: Bindings): BoundKey | undefined {
  const bound = boundParameter(index, bindings);
  if (!bound || 'key' in bound) return bound;
  const end = boundArgument(bound.node, bound.bindings) ?? bound;
  let literal = end.node;
  while (Node.isParenthesizedTypeNode(literal)) literal = literal.getTypeNode();
  if (!Node.isLiteralTypeNode(literal)) return undefined;
  const value = literal.getLiteral();
  return Node.isStringLiteral(value) || Node.isNumericLiteral(value) ? { key: literal.getType().compilerType } : undefined;
}

/**
 * `T[K]` of a homomorphic mapped type (`[K in keyof T]`) whose `T` no written argument reaches
 * (`Box_Item`'s `v: Nullable<T>` read from `ReturnType<typeof makeBox>`, a class extending a
 * call): the property the checker copied, as its source declared it (`Item`'s `code: Code`).
 * Without it, that reading of `Nullable_Item` lost Code's tags, and every use of the shared
 * instantiation with it (tester8 F8).
 */
function originProperty(written: SyntaxNode, index: SyntaxNode, object: SyntaxNode, key: BoundKey): Bound | undefined {
  if (!key.origin || !object.getType().isTypeParameter() || !isMappedSource(written, index)) return undefined;
  const declaration = key.origin.getDeclarations()[0];
  return declaration ? ownedPropertySyntax(key.originOwner, key.origin, key.origin.getTypeAtLocation(declaration), undefined, declaration) : undefined;
}

/** Whether `written` names the `T` of the `[K in keyof T]` whose `K` the index `K` names. */
function isMappedSource(written: SyntaxNode, index: SyntaxNode): boolean {
  const parameter = Node.isTypeReference(index) ? index.getTypeName().getSymbol()?.getDeclarations()[0] : undefined;
  const constraint = parameter && Node.isTypeParameterDeclaration(parameter) ? parameter.getConstraint() : undefined;
  const source = constraint && Node.isTypeOperatorTypeNode(constraint) && constraint.getOperator() === ts.SyntaxKind.KeyOfKeyword ? constraint.getTypeNode() : undefined;
  if (!source || !Node.isTypeReference(source) || !Node.isTypeReference(written)) return false;
  const symbol = source.getTypeName().getSymbol();
  return symbol !== undefined && symbol === written.getTypeName().getSymbol();
}

/** The written type of the property `key` of the written type `object`. */
function writtenProperty(object: Bound, key: BoundKey, depth: number): Bound | undefined {
  const name = keyName(key.key);
  if (name === undefined || depth === 0) return undefined;
  let node = object.node;
  while (Node.isParenthesizedTypeNode(node)) node = node.getTypeNode();
  const type = node.getType();
  if (type.isTypeParameter()) return undefined;
  if (!mentionsBound(node, object.bindings)) {
    const symbol = type.getProperty(name);
    return symbol && ownedPropertySyntax(type, symbol, symbol.getTypeAtLocation(node), bindingsOf(node, object.bindings), node, key);
  }
  // Generic still: the checker's type is the generic's, so the syntax is read instead.
  if (Node.isTypeLiteral(node)) return memberSyntax(node.getProperty(name), object.bindings);
  if (Node.isIntersectionTypeNode(node)) {
    for (const member of node.getTypeNodes()) {
      const found = writtenProperty(boundArgument(member, object.bindings) ?? { node: member, bindings: object.bindings }, key, depth - 1);
      if (found) return found;
    }
    return undefined;
  }
  if (Node.isMappedTypeNode(node)) {
    const mapped = node.compilerNode;
    // `as` renames keys: which key made `name` is not read back from it here.
    if (mapped.nameType || !mapped.type) return undefined;
    const template = node.getTypeNode();
    return template && { node: template, bindings: withKey(object.bindings, mapped.typeParameter, key.key, undefined, key) };
  }
  if (!Node.isTypeReference(node)) return undefined;
  const declaration = declarationOf(node.getTypeName().getSymbol());
  const inner = bindingsOf(node, object.bindings);
  if (declaration && Node.isTypeAliasDeclaration(declaration)) {
    const body = declaration.getTypeNode();
    return body && writtenProperty(boundArgument(body, inner) ?? { node: body, bindings: inner }, key, depth - 1);
  }
  if (declaration && Node.isInterfaceDeclaration(declaration)) return memberSyntax(declaration.getProperty(name), inner);
  return undefined;
}

/** The written item of an array type: `Code[]`, `readonly Code[]`, `Array<Code>`, `ReadonlyArray<Code>`, an alias of one; else undefined. */
export function arrayItemSyntax(node: SyntaxNode, depth = DEPTH): SyntaxNode | undefined {
  while (Node.isParenthesizedTypeNode(node)) node = node.getTypeNode();
  if (Node.isArrayTypeNode(node)) return node.getElementTypeNode();
  if (Node.isTypeOperatorTypeNode(node) && node.getOperator() === ts.SyntaxKind.ReadonlyKeyword) return arrayItemSyntax(node.getTypeNode(), depth);
  if (!Node.isTypeReference(node) || depth === 0) return undefined;
  const declaration = declarationOf(node.getTypeName().getSymbol());
  if (declaration && Node.isTypeAliasDeclaration(declaration) && declaration.getTypeParameters().length === 0) {
    const aliased = declaration.getTypeNode();
    return aliased && arrayItemSyntax(aliased, depth - 1);
  }
  const name = declaration && isDefaultLib(declaration) ? declaration.getName() : undefined;
  return name === 'Array' || name === 'ReadonlyArray' ? node.getTypeArguments()[0] : undefined;
}

/** A property signature's written type, under `bindings`. */
function memberSyntax(member: Node | undefined, bindings: Bindings | undefined): Bound | undefined {
  if (!member || !Node.isPropertySignature(member)) return undefined;
  const syntax = member.getTypeNode();
  return syntax && { node: syntax as SyntaxNode, bindings };
}

/** A string or number literal key's property name; undefined for other keys (`unique symbol`). */
function keyName(key: ts.Type): string | undefined {
  if (key.flags & (ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral)) return String((key as ts.LiteralType).value);
  return undefined;
}
