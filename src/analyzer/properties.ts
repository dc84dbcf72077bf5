/** Properties of an object type: name, type, optional, nullable, readonly, docs and constraints. */
import { Node, Scope, type Symbol as TsSymbol, ts, type Type, type TypeNode as SyntaxNode } from 'ts-morph';
import type { Docs, Property } from '../model/index.js';
import type { AnalyzerContext } from './context.js';
import { markInheritedMember } from './prototype-members.js';
import { isSymbolKeyed, reportSymbolKeyed } from './symbol-keys.js';
import { readDocs, mergeDocs } from './tags/docs.js';
import { applyKeyedPropertyTags, applyPlaceConstraints, applyPropertyTags } from './tags/families.js';
import { declarationAnnotations } from './tags/source-annotations.js';
import { reportUnknownAnnotations } from './tags/known-tags.js';
import { reportParameterPropertyDecorators } from './tags/parameter-property-decorators.js';
import { bindingsOf, boundArgument, mentionsBound, type Bindings, type BoundKey } from './types/bindings.js';
import { inlinedAliasOf, isDefaultLib } from './types/declarations.js';
import { reportDroppedConstraints } from './types/dropped-constraints.js';
import { resolveEmptyNever } from './types/empty-never.js';
import { resolveType } from './types/resolve.js';
import type { Site } from './types/site.js';
import { keyedMapping, ownedPropertySyntax, renamedSource } from './types/written-syntax.js';
import { isWholeValue, keyedPlaces, keyedSources, keyedValues, landed, landing, metSources, readingKeyedValues, type KeyedValues } from './types/keyed-values.js';
import { reportUnreachedSources } from './types/keyed-tags.js';

/** The data properties of an object type (or an intersection), in the checker's order (declaration order). */
export function readProperties(type: Type, owner: Site, ctx: AnalyzerContext): Property[] {
  // `Record<'eu', Code[]>`, `Partial<Pick<…>>`: the arguments written here fill the generic's templates.
  const bindings = bindingsOf(owner.node, owner.bindings);
  return type.getProperties().flatMap((symbol) => {
    const property = readProperty(type, symbol, owner, bindings, ctx);
    return property ? [property] : [];
  });
}

/**
 * The public accessors of a class (`get size(): number`, `set label(v: string)`): properties a
 * value must have, which a class instance holds on its prototype (`ObjectType.behaviour`). A getter
 * is typed as it returns; a setter without a getter as its parameter, as TypeScript types the key
 * for assignability (`setterOnly`: an instance reads `undefined` there). Abstract accessors have no
 * body on the prototype: they are data properties (`isDataProperty`).
 */
export function readClassAccessors(type: Type, owner: Site, ctx: AnalyzerContext): Property[] {
  const bindings = bindingsOf(owner.node, owner.bindings);
  return type.getProperties().flatMap((symbol) => {
    const declarations = symbol.getDeclarations();
    const accessor = declarations.find((node) => Node.isGetAccessorDeclaration(node)) ?? declarations.find((node) => Node.isSetAccessorDeclaration(node));
    if (!accessor || !(Node.isGetAccessorDeclaration(accessor) || Node.isSetAccessorDeclaration(accessor)) || !isClassMember(accessor) || accessor.isAbstract()) return [];
    if (accessor.getScope() !== Scope.Public || accessor.getNameNode().getKind() === ts.SyntaxKind.PrivateIdentifier) return [];
    const property = readProperty(type, symbol, owner, bindings, ctx, true);
    return property ? [property] : [];
  });
}

/** Whether an accessor is declared in a class (not an interface or a type literal). */
function isClassMember(node: Node): boolean {
  const parent = node.getParent();
  return Node.isClassDeclaration(parent) || Node.isClassExpression(parent);
}

