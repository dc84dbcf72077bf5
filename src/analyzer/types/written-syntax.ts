/**
 * The syntax that wrote a property or an index signature, found through mapped types. The
 * checker copies a property through `Partial`, `Pick`, `Readonly` or `Record` as a new symbol
 * whose type has forgotten its aliases (`Code` is just `string`); the syntax is still there:
 * the mapped type's template (`Record`'s `T`, bound to the written `Code[]`), or, for a
 * template `T[P]`, the property the source type declared.
 */
import { Node, ts, type Symbol as TsSymbol, type Type, type TypeNode as SyntaxNode } from 'ts-morph';
import { bindingsOf, boundArgument, mentionsBound, withKey, type Bindings, type BoundKey } from './bindings.js';
import { namedAliasOf } from './declarations.js';
import { checkedBaseBindings } from './heritage-bindings.js';

/** A type's syntax and the bindings its type parameters are read with. */
export interface Written {
  node: SyntaxNode;
  bindings: Bindings | undefined;
}

/** What the checker keeps on a symbol a mapped type made (internal: `MappedSymbol.links`). */
interface MappedLinks {
  /** `modifiersType`: the source a homomorphic mapped type copies (`CreateDto` of `Partial<CreateDto>`), once resolved. */
  mappedType?: { declaration?: ts.MappedTypeNode; modifiersType?: ts.Type };
  syntheticOrigin?: ts.Symbol;
  /** The key this property was made for, before any `as` clause renamed it. */
  keyType?: ts.Type;
}

/**
 * The written type of a property symbol, when it still denotes `checked` (or names a bound
 * parameter). `outer`: the key of an enclosing mapped type this property is read for
 * (`BoundKey.outer`), when the symbol's own mapped type binds its key.
 */
export function propertySyntax(symbol: TsSymbol, checked: Type, bindings: Bindings | undefined, anchor: Node, outer?: BoundKey): Written | undefined {
  const links = (symbol.compilerSymbol as unknown as { links?: MappedLinks }).links;
  const mapped = links?.mappedType?.declaration;
  if (mapped?.type) {
    const template = wrapNode(anchor, mapped.type) as SyntaxNode;
    if (links?.syntheticOrigin && readsSourceProperty(mapped)) {
      // `[P in keyof T]?: T[P]`: the property as `T` wrote it, with `T`'s own arguments bound.
      const source = Node.isIndexedAccessTypeNode(template) ? boundArgument(template.getObjectTypeNode(), bindings) : undefined;
      const origin = wrapSymbol(anchor, links.syntheticOrigin);
      // No written source (`class UpdateDto extends PartialType(CreateDto)`), or one whose clauses do not
      // write the base's argument (`Partial<TaggedCreate>`, `TaggedCreate extends WithTag(CreateDto)`): the checker's source's bases do.
      return ownedPropertySyntax(sourceOf(links, anchor), origin, checked, source && bindingsOf(source.node, source.bindings), anchor, outer);
    }
    // `Pick<Record<string, Code>, 'a'>`: the source has no property `a`, only its index signature.
    const source = readsSourceProperty(mapped) && Node.isIndexedAccessTypeNode(template) ? boundArgument(template.getObjectTypeNode(), bindings) : undefined;
    const index = source && sourceIndexSyntax(source, checked, anchor);
    if (index) return index;
    // `[K in keyof T]: T[K] | null`: the template with `K` bound to this property's key, so that
    // `T[K]` in it is the property as `T`'s argument wrote it (bindings.ts).
    const origin = links?.syntheticOrigin && wrapSymbol(anchor, links.syntheticOrigin);
    const keyed = links?.keyType ? withKey(bindings, mapped.typeParameter, links.keyType, origin && { symbol: origin, owner: sourceOf(links, anchor) }, outer) : bindings;
    return accepted(template, checked, keyed);
  }
  const declarations = symbol.getDeclarations();
  const node = declarations.find((declaration) => Node.isGetAccessorDeclaration(declaration)) ?? declarations[0];
  const syntax = node && writtenMemberType(node);
  if (!syntax) return undefined;
  if (!symbol.hasFlags(ts.SymbolFlags.Transient)) return { node: syntax, bindings };
  return accepted(syntax, checked, bindings);
}

