/**
 * Type arguments as written, bound to the type parameters they fill. The checker reads
 * `Record<'eu', Code[]>` or `Box<Code>` into types where `Code` is plain `string`: the alias and
 * its tags are gone. Binding `T` to the syntax `Code[]` at the use lets the reader put it back
 * wherever the generic's own syntax says `T` (Record's `[P in K]: T`, Box's `value: T`).
 */
import { Node, ts, type Symbol as TsSymbol, type Type, type TypeNode as SyntaxNode, type TypeParameteredNode } from 'ts-morph';
import { declarationOf } from './declarations.js';
import { baseBindings } from './heritage-bindings.js';
import { keyedProperty } from './keyed-property.js';

/** What a type parameter stands for: the argument's syntax, and the bindings it was written under. */
export interface Bound {
  node: SyntaxNode;
  bindings: Bindings | undefined;
}

/**
 * A mapped type's key parameter, bound to the one key a property of it was made for: `K` is
 * `'code'` while the property `code` of `{ [K in keyof T]: T[K] | null }` is read. It writes no
 * type of its own; what it does is let `T[K]` (and `Src[K]`) stand for the property `code` as
 * `T`'s argument wrote it (`code: Code`), so the alias and its constraints reach the template.
 */
export interface BoundKey {
  key: ts.Type;
  /**
   * The source's property the checker made this one from (its `syntheticOrigin`: `Item`'s `code`
   * for `Nullable<Item>`'s `code`), when the mapped type is homomorphic (`[K in keyof T]`). It
   * stands for `T[K]` where `T` is bound to no written argument (keyed-property.ts).
   */
  origin?: TsSymbol;
  /**
   * The key this one was bound for: `K` of `Nullable<T>` read for `Form<Nullable<User>>`'s `name`
   * while `Form`'s own `K` is `'name'`. A `T[K]` indexed by it still names the value of the
   * property made for `outer` (keyed-values.ts).
   */
  outer?: BoundKey;
  /**
   * The checker's source type `origin` belongs to, whose classes' `extends` clauses bind what it
   * declares in a generic base (`Partial<CreateDto>` of NestJS's `PartialType(CreateDto)`, CreateDto's
   * `extends BaseDto<Code>`): heritage-bindings.ts.
   */
  originOwner?: Type;
}

/** Type parameter declaration → the argument written for it (or, for a mapped type's key, the key). */
export type Bindings = ReadonlyMap<ts.Node, Bound | BoundKey>;

/** Aliases and intersections followed to the references they name (a cycle of aliases is a checker error). */
const DEPTH = 32;

/**
 * The bindings a reference such as `Partial<Pick<User, 'id'>>` makes for the generic it names
 * (lib generics included), on top of `outer`, under which its arguments were written; for an
 * interface or a class, with what its `extends` clauses bind (`Sub` of `interface Sub extends
 * Base<Code>`: Base's `T` is `Code`, so `Partial<Sub>`'s `code` is too), through aliases
 * (`type SubAlias = Sub`) and intersections (`Partial<Sub & Extra>`).
 */
export function bindingsOf(reference: SyntaxNode | undefined, outer: Bindings | undefined, depth = DEPTH): Bindings | undefined {
  if (!reference || depth === 0) return outer;
  if (Node.isParenthesizedTypeNode(reference)) return bindingsOf(reference.getTypeNode(), outer, depth - 1);
  if (Node.isIntersectionTypeNode(reference)) return reference.getTypeNodes().reduce((bindings, member) => bindingsOf(member, bindings, depth - 1), outer);
  if (!Node.isTypeReference(reference)) return outer;
  const generic = genericOf(reference.getTypeName().getSymbol());
  if (!generic) return outer;
  const bindings = bindArguments(generic, reference.getTypeArguments(), outer);
  if (Node.isInterfaceDeclaration(generic) || Node.isClassDeclaration(generic)) return baseBindings(generic, bindings);
  // `Omit<T, K>` is `Pick<T, Exclude<keyof T, K>>`: the alias's own body binds the generic it names.
  const body = Node.isTypeAliasDeclaration(generic) ? generic.getTypeNode() : undefined;
  return body ? bindingsOf(body, bindings, depth - 1) : bindings;
}

/** The declaration with type parameters a name refers to (through an import alias), else undefined. */
export function genericOf(symbol: TsSymbol | undefined): (Node & TypeParameteredNode) | undefined {
  const target = symbol?.isAlias() ? symbol.getAliasedSymbol() : symbol;
  const generic = target?.getDeclarations().find((node) => Node.isTypeParametered(node)) ?? declarationOf(symbol);
  return generic && Node.isTypeParametered(generic) ? generic : undefined;
}

/**
 * `outer` plus `generic`'s type parameters bound to the `written` arguments (read under `outer`),
 * a parameter left out to its default (read under the bindings so far: `B = A[]`). `outer`
 * itself when nothing is written and no parameter has a default.
 */
export function bindArguments(generic: TypeParameteredNode, written: readonly SyntaxNode[], outer: Bindings | undefined): Bindings | undefined {
  const parameters = generic.getTypeParameters();
  if (written.length === 0 && !parameters.some((parameter) => parameter.getDefault())) return outer;
  const bindings = new Map(outer ?? []);
  parameters.forEach((parameter, index) => {
    const argument = written[index];
    // `interface D<T = Code>` used as `D`: the default is written too (under the bindings so far: `B = A[]`).
    const fallback = argument ? undefined : parameter.getDefault();
    if (argument) bindings.set(parameter.compilerNode, { node: argument, bindings: outer });
    else if (fallback) bindings.set(parameter.compilerNode, { node: fallback, bindings: new Map(bindings) });
  });
  return bindings;
}

