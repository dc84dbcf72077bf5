/**
 * Interfaces and classes that extend `Map<K, V>` or `Set<T>` (or `ReadonlyMap`, `ReadonlySet`),
 * directly or through other user types: `class TagSet extends Set<string>`. To TypeScript a value
 * of one is a Map (Set) whose entries are typed by the base's arguments, plus the type's own
 * members. They were read as an object of method names, so no entry was ever checked: they are
 * now the base collection (validators test `instanceof Map` and every entry, as for `Map<K, V>`),
 * met with an object of the type's own members when it declares any.
 */
import { Node, SyntaxKind, type ClassDeclaration, type Type, type TypeNode as SyntaxNode } from 'ts-morph';
import type { ObjectType, TypeNode, UnknownType } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import { isSymbolKeyed, wellKnownSymbolOf } from '../symbol-keys.js';
import { isDefaultLib } from './declarations.js';
import { resolveType } from './resolve.js';
import { childSite, type Site } from './site.js';

const COLLECTIONS: Record<string, 'map' | 'set'> = { Map: 'map', ReadonlyMap: 'map', Set: 'set', ReadonlySet: 'set' };

interface CollectionBase {
  form: 'map' | 'set';
  /** The lib base type (`Map<string, Date>`), whose type arguments type the entries. */
  base: Type;
  /** The arguments as written in the user's `extends Map<K, V>`, for their aliases' constraints. */
  written: SyntaxNode[];
}

/**
 * The model of a user interface or class extending a lib Map or Set; undefined for other types.
 * `structural` reads the type's own members (object.ts's `resolveStructural`).
 */
export function resolveCollectionSubtype(type: Type, site: Site, ctx: AnalyzerContext, structural: (type: Type, site: Site, ctx: AnalyzerContext) => TypeNode): TypeNode | undefined {
  const found = collectionBase(type.getTargetType() ?? type, new Set());
  if (!found) return undefined;
  const argumentTypes = entryTypes(type, found.form, site.at) ?? found.base.getTypeArguments();
  const argument = (index: number): TypeNode => {
    const argumentType = argumentTypes[index];
    if (!argumentType) return { kind: 'unknown' };
    return resolveType(argumentType, childSite(site, found.written[index], argumentType), ctx);
  };
  // The base as TypeScript has it (`Map<string, Date>`), which is what the node describes.
  const text = found.base.getText(site.at);
  const collection: UnknownType = {
    kind: 'unknown',
    unsupported: found.form === 'map' ? { form: 'map', text, key: argument(0), value: argument(1) } : { form: 'set', text, items: argument(0) },
  };
  const own = ownMembers(structural(type, site, ctx), type);
  return own ? { kind: 'intersection', members: [collection, own] } : collection;
}

/**
 * The key and value (item) types of the collection as this type has them: the parameters of its
 * `set(key, value)` (`add(value)`), which are instantiated where the bases the checker lists are
 * the generic declaration's (`Reg<Date>` of `class Reg<T> extends Map<string, T>`). Undefined when
 * the type overrides the method: the bases' arguments are read then (correct unless generic).
 */
function entryTypes(type: Type, form: 'map' | 'set', at: Node): Type[] | undefined {
  const method = type.getProperty(form === 'map' ? 'set' : 'add');
  // An override may widen its parameters (methods are bivariant): only the lib's own says K and V.
  const declaration = method?.getDeclarations()[0];
  if (!declaration || !isDefaultLib(declaration)) return undefined;
  const signature = method?.getTypeAtLocation(at).getCallSignatures()[0];
  const parameters = signature?.getParameters().map((parameter) => parameter.getTypeAtLocation(at));
  return parameters && parameters.length === (form === 'map' ? 2 : 1) ? parameters : undefined;
}

function collectionBase(type: Type, seen: Set<Type>): CollectionBase | undefined {
  if (seen.has(type)) return undefined;
  seen.add(type);
  const declaration = type.getSymbol()?.getDeclarations()[0];
  if (!declaration || isDefaultLib(declaration) || !(Node.isInterfaceDeclaration(declaration) || Node.isClassDeclaration(declaration))) return undefined;
  for (const base of type.getBaseTypes()) {
    const baseDeclaration = base.getSymbol()?.getDeclarations()[0];
    const form = COLLECTIONS[base.getSymbol()?.getName() ?? ''];
    if (form && baseDeclaration && isDefaultLib(baseDeclaration)) return { form, base, written: writtenArguments(declaration) };
    const found = collectionBase(base.getTargetType() ?? base, seen);
    // Through another user type the arguments are that type's: read from the base the checker instantiated.
    if (found) return { form: found.form, base: libBaseOf(base) ?? found.base, written: [] };
  }
  return undefined;
}