/**
 * `propertySyntax`, and for a member a generic base declares (`code: T`) that `bindings` leave
 * unbound, read again with what the `extends` clauses of `owner` (the checker type holding it)
 * and its bases bind, `bindings` winning: `class UpdateDto extends PartialType(CreateDto)` is
 * the checker's `Partial<CreateDto>` alone, whose `code` is CreateDto's `extends BaseDto<Code>`'s
 * `T` (heritage-bindings.ts). Undefined as `propertySyntax` when neither finds it. `outer` as
 * `propertySyntax`'s.
 */
export function ownedPropertySyntax(owner: Type | undefined, symbol: TsSymbol, checked: Type, bindings: Bindings | undefined, anchor: Node, outer?: BoundKey): Written | undefined {
  const found = propertySyntax(symbol, checked, bindings, anchor, outer);
  if (found || !owner || !symbol.hasFlags(ts.SymbolFlags.Transient)) return found;
  const bases = checkedBaseBindings(owner);
  return bases && propertySyntax(symbol, checked, new Map([...bases, ...(bindings ?? [])]), anchor, outer);
}

/** The source a homomorphic mapped type copies (`CreateDto` of the checker's `Partial<CreateDto>`), once the checker resolved it. */
function sourceOf(links: MappedLinks, anchor: Node): Type | undefined {
  const source = links.mappedType?.modifiersType;
  return source && wrapType(anchor, source);
}

/**
 * The type a member declaration writes: a property's, a parameter property's or a getter's return
 * type (`get code(): Code`, a property of an interface; a class's accessor, which validators check
 * too). Undefined for other members (a setter without a getter is read as the checker types it)
 * and where no type is written.
 */
function writtenMemberType(node: Node): SyntaxNode | undefined {
  if (Node.isPropertySignature(node) || Node.isPropertyDeclaration(node) || Node.isParameterDeclaration(node)) return node.getTypeNode();
  return Node.isGetAccessorDeclaration(node) ? node.getReturnTypeNode() : undefined;
}

/**
 * The mapped type whose key a property it made is read under, so that `T[K]` in its template
 * names that property's source (keyed-values.ts): the property's own mapped type, or, through
 * copies that read the source property whole (`Partial<Form<T>>`), the one that made the source.
 * Undefined for a copy of a declared property (`Partial`, `Pick`, `Readonly` of an interface)
 * and for a property no mapped type made.
 */
export function keyedMapping(symbol: TsSymbol): ts.MappedTypeNode | undefined {
  let current: ts.Symbol | undefined = symbol.compilerSymbol;
  for (let depth = 0; current && depth < 16; depth += 1) {
    const links: MappedLinks | undefined = (current as unknown as { links?: MappedLinks }).links;
    const mapped = links?.mappedType?.declaration;
    if (!mapped?.type) return undefined;
    if (!links?.syntheticOrigin || !readsSourceProperty(mapped)) return mapped;
    current = links.syntheticOrigin;
  }
  return undefined;
}

/**
 * The source property a homomorphic mapped type with an `as` clause that renames keys made a
 * property of (`` { [K in keyof T as `${K & string}Input`]: T[K] } ``'s `nameInput`, of `name`):
 * TypeScript links the source's declaration to the copies of a filtering clause (`as Exclude<K,
 * 'id'>`) but not to renamed ones, whose value is the source's all the same.
 */
export function renamedSource(symbol: TsSymbol, anchor: Node): Node | undefined {
  const links = (symbol.compilerSymbol as unknown as { links?: MappedLinks }).links;
  const mapped = links?.mappedType?.declaration;
  const origin = links?.syntheticOrigin;
  if (!mapped || !origin || !mapped.nameType || symbol.getDeclarations().length > 0) return undefined;
  const declaration = origin.declarations?.[0];
  return declaration && wrapNode(anchor, declaration);
}

