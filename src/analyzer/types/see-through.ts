/**
 * The lib's utility aliases whose result is their argument, or a part of it: `Readonly<Code[]>`,
 * `NonNullable<Code | null>`, `Awaited<Promise<Code>>`, `Extract<Code | number, string>`. The
 * checker reads them into types where `Code` is plain `string`; the argument's syntax still says
 * `Code`, so the reader goes on with it (or with the written union members the result kept), and
 * the alias's constraints reach the property as they do when `Code` is written directly.
 * Object types through `Readonly`/`Partial`/`Required` are mapped types, read property by property
 * (written-syntax.ts); here they matter only over arrays and tuples, whose elements they keep.
 */
import { Node, SyntaxKind, ts, type ConditionalTypeNode, type Type, type TypeNode as SyntaxNode, type UnionTypeNode } from 'ts-morph';
import { bindingsOf, boundArgument, boundParameter, mentionsBound, type Bindings } from './bindings.js';
import { declarationOf, isDefaultLib } from './declarations.js';
import { anonymousInstantiationOf } from './anonymous-instantiation.js';
import { ownedPropertySyntax, type Written } from './written-syntax.js';
import { denotes } from './site.js';

/** What the reader goes on with: one written type, or the written members of a union the result kept. */
export type SeenThrough = { node: SyntaxNode; bindings: Bindings | undefined } | { members: Written[] };

/** Homomorphic mapped types: over an array or a tuple, an array or a tuple of the same elements. */
const ELEMENTWISE = new Set(['Readonly', 'Partial', 'Required']);
/** Aliases whose result is the argument, or the members of it they keep. */
const FILTERS = new Set(['NonNullable', 'Extract', 'Exclude', 'Awaited']);

/** The written argument a lib utility alias at `node` passes on to `type`; undefined for anything else. */
export function seeThrough(node: SyntaxNode | undefined, type: Type, bindings: Bindings | undefined): SeenThrough | undefined {
  if (node && Node.isConditionalTypeNode(node)) return takenBranch(node, type, bindings);
  if (node && Node.isIndexedAccessTypeNode(node)) return accessed(node, type, bindings);
  if (!node || !Node.isTypeReference(node)) return undefined;
  const own = transparentAlias(node, type, bindings);
  if (own) return own;
  const first = node.getTypeArguments()[0];
  const name = libAliasName(node);
  if (!first || !name || !(ELEMENTWISE.has(name) || FILTERS.has(name))) return undefined;
  let argument = unbound(first, bindings);
  if (name === 'Awaited') argument = awaited(argument);
  const written = argument.node.getType();
  if (written.compilerType === type.compilerType) return argument;
  // `NonNullable<Field<T[K]>>`, read for `Field<string>`: an instantiation of the very generic written, which the filter kept whole.
  if (FILTERS.has(name) && instantiatesWritten(argument, type)) return argument;
  if (ELEMENTWISE.has(name)) return isArrayLike(written) && isArrayLike(type) ? argument : undefined;
  return kept(argument, type);
}

/**
 * `Id<Code>` with `type Id<T> = T` (or `T extends string ? T : never`): a generic alias of the
 * user's the checker resolved away, leaving no instantiation to name; its body is read with
 * `T` bound to `Code`. An alias the type still carries (`Nullable<Code>`) is an instantiation.
 */
function transparentAlias(node: SyntaxNode, type: Type, bindings: Bindings | undefined): SeenThrough | undefined {
  if (!Node.isTypeReference(node) || node.getTypeArguments().length === 0) return undefined;
  const declaration = declarationOf(node.getTypeName().getSymbol());
  if (!declaration || !Node.isTypeAliasDeclaration(declaration) || isDefaultLib(declaration)) return undefined;
  if (declarationOf(type.getAliasSymbol()) === declaration) return undefined;
  const body = declaration.getTypeNode();
  if (!body || declaration.getTypeParameters().length === 0) return undefined;
  const inner = bindingsOf(node, bindings);
  const unboundBody = unbound(body, inner);
  if (unboundBody.node.getType().compilerType === type.compilerType) return unboundBody;
  return Node.isConditionalTypeNode(unboundBody.node) ? takenBranch(unboundBody.node, type, unboundBody.bindings) : undefined;
}

/**
 * The branch of `T extends string ? T : never` that is `type`, its parameters bound; undefined
 * unless exactly one written type is (`T[K] extends string ? T[K] : T[K]` has one, twice).
 */
