/**
 * Instantiations of a user's generic alias that the checker no longer names. `DeepPartial<T3>`
 * with `type DeepPartial<T> = T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T` is,
 * to the checker, the mapped type of the taken branch, without the alias: the alias names the
 * conditional, not what it resolves to. TypeScript still keeps one type per instantiation (the
 * `next?: DeepPartial<T3>` inside it is that very type), so the reader can name it as it names
 * `Chain<Slug>`: the generic is the alias whose body holds the mapped type or object literal, its
 * arguments are the alias's type parameters as the type's mapper maps them. Read as a declaration
 * of its own (`DeepPartial_T3`), a recursive type refers to itself instead of being expanded
 * without end.
 *
 * The mapper is TypeScript's internal `TypeMapper` (stable since 4.x: kinds Simple, Array,
 * Deferred, Function, Composite, Merged); when it cannot be read, the type is not named here and
 * `cycles` below stops the recursion with a located diagnostic instead.
 */
import { Node, ts, type Type, type TypeNode as SyntaxNode, type TypeReferenceNode } from 'ts-morph';
import { declarationOf, isDefaultLib, type NamedType } from './declarations.js';

interface Mapper {
  kind: number;
  source?: ts.Type;
  target?: ts.Type;
  sources?: readonly ts.Type[];
  targets?: ReadonlyArray<ts.Type | (() => ts.Type)>;
  func?: (type: ts.Type) => ts.Type;
  mapper1?: Mapper;
  mapper2?: Mapper;
}

interface InstantiatedObject {
  objectFlags: ts.ObjectFlags;
  mapper?: Mapper;
  declaration?: ts.Node;
  symbol?: ts.Symbol;
}

/**
 * The user's generic alias and its arguments for an anonymous object the checker made by
 * instantiating the alias's body (a mapped type or an object literal in it); undefined otherwise.
 */
export function anonymousInstantiationOf(type: Type): NamedType | undefined {
  if (!type.isObject() || type.getAliasSymbol()) return undefined;
  const compiler = type.compilerType as unknown as InstantiatedObject;
  const flags = compiler.objectFlags;
  if (!(flags & (ts.ObjectFlags.Mapped | ts.ObjectFlags.Anonymous)) || !compiler.mapper) return undefined;
  const written = flags & ts.ObjectFlags.Mapped ? compiler.declaration : compiler.symbol?.declarations?.[0];
  const alias = written && enclosingAlias(written);
  // Only what the alias resolves to is the alias: `{ items: T[] }` inside `ApiResult<T>`'s body, or
  // `{ a: T }` in `{ a: T } & { b: T[] }`, is a part of it, read inline as any nested literal.
  if (!alias || !isAliasResult(written, alias)) return undefined;
  const checker = (type as unknown as { _context: { typeChecker: { compilerObject: ts.TypeChecker } } })._context.typeChecker.compilerObject;
  const wrapped = declarationOf(wrapSymbol(type, checker.getSymbolAtLocation(alias.name)));
  if (!wrapped || !Node.isTypeAliasDeclaration(wrapped) || isDefaultLib(wrapped)) return undefined;
  const typeArguments: Type[] = [];
  for (const parameter of alias.typeParameters ?? []) {
    const declared = checker.getTypeAtLocation(parameter.name);
    const argument = mapped(compiler.mapper, declared);
    // An argument still generic (a mapper this reading does not follow) names nothing.
    if (!argument || argument === declared || (argument.flags & ts.TypeFlags.TypeParameter) !== 0) return undefined;
    typeArguments.push(wrapType(type, argument));
  }
  return typeArguments.length > 0 ? { node: wrapped, typeArguments } : undefined;
}

/** The nearest generic type alias declaring `node`, when the alias is the user's (`DeepPartial`). */
function enclosingAlias(node: ts.Node): ts.TypeAliasDeclaration | undefined {
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    if (ts.isTypeAliasDeclaration(current)) return current.typeParameters && current.typeParameters.length > 0 ? current : undefined;
    // A mapped type inside an interface or a function signature belongs to it, not to an alias.
    if (ts.isInterfaceDeclaration(current) || ts.isClassLike(current) || ts.isFunctionLike(current)) return undefined;
  }
  return undefined;
}

/**
 * Whether `node` is what `alias` resolves to: its body itself, or a branch of the conditional
 * types its body is made of (`T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T`),
 * through parentheses.
 */
function isAliasResult(node: ts.Node, alias: ts.TypeAliasDeclaration): boolean {
  let current = node;
  while (current.parent && current.parent !== alias) {
    const parent = current.parent;
    const branch = ts.isConditionalTypeNode(parent) && (parent.trueType === current || parent.falseType === current);
    if (!branch && !ts.isParenthesizedTypeNode(parent)) return false;
    current = parent;
  }
  return alias.type === current;
}