/**
 * `Source['main']`: the written type of the property an indexed access with a literal key names,
 * so `main: Code` keeps its alias there too; `T['main']` with `T` bound to a written `Source` alike.
 */
export function indexedAccessSyntax(node: SyntaxNode | undefined, checked: Type, bindings: Bindings | undefined, anchor: Node): Written | undefined {
  if (!node || !Node.isIndexedAccessTypeNode(node)) return undefined;
  const index = node.getIndexTypeNode();
  if (!Node.isLiteralTypeNode(index)) return undefined;
  const literal = index.getLiteral();
  if (!Node.isStringLiteral(literal) && !Node.isNumericLiteral(literal)) return undefined;
  // `T['code']` in `Picks<T extends Coded>` read for `Picks<Other>`: `Other`'s `code: Code`, not the constraint's `code: string`.
  const bound = boundArgument(node.getObjectTypeNode(), bindings);
  const object = bound ? bound.node : node.getObjectTypeNode();
  const symbol = object.getType().getProperty(literal.getLiteralText());
  if (!symbol) return undefined;
  const written = ownedPropertySyntax(object.getType(), symbol, checked, bindingsOf(object, bound ? bound.bindings : bindings), anchor);
  // `Sub['code']` of `interface Sub extends Base<Code>`: Base's `code: T` is the `Code` Sub's clause writes.
  const found = written && (boundArgument(written.node, written.bindings) ?? written);
  return found && (mentionsBound(found.node, found.bindings) || sameOrOptional(found.node.getType(), checked)) ? found : undefined;
}

/** `checked` is `written`, or `written | undefined` (`Point['slug']` of `slug?: Slug`: the `?` adds it). */
function sameOrOptional(written: Type, checked: Type): boolean {
  if (written.compilerType === checked.compilerType) return true;
  if (!checked.isUnion() || written.isUnion()) return false;
  const defined = checked.getUnionTypes().filter((member) => !member.isUndefined());
  return defined.length === 1 && defined[0]!.compilerType === written.compilerType;
}

/** The written value type of an index signature of `type` (an interface's, a literal's, or a mapped type's template). */
export function indexSyntax(type: Type, keyKind: 'string' | 'number', bindings: Bindings | undefined, anchor: Node): Written | undefined {
  const checked = keyKind === 'string' ? type.getStringIndexType() : type.getNumberIndexType();
  if (!checked) return undefined;
  const mapped = (type.compilerType as unknown as { declaration?: ts.Node }).declaration;
  if (mapped && ts.isMappedTypeNode(mapped)) {
    if (!mapped.type) return undefined;
    const template = wrapNode(anchor, mapped.type) as SyntaxNode;
    // `Readonly<Record<string, Code>>`, `Partial<…>`: the index as the mapped type's source wrote it.
    const source = readsSourceProperty(mapped) && Node.isIndexedAccessTypeNode(template) ? boundArgument(template.getObjectTypeNode(), bindings) : undefined;
    const inner = source && indexSyntax(source.node.getType(), keyKind, bindingsOf(source.node, source.bindings), anchor);
    if (inner) return mentionsBound(inner.node, inner.bindings) ? inner : accepted(inner.node, checked, inner.bindings);
    return accepted(template, checked, bindings);
  }
  const checker = anchor.getProject().getTypeChecker().compilerObject;
  const keyFlag = keyKind === 'string' ? ts.TypeFlags.String : ts.TypeFlags.Number;
  const info = checker.getIndexInfosOfType(type.compilerType).find((candidate) => (candidate.keyType.flags & keyFlag) !== 0);
  const written = info?.declaration?.type;
  return written ? accepted(wrapNode(anchor, written) as SyntaxNode, checked, bindings) : undefined;
}