function takenBranch(node: SyntaxNode, type: Type, bindings: Bindings | undefined): SeenThrough | undefined {
  if (!Node.isConditionalTypeNode(node)) return undefined;
  const branches = [node.getTrueType(), node.getFalseType()].map((branch) => unbound(branch, bindings));
  // `top?: …`'s `string | undefined` is taken by the branch `T[K]` that wrote `Code`.
  const taken = branches.filter((branch) => denotes(branch.node.getType(), type));
  const nodes = new Set(taken.map((branch) => branch.node));
  if (nodes.size === 1) return taken[0];
  if (nodes.size > 1) {
    // `T[K] extends string ? Code : T[K]` read for `plain: string`: both branches are `string`;
    // the test, asked of the written types, says which one TypeScript took.
    const test = conditionHolds(node, bindings);
    const branch = test === undefined ? undefined : branches[test ? 0 : 1];
    return branch && taken.includes(branch) ? branch : undefined;
  }
  // `T[K] extends object ? DeepPartial<T[K]> : T[K]` read for an object: the checker's type is an
  // instantiation of the generic one branch names (`DeepPartial<{ code: string }>`), whose own type is the generic's.
  const generic = declarationOf(type.getAliasSymbol()) ?? anonymousInstantiationOf(type)?.node;
  const named = generic && branches.filter((branch) => Node.isTypeReference(branch.node) && mentionsBound(branch.node, branch.bindings) && declarationOf(branch.node.getTypeName().getSymbol()) === generic);
  return named?.length === 1 ? named[0] : undefined;
}

/**
 * Whether the check type of `node` (as its bindings write it: `T[K]` is `code: Code`'s `Code`)
 * is assignable to its extends type, as TypeScript decides a conditional over types it knows;
 * undefined where that is not the checker's whole rule: either side still generic or `any`,
 * an `infer`, or a naked type parameter bound to a union (which distributes).
 */
function conditionHolds(node: ConditionalTypeNode, bindings: Bindings | undefined): boolean | undefined {
  const keyed = keyConditionHolds(node, bindings);
  if (keyed !== undefined) return keyed;
  const check = unbound(node.getCheckType(), bindings);
  const extendsNode = node.getExtendsType();
  if (mentionsBound(check.node, check.bindings) || mentionsBound(extendsNode, bindings)) return undefined;
  if (Node.isInferTypeNode(extendsNode) || extendsNode.getDescendantsOfKind(SyntaxKind.InferType).length > 0) return undefined;
  const checkType = check.node.getType();
  const extendsType = extendsNode.getType();
  if (boundArgument(node.getCheckType(), bindings) && Node.isTypeReference(node.getCheckType()) && checkType.isUnion()) return undefined;
  const open = ts.TypeFlags.Any | ts.TypeFlags.Instantiable;
  if (checkType.getFlags() & open || extendsType.getFlags() & open) return undefined;
  const checker = node.getProject().getTypeChecker().compilerObject;
  return checker.isTypeAssignableTo(checkType.compilerType, extendsType.compilerType);
}

/**
 * A mapped type's key tested (`K extends keyof U ? U[K] : T[K]`, `K extends 'id' ? string : T[K]`)
 * while the property made for one key is read: whether that key is one of `U`'s (`U` bound to a
 * written type), or assignable to the written extends type. Undefined for any other test.
 */
function keyConditionHolds(node: ConditionalTypeNode, bindings: Bindings | undefined): boolean | undefined {
  let check = node.getCheckType();
  while (Node.isParenthesizedTypeNode(check)) check = check.getTypeNode();
  const bound = bindings && boundParameter(check, bindings);
  if (!bound || !('key' in bound)) return undefined;
  const key = bound.key;
  let extendsNode = node.getExtendsType();
  while (Node.isParenthesizedTypeNode(extendsNode)) extendsNode = extendsNode.getTypeNode();
  if (Node.isTypeOperatorTypeNode(extendsNode) && extendsNode.getOperator() === SyntaxKind.KeyOfKeyword) {
    const object = unbound(extendsNode.getTypeNode(), bindings);
    const type = object.node.getType();
    if (mentionsBound(object.node, object.bindings) || type.getFlags() & (ts.TypeFlags.Any | ts.TypeFlags.Instantiable)) return undefined;
    if (!(key.flags & (ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral))) return undefined;
    return type.getProperty(String((key as ts.LiteralType).value)) !== undefined;
  }
  const extendsType = extendsNode.getType();
  if (mentionsBound(extendsNode, bindings) || extendsType.getFlags() & (ts.TypeFlags.Any | ts.TypeFlags.Instantiable)) return undefined;
  if (Node.isInferTypeNode(extendsNode) || extendsNode.getDescendantsOfKind(SyntaxKind.InferType).length > 0) return undefined;
  const checker = node.getProject().getTypeChecker().compilerObject;
  return checker.isTypeAssignableTo(key, extendsType.compilerType);
}

/**
 * `Source[keyof Source]`, `Source['a' | 'b']`: the written types of the properties the keys name,
 * as the members of the union they make; `List[number]` (`type List = Code[]`): the item as written.
 * The object and the keys may be bound parameters (`T[K]` of `Get<Sub, 'a' | 'b'>`), and a property
 * an inherited `T` (`Sub extends Base<Code>`'s `code`). Literal keys alone are read in written-syntax.ts.
 */