/** `type` through `mapper`, as TypeScript's `getMappedType` does; undefined where that needs more than a lookup. */
function mapped(mapper: Mapper, type: ts.Type): ts.Type | undefined {
  switch (mapper.kind) {
    case 0:
      return type === mapper.source ? mapper.target : type;
    case 1:
    case 2: {
      const index = mapper.sources?.indexOf(type) ?? -1;
      if (index < 0) return type;
      const target = mapper.targets?.[index];
      if (target === undefined) return undefined;
      return typeof target === 'function' ? target() : target;
    }
    case 3:
      return mapper.func?.(type);
    case 4:
    case 5: {
      if (!mapper.mapper1 || !mapper.mapper2) return undefined;
      const first = mapped(mapper.mapper1, type);
      if (!first) return undefined;
      // Composite instantiates the first result with the second mapper: a lookup for a type parameter;
      // anything else is taken as it is (a result still generic is refused by the caller's reading).
      if (mapper.kind === 5 || first === type || first.flags & ts.TypeFlags.TypeParameter) return mapped(mapper.mapper2, first);
      return first;
    }
    default:
      return undefined;
  }
}

function wrapSymbol(anchor: Type, symbol: ts.Symbol | undefined): ReturnType<Type['getSymbolOrThrow']> | undefined {
  if (!symbol) return undefined;
  return (anchor as unknown as { _context: { compilerFactory: { getSymbol(symbol: ts.Symbol): ReturnType<Type['getSymbolOrThrow']> } } })._context.compilerFactory.getSymbol(symbol);
}

function wrapType(anchor: Type, type: ts.Type): Type {
  return (anchor as unknown as { _context: { compilerFactory: { getType(type: ts.Type): Type } } })._context.compilerFactory.getType(type);
}

/** Per declaration table: checker types named as an instantiation by their written use (`DeepReadonly<Json>`'s union). */
const remembered = new WeakMap<object, Map<ts.Type, NamedType>>();

/**
 * `DeepReadonly<Json>` written at `node`, where the checker resolved the alias into a union that
 * no longer carries it (a distributive conditional over `Json`'s members): that instantiation,
 * remembered by its checker type so that the union met again inside itself (`ReadonlyArray<…>`'s
 * items) is the same declaration. Undefined for anything else, or arguments that mention the
 * enclosing generic's parameters (their checker types are not this instantiation's).
 *
 * Only a union that can hold itself is named so: one with an object member (an array, a tuple, an
 * object). TypeScript interns unions, so a union of primitives and literals is one type wherever
 * it is met: `Not<boolean>` is `boolean` itself, `IsString<'a' | 1>` is `boolean` too, and
 * `Swap<'a' | 'b'>` is the `'a' | 'b'` of its own argument. Named, every `boolean` was that
 * instantiation, its argument included, which named it again without end (tester s7 T1).
 * The remembered name is given where no syntax wrote the union (inside the instantiation, or a
 * lib generic's reference such as `Extract<…>`); a union the user wrote elsewhere is read as written.
 */
export function writtenInstantiationOf(node: SyntaxNode | undefined, type: Type, table: object, bound: boolean): NamedType | undefined {
  if (!type.isUnion() || !type.getUnionTypes().some((member) => member.isObject() || member.isIntersection())) return undefined;
  const known = remembered.get(table)?.get(type.compilerType);
  if (!node || bound) return known;
  if (!Node.isTypeReference(node) || type.getAliasSymbol()) return undefined;
  // `Item<(A | B)[]>` written is named after Item even where `Keep<A | B | null>` made the same union first.
  const named = writtenReference(node);
  if (!named) return known;
  let map = remembered.get(table);
  if (!map) remembered.set(table, (map = new Map()));
  // The first name stays the union's where nothing writes it: one declaration reads it as itself, the others refer to that one.
  if (!known) map.set(type.compilerType, named);
  return named;
}

/** The user's generic alias and the arguments a reference writes for all its parameters (`Item<(A | B)[]>`). */
function writtenReference(node: TypeReferenceNode): NamedType | undefined {
  const declaration = declarationOf(node.getTypeName().getSymbol());
  const written = node.getTypeArguments();
  if (!declaration || !Node.isTypeAliasDeclaration(declaration) || isDefaultLib(declaration)) return undefined;
  if (written.length === 0 || written.length !== declaration.getTypeParameters().length) return undefined;
  return { node: declaration, typeArguments: written.map((argument) => argument.getType()) };
}