/** The written value type of the index signature a mapped type's source (`Record<string, Code>`) holds. */
function sourceIndexSyntax(source: { node: SyntaxNode; bindings: Bindings | undefined }, checked: Type, anchor: Node): Written | undefined {
  const type = source.node.getType();
  const own = bindingsOf(source.node, source.bindings);
  const inner = indexSyntax(type, 'string', own, anchor) ?? indexSyntax(type, 'number', own, anchor);
  if (!inner) return undefined;
  return mentionsBound(inner.node, inner.bindings) ? inner : accepted(inner.node, checked, inner.bindings);
}

/** `syntax` when it denotes `checked` (a `Partial`'s added `| undefined` aside), or mentions a bound parameter. */
function accepted(syntax: SyntaxNode, checked: Type, bindings: Bindings | undefined): Written | undefined {
  if (mentionsBound(syntax, bindings)) return { node: syntax, bindings };
  return sameTypeIgnoringUndefined(syntax.getType(), checked) ? { node: syntax, bindings } : undefined;
}

/** `Partial` adds `| undefined` to an optional property's type; that alone is no change. */
function sameTypeIgnoringUndefined(written: Type, checked: Type): boolean {
  if (written.compilerType === checked.compilerType) return true;
  if (!checked.isUnion()) return false;
  const defined = checked.getUnionTypes().filter((member) => !member.isUndefined());
  const writtenMembers = written.isUnion() ? written.getUnionTypes() : [written];
  return defined.length === writtenMembers.length && defined.every((member, i) => member.compilerType === writtenMembers[i]!.compilerType);
}

/** True for a template `T[P]` indexed by the mapped type's own key (`Partial`, `Pick`, `Readonly`). */
function readsSourceProperty(mapped: ts.MappedTypeNode): boolean {
  const template = mapped.type;
  if (!template || !ts.isIndexedAccessTypeNode(template)) return false;
  const index = template.indexType;
  return ts.isTypeReferenceNode(index) && ts.isIdentifier(index.typeName) && index.typeName.text === mapped.typeParameter.name.text;
}

// ts-morph wraps compiler nodes and symbols through its factory; these are the same wrappers
// `getDeclarations()` returns, so identity comparisons elsewhere keep working.
interface Factory {
  getNodeFromCompilerNode(node: ts.Node, sourceFile: unknown): Node;
  getSourceFile(node: ts.SourceFile, options: { markInProject: boolean }): unknown;
  getSymbol(symbol: ts.Symbol): TsSymbol;
}

function factoryOf(anchor: Node): Factory {
  return (anchor as unknown as { _context: { compilerFactory: Factory } })._context.compilerFactory;
}

function wrapNode(anchor: Node, node: ts.Node): Node {
  const factory = factoryOf(anchor);
  return factory.getNodeFromCompilerNode(node, factory.getSourceFile(node.getSourceFile(), { markInProject: false }));
}

function wrapSymbol(anchor: Node, symbol: ts.Symbol): TsSymbol {
  return factoryOf(anchor).getSymbol(symbol);
}

/**
 * The written key and value types of one index signature of `type` (`info`): an interface's or a
 * literal's `[k: K]: V`, or a mapped type's `[P in K]: V` (`Record<Slug, Code>`, its parameters
 * bound to the written arguments). The key is the member of a written union that denotes
 * `info.keyType` (`Record<A | B, V>` has an index per member).
 */