/**
 * `bindings` with a mapped type's key parameter (its declaration) bound to one key (and the source
 * property it copies, with the bindings its `extends` clauses make; and the key it was bound for:
 * `BoundKey.outer`).
 */
export function withKey(bindings: Bindings | undefined, parameter: ts.Node, key: ts.Type, origin?: { symbol: TsSymbol; owner: Type | undefined }, outer?: BoundKey): Bindings {
  const keyed = new Map(bindings ?? []);
  keyed.set(parameter, {
    key,
    ...(origin ? { origin: origin.symbol } : {}),
    ...(origin?.owner ? { originOwner: origin.owner } : {}),
    ...(outer ? { outer } : {}),
  });
  return keyed;
}

/**
 * The written argument when `node` names a bound type parameter (through parentheses), or the
 * written type of the property an indexed access by a bound key names (`T[K]` with `K` = `'code'`
 * and `T` bound to `Src`: `Src`'s `code: Code`); else undefined.
 */
export function boundArgument(node: SyntaxNode | undefined, bindings: Bindings | undefined): Bound | undefined {
  if (!node || !bindings) return undefined;
  if (Node.isParenthesizedTypeNode(node)) return boundArgument(node.getTypeNode(), bindings);
  if (Node.isIndexedAccessTypeNode(node)) return keyedProperty(node, bindings);
  const bound = boundParameter(node, bindings);
  if (!bound || 'key' in bound) return undefined;
  // An argument may itself be a parameter of an enclosing generic (`Page<T>` inside `Wrap<T>`).
  return boundArgument(bound.node, bound.bindings) ?? bound;
}

/** What `bindings` binds the type parameter a bare reference `node` names to (`T`, `K`), else undefined. */
export function boundParameter(node: SyntaxNode, bindings: Bindings): Bound | BoundKey | undefined {
  if (!Node.isTypeReference(node) || node.getTypeArguments().length > 0) return undefined;
  const parameter = node.getTypeName().getSymbol()?.getDeclarations()[0];
  if (!parameter || !Node.isTypeParameterDeclaration(parameter)) return undefined;
  return bindings.get(parameter.compilerNode);
}

/** True when `node` mentions a type parameter that `bindings` binds (or indexes by a bound key: `Src[K]`). */
export function mentionsBound(node: SyntaxNode, bindings: Bindings | undefined): boolean {
  if (!bindings || bindings.size === 0) return false;
  if (boundArgument(node, bindings)) return true;
  let found = false;
  node.forEachDescendant((child, traversal) => {
    if ((Node.isTypeReference(child) || Node.isIndexedAccessTypeNode(child)) && boundArgument(child as SyntaxNode, bindings) !== undefined) {
      found = true;
      traversal.stop();
    }
  });
  return found;
}

/**
 * How many of `generic`'s type parameters `bindings` bind to written syntax, rather than to the
 * unbound parameter of an enclosing generic (`Picks<T>` met in `Holds<T>`'s body, read where no
 * clause wrote `Holds`' argument). An instantiation is read with the bindings that write most
 * (declaration-table.ts).
 */
export function writtenParameterCount(generic: Node, bindings: Bindings | undefined): number {
  if (!bindings || !Node.isTypeParametered(generic)) return 0;
  return generic.getTypeParameters().filter((parameter) => {
    const bound = bindings.get(parameter.compilerNode);
    if (!bound || 'key' in bound) return false;
    const end = boundArgument(bound.node, bound.bindings) ?? bound;
    return !end.node.getType().isTypeParameter();
  }).length;
}

/**
 * True when `node` names a type parameter that nothing binds (through what `bindings` bind its
 * parameters to), other than one it declares itself (`<U>(x: U) => U`, a mapped type's key). Such
 * syntax has no meaning of its own where it is read: `interface Sub2<X> extends Base<X>` read as
 * the checker's `Sub2<string>`, whose `X` no written argument fills.
 */
export function mentionsFreeParameter(node: SyntaxNode, bindings: Bindings | undefined, depth = 16): boolean {
  let free = false;
  const visit = (reference: Node): void => {
    if (!Node.isTypeReference(reference)) return;
    const parameter = reference.getTypeName().getSymbol()?.getDeclarations()[0];
    if (!parameter || !Node.isTypeParameterDeclaration(parameter) || declaredWithin(parameter, node)) return;
    const bound = bindings?.get(parameter.compilerNode);
    if (!bound) free = true;
    else if (!('key' in bound) && depth > 0 && mentionsFreeParameter(bound.node, bound.bindings, depth - 1)) free = true;
  };
  visit(node);
  if (!free) {
    node.forEachDescendant((child, traversal) => {
      visit(child);
      if (free) traversal.stop();
    });
  }
  return free;
}

function declaredWithin(declaration: Node, node: Node): boolean {
  return declaration.getSourceFile() === node.getSourceFile() && declaration.getPos() >= node.getPos() && declaration.getEnd() <= node.getEnd();
}