function readProperty(ownerType: Type, symbol: TsSymbol, owner: Site, bindings: Bindings | undefined, ctx: AnalyzerContext, accessor = false): Property | undefined {
  const node = symbol.getDeclarations()[0];
  if (!accessor && !isDataProperty(symbol, node)) return undefined;
  // `[sym]?: number`, `[Symbol.iterator]()`: no data, and no name to write (symbol-keys.ts).
  if (isSymbolKeyed(symbol)) return void reportSymbolKeyed(symbol, owner.path, ctx);
  const name = symbol.getName();
  const path = `${owner.path}.${name}`;
  const at = node ?? owner.at;
  const checked = symbol.getTypeAtLocation(at);
  // A member a base declares as `code: T` that no written argument reaches (`IntersectionType(CreateDto, TagDto)`,
  // a mixin's `Mixin & CreateDto`): what the `extends` clauses of the checker's bases bind (written-syntax.ts).
  const found = ownedPropertySyntax(ownerType, symbol, checked, bindings, at);
  // `{ [K in keyof T]?: string }` copies the source's declaration, whose tags hold only where the template writes `T[K]`;
  // `[K in 'name' | 'email']` and `as` clauses that rename copy none, yet `T[K]` names the source all the same (keyed-values.ts).
  const mapping = keyedMapping(symbol);
  const keyed = mapping ? keyedValues(node, keyOf(found, mapping)) : undefined;
  const optional = { value: symbol.isOptional() };
  // `Omit<Error, 'stack'>`: a member TypeScript's lib declares is reported, and located, at the user's use of it.
  const located = node && (isDefaultLib(node) || node.getSourceFile().isInNodeModules()) ? owner.at : at;
  const { result, landed: reached } = landing(() => {
    const reading = () => {
      // `value: T` read for `Box<Code>` is `Code`, with the bindings `Code` was written under.
      const bound = found && boundArgument(found.node, found.bindings);
      const written = bound ? { node: bound.node, bindings: bound.bindings } : found;
      const syntax = written?.node;
      // Syntax naming a type parameter (`value: T`) has the generic's type: the checker's is the instantiated one.
      const declared = syntax && !mentionsBound(syntax, written.bindings) ? syntax.getType() : checked;
      const site: Site = { node: syntax, path, at: located, optional, ...(written?.bindings ? { bindings: written.bindings } : {}) };
      // `x?: never`: the key can only be absent, which is no mistake to report (empty-never.ts).
      const type = optional.value ? resolveEmptyNever(declared, site, ctx) : resolveType(declared, site, ctx);
      return { written, syntax, declared, type };
    };
    const read = keyed ? readingKeyedValues(keyed, reading) : reading();
    const property: Property = {
      name,
      type: read.type,
      optional: optional.value,
      nullable: false,
      readonly: isReadonly(symbol, node),
      docs: {},
      source: ctx.source(located),
    };
    if (node) {
      reportUnknownAnnotations(ctx.tags(node), ctx.decorators(node), path, ctx);
      reportParameterPropertyDecorators(node, path, ctx);
    }
    applyTags(property, keyed, node ?? renamedSource(symbol, at) ?? soleSource(keyed), read.syntax, path, ctx);
    return { ...read, property };
  });
  const { written, syntax, declared, type, property } = result;
  reportUnreachedSources(metSources(keyed).filter((source) => !reached.has(source.declaration)), found?.node, found?.bindings, checked, path, located, ctx);
  reportDroppedConstraints(syntax, declared, property.type, at, path, ctx, { bindings: written?.bindings });
  // A mapped type (`Partial<Dto>`) decides presence itself: the @IsDefined() of the class it copies does not make its keys required.
  if (symbol.hasFlags(ts.SymbolFlags.Transient) && optional.value && !property.optional) {
    property.optional = true;
    property.type = type;
  }
  if (property.optional && !symbol.isOptional()) {
    // `Required<{ id?: string | undefined }>`: `-?` strips the `undefined` its source wrote, so the key and a value are required.
    if (!admitsUndefined(checked)) {
      property.optional = false;
      // `Required<{ u?: undefined }>` leaves `never`.
      if (property.type.kind === 'undefined') property.type = resolveType(checked, { path, at }, ctx);
    }
    // `label: string | undefined`: the key is required (no `?`), its value may be `undefined`.
    else property.requiredKey = true;
  }
  // `x?: string` under exactOptionalPropertyTypes: the key may be missing, its value is never `undefined`.
  // A class field `x?: string` under define semantics is an own `undefined` on `new K()`, which TypeScript types K: accepted, as `x?: string | undefined`.
  if (ctx.exactOptionalUndefined && property.optional && !property.requiredKey && symbol.isOptional() && !holdsUndefined(checked, ctx.exactOptionalUndefined) && !(ctx.defineClassFields && definedAsUndefined(symbol))) {
    property.exactOptional = true;
    // `{ [K in keyof T]?: never }` (no syntax) reads as the checker's "missing" type: no value may be present.
    if (property.type.kind === 'undefined') property.type = { kind: 'unknown', unsupported: { form: 'never', text: 'never' } };
  }
  // `toString?: number`: TypeScript reads the inherited member when the key is missing (CG2019).
  markInheritedMember(property, checked, at, path, ctx);
  property.nullable = property.type.kind === 'union' && property.type.members.some((member) => member.kind === 'null');
  // `set label(v: string)` without a getter: the key is typed as the setter takes, but reads `undefined` where the accessor is inherited.
  if (symbol.hasFlags(ts.SymbolFlags.SetAccessor) && !symbol.hasFlags(ts.SymbolFlags.GetAccessor)) property.setterOnly = true;
  return property;
}

/**
 * The tags and decorators of `source` (the declaration the property copies, or the source
 * property a mapped type's `T[K]` names) on `property`: all of them where its type is the source's
 * value (`Partial`, `Pick`, `T[K] | null`), else its constraints only where the template holds
 * `T[K]` (keyed-values.ts); and the constraints of any other source whose value it holds (`U[K]`
 * of `K extends keyof U ? U[K] : T[K]`) where it does.
 */
