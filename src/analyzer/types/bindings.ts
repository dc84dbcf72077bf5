/**
 * Type arguments as written, bound to the type parameters they fill. The checker reads
 * `Record<'eu', Code[]>` or `Box<Code>` into types where `Code` is plain `string`: the alias and
 * its tags are gone. Binding `T` to the syntax `Code[]` at the use lets the reader put it back
 * wherever the generic's own syntax says `T` (Record's `[P in K]: T`, Box's `value: T`).
 */
import { Node, ts, type Symbol as TsSymbol, type TypeNode as SyntaxNode, type TypeParameteredNode } from 'ts-morph';
import { declarationOf } from './declarations.js';
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
}

/** Type parameter declaration → the argument written for it (or, for a mapped type's key, the key). */
export type Bindings = ReadonlyMap<ts.Node, Bound | BoundKey>;

/**
 * The bindings a reference such as `Partial<Pick<User, 'id'>>` makes for the generic it names
 * (lib generics included), on top of `outer`, under which its arguments were written.
 */
export function bindingsOf(reference: SyntaxNode | undefined, outer: Bindings | undefined): Bindings | undefined {
  if (!reference || !Node.isTypeReference(reference)) return outer;
  const generic = genericOf(reference.getTypeName().getSymbol());
  if (!generic) return outer;
  const bindings = bindArguments(generic, reference.getTypeArguments(), outer);
  // `Omit<T, K>` is `Pick<T, Exclude<keyof T, K>>`: the alias's own body binds the generic it names.
  const body = Node.isTypeAliasDeclaration(generic) ? generic.getTypeNode() : undefined;
  return body && Node.isTypeReference(body) && body.getTypeArguments().length > 0 ? bindingsOf(body, bindings) : bindings;
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
 * `bindings` with a mapped type's key parameter (its declaration) bound to one key (and the
 * source property it copies, and the key it was bound for: `BoundKey.outer`).
 */
export function withKey(bindings: Bindings | undefined, parameter: ts.Node, key: ts.Type, origin?: TsSymbol, outer?: BoundKey): Bindings {
  const keyed = new Map(bindings ?? []);
  keyed.set(parameter, { key, ...(origin ? { origin } : {}), ...(outer ? { outer } : {}) });
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