/** The lib Map/Set among the bases of `type` (instantiated), however deep. */
function libBaseOf(type: Type): Type | undefined {
  for (const base of type.getBaseTypes()) {
    const declaration = base.getSymbol()?.getDeclarations()[0];
    if (COLLECTIONS[base.getSymbol()?.getName() ?? ''] && declaration && isDefaultLib(declaration)) return base;
    const deeper = libBaseOf(base);
    if (deeper) return deeper;
  }
  return undefined;
}

function writtenArguments(declaration: Node): SyntaxNode[] {
  const clauses = Node.isInterfaceDeclaration(declaration) ? declaration.getExtends() : Node.isClassDeclaration(declaration) ? [declaration.getExtends()] : [];
  for (const clause of clauses) {
    if (clause && COLLECTIONS[clause.getExpression().getText()]) return clause.getTypeArguments();
  }
  return [];
}

/**
 * The type's object without what Map or Set declares (`size`, `get`, `[Symbol.iterator]`…): the
 * collection member checks those. Undefined when nothing of the type's own is left.
 */
function ownMembers(node: TypeNode, type: Type): ObjectType | undefined {
  if (node.kind !== 'object') return undefined;
  const lib = new Set<string>();
  const libSymbols = new Set<string>();
  for (const symbol of type.getProperties()) {
    const declaration = symbol.getDeclarations()[0];
    if (!declaration || !isDefaultLib(declaration)) continue;
    if (isSymbolKeyed(symbol)) {
      const known = wellKnownSymbolOf(declaration);
      if (known) libSymbols.add(known);
    } else lib.add(symbol.getName());
  }
  const object: ObjectType = { ...node, properties: node.properties.filter((property) => !lib.has(property.name)) };
  if (node.behaviour) {
    const { methods, optionalMethods, symbolMethods, accessors, ...rest } = node.behaviour;
    const behaviour: NonNullable<ObjectType['behaviour']> = { ...rest, methods: methods.filter((name) => !lib.has(name)) };
    const optional = optionalMethods?.filter((name) => !lib.has(name));
    if (optional && optional.length > 0) behaviour.optionalMethods = optional;
    const symbols = symbolMethods?.filter((method) => !libSymbols.has(method.symbol));
    if (symbols && symbols.length > 0) behaviour.symbolMethods = symbols;
    const ownAccessors = accessors?.filter((accessor) => !lib.has(accessor.name));
    if (ownAccessors && ownAccessors.length > 0) behaviour.accessors = ownAccessors;
    const empty = behaviour.methods.length === 0 && behaviour.privateFields.length === 0 && !behaviour.optionalMethods && !behaviour.symbolMethods && !behaviour.symbolProperties?.length && !behaviour.accessors;
    if (empty) delete object.behaviour;
    else object.behaviour = behaviour;
  }
  const bare = object.properties.length === 0 && !object.behaviour && !object.additionalProperties && !object.numberIndex && !object.patternIndexes;
  return bare ? undefined : object;
}

/** Whether a class's type is what `resolveCollectionSubtype` reads: a Map or Set, alone or met with the class's own members. */
export function isCollectionSubclass(node: TypeNode): boolean {
  const collection = node.kind === 'intersection' ? node.members[0] : node;
  return collection?.kind === 'unknown' && (collection.unsupported?.form === 'map' || collection.unsupported?.form === 'set');
}

/** Whether every way to construct the class (its own constructor, else the nearest inherited one) requires an argument. */
export function requiresArguments(declaration: ClassDeclaration): boolean {
  const checker = declaration.getProject().getTypeChecker();
  const symbol = declaration.getSymbol();
  if (!symbol) return false;
  const signatures = checker.getTypeOfSymbolAtLocation(symbol, declaration).getConstructSignatures();
  return signatures.length > 0 && signatures.every((signature) => signature.getParameters().some((parameter) => {
    const node = parameter.getDeclarations()[0];
    return node !== undefined && Node.isParameterDeclaration(node) && !node.isOptional() && !node.isRestParameter() && !node.hasInitializer();
  }));
}

/**
 * Whether a mock cannot call the class's constructor with no arguments: every construct signature
 * requires an argument (`requiresArguments`), or the constructor is `private` or `protected`
 * (TypeScript refuses `new` from outside the class).
 */
export function cannotConstructBare(declaration: ClassDeclaration): boolean {
  if (requiresArguments(declaration)) return true;
  // The constructor `new` calls: the class's own, else the nearest base class's.
  for (let current: ClassDeclaration | undefined = declaration; current; current = current.getBaseClass()) {
    const constructors = current.getConstructors();
    if (constructors.length > 0) return constructors.some((node) => node.hasModifier(SyntaxKind.PrivateKeyword) || node.hasModifier(SyntaxKind.ProtectedKeyword));
  }
  return false;
}
