/**
 * The type arguments a declaration's `extends` clauses write, bound to the type parameters of the
 * bases they fill, at every depth. The checker reads `interface IC extends Box<Code> {}` as a
 * `Box<string>`: the inherited `value: T` is a plain `string`, and `Code`'s tags are gone (tester8
 * F9, F12, F8). Bound, `T` is the syntax `Code` again wherever a base's own syntax says `T`, as it
 * is for the property type `b: Box<Code>` (bindings.ts). Followed: interfaces and classes, several
 * clauses, several levels (`A extends B<Code>`, `B<T> extends C<T[]>`), defaults (`D<T = Code>`
 * extended as `D`), type-alias bases (`type ItemCrud = Crud<Item>`, an intersection of references)
 * and mapped-type bases (`extends Nullable<Item>`, whose template's `T[K]` is then `Item`'s property).
 * Not followed: a class extending an expression (a mixin call `extends Timestamped(Base)`), whose
 * arguments the checker alone knows; CG2021 still says where an alias is lost there.
 */
import { Node, SyntaxKind, type ts, type TypeNode as SyntaxNode } from 'ts-morph';
import { bindArguments, genericOf, type Bindings, type Bound, type BoundKey } from './bindings.js';

type Binding = Map<ts.Node, Bound | BoundKey>;

/** Bases followed through alias bodies and heritage clauses: a cycle of them is a checker error. */
const DEPTH = 32;

/**
 * `outer` (the bindings the declaration itself is read under, for an instantiation) plus what
 * the heritage clauses of `node` bind, at every depth. The nearest clause wins a parameter bound
 * twice (`interface A extends B<Code>, C {}` with `C extends B<string>`), as TypeScript takes the
 * first base's member. `outer` itself when no clause writes an argument.
 */
export function heritageBindings(node: Node, outer: Bindings | undefined): Bindings | undefined {
  const into = new Map(outer ?? []);
  bindHeritage(node, outer, into, new Set(), DEPTH);
  return into.size === (outer?.size ?? 0) ? outer : into;
}

/** Binds the bases each `extends` clause of an interface or a class names (not `implements`: it copies nothing). */
function bindHeritage(node: Node, under: Bindings | undefined, into: Binding, seen: Set<Node>, depth: number): void {
  if (!Node.isInterfaceDeclaration(node) && !Node.isClassDeclaration(node) && !Node.isClassExpression(node)) return;
  for (const clause of node.getHeritageClauses()) {
    if (clause.getToken() !== SyntaxKind.ExtendsKeyword) continue;
    for (const base of clause.getTypeNodes()) bindBase(base.getExpression(), base.getTypeArguments(), under, into, seen, depth);
  }
}

/** Binds the generic `name` refers to with `written`, then what its own bases or alias body bind. */
function bindBase(name: Node, written: readonly SyntaxNode[], under: Bindings | undefined, into: Binding, seen: Set<Node>, depth: number): void {
  const generic = Node.isIdentifier(name) || Node.isPropertyAccessExpression(name) || Node.isQualifiedName(name) ? genericOf(name.getSymbol()) : undefined;
  if (!generic || seen.has(generic) || depth === 0) return;
  seen.add(generic);
  const bindings = bindArguments(generic, written, under);
  for (const [parameter, bound] of bindings ?? []) if (!into.has(parameter)) into.set(parameter, bound);
  if (Node.isTypeAliasDeclaration(generic)) bindAliasBody(generic.getTypeNode(), bindings, into, seen, depth - 1);
  else bindHeritage(generic, bindings, into, seen, depth - 1);
}

/** `type ItemCrud = Crud<Item>`, `type Both = Crud<Item> & Audited<Code>`: the references an alias's body writes. */
function bindAliasBody(body: SyntaxNode | undefined, under: Bindings | undefined, into: Binding, seen: Set<Node>, depth: number): void {
  if (!body) return;
  if (Node.isParenthesizedTypeNode(body)) return bindAliasBody(body.getTypeNode(), under, into, seen, depth);
  if (Node.isIntersectionTypeNode(body)) return body.getTypeNodes().forEach((member) => bindAliasBody(member, under, into, seen, depth));
  if (Node.isTypeReference(body)) bindBase(body.getTypeName(), body.getTypeArguments(), under, into, seen, depth);
}