function accessed(node: SyntaxNode, type: Type, bindings: Bindings | undefined): SeenThrough | undefined {
  if (!Node.isIndexedAccessTypeNode(node)) return undefined;
  const object = unbound(node.getObjectTypeNode(), bindings);
  const indexSyntax = unbound(node.getIndexTypeNode(), bindings);
  if (mentionsBound(object.node, object.bindings) || mentionsBound(indexSyntax.node, indexSyntax.bindings)) return undefined;
  const index = indexSyntax.node.getType();
  if (index.isNumber()) {
    const item = itemSyntax(object.node);
    return item && item.getType().compilerType === type.compilerType ? { node: item, bindings: object.bindings } : undefined;
  }
  const keys = index.isUnion() ? index.getUnionTypes() : [index];
  if (!keys.every((key) => key.isStringLiteral() || key.isNumberLiteral())) return undefined;
  const members: Written[] = [];
  for (const key of keys) {
    const symbol = object.node.getType().getProperty(String(key.getLiteralValue()));
    const found = symbol && ownedPropertySyntax(object.node.getType(), symbol, symbol.getTypeAtLocation(node), bindingsOf(object.node, object.bindings), node);
    if (!found) return undefined;
    const written = unbound(found.node, found.bindings);
    if (mentionsBound(written.node, written.bindings)) return undefined;
    if (!members.some((member) => member.node === written.node)) members.push(written);
  }
  return kept({ members }, type);
}

/** The item syntax of an array written as `Code[]`, `Array<Code>` or an inlined alias of one. */
function itemSyntax(node: SyntaxNode): SyntaxNode | undefined {
  if (Node.isArrayTypeNode(node)) return node.getElementTypeNode();
  if (!Node.isTypeReference(node)) return undefined;
  const declaration = declarationOf(node.getTypeName().getSymbol());
  if (declaration && Node.isTypeAliasDeclaration(declaration) && declaration.getTypeParameters().length === 0) {
    const aliased = declaration.getTypeNode();
    return aliased && itemSyntax(aliased);
  }
  const name = declaration && isDefaultLib(declaration) ? declaration.getName() : undefined;
  return name === 'Array' || name === 'ReadonlyArray' ? node.getTypeArguments()[0] : undefined;
}

/** Whether `type` instantiates the generic `argument` writes a reference to with parameters still bound (`Field<T[K]>`). */
function instantiatesWritten(argument: { node: SyntaxNode; bindings: Bindings | undefined }, type: Type): boolean {
  const { node } = argument;
  if (!Node.isTypeReference(node) || node.getTypeArguments().length === 0 || !mentionsBound(node, argument.bindings)) return false;
  const generic = declarationOf(node.getTypeName().getSymbol());
  if (!generic || isDefaultLib(generic)) return false;
  return declarationOf(type.getAliasSymbol()) === generic || declarationOf(type.getSymbol()) === generic;
}

/** `Readonly` for a reference to the lib's `Readonly`, through imports; undefined for other names. */
function libAliasName(node: SyntaxNode): string | undefined {
  if (!Node.isTypeReference(node)) return undefined;
  const declaration = declarationOf(node.getTypeName().getSymbol());
  return declaration && Node.isTypeAliasDeclaration(declaration) && isDefaultLib(declaration) ? declaration.getName() : undefined;
}

function unbound(node: SyntaxNode, bindings: Bindings | undefined): { node: SyntaxNode; bindings: Bindings | undefined } {
  const bound = boundArgument(node, bindings);
  const found = bound ?? { node, bindings };
  return Node.isParenthesizedTypeNode(found.node) ? unbound(found.node.getTypeNode(), found.bindings) : found;
}

/** `Promise<Code>` (and `PromiseLike`, nested) awaited is `Code`. */
function awaited(argument: { node: SyntaxNode; bindings: Bindings | undefined }): { node: SyntaxNode; bindings: Bindings | undefined } {
  const { node } = argument;
  if (!Node.isTypeReference(node)) return argument;
  const declaration = declarationOf(node.getTypeName().getSymbol());
  const inner = node.getTypeArguments()[0];
  if (!inner || !declaration || !isDefaultLib(declaration) || !['Promise', 'PromiseLike'].includes(declaration.getName() ?? '')) return argument;
  return awaited(unbound(inner, argument.bindings));
}

function isArrayLike(type: Type): boolean {
  return type.isArray() || type.isReadonlyArray() || type.isTuple();
}

/**
 * The written union members whose types all survive in `type` (`Code` and `null` of
 * `Exclude<Code | number | null, number>`), when together they are exactly `type`.
 */
function kept(argument: { node: SyntaxNode; bindings: Bindings | undefined } | { members: Written[] }, type: Type): SeenThrough | undefined {
  if ('node' in argument && !Node.isUnionTypeNode(argument.node)) return undefined;
  const result = new Set(constituents(type));
  const members = 'members' in argument ? argument.members : (argument.node as UnionTypeNode).getTypeNodes().map((member) => unbound(member, argument.bindings));
  const survivors = members.filter((member) => constituents(member.node.getType()).every((constituent) => result.has(constituent)));
  const covered = new Set(survivors.flatMap((member) => constituents(member.node.getType())));
  if (survivors.length === 0 || covered.size !== result.size) return undefined;
  return survivors.length === 1 ? survivors[0]! : { members: survivors };
}

function constituents(type: Type): unknown[] {
  return (type.isUnion() ? type.getUnionTypes() : [type]).map((member) => member.compilerType);
}