export function indexInfoSyntax(type: Type, info: ts.IndexInfo, bindings: Bindings | undefined, anchor: Node): { key?: Written; value?: Written } {
  const mapped = (type.compilerType as unknown as { declaration?: ts.Node }).declaration;
  const checkedValue = wrapType(anchor, info.type);
  let key: SyntaxNode | undefined;
  let value: Written | undefined;
  if (mapped && ts.isMappedTypeNode(mapped)) {
    // `Readonly<Record<\`x-${string}\`, Slug>>`, `Partial<XSignature>`: the index as the source wrote it.
    const inner = sourceIndexInfoSyntax(mapped, info, checkedValue, bindings, anchor);
    if (inner) return inner;
    // `[P in Slug as \`k-${P}\`]`: the keys are the `as` clause's, not `Slug`'s (`as P` aside).
    const constraint = remapsKeys(mapped) ? mapped.nameType : mapped.typeParameter.constraint;
    key = constraint ? (wrapNode(anchor, constraint) as SyntaxNode) : undefined;
    value = mapped.type ? accepted(wrapNode(anchor, mapped.type) as SyntaxNode, checkedValue, bindings) : undefined;
  } else if (info.declaration) {
    const parameter = info.declaration.parameters[0]?.type;
    key = parameter ? (wrapNode(anchor, parameter) as SyntaxNode) : undefined;
    value = info.declaration.type ? accepted(wrapNode(anchor, info.declaration.type) as SyntaxNode, checkedValue, bindings) : undefined;
  }
  const bound = boundArgument(key, bindings);
  const keyWritten = bound ?? (key ? { node: key, bindings } : undefined);
  return { ...(keyWritten ? { key: keyMember(keyWritten, info.keyType) } : {}), ...(value ? { value } : {}) };
}

/**
 * The written key and value of the index signature (with `info`'s key) of a homomorphic mapped
 * type's source (`[P in keyof T]?: T[P]`, as `Partial`, `Readonly` and `Required` are written),
 * through nested ones and a non-generic alias of the source (`Partial<XDict>`); undefined when
 * `mapped` is no such type or its source has no such index.
 */
function sourceIndexInfoSyntax(mapped: ts.MappedTypeNode, info: ts.IndexInfo, checkedValue: Type, bindings: Bindings | undefined, anchor: Node): { key?: Written; value?: Written } | undefined {
  if (!mapped.type || !readsSourceProperty(mapped) || !ts.isIndexedAccessTypeNode(mapped.type)) return undefined;
  const bound = boundArgument(wrapNode(anchor, mapped.type.objectType) as SyntaxNode, bindings);
  if (!bound) return undefined;
  const alias = namedAliasOf(bound.node);
  const body = alias && Node.isTypeAliasDeclaration(alias) ? alias.getTypeNode() : undefined;
  const source: Written = body ? { node: body, bindings: bound.bindings } : bound;
  const sourceType = source.node.getType();
  const checker = anchor.getProject().getTypeChecker().compilerObject;
  const sourceInfo = checker.getIndexInfosOfType(sourceType.compilerType).find((candidate) => candidate.keyType === info.keyType);
  if (!sourceInfo) return undefined;
  const found = indexInfoSyntax(sourceType, sourceInfo, bindingsOf(source.node, source.bindings), anchor);
  const value = found.value && (mentionsBound(found.value.node, found.value.bindings) ? found.value : accepted(found.value.node, checkedValue, found.value.bindings));
  return { ...(found.key ? { key: found.key } : {}), ...(value ? { value } : {}) };
}

/** Whether a mapped type's `as` clause names other keys than its `in` constraint (`as \`k-${P}\``, not `as P`). */
function remapsKeys(mapped: ts.MappedTypeNode): boolean {
  const name = mapped.nameType;
  if (!name) return false;
  return !(ts.isTypeReferenceNode(name) && ts.isIdentifier(name.typeName) && name.typeName.text === mapped.typeParameter.name.text && !name.typeArguments);
}

/** The member of a written union key (through parentheses) that denotes `keyType`, or the key itself. */
function keyMember(written: Written, keyType: ts.Type): Written {
  const node = Node.isParenthesizedTypeNode(written.node) ? written.node.getTypeNode() : written.node;
  if (!Node.isUnionTypeNode(node)) return { ...written, node };
  const member = node.getTypeNodes().find((candidate) => candidate.getType().compilerType === keyType);
  return member ? { node: member, bindings: written.bindings } : { ...written, node };
}

/** A checker type as ts-morph wraps it, so `accepted` compares like with like. */
function wrapType(anchor: Node, type: ts.Type): Type {
  return (anchor as unknown as { _context: { compilerFactory: { getType(type: ts.Type): Type } } })._context.compilerFactory.getType(type);
}