function applyTags(property: Property, keyed: KeyedValues | undefined, source: Node | undefined, syntax: SyntaxNode | undefined, path: string, ctx: AnalyzerContext): void {
  const annotations = { ...declarationAnnotations(source, path, ctx), inheritedDocs: aliasDocs(syntax, ctx) };
  if (!keyed || !source) {
    applyPropertyTags(property, annotations, ctx);
    if (keyed) applyOtherSources(property, keyed, source, path, ctx);
    return;
  }
  applyOtherSources(property, keyed, source, path, ctx);
  if (isWholeValue(property.type, keyed, source)) {
    applyPropertyTags(property, annotations, ctx);
    landed(source);
    return;
  }
  const places = keyedPlaces(property, keyed, source);
  applyKeyedPropertyTags(property, annotations, places, ctx);
  if (places.length > 0) landed(source);
}

/** The constraints of each source but `source` whose value the property holds, where it holds it. */
function applyOtherSources(property: Property, keyed: KeyedValues, source: Node | undefined, path: string, ctx: AnalyzerContext): void {
  for (const other of keyedSources(keyed)) {
    if (other === source) continue;
    const places = keyedPlaces(property, keyed, other);
    if (places.length === 0) continue;
    applyPlaceConstraints({ ...declarationAnnotations(other, path, ctx), inheritedDocs: {} }, places, ctx);
    landed(other);
  }
}

/** The one source property a mapped type's reading noted, when it noted one (`[K in 'name' | 'email']: T[K]`). */
function soleSource(keyed: KeyedValues | undefined): Node | undefined {
  const sources = keyed ? keyedSources(keyed) : [];
  return sources.length === 1 ? sources[0] : undefined;
}

/** What `found` (a mapped property's written type) binds the key of `mapping` to. */
function keyOf(found: { bindings: Bindings | undefined } | undefined, mapping: ts.MappedTypeNode): BoundKey | undefined {
  const bound = found?.bindings?.get(mapping.typeParameter);
  return bound && 'key' in bound ? bound : undefined;
}

/**
 * Whether the property is a class field written without an initialiser (`x?: string`, not
 * `declare`d, not abstract), which define semantics create on each instance holding `undefined`.
 * Read through mapped types (`Partial<K>`, `Pick<K, 'x'>`), whose members keep the field's declaration.
 */
function definedAsUndefined(symbol: TsSymbol): boolean {
  return symbol.getDeclarations().some(
    (declaration) =>
      Node.isPropertyDeclaration(declaration) &&
      !declaration.hasInitializer() &&
      !declaration.hasDeclareKeyword() &&
      !declaration.isAbstract() &&
      !declaration.isStatic(),
  );
}

/** Whether the checker's type of a property holds `undefined` (`string | undefined`, `undefined`, `unknown`). */
function admitsUndefined(type: Type): boolean {
  if (type.getFlags() & (ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Unknown | ts.TypeFlags.Any)) return true;
  return type.isUnion() && type.getUnionTypes().some(admitsUndefined);
}

/**
 * Whether a type holds the checker's own `undefined` (`string | undefined`, `unknown`, `any`,
 * `void`), not only the "missing" type exactOptionalPropertyTypes gives `x?: string`, which
 * shares its flags but not its identity.
 */
export function holdsUndefined(type: Type, undefinedType: ts.Type): boolean {
  if (type.getFlags() & (ts.TypeFlags.Unknown | ts.TypeFlags.Any | ts.TypeFlags.Void)) return true;
  if (type.compilerType === undefinedType) return true;
  return type.isUnion() && type.getUnionTypes().some((member) => holdsUndefined(member, undefinedType));
}

/** Methods, accessors and non-public members are behaviour, not data. */
function isDataProperty(symbol: TsSymbol, node: Node | undefined): boolean {
  if (symbol.hasFlags(ts.SymbolFlags.Method | ts.SymbolFlags.Prototype)) return false;
  if (!node) return !symbol.hasFlags(ts.SymbolFlags.Accessor);
  // `get size(): number` in an interface or type literal is a property a value must have; a class's accessors live on its
  // prototype, except abstract ones (`abstract get area(): number`), which a value holds as data: none is on the prototype.
  if (Node.isGetAccessorDeclaration(node) || Node.isSetAccessorDeclaration(node)) {
    if (!isClassMember(node)) return true;
    return node.isAbstract() && node.getScope() === Scope.Public;
  }
  if (Node.isMethodSignature(node) || Node.isMethodDeclaration(node)) return false;
  if (Node.isPropertyDeclaration(node) && node.getScope() !== Scope.Public) return false;
  if (Node.isParameterDeclaration(node) && node.getScope() !== undefined && node.getScope() !== Scope.Public) return false;
  return !(Node.isPropertyDeclaration(node) && node.getNameNode().getKind() === ts.SyntaxKind.PrivateIdentifier);
}

function isReadonly(symbol: TsSymbol, node: Node | undefined): boolean {
  if (node && Node.isReadonlyable(node) && node.isReadonly()) return true;
  // `get size(): number` without a setter.
  if (node && Node.isGetAccessorDeclaration(node) && !symbol.hasFlags(ts.SymbolFlags.SetAccessor)) return true;
  // The members of an enum object (`typeof Color`) cannot be assigned.
  if (node && Node.isEnumMember(node)) return true;
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
