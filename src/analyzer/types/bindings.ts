/**
 * Type arguments as written, bound to the type parameters they fill. The checker reads
 * `Record<'eu', Code[]>` or `Box<Code>` into types where `Code` is plain `string`: the alias and
 * its tags are gone. Binding `T` to the syntax `Code[]` at the use lets the reader put it back
 * wherever the generic's own syntax says `T` (Record's `[P in K]: T`, Box's `value: T`).
 */
import { Node, ts, type TypeNode as SyntaxNode } from 'ts-morph';
import { declarationOf } from './declarations.js';

/** What a type parameter stands for: the argument's syntax, and the bindings it was written under. */
export interface Bound {
  node: SyntaxNode;
  bindings: Bindings | undefined;
}

/** Type parameter declaration → the argument written for it. */
export type Bindings = ReadonlyMap<ts.Node, Bound>;

/**
 * The bindings a reference such as `Partial<Pick<User, 'id'>>` makes for the generic it names
 * (lib generics included), on top of `outer`, under which its arguments were written.
 */
export function bindingsOf(reference: SyntaxNode | undefined, outer: Bindings | undefined): Bindings | undefined {
  if (!reference || !Node.isTypeReference(reference)) return outer;
  const written = reference.getTypeArguments();
  if (written.length === 0) return outer;
  const symbol = reference.getTypeName().getSymbol();
  const target = symbol?.isAlias() ? symbol.getAliasedSymbol() : symbol;
  const generic = target?.getDeclarations().find((node) => Node.isTypeParametered(node)) ?? declarationOf(symbol);
  if (!generic || !Node.isTypeParametered(generic)) return outer;
  const bindings = new Map(outer ?? []);
  generic.getTypeParameters().forEach((parameter, index) => {
    const argument = written[index];
    if (argument) bindings.set(parameter.compilerNode, { node: argument, bindings: outer });
  });
  return bindings;
}

/** The written argument when `node` names a bound type parameter (through parentheses), else undefined. */
export function boundArgument(node: SyntaxNode | undefined, bindings: Bindings | undefined): Bound | undefined {
  if (!node || !bindings) return undefined;
  if (Node.isParenthesizedTypeNode(node)) return boundArgument(node.getTypeNode(), bindings);
  if (!Node.isTypeReference(node) || node.getTypeArguments().length > 0) return undefined;
  const parameter = node.getTypeName().getSymbol()?.getDeclarations()[0];
  if (!parameter || !Node.isTypeParameterDeclaration(parameter)) return undefined;
  const bound = bindings.get(parameter.compilerNode);
  if (!bound) return undefined;
  // An argument may itself be a parameter of an enclosing generic (`Page<T>` inside `Wrap<T>`).
  return boundArgument(bound.node, bound.bindings) ?? bound;
}

/** True when `node` mentions a type parameter that `bindings` binds. */
export function mentionsBound(node: SyntaxNode, bindings: Bindings | undefined): boolean {
  if (!bindings || bindings.size === 0) return false;
  if (boundArgument(node, bindings)) return true;
  return node.getDescendantsOfKind(ts.SyntaxKind.TypeReference).some((reference) => boundArgument(reference, bindings) !== undefined);
}
